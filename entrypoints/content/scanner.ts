/**
 * Reads the page's article text, finds names with the matcher and turns them into marks.
 * Work is sliced (no slice longer than ~12 ms) so a long page never blocks input; an unchanged
 * block is not matched again; a block whose text nodes were replaced (a framework re-render)
 * is marked again.
 */
import type { Matcher, PageContext } from '@/lib/matcher-types';
import type { MarkStore } from '@/utils/highlights';
import { FlowWalker, findScanRoots, flowRange, hashText, isInsideSkipped, type TextFlow } from '@/utils/page-text';
import { sliceTimer, yieldToPage, type ScanRequest, type SliceTimer } from '@/utils/scan-scheduler';

export class Scanner {
  private page: PageContext;
  private hashes = new WeakMap<Element, number>();
  private roots: Element[] = [];
  /** Longest uninterrupted stretch of the last run, in ms (tests and benchmarks read it). */
  longestSliceMs = 0;

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
    this.marks.pruneDetached();
    if (request.full) return this.scanAll(signal);
    const timer = sliceTimer();
    try {
      await this.scanChanged(request.blocks, timer, signal);
    } finally {
      this.longestSliceMs = timer.longest;
    }
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
    if (this.roots.some((r) => r === block || r.contains(block))) return [block];
    const inside = this.roots.filter((r) => block.contains(r));
    if (inside.length > 0) return inside;
    // New article containers may have appeared (script-rendered page).
    const fresh = findScanRoots(this.doc).filter((r) => r === block || r.contains(block) || block.contains(r));
    if (fresh.length > 0) {
      this.roots = findScanRoots(this.doc);
      return fresh.some((r) => r.contains(block)) ? [block] : fresh;
    }
    return [];
  }

  private async scanAll(signal: AbortSignal): Promise<void> {
    this.marks.clear();
    this.hashes = new WeakMap();
    this.roots = findScanRoots(this.doc);
    const timer = sliceTimer();
    // The whole article's text lets the matcher judge common names against the entire page.
    this.page = this.matcher.newPage(this.roots.map((r) => r.textContent ?? '').join('\n'));
    try {
      await this.readRoots(timer, signal);
    } finally {
      this.longestSliceMs = timer.longest;
    }
  }

  private async readRoots(timer: SliceTimer, signal: AbortSignal): Promise<void> {
    for (const root of this.roots) {
      const walker = new FlowWalker(root);
      const texts: string[] = [];
      for (let flow = walker.next(); flow; flow = walker.next()) {
        texts.push(flow.text);
        this.markFlow(flow);
        if (timer.spent()) {
          await yieldToPage();
          if (signal.aborted) return;
          timer.reset();
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
    const walker = new FlowWalker(block);
    const flows: TextFlow[] = [];
    for (let flow = walker.next(); flow; flow = walker.next()) {
      flows.push(flow);
      if (timer.spent()) {
        await yieldToPage();
        if (signal.aborted) return;
        timer.reset();
      }
    }
    const hash = hashText(flows.map((f) => f.text).join('\u0000'));
    if (this.hashes.get(block) === hash && this.marks.blockIntact(block)) return;
    this.marks.removeWithin(block);
    for (const flow of flows) {
      // The page may have replaced nodes while we yielded; their block is rescanned anyway.
      if (flow.pieces[0]?.node.isConnected) this.markFlow(flow);
      if (timer.spent()) {
        await yieldToPage();
        if (signal.aborted) return;
        timer.reset();
      }
    }
    this.hashes.set(block, hash);
  }

  private markFlow(flow: TextFlow): void {
    for (const mention of this.matcher.find(flow.text, this.page)) {
      const range = flowRange(flow, mention.start, mention.end, this.doc);
      if (range) this.marks.add(mention, range, flow.block);
    }
  }
}
