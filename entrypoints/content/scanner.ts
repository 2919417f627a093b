/**
 * Reads the page's article text, finds names with the matcher and turns them into marks.
 * Work is sliced (no slice longer than ~12 ms) so a long page never blocks input; an unchanged
 * block is not matched again; a block whose text nodes were replaced (a framework re-render)
 * is marked again.
 *
 * Rescans give the marks a fresh scan of the same DOM would: a surname alone marks someone only
 * if the page named them in full earlier in document order. The scanner remembers who each
 * block names in full; a changed block is read with the people named before it
 * (`resumePage`), and when a rescan changes who is named in full, the blocks after it
 * are matched again.
 */
import { resumePage } from '@/lib/matcher';
import type { Matcher, Mention, PageContext } from '@/lib/matcher-types';
import type { MarkStore } from '@/utils/highlights';
import { composedContains, composedOrder, FlowWalker, findScanRoots, isInsideSkipped, rootsText, TextsHash, type TextFlow } from '@/utils/page-text';
import { sliceTimer, whenVisible, yieldToPage, type ScanRequest, type SliceTimer } from '@/utils/scan-scheduler';
import { NamedBlocks } from './named-blocks';

/** Work counters since the content script started (tests read them from our host element). */
export interface ScanCounters {
  /** Blocks read again after a mutation (a full scan counts its roots). */
  blocksRead: number;
  /** Text flows handed to the matcher. */
  flowsMatched: number;
}

/**
 * Flows a full scan walks before it matches them, and then marks them: each of the three
 * steps touches its own data (the DOM, the matcher's tables, the highlight ranges), and taking
 * them one step at a time for a few dozen flows measured faster than flow by flow.
 */
export const FLOW_BATCH = 64;

export class Scanner {
  private page: PageContext;
  private hashes = new WeakMap<Element, number>();
  /** Per block that holds a flow: the ids it names in full (whatever the confidence). */
  private readonly namedIn = new NamedBlocks();
  /** Set by a rescan that changed who is named in full: the blocks after it need matching again. */
  private replayAfter: Element | null = null;
  private roots: Element[] = [];
  /** Longest uninterrupted stretch of the last run, in ms (tests and benchmarks read it). */
  longestSliceMs = 0;
  /** Work time of the last run, in ms, the pauses between its slices left out. */
  lastRunMs = 0;
  readonly counters: ScanCounters = { blocksRead: 0, flowsMatched: 0 };
  /** Whether mentions the matcher rates 'low' confidence become marks (the reader's setting). */
  showLowConfidence = true;
  /** Hears of each open shadow root read (the scheduler watches them for changes). */
  onShadowRoot: ((root: ShadowRoot) => void) | undefined;

  constructor(
    private matcher: Matcher,
    private readonly marks: MarkStore,
    private readonly doc: Document = document,
  ) {
    this.page = matcher.newPage();
  }

  /** Matches with another matcher (a newer index) from the next scan on. */
  useMatcher(matcher: Matcher): void {
    this.matcher = matcher;
    this.page = matcher.newPage();
  }

  /** Forgets the page (SPA navigation): next full scan starts a new page context. */
  reset(): void {
    this.marks.clear();
    this.hashes = new WeakMap();
    this.namedIn.clear();
    this.replayAfter = null;
    this.roots = [];
  }

  async run(request: ScanRequest, signal: AbortSignal): Promise<void> {
    const timer = sliceTimer();
    try {
      this.marks.pruneDetached();
      if (request.full) await this.scanAll(timer, signal);
      else {
        await this.scanChanged(request.blocks, timer, signal);
        if (this.replayAfter && !signal.aborted) await this.replay(timer, signal);
      }
    } finally {
      this.longestSliceMs = timer.longest;
      this.lastRunMs = timer.total;
    }
  }

  /** Ends a slice: lets the page run, waits while the tab is hidden, starts the next slice. */
  private async pause(timer: SliceTimer, signal: AbortSignal): Promise<void> {
    await yieldToPage();
    await whenVisible(this.doc, signal);
    timer.reset();
  }

  private async scanChanged(blocks: Element[], timer: SliceTimer, signal: AbortSignal): Promise<void> {
    this.roots = this.roots.filter((r) => r.isConnected);
    if (this.roots.length === 0) this.roots = findScanRoots(this.doc);
    // In document order, so each block is read with the names of the blocks before it.
    for (const block of [...blocks].sort(composedOrder)) {
      if (signal.aborted) return;
      for (const target of this.targetsFor(block)) {
        await this.scanBlock(target, timer, signal);
        if (signal.aborted) return;
      }
    }
  }

  /** The part of `block` that lies in the article: the block itself, the roots it holds, or nothing. */
  private targetsFor(block: Element): Element[] {
    if (this.roots.some((r) => composedContains(r, block))) return [block];
    const inside = this.roots.filter((r) => composedContains(block, r));
    if (inside.length > 0) return inside;
    // New article containers may have appeared (script-rendered page).
    const fresh = findScanRoots(this.doc).filter((r) => composedContains(r, block) || composedContains(block, r));
    if (fresh.length > 0) {
      this.roots = findScanRoots(this.doc);
      return fresh.some((r) => composedContains(r, block)) ? [block] : fresh;
    }
    return [];
  }

  private async scanAll(timer: SliceTimer, signal: AbortSignal): Promise<void> {
    this.marks.clear();
    this.hashes = new WeakMap();
    this.namedIn.clear();
    this.replayAfter = null;
    this.roots = findScanRoots(this.doc);
    // The whole article's text lets the matcher judge common names against the entire page
    // (it reads the text nodes only as far as that judgement needs).
    this.page = this.matcher.newPage(rootsText(this.roots));
    await this.readRoots(timer, signal);
  }

  private async readRoots(timer: SliceTimer, signal: AbortSignal): Promise<void> {
    for (const root of this.roots) {
      this.counters.blocksRead++;
      // No hash of the root's text is kept: hashing a long article read every character once
      // more, which made the full scan of the 100,000-word page about 1.5 times as long. A
      // later change right under the root is a change of its text (the scheduler drops those
      // that add or remove none), so a stored hash would hardly ever spare the rematch.
      const walker = new FlowWalker(root, this.onShadowRoot);
      const batch: TextFlow[] = [];
      for (let flow = walker.next(); flow; flow = walker.next()) {
        batch.push(flow);
        if (batch.length < FLOW_BATCH && !timer.spent()) continue;
        if (!(await this.markBatch(batch, timer, signal))) return;
      }
      if (!(await this.markBatch(batch, timer, signal))) return;
    }
  }

  /**
   * Reads one changed block again. Usually a paragraph; but a change right under the article
   * root makes the whole article the block, so reading is sliced here too.
   */
  private async scanBlock(block: Element, timer: SliceTimer, signal: AbortSignal): Promise<void> {
    if (!block.isConnected || isInsideSkipped(block)) {
      this.marks.removeWithin(block);
      return;
    }
    this.counters.blocksRead++;
    const walker = new FlowWalker(block, this.onShadowRoot);
    const flows: TextFlow[] = [];
    const texts = new TextsHash();
    for (let flow = walker.next(); flow; flow = walker.next()) {
      flows.push(flow);
      texts.add(flow.text);
      if (timer.spent()) {
        await this.pause(timer, signal);
        if (signal.aborted) return;
      }
    }
    const hash = texts.value;
    if (this.hashes.get(block) === hash && this.marks.blockIntact(block)) return;
    this.marks.removeWithin(block);
    const before = this.namedIn.within(block, true);
    const namedBefore = this.namedIn.before(block);
    const page = resumePage(this.page, namedBefore);
    for (const flow of flows) {
      // The page may have replaced nodes while we yielded; their block is rescanned anyway.
      if (flow.pieces[0]?.node.isConnected) this.markFlow(flow, page);
      if (timer.spent()) {
        await this.pause(timer, signal);
        if (signal.aborted) return;
      }
    }
    this.hashes.set(block, hash);
    // Someone newly named in full here (or no longer) changes what a later surname alone means.
    const after = this.namedIn.within(block);
    const changed = [...symmetricDifference(before, after)].some((id) => !namedBefore.has(id));
    if (changed && (!this.replayAfter || composedOrder(block, this.replayAfter) < 0)) this.replayAfter = block;
  }

  /**
   * Matches every flow after `replayAfter` again, in document order, as a full scan would;
   * each block's marks are replaced in the same slice, so nothing blinks.
   */
  private async replay(timer: SliceTimer, signal: AbortSignal): Promise<void> {
    const from = this.replayAfter!;
    this.replayAfter = null;
    if (!from.isConnected) return;
    let page: PageContext | null = null;
    const reset = new Set<Element>();
    for (const root of this.roots) {
      const walker = new FlowWalker(root, this.onShadowRoot);
      for (let flow = walker.next(); flow; flow = walker.next()) {
        if (composedContains(from, flow.block) || composedOrder(flow.block, from) < 0) continue;
        page ??= resumePage(this.page, this.namedIn.before(flow.block));
        if (!reset.has(flow.block)) {
          reset.add(flow.block);
          this.marks.removeOwn(flow.block);
          this.namedIn.delete(flow.block);
        }
        this.markFlow(flow, page);
        if (timer.spent()) {
          await this.pause(timer, signal);
          if (signal.aborted) return;
        }
      }
    }
  }

  /**
   * Matches a batch of flows (in document order), then marks them, and empties the batch. When
   * the slice runs out part-way, the flows matched so far are marked and the rest wait for the
   * next slice: a batch of slow flows (cold code, long paragraphs) took 20 ms in one go. False
   * when the work was stopped.
   */
  private async markBatch(batch: TextFlow[], timer: SliceTimer, signal: AbortSignal): Promise<boolean> {
    let done = 0;
    while (done < batch.length) {
      const found: Mention[][] = [];
      do found.push(this.matcher.find(batch[done + found.length]!.text, this.page));
      while (done + found.length < batch.length && !timer.spent());
      found.forEach((mentions, i) => {
        const flow = batch[done + i]!;
        // Read in an earlier slice, the flow may have left the page; its block is rescanned.
        if (flow.pieces[0]?.node.isConnected) this.markFound(flow, mentions, true);
      });
      done += found.length;
      if (timer.spent()) {
        await this.pause(timer, signal);
        if (signal.aborted) return false;
      }
    }
    batch.length = 0;
    return true;
  }

  private markFlow(flow: TextFlow, page: PageContext): void {
    this.markFound(flow, this.matcher.find(flow.text, page));
  }

  /** `inOrder`: from a full scan, which reads the page in document order into a cleared store. */
  private markFound(flow: TextFlow, mentions: Mention[], inOrder = false): void {
    this.counters.flowsMatched++;
    let shown: Mention[] = mentions;
    for (const mention of mentions) if (mention.kind === 'full') this.namedIn.add(flow.block, mention.ids);
    if (!this.showLowConfidence) shown = mentions.filter((m) => m.confidence !== 'low');
    this.marks.addFlow(flow, shown, inOrder);
  }
}

function symmetricDifference<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): Set<T> {
  const out = new Set<T>();
  for (const x of a) if (!b.has(x)) out.add(x);
  for (const x of b) if (!a.has(x)) out.add(x);
  return out;
}
