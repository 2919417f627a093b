/** Where the e2e harness finds the repo, the fixtures, the built extension and its outputs. */
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const PAGES_DIR = path.join(REPO_ROOT, 'tests/e2e/fixtures/pages');
export const TEST_RESULTS_DIR = path.join(REPO_ROOT, 'test-results');
export const SCREENSHOTS_DIR = path.join(TEST_RESULTS_DIR, 'screenshots');
export const CERT_DIR = path.join(TEST_RESULTS_DIR, 'e2e-cert');
export const DEFAULT_EXTENSION_DIR = path.join(REPO_ROOT, '.output/chrome-mv3');
/**
 * The e2e copy of the build, trusting the committed TEST signing key (scripts/test.mjs builds it;
 * the real build trusts no key). Suites that refresh the index load it; NOT_ALONE_E2E_EXTENSION_DIR
 * names another copy.
 */
export const E2E_EXTENSION_DIR = process.env.NOT_ALONE_E2E_EXTENSION_DIR || path.join(REPO_ROOT, '.output/e2e/chrome-mv3');
/** Debian's wrapper script; CHROMIUM_PATH overrides it (e.g. /usr/lib/chromium/chromium). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
