/**
 * Where the index in use lives: the bundled `data/index.json`, or a downloaded index that
 * passed every acceptance rule (lib/accept-index.ts) and is newer than the bundled one.
 *
 * A downloaded index is stored in three steps so that a crash at any moment leaves either the
 * old index or the new one in use, never a mix or a half-written one:
 *   1. write the exact accepted text under a new key (noted in a journal key first),
 *   2. read it back and check its length and SHA-256,
 *   3. flip the pointer key to it, then delete the previous text and the journal entry.
 * Loading reads the pointer, checks the text against the digest the pointer holds, and falls
 * back to the bundled index on any mismatch.
 */
import { storage } from '#imports';
import { checkIndex, type PrisonerIndex } from '@/lib/index-schema';
import { POINTER_KEY, type StoredIndexPointer } from './index-pointer';

export { POINTER_KEY, type StoredIndexPointer };

type StoredTextKey = StoredIndexPointer['key'];

/** A text key written but not yet pointed to; cleaned up after a crash. */
export const PENDING_KEY = 'local:index.pending' as const;
const TEXT_KEY_PREFIX = 'local:index.text.';

export type ActiveIndex =
  | { source: 'bundled'; index: PrisonerIndex }
  | { source: 'downloaded'; index: PrisonerIndex; pointer: StoredIndexPointer };

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function readPointer(): Promise<StoredIndexPointer | null> {
  return storage.getItem<StoredIndexPointer>(POINTER_KEY);
}

/**
 * The index to use now. With `repair` (the background only, which owns the stored index) it
 * also drops the stored one when the bundled index is as new or newer (an extension update
 * shipped fresher data) or when the stored text fails its integrity check, and removes text
 * left by an interrupted store. Other contexts (the popup) read without writing.
 */
export async function loadActiveIndex(bundled: PrisonerIndex, { repair }: { repair: boolean }): Promise<ActiveIndex> {
  if (repair) await cleanUpPending();
  const pointer = await readPointer();
  if (!pointer) return { source: 'bundled', index: bundled };
  const index = pointer.version > bundled.version ? await readStoredIndex(pointer) : null;
  if (!index) {
    if (repair) await dropStoredIndex();
    return { source: 'bundled', index: bundled };
  }
  return { source: 'downloaded', index, pointer };
}

let queue: Promise<unknown> = Promise.resolve();
/**
 * Runs index-store writes of this context one at a time, so a load's clean-up never meets a
 * store in progress.
 */
export function withIndexLock<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

async function readStoredIndex(pointer: StoredIndexPointer): Promise<PrisonerIndex | null> {
  const text = await storage.getItem<string>(pointer.key);
  if (typeof text !== 'string' || text.length !== pointer.length) return null;
  if ((await sha256Hex(text)) !== pointer.sha256) return null;
  try {
    // The text passed the schema when it was accepted; checking again costs little and
    // protects against a stored index from a build whose schema has since changed.
    const checked = checkIndex(JSON.parse(text));
    if (!checked.ok || checked.index.version !== pointer.version) return null;
    return checked.index;
  } catch {
    return null;
  }
}

/**
 * Stores an accepted index text and makes it the one in use. `text` must be exactly the bytes
 * that were verified; `index` is its parsed, schema-checked form. Throws if any step fails, in
 * which case the previous index stays in use.
 */
export async function storeAcceptedIndex(text: string, index: PrisonerIndex, now = Date.now()): Promise<StoredIndexPointer> {
  const previous = await readPointer();
  const key: StoredTextKey = `${TEXT_KEY_PREFIX}${index.version}.${now}`;
  const pointer: StoredIndexPointer = {
    key,
    version: index.version,
    generatedAt: index.generatedAt,
    sha256: await sha256Hex(text),
    length: text.length,
    acceptedAt: now,
  };

  await storage.setItem(PENDING_KEY, key);
  await storage.setItem(key, text);
  const readBack = await storage.getItem<string>(key);
  if (readBack !== text) {
    await storage.removeItem(key);
    await storage.removeItem(PENDING_KEY);
    throw new Error('the stored index did not read back intact');
  }
  await storage.setItem(POINTER_KEY, pointer);
  await storage.removeItem(PENDING_KEY);
  if (previous && previous.key !== key) await storage.removeItem(previous.key);
  return pointer;
}

/** Forgets the downloaded index; the bundled one is used from then on. */
export async function dropStoredIndex(): Promise<void> {
  const pointer = await readPointer();
  await storage.removeItem(POINTER_KEY);
  if (pointer) await storage.removeItem(pointer.key);
}

/** Removes text left by a store that stopped before flipping the pointer. */
async function cleanUpPending(): Promise<void> {
  const pending = await storage.getItem<string>(PENDING_KEY);
  if (!pending) return;
  const pointer = await readPointer();
  if (pending.startsWith(TEXT_KEY_PREFIX) && pointer?.key !== pending) await storage.removeItem(pending as StoredTextKey);
  await storage.removeItem(PENDING_KEY);
}
