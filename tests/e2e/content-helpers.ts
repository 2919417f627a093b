/**
 * Reading the content script's state from a test page: the page's own `CSS.highlights`
 * registry (what is drawn), the scan state on our host element, and the keyboard entry in our
 * shadow root.
 */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEFAULT_EXTENSION_DIR } from './harness';

/**
 * The build under test: `.output/chrome-mv3` unless E2E_EXTENSION_DIR names a copy (useful
 * when other builds may replace .output during a run).
 */
export const EXTENSION_DIR = process.env.E2E_EXTENSION_DIR || DEFAULT_EXTENSION_DIR;

export interface SeenMark {
  text: string;
  ids: string[];
}

/** Waits until the first scan has finished and no further batch is pending for a moment. */
export async function waitForMarks(page: Page, atLeast = 1): Promise<void> {
  await page.waitForFunction(
    (n) => {
      const host = document.querySelector('not-alone-ui') as HTMLElement | null;
      return host?.dataset.state === 'ready' && Number(host.dataset.marks) >= n;
    },
    atLeast,
    { timeout: 15_000 },
  );
}

export interface ScanState {
  /** Number of marks the keyboard entry steps through. */
  marks: number;
  /** Distinct record ids marked on the page. */
  ids: string[];
  /** Longest stretch the last scan batch kept the page waiting, in ms. */
  longestSliceMs: number;
  /** Blocks read since the content script started (a full scan counts its roots). */
  blocksRead: number;
}

/** What the content script reports on its host after the last scan. */
export async function scanState(page: Page): Promise<ScanState> {
  return page.evaluate(() => {
    const host = document.querySelector('not-alone-ui') as HTMLElement | null;
    return {
      marks: Number(host?.dataset.marks ?? 0),
      ids: (host?.dataset.people ?? '').split(' ').filter(Boolean),
      longestSliceMs: Number(host?.dataset.longestSliceMs ?? NaN),
      blocksRead: Number(host?.dataset.blocksRead ?? NaN),
    };
  });
}

/** The content script's work counters since it started, from its host. */
export async function scanCounters(page: Page) {
  return page.evaluate(() => {
    const d = (document.querySelector('not-alone-ui') as HTMLElement | null)?.dataset ?? {};
    return {
      batches: Number(d.batches),
      fullScans: Number(d.fullScans),
      blocksRead: Number(d.blocksRead),
      flowsMatched: Number(d.flowsMatched),
      scanTotalMs: Number(d.scanTotalMs),
      longestSliceMs: Number(d.longestSliceMs),
      /** Of the last batch; 0 when it changed no mark and so published nothing. */
      publishMs: Number(d.publishMs),
    };
  });
}

/** Drawn marks in document order, as a reader sees them (a `<br>` reads as a space). */
export async function markTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    const ranges = [...([...(registry.get('not-alone') ?? [])].map((s) => { const x = document.createRange(); x.setStart(s.startContainer, s.startOffset); x.setEnd(s.endContainer, s.endOffset); return x; })), ...([...(registry.get('not-alone-low') ?? [])].map((s) => { const x = document.createRange(); x.setStart(s.startContainer, s.startOffset); x.setEnd(s.endContainer, s.endOffset); return x; }))];
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    return ranges.map((r) => {
      const copy = r.cloneContents();
      copy.querySelectorAll('br').forEach((br) => br.replaceWith(' '));
      return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
    });
  });
}

/** The keyboard entry's current button: which mark it stands for. */
export async function focusedProxy(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('not-alone-ui')?.shadowRoot;
    const el = root?.activeElement as HTMLElement | null | undefined;
    if (!el) return null;
    return {
      className: el.className,
      role: el.getAttribute('role'),
      name: el.querySelector('.na-proxy-name')?.textContent ?? null,
      label: el.getAttribute('aria-label'),
      ids: (el.dataset.ids ?? '').split(' ').filter(Boolean),
    };
  });
}

/**
 * Texts of the drawn highlight ranges (both confidence levels) as a reader sees them: a `<br>`
 * inside a range reads as a space, whitespace folded.
 */
export async function highlightedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    const ranges = [...([...(registry.get('not-alone') ?? [])].map((s) => { const x = document.createRange(); x.setStart(s.startContainer, s.startOffset); x.setEnd(s.endContainer, s.endOffset); return x; })), ...([...(registry.get('not-alone-low') ?? [])].map((s) => { const x = document.createRange(); x.setStart(s.startContainer, s.startOffset); x.setEnd(s.endContainer, s.endOffset); return x; }))];
    return ranges.map((r) => {
      const copy = r.cloneContents();
      copy.querySelectorAll('br').forEach((br) => br.replaceWith(' '));
      return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
    });
  });
}

/**
 * The line boxes (viewport coordinates, empty ones left out) of the first range in our highlight
 * `name` ('not-alone', 'not-alone-focus'…), or null when it holds none. Nothing is scrolled.
 */
export async function firstHighlightLines(page: Page, name: string): Promise<DOMRect[] | null> {
  return page.evaluate((name) => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    const [s] = [...(registry.get(name) ?? [])];
    if (!s) return null;
    const r = document.createRange();
    r.setStart(s.startContainer, s.startOffset);
    r.setEnd(s.endContainer, s.endOffset);
    return [...r.getClientRects()].filter((b) => b.width > 0).map((b) => b.toJSON() as DOMRect);
  }, name);
}

/** Scrolls the element `#id` of the page to its very end or back to its start. */
export async function scrollElement(page: Page, id: string, to: 'end' | 'start'): Promise<void> {
  await page.evaluate(({ id, to }) => {
    const el = document.getElementById(id)!;
    el.scrollTop = to === 'end' ? el.scrollHeight : 0;
  }, { id, to });
}

/** A point on the first (or last) box of the first drawn mark reading `text` (scrolled into view). */
export async function markPoint(page: Page, text: string, nth = 0, lastRect = false): Promise<{ x: number; y: number; rect: DOMRect }> {
  const found = await page.evaluate(
    ({ text, nth, lastRect }) => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      const ranges = [...([...(registry.get('not-alone') ?? [])].map((s) => { const x = document.createRange(); x.setStart(s.startContainer, s.startOffset); x.setEnd(s.endContainer, s.endOffset); return x; })), ...([...(registry.get('not-alone-low') ?? [])].map((s) => { const x = document.createRange(); x.setStart(s.startContainer, s.startOffset); x.setEnd(s.endContainer, s.endOffset); return x; }))]
        .filter((r) => r.toString().replace(/\s+/g, ' ').trim() === text)
        .sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
      const range = ranges[nth];
      if (!range) return null;
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const rects = [...range.getClientRects()].filter((r) => r.width > 0);
      const r = (lastRect ? rects[rects.length - 1] : rects[0])!;
      return { x: r.left + Math.min(r.width / 2, 20), y: r.top + r.height / 2, rect: r.toJSON() as DOMRect };
    },
    { text, nth, lastRect },
  );
  if (!found) throw new Error(`no mark reads "${text}"`);
  return found;
}

/** The open card's dialog element in our shadow root (CSS locators pierce open shadow roots). */
export const dialog = (page: Page) => page.locator('not-alone-ui [role="dialog"]');

/** The card's box once placement has settled: two equal measurements in a row. */
export async function settledBox(card: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  let box = (await card.boundingBox())!;
  await expect
    .poll(async () => {
      const next = (await card.boundingBox())!;
      const same = JSON.stringify(next) === JSON.stringify(box);
      box = next;
      return same;
    })
    .toBe(true);
  return box;
}

/**
 * @deprecated Use `scanState(page).ids` (ids marked on the page) and `markTexts(page)`.
 * Kept for older tests: the keyboard entry is now a single button, so there is no per-mark
 * list to read; every entry carries the page's marked ids.
 */
export async function proxyMarks(page: Page): Promise<SeenMark[]> {
  const [texts, state] = await Promise.all([markTexts(page), scanState(page)]);
  return texts.map((text) => ({ text, ids: state.ids }));
}
