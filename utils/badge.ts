/**
 * Who is marked on each tab, and the toolbar badge that shows how many. Kept in
 * `storage.session` (memory only, cleared when the browser closes) so the count survives the
 * service worker being stopped between messages; nothing about the page is ever written to disk.
 */
import { browser, storage } from '#imports';

type MarksByTab = Record<string, string[]>;

const MARKS_KEY = 'session:marksByTab' as const;
const BADGE_COLOR = '#7a1f1f';

let queue: Promise<unknown> = Promise.resolve();
/** Read-modify-write of the marks map, one at a time: content scripts report concurrently. */
function serialized<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

async function readMarks(): Promise<MarksByTab> {
  return (await storage.getItem<MarksByTab>(MARKS_KEY)) ?? {};
}

/** Adds the people a content script marked on a tab; returns how many distinct people that tab has. */
export function addMarks(tabId: number, ids: readonly string[]): Promise<number> {
  return serialized(async () => {
    const marks = await readMarks();
    const known = new Set(marks[tabId] ?? []);
    for (const id of ids) if (typeof id === 'string') known.add(id);
    marks[tabId] = [...known];
    await storage.setItem(MARKS_KEY, marks);
    await showCount(tabId, known.size);
    return known.size;
  });
}

export async function getMarks(tabId: number): Promise<string[]> {
  return (await readMarks())[tabId] ?? [];
}

/** Forgets a tab's marks (it navigated or closed) and clears its badge. */
export function clearMarks(tabId: number, { tabClosed = false } = {}): Promise<void> {
  return serialized(async () => {
    const marks = await readMarks();
    if (tabId in marks) {
      delete marks[tabId];
      await storage.setItem(MARKS_KEY, marks);
    }
    // A closed tab has no badge left to clear, and setting one would throw.
    if (!tabClosed) await showCount(tabId, 0);
  });
}

async function showCount(tabId: number, count: number): Promise<void> {
  try {
    await browser.action.setBadgeText({ tabId, text: count > 0 ? String(count) : '' });
    if (count > 0) await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR });
  } catch {
    // The tab closed between the message and the badge update.
  }
}
