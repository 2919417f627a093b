/**
 * The only way the card turns record data into link targets: https URLs, parsed and
 * re-serialised, nothing else. The background validates records too; this is the last gate.
 */

export function safeHttpsUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' && url.username === '' && url.password === '' ? url.href : null;
  } catch {
    return null;
  }
}

/** A source's host without "www.", for link text ("memopzk.org"). */
export function hostLabel(url: string): string {
  return new URL(url).hostname.replace(/^www\./, '');
}

/**
 * Where "report an error" goes. The link carries the record id and nothing about the page the
 * reader is on, so reporting reveals only which person the report is about.
 */
export const ISSUE_TRACKER_NEW_URL = 'https://github.com/not-alone-extension/not-alone/issues/new';

export function reportErrorUrl(recordId: string): string {
  const url = new URL(ISSUE_TRACKER_NEW_URL);
  url.searchParams.set('title', `Record ${recordId}: `);
  url.searchParams.set('body', `Record id: ${recordId}\n\nWhat is wrong, and a source that shows it:\n`);
  return url.href;
}
