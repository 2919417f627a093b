/**
 * The matcher's tables for the index in use, kept in `storage.local` by the background so that
 * a page's content script reads them directly. Asking the background instead means waking its
 * worker and a message round trip; on a loading page that took 44–62 ms.
 *
 * The copy is a cache, never the authority: it carries a stamp saying which build and which
 * index it was made from, and a content script uses it only when the stamp fits the index
 * pointer it reads in the same call (entrypoints/content/start-read.ts). Anything else (no
 * copy yet, an index accepted since, a new extension version) falls back to asking the
 * background, which writes a fresh copy.
 */
import { browser, storage } from '#imports';
import { fnv1a } from '@/lib/fnv';
import { TABLES_FORMAT } from '@/lib/matcher';
import { POINTER_KEY, type StoredIndexPointer } from './index-pointer';
import type { ActiveIndex } from './index-store';

export const TABLES_KEY = 'local:matcher.tables' as const;
/** Written after the tables and removed before them, so a stamp read always fits its tables. */
export const STAMP_KEY = 'local:matcher.stamp' as const;

export interface TablesStamp {
  /** Shape of the tables (lib/matcher.ts). */
  format: number;
  /** Extension version that wrote them: an update may bring a new bundled index or matcher. */
  extension: string;
  /** SHA-256 of the downloaded index in use, or 'bundled'. */
  index: string;
  /** Hash of the tables text, so the background rewrites only what changed. */
  hash: string;
}

const indexTag = (pointer: StoredIndexPointer | null): string => pointer?.sha256 ?? 'bundled';

function stampFor(active: ActiveIndex, json: string): TablesStamp {
  return {
    format: TABLES_FORMAT,
    extension: browser.runtime.getManifest().version,
    index: indexTag(active.source === 'downloaded' ? active.pointer : null),
    hash: fnv1a(json).toString(36),
  };
}

function sameStamp(a: TablesStamp | null, b: TablesStamp): boolean {
  return !!a && a.format === b.format && a.extension === b.extension && a.index === b.index && a.hash === b.hash;
}

/** Background: stores the tables of the index in use, unless the stored copy is already them. */
export async function storeMatcherTables(active: ActiveIndex, json: string): Promise<boolean> {
  const stamp = stampFor(active, json);
  if (sameStamp(await storage.getItem<TablesStamp>(STAMP_KEY), stamp)) return false;
  await storage.removeItem(STAMP_KEY);
  await storage.setItem(TABLES_KEY, json);
  await storage.setItem(STAMP_KEY, stamp);
  return true;
}

/** What a content script reads, in the same storage call as anything else it needs at start. */
export const TABLES_READ_KEYS = [POINTER_KEY, STAMP_KEY, TABLES_KEY] as const;

/**
 * The stored tables text from a read of TABLES_READ_KEYS, if it was made by this build for the
 * index in use now (the pointer read in the same call), else null.
 */
export function tablesFromRead(pointer: unknown, stamp: unknown, tables: unknown): string | null {
  const s = stamp as TablesStamp | null;
  if (!s || typeof tables !== 'string') return null;
  const fits =
    s.format === TABLES_FORMAT &&
    s.extension === browser.runtime.getManifest().version &&
    s.index === indexTag(pointer as StoredIndexPointer | null);
  return fits ? tables : null;
}
