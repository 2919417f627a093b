/**
 * Reads the page's article text, finds names with the matcher and turns them into marks.
 * Work is sliced (no slice longer than ~12 ms) so a long page never blocks input; an unchanged
 * block is not matched again; a block whose text nodes were replaced (a framework re-render)
 * is marked again.
 */
import type { Matcher, PageContext } from '@/lib/matcher-types';
import type { MarkStore } from '@/utils/highlights';
import { composedContains, FlowWalker, findScanRoots, flowRange, hashText, isInsideSkipped, type TextFlow } from '@/utils/page-text';
import { sliceTimer, whenVisible, yieldToPage, type ScanRequest, type SliceTimer } from '@/utils/scan-scheduler';

/** Work counters since the content script started (tests read them from our host element). */
export interface ScanCounters {
  /** Blocks read again after a mutation (a full scan counts its roots). */
  blocksRead: number;
  /** Text flows handed to the matcher. */
  flowsMatched: number;
}

export class Scanner {
  private page: PageContext;
  private hashes = new WeakMap<Element, number>();
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
    private readonly matcher: Matcher,
    private readonly marks: MarkStore,
    private readonly doc: Document = document,
  ) {
    this.page = matcher.newPage();
  }

  /** Forgets the page (SPA navigation): next full scan starts a new page context. */
  reset(): void {
    this.marks.clear();
    this.hashes = new WeakMap();
    this.roots = [];
  }

  async run(request: ScanRequest, signal: AbortSignal): Promise<void> {
    const timer = sliceTimer();
    try {
      this.marks.pruneDetached();
      if (request.full) await this.scanAll(timer, signal);
      else await this.scanChanged(request.blocks, timer, signal);
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
    for (const block of blocks) {
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
    this.roots = findScanRoots(this.doc);
    // The whole article's text lets the matcher judge common names against the entire page.
    this.page = this.matcher.newPage(this.roots.map((r) => r.textContent ?? '').join('\n'));
    // Reading a long article's whole text is a slice of its own.
    if (timer.spent()) {
      await this.pause(timer, signal);
      if (signal.aborted) return;
    }
    await this.readRoots(timer, signal);
  }

  private async readRoots(timer: SliceTimer, signal: AbortSignal): Promise<void> {
    for (const root of this.roots) {
      this.counters.blocksRead++;
      const walker = new FlowWalker(root, this.onShadowRoot);
      const texts: string[] = [];
      for (let flow = walker.next(); flow; flow = walker.next()) {
        texts.push(flow.text);
        this.markFlow(flow);
        if (timer.spent()) {
          await this.pause(timer, signal);
          if (signal.aborted) return;
        }
      }
      this.hashes.set(root, hashText(texts.join('\u0000')));
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
    for (let flow = walker.next(); flow; flow = walker.next()) {
      flows.push(flow);
      if (timer.spent()) {
        await this.pause(timer, signal);
        if (signal.aborted) return;
      }
    }
    const hash = hashText(flows.map((f) => f.text).join('\u0000'));
    if (this.hashes.get(block) === hash && this.marks.blockIntact(block)) return;
    this.marks.removeWithin(block);
    for (const flow of flows) {
      // The page may have replaced nodes while we yielded; their block is rescanned anyway.
      if (flow.pieces[0]?.node.isConnected) this.markFlow(flow);
      if (timer.spent()) {
        await this.pause(timer, signal);
        if (signal.aborted) return;
      }
    }
    this.hashes.set(block, hash);
  }

  private markFlow(flow: TextFlow): void {
    this.counters.flowsMatched++;
    for (const mention of this.matcher.find(flow.text, this.page)) {
      if (mention.confidence === 'low' && !this.showLowConfidence) continue;
      const range = flowRange(flow, mention.start, mention.end, this.doc);
      if (range) this.marks.add(mention, range, flow.block);
    }
  }
}
