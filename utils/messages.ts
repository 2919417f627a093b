/**
 * Messages between the content script / popup and the background. The background owns the
 * index in use (bundled or downloaded); other contexts ask it rather than each loading it.
 */
import type { PrisonerRecord } from '@/lib/index-schema';
import type { CustomSitesSync } from './custom-sites';
import type { RefreshOutcome } from './refresh';

export type Request =
  /** Content script start: the matcher's tables for the index in use, as JSON text. */
  | { type: 'getMatcher' }
  /** Card details for the ids of one mark (namesakes give several). */
  | { type: 'getRecords'; ids: string[] }
  /** Content script reports who it marked on this tab (for the toolbar badge and the popup). */
  | { type: 'marked'; ids: string[] }
  /** Popup: the people marked on a tab. */
  | { type: 'getMarked'; tabId: number }
  /** Popup's "Refresh now": check for a newer signed index at once. */
  | { type: 'refreshNow' }
  /** Options page, after adding or removing a site: register the content script for the sites granted now. */
  | { type: 'syncCustomSites' };

export interface Responses {
  /** JSON text of `MatcherTables`. */
  getMatcher: string;
  getRecords: PrisonerRecord[];
  marked: { ok: true };
  getMarked: { ids: string[] };
  refreshNow: RefreshOutcome;
  syncCustomSites: CustomSitesSync;
}

export type Response<T extends Request['type']> = Responses[T];

/** Every request type, for telling our messages from others at run time (the compiler keeps it complete). */
const REQUEST_TYPES: Record<Request['type'], true> = {
  getMatcher: true,
  getRecords: true,
  marked: true,
  getMarked: true,
  refreshNow: true,
  syncCustomSites: true,
};

/** Whether a message is one of our requests (its fields are checked where they are used). */
export function isRequest(message: unknown): message is Request {
  const type = (message as { type?: unknown } | null)?.type;
  return typeof type === 'string' && Object.hasOwn(REQUEST_TYPES, type);
}

/**
 * Messages to the content script of one tab (`tabs.sendMessage`), answered by that tab.
 * `focusMark` is the popup's "Show on the page": scroll to and focus the first mark of the
 * person with this record id (what `getMarked` lists).
 */
export type TabMessage = { type: 'focusMark'; id: string };

export interface TabReplies {
  /** Whether a mark of that person was found and focused. */
  focusMark: { ok: boolean };
}

/**
 * From the background to every tab (`tellEveryTab`), taken by our content script where it runs:
 * - `accessEnded`: the browser took site access back (the reader removed a site, or withheld
 *   it in the browser's settings); a page on one of these patterns stops marking now rather
 *   than at its next load;
 * - `indexChanged`: a newer index was accepted; open pages match with it and forget the
 *   records they kept, so a changed status shows without a reload.
 */
export type BroadcastMessage = { type: 'accessEnded'; origins: string[] } | { type: 'indexChanged' };

export function isBroadcastMessage(message: unknown): message is BroadcastMessage {
  const m = message as { type?: unknown; origins?: unknown } | null;
  if (typeof m !== 'object' || m === null) return false;
  if (m.type === 'indexChanged') return true;
  return m.type === 'accessEnded' && Array.isArray(m.origins) && m.origins.every((o) => typeof o === 'string');
}

export type FocusMarkMessage = Extract<TabMessage, { type: 'focusMark' }>;
export type FocusMarkReply = TabReplies['focusMark'];

/** Typed wrapper around runtime.sendMessage. */
export async function ask<R extends Request>(request: R): Promise<Response<R['type']>> {
  return (await browser.runtime.sendMessage(request)) as Response<R['type']>;
}
