/** The e2e harness: a recording HTTPS server for every host, and Chromium with the extension. See README.md. */
import { mkdirSync } from 'node:fs';
import { SCREENSHOTS_DIR } from './paths';

export { startServer, type RecordedRequest, type Route, type RouteHandler, type TestServer } from './server';
export { launchExtension, type BrowserRequest, type ExtensionBrowser, type LaunchOptions } from './browser';
export { isBrowserOwnRequest } from './traffic';
export { useExtension, type ExtensionSuite, type SuiteOptions } from './suite';
export { PAGES_DIR, REPO_ROOT, DEFAULT_EXTENSION_DIR, E2E_EXTENSION_DIR } from './paths';

// Playwright makes missing folders for screenshot paths itself; this is for other writers.
mkdirSync(SCREENSHOTS_DIR, { recursive: true });
export { SCREENSHOTS_DIR };
