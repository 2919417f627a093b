/**
 * Telling Chromium's own traffic from the extension's. Even with --disable-background-networking
 * and --disable-component-update, Debian's Chromium 156 was seen calling
 *   https://accounts.google.com/ListAccounts…          (Origin: https://www.google.com)
 *   https://update.googleapis.com/service/update2/json… (and the same over http)
 * within seconds of launch. Playwright's context.on('request') never reports these (they come
 * from the browser process, not from a page or worker), so ExtensionBrowser.browserRequests is
 * the clean list; server.requests holds everything and needs this filter.
 */
import type { RecordedRequest } from './server';

/** Google service domains the browser process talks to on its own. */
const BROWSER_SERVICE_HOST = /(^|\.)(google\.com|googleapis\.com|gvt1\.com|gvt2\.com|gstatic\.com|googleusercontent\.com)$/;

/** True for a request the browser made for itself (sign-in, updates), not a page or extension. */
export function isBrowserOwnRequest(r: Pick<RecordedRequest, 'host'>): boolean {
  return BROWSER_SERVICE_HOST.test(r.host);
}
