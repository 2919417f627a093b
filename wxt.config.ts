import { readFileSync } from 'node:fs';
import { defineConfig } from 'wxt';

// The news sites Not Alone reads. Content-script matches and host access come from this one list.
export const NEWS_SITES = [
  'freedomnews.org.uk',
  'www.freedomnews.org.uk',
  'ovd.info',
  'www.ovd.info',
  'en.ovdinfo.org',
  'ovdinfo.org',
  'zona.media',
  'en.zona.media',
];

/**
 * Where the background downloads the signed index (index.json, with index.json.sig beside it).
 * A fork publishing its own index builds with NOT_ALONE_INDEX_URL and NOT_ALONE_INDEX_PUBKEY.
 */
export const DEFAULT_INDEX_URL = 'https://not-alone-extension.github.io/index/index.json';
/**
 * Base64 of the raw 32-byte Ed25519 public key the index must be signed with.
 *
 * WARNING: no production key pair exists yet, so the default is the committed TEST key
 * (scripts/index/test-keys/). Its private half is in the repository: anyone can sign an index
 * a default build accepts, so until a real key is set the signature adds nothing over HTTPS to
 * the index host. A release must be built with NOT_ALONE_INDEX_PUBKEY set to the production
 * key. See DEVELOPERS.md and PRIVACY.md.
 */
// Read relative to the working directory: wxt and vitest both run from the repository root.
export const TEST_INDEX_PUBKEY = readFileSync('scripts/index/test-keys/TEST-ONLY-public-key.raw.b64', 'utf8').trim();
export const DEFAULT_INDEX_PUBKEY = TEST_INDEX_PUBKEY;

export const INDEX_URL = process.env.NOT_ALONE_INDEX_URL || DEFAULT_INDEX_URL;
export const INDEX_PUBKEY = process.env.NOT_ALONE_INDEX_PUBKEY || DEFAULT_INDEX_PUBKEY;
if (INDEX_PUBKEY === TEST_INDEX_PUBKEY && process.env.NOT_ALONE_QUIET_TEST_KEY !== '1') {
  console.warn('\n  Not Alone: this build trusts the TEST index signing key. Set NOT_ALONE_INDEX_PUBKEY for a release.\n');
}

function indexOriginPattern(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:') throw new Error(`NOT_ALONE_INDEX_URL must be https, got ${url}`);
  return `${parsed.origin}/*`;
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
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
    // The news sites, and the index origin: the only host the extension itself ever contacts.
    host_permissions: [...NEWS_SITES.map((h) => `https://${h}/*`), indexOriginPattern(INDEX_URL)],
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
