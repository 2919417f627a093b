/**
 * The reader's own news sites, as host match patterns: turning what the reader typed into the
 * pattern the browser is asked for, and picking the reader's sites out of everything the
 * extension has been granted. Pure, so the options page, the background and unit tests share it.
 *
 * A site is one exact host over https (`https://news.example/*`): no wildcards, no plain http,
 * no IP addresses or local names. An address with a port or a path is reduced to its host.
 */

/** Why an address cannot be added; the options page words each one. */
export type SiteProblem =
  | 'empty'
  /** http:, file:, chrome:, javascript: … : only https pages are read. */
  | 'not-https'
  /** `*.example.org`: one site at a time, so the reader knows exactly what they allowed. */
  | 'wildcard'
  /** An IP address, localhost or a name without a dot: a device or an intranet, not a news site. */
  | 'not-public'
  | 'invalid'
  /** One of the sites Not Alone reads anyway. */
  | 'built-in'
  | 'already-added';

export type SiteInput = { ok: true; host: string; pattern: string } | { ok: false; problem: SiteProblem };

export interface SiteContext {
  /** Patterns the extension holds from its manifest (the built-in news sites, the index origin). */
  included: readonly string[];
  /** The reader's sites already added, as patterns. */
  added: readonly string[];
}

/** A scheme at the start, told apart from a host followed by a port ("example.org:8443"). */
const SCHEME = /^([a-z][a-z0-9+.-]*):(?!\d+(?:[/?#]|$))/i;
const LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;
const LOCAL_SUFFIXES = ['.localhost', '.local', '.internal', '.home.arpa'];

/** The match pattern for one host. */
export function sitePattern(host: string): string {
  return `https://${host}/*`;
}

/** The host of a pattern made by `sitePattern`, or null for anything else. */
export function patternHost(pattern: string): string | null {
  const m = /^https:\/\/([^/]+)\/\*$/.exec(pattern);
  const host = m?.[1];
  return host !== undefined && hostProblem(host) === null ? host : null;
}

/** Reads an address the reader typed: a bare host, or any https URL on that site. */
export function parseSiteInput(input: string, context: SiteContext): SiteInput {
  const text = input.trim();
  if (text === '') return { ok: false, problem: 'empty' };
  const scheme = SCHEME.exec(text)?.[1];
  if (scheme !== undefined && scheme.toLowerCase() !== 'https') return { ok: false, problem: 'not-https' };
  let url: URL;
  try {
    url = new URL(scheme === undefined ? `https://${text}` : text);
  } catch {
    return { ok: false, problem: text.includes('*') ? 'wildcard' : 'invalid' };
  }
  // The URL parser lower-cases the host and writes an international name in punycode.
  const host = url.hostname.replace(/\.$/, '');
  const problem = hostProblem(host);
  if (problem) return { ok: false, problem };
  const pattern = sitePattern(host);
  if (context.included.includes(pattern)) return { ok: false, problem: 'built-in' };
  if (context.added.includes(pattern)) return { ok: false, problem: 'already-added' };
  return { ok: true, host, pattern };
}

/**
 * The reader's sites among the origins the browser granted: exact-host https patterns, minus
 * what the manifest includes anyway. Anything broader (`https://*\/*`, which Firefox lets the
 * reader switch on in its add-on manager) is not a site and is left out. Sorted, no repeats.
 */
export function customSitePatterns(granted: readonly string[], included: readonly string[]): string[] {
  const sites = granted.filter((p) => patternHost(p) !== null && !included.includes(p));
  return [...new Set(sites)].sort();
}

function hostProblem(host: string): SiteProblem | null {
  if (host.includes('*')) return 'wildcard';
  if (host === '' || host.length > 253) return 'invalid';
  if (host.startsWith('[') || /^\d+(\.\d+){3}$/.test(host)) return 'not-public';
  if (host === 'localhost' || LOCAL_SUFFIXES.some((s) => host.endsWith(s))) return 'not-public';
  const labels = host.split('.');
  if (!labels.every((label) => LABEL.test(label))) return 'invalid';
  if (labels.length < 2) return 'not-public';
  return null;
}
