/**
 * The news sites Not Alone reads. The manifest's content-script matches and host access
 * (wxt.config.ts) and the content script's own `matches` all come from this one list.
 * Pure data, so both build code and the page bundle can import it.
 */
import { sitePattern } from './site-pattern';

export const NEWS_SITES: readonly string[] = [
  'freedomnews.org.uk',
  'www.freedomnews.org.uk',
  'ovd.info',
  'www.ovd.info',
  'en.ovdinfo.org',
  'ovdinfo.org',
  'zona.media',
  'en.zona.media',
];

/** Match patterns for the news sites, https only (the same form as a site the reader adds). */
export const NEWS_SITE_MATCHES: string[] = NEWS_SITES.map(sitePattern);
