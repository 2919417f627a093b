import { existsSync, readFileSync } from 'node:fs';
import { defineConfig } from 'wxt';
import { NEWS_SITES, NEWS_SITE_MATCHES } from './lib/news-sites';

// The news sites Not Alone reads (lib/news-sites.ts); re-exported for tests that compare against it.
export { NEWS_SITES };

/**
 * Where the background downloads the signed index (index.json, with index.json.sig beside it).
 * A fork publishing its own index builds with NOT_ALONE_INDEX_URL and NOT_ALONE_INDEX_PUBKEY.
 */
export const DEFAULT_INDEX_URL = 'https://not-alone-extension.github.io/index/index.json';
/**
 * Base64 of the raw 32-byte Ed25519 public key a downloaded index must be signed with.
 *
 * There is no default: a build made without NOT_ALONE_INDEX_PUBKEY trusts no key, never
 * downloads an index and works with the bundled one only (the popup says updates are not
 * configured). A release sets the production key; the e2e tests build a separate copy with
 * the committed TEST key (scripts/test.mjs). See docs/index-publishing.md, "Trusted key in builds".
 */
export const INDEX_PUBKEY = checkPublicKey((process.env.NOT_ALONE_INDEX_PUBKEY ?? '').trim());
export const INDEX_URL = process.env.NOT_ALONE_INDEX_URL || DEFAULT_INDEX_URL;
/** Whether this build downloads index updates at all. */
export const INDEX_UPDATES = INDEX_PUBKEY !== '';

/**
 * Where the build goes: `.output/chrome-mv3` by default. NOT_ALONE_OUT_DIR moves the whole
 * output folder, so the test-key build (`.output/e2e/chrome-mv3`) never replaces the real one.
 */
export const OUT_DIR = process.env.NOT_ALONE_OUT_DIR || '.output';

// Read relative to the working directory: wxt and vitest both run from the repository root.
const TEST_KEY_FILE = 'scripts/index/test-keys/TEST-ONLY-public-key.raw.b64';
if (INDEX_PUBKEY !== '' && existsSync(TEST_KEY_FILE) && INDEX_PUBKEY === readFileSync(TEST_KEY_FILE, 'utf8').trim()) {
  console.warn('\n  Not Alone: this build trusts the TEST index signing key (its private half is public). Never ship it.\n');
}

/** A typo in the key would make every update fail quietly: refuse to build with one instead. */
function checkPublicKey(key: string): string {
  if (key === '') return key;
  if (!/^[A-Za-z0-9+/]{43}=$/.test(key) || Buffer.from(key, 'base64').length !== 32) {
    throw new Error('NOT_ALONE_INDEX_PUBKEY must be the base64 of a raw 32-byte Ed25519 public key (44 characters)');
  }
  return key;
}

function indexOriginPattern(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:') throw new Error(`NOT_ALONE_INDEX_URL must be https, got ${url}`);
  return `${parsed.origin}/*`;
}

export default defineConfig({
  outDir: OUT_DIR,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    // Function names kept for `npm run bench:profile -- --cold`, which profiles the real build.
    ...(process.env.NOT_ALONE_NO_MINIFY === '1' && { build: { minify: false } }),
    define: {
      'import.meta.env.NOT_ALONE_INDEX_URL': JSON.stringify(INDEX_URL),
      'import.meta.env.NOT_ALONE_INDEX_PUBKEY': JSON.stringify(INDEX_PUBKEY),
    },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms'],
    // The news sites, and the index origin: the only host the extension itself ever contacts
    // (left out of a build that trusts no key, since it never downloads).
    host_permissions: [...NEWS_SITE_MATCHES, ...(INDEX_UPDATES ? [indexOriginPattern(INDEX_URL)] : [])],
    // Nothing here is granted at install. A news site the reader adds in the options is asked
    // for then, one exact host at a time, with 'scripting' to register the content script
    // there (utils/custom-sites.ts); removing the site gives both back.
    optional_permissions: ['scripting'],
    optional_host_permissions: ['https://*/*'],
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'not-alone@not-alone.invalid',
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
});
