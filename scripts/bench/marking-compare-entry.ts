/**
 * Runs inside a bench page (bundled by scripts/bench/marking-compare.ts): the two ways to mark
 * the matcher's mentions, measured side by side on the same ranges.
 *
 *   highlight: what we ship, `MarkStore` (CSS Custom Highlight API ranges, no DOM change);
 *   wrap:      every mention wrapped in `<not-alone-mark tabindex="0">`, Hypothesis-style: the
 *              boundary text nodes are split, and each run of whole text nodes in the range
 *              (one per inline element it crosses) gets its own wrapper.
 *
 * Matching and range building happen once, outside every timing: both strategies get the same
 * mentions, so only the marking itself is compared.
 */
import { createMatcher } from '@/lib/matcher';
import type { Matcher, MatcherData, Mention } from '@/lib/matcher-types';
import { MarkStore, rangeContainsPoint, type Mark } from '@/utils/highlights';
import { FlowWalker, findScanRoots, flowRange, isInlineElement, pieceAt, type TextFlow } from '@/utils/page-text';
import { ScanScheduler } from '@/utils/scan-scheduler';
import { Scanner } from '@/entrypoints/content/scanner';
import { median, perCall, samples } from './timing';

const WRAP_TAG = 'not-alone-mark';

async function asyncSamples(runs: number, sample: () => Promise<number>): Promise<number> {
  await sample();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) xs.push(await sample());
  return median(xs);
}

/** Style and layout now, outside the caller's timing. */
const forceLayout = () => void document.body.getBoundingClientRect();

/**
 * Waits for the next rendering update and returns how long it took, from the start of its
 * animation-frame step to the first task after it (style, layout, paint of that frame).
 */
function nextFrameWork(): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const t0 = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now() - t0);
      channel.port2.postMessage(0);
    });
  });
}

/** Lets pending rendering finish so a sample starts from a quiet page. */
async function settle(): Promise<void> {
  await nextFrameWork();
  await nextFrameWork();
}

// ---- the mentions, found once ----

interface MentionAt {
  flow: number;
  mention: Mention;
}

let matcher: Matcher | null = null;
let mentions: MentionAt[] = [];

function readFlows(): TextFlow[] {
  const flows: TextFlow[] = [];
  for (const root of findScanRoots(document)) {
    const walker = new FlowWalker(root);
    for (let f = walker.next(); f; f = walker.next()) flows.push(f);
  }
  return flows;
}

interface Placed {
  mention: Mention;
  range: Range;
  block: Element;
}

/** The mentions as fresh DOM ranges over the page as it is now (it must be unmarked). */
function placeMentions(): Placed[] {
  const flows = readFlows();
  const out: Placed[] = [];
  for (const { flow, mention } of mentions) {
    const f = flows[flow];
    if (!f) throw new Error(`flow ${flow} is gone: the page was not restored`);
    const range = flowRange(f, mention.start, mention.end);
    if (range) out.push({ mention, range, block: f.block });
  }
  return out;
}

// ---- strategy (a): the Highlight API, through the shipped MarkStore ----

function highlightAll(store: MarkStore, placed: Placed[]): void {
  for (const p of placed) store.add(p.mention, p.range, p.block);
}

// ---- strategy (b): wrapping in a custom element ----

/**
 * Wraps the text of `range` in focusable custom elements, one per run of adjacent text nodes
 * under one parent; whitespace-only nodes are left alone (Hypothesis does the same, so no
 * wrapper lands where inline content is not allowed).
 */
function wrapRange(span: Span): HTMLElement[] {
  const { startNode, startOffset, endNode, endOffset } = span;
  // Split the end first: the start offset stays valid when both are in one node.
  if (endOffset < (endNode as Text).length) (endNode as Text).splitText(endOffset);
  let first = startNode as Text;
  if (startOffset > 0) first = first.splitText(startOffset);
  const last = startNode === endNode ? first : (endNode as Text);

  const nodes: Text[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  walker.currentNode = first;
  for (let n: Node | null = first; n; n = walker.nextNode()) {
    nodes.push(n as Text);
    if (n === last) break;
  }
  const wrappers: HTMLElement[] = [];
  let group: Text[] = [];
  const flush = () => {
    if (group.length === 0) return;
    const w = document.createElement(WRAP_TAG);
    w.setAttribute('tabindex', '0');
    group[0]!.parentNode!.insertBefore(w, group[0]!);
    w.append(...group);
    wrappers.push(w);
    group = [];
  };
  for (const n of nodes) {
    if (!/\S/.test(n.data)) {
      flush();
      continue;
    }
    const prev = group[group.length - 1];
    if (prev && prev.nextSibling !== n) flush();
    group.push(n);
  }
  flush();
  return wrappers;
}

/** A mention's boundaries as plain values: no live Range the page must keep updating. */
interface Span {
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
}


/**
 * The mentions as spans for wrapping, the same boundaries `flowRange` would give. No Range is
 * made: every live range is updated by each split and move, which would slow the wrapping
 * down, and a wrapper keeps none.
 */
function spansNow(): Span[] {
  const flows = readFlows();
  const spans: Span[] = [];
  for (const { flow, mention } of mentions) {
    const f = flows[flow];
    if (!f || f.pieces.length === 0) throw new Error(`flow ${flow} is gone: the page was not restored`);
    const first = f.pieces[pieceAt(f, mention.start, false)]!;
    const last = f.pieces[pieceAt(f, mention.end, true)]!;
    const startOffset = Math.min(Math.max(mention.start - first.start, 0), first.node.length);
    const endOffset = Math.min(Math.max(mention.end - last.start, 0), last.node.length);
    if (first.node === last.node && endOffset <= startOffset) continue;
    spans.push({ startNode: first.node, startOffset, endNode: last.node, endOffset });
  }
  return spans;
}

/**
 * The text a mark's range covers now. Marks are static ranges (no `toString`): a live copy is
 * made to read it, and '' when the offsets no longer fit the nodes.
 */
function textNow(r: AbstractRange): string {
  if (r instanceof Range) return r.toString();
  const live = document.createRange();
  try {
    live.setStart(r.startContainer, r.startOffset);
    live.setEnd(r.endContainer, r.endOffset);
  } catch {
    return '';
  }
  return live.toString();
}

/** Full GC when Chromium runs with --js-flags=--expose-gc: drops unreachable live ranges. */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * Wraps every mention; last first, so a split never moves a boundary still to be used (the
 * mentions do not overlap). Returns each mention's wrappers, in document order.
 */
function wrapEach(spans: Span[]): HTMLElement[][] {
  const out: HTMLElement[][] = [];
  for (let i = spans.length - 1; i >= 0; i--) out[i] = wrapRange(spans[i]!);
  return out;
}

const wrapAll = (spans: Span[]): HTMLElement[] => wrapEach(spans).flat();

/** Takes the wrappers out again and merges the split text nodes back (the page's DOM returns). */
function unwrapAll(wrappers: HTMLElement[]): void {
  const parents = new Set<Node>();
  for (const w of wrappers) {
    const parent = w.parentNode;
    if (!parent) continue;
    while (w.firstChild) parent.insertBefore(w.firstChild, w);
    parent.removeChild(w);
    parents.add(parent);
  }
  for (const p of parents) p.normalize();
}

// ---- layout and content checks ----

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const boxOf = (r: DOMRect): Box => ({ x: r.x, y: r.y, w: r.width, h: r.height });
const boxDelta = (a: Box, b: Box) => Math.max(Math.abs(a.x - b.x), Math.abs(a.y - b.y), Math.abs(a.w - b.w), Math.abs(a.h - b.h));

/** Every block element of the article (and the roots themselves), in document order. */
function articleBlocks(): Element[] {
  const out: Element[] = [];
  for (const root of findScanRoots(document)) {
    out.push(root);
    for (const el of root.querySelectorAll('*')) if (!isInlineElement(el) && el.localName !== 'br') out.push(el);
  }
  return out;
}

interface Snapshot {
  blocks: Box[];
  mentions: Box[];
  articleHeight: number;
  text: string;
  html: string;
  textNodes: number;
}

function snapshot(blocks: Element[], mentionRects: () => Box[]): Snapshot {
  const root = findScanRoots(document)[0] ?? document.body;
  let textNodes = 0;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) textNodes++;
  return {
    blocks: blocks.map((b) => boxOf(b.getBoundingClientRect())),
    mentions: mentionRects(),
    articleHeight: root.getBoundingClientRect().height,
    text: document.body.textContent ?? '',
    html: document.body.innerHTML,
    textNodes,
  };
}

interface Comparison {
  blocks_moved: number;
  blocks: number;
  max_block_shift_px: number;
  mentions_moved: number;
  max_mention_shift_px: number;
  article_height_change_px: number;
  text_unchanged: boolean;
  dom_unchanged: boolean;
  text_nodes_added: number;
}

/**
 * Differences under 0.1 px are not counted as moves: wrapping alone moves some glyph boxes by
 * 1/64 px (layout units), which no reader sees; the maximum is reported anyway.
 */
const SHIFT_EPSILON = 0.1;

function compare(a: Snapshot, b: Snapshot): Comparison {
  const blockShifts = a.blocks.map((box, i) => boxDelta(box, b.blocks[i]!));
  const mentionShifts = a.mentions.map((box, i) => (b.mentions[i] ? boxDelta(box, b.mentions[i]!) : Infinity));
  return {
    blocks_moved: blockShifts.filter((d) => d > SHIFT_EPSILON).length,
    blocks: a.blocks.length,
    max_block_shift_px: Math.max(0, ...blockShifts),
    mentions_moved: mentionShifts.filter((d) => d > SHIFT_EPSILON).length,
    max_mention_shift_px: Math.max(0, ...mentionShifts),
    article_height_change_px: b.articleHeight - a.articleHeight,
    text_unchanged: a.text === b.text,
    dom_unchanged: a.html === b.html,
    text_nodes_added: b.textNodes - a.textNodes,
  };
}

/** The element a click at the middle of the first mention would target. */
function clickTarget(box: Box | undefined): string | null {
  if (!box) return null;
  const el = document.elementFromPoint(box.x + box.w / 2, box.y + box.h / 2);
  return el ? el.localName : null;
}

// ---- the API the Node side calls ----

const api = {
  /** Builds the matcher and finds the page's mentions once (what both strategies mark). */
  setup(matcherJson: string): { mentions: number; flows: number; multi_node: number; blocks_with_marks: number } {
    matcher = createMatcher(JSON.parse(matcherJson) as MatcherData);
    const roots = findScanRoots(document);
    const page = matcher.newPage(roots.map((r) => r.textContent ?? '').join('\n'));
    const flows = readFlows();
    mentions = [];
    flows.forEach((f, i) => {
      for (const mention of matcher!.find(f.text, page)) mentions.push({ flow: i, mention });
    });
    const placed = placeMentions();
    return {
      mentions: placed.length,
      flows: flows.length,
      multi_node: placed.filter((p) => p.range.startContainer !== p.range.endContainer).length,
      blocks_with_marks: new Set(placed.map((p) => p.block)).size,
    };
  },

  /** Highlight API, synchronous: registry work only, then with forced style+layout. */
  timingsHighlight(runs: number, minMs: number): Record<string, number> {
    const store = new MarkStore(window);
    const placed = placeMentions();
    const hl_mark_ms = samples(runs, () => perCall(() => highlightAll(store, placed), minMs, () => store.clear()));
    const hl_mark_layout_ms = samples(runs, () =>
      perCall(() => { highlightAll(store, placed); forceLayout(); }, minMs, () => { store.clear(); forceLayout(); }),
    );
    highlightAll(store, placed);
    const hl_clear_ms = samples(runs, () => perCall(() => store.clear(), minMs, () => highlightAll(store, placed)));
    store.dispose();
    forceLayout();
    return { hl_mark_ms, hl_mark_layout_ms, hl_clear_ms };
  },

  /** Wrapping, synchronous: DOM work only, then with forced style+layout. */
  timingsWrap(runs: number, minMs: number): Record<string, number> {
    // Ranges the highlight runs made are unreachable now; collect them so the page has none.
    collectGarbage();
    let spans = spansNow();
    let wrappers: HTMLElement[] = [];
    const rewrap = () => { spans = spansNow(); wrappers = wrapAll(spans); forceLayout(); };
    const unwrap = () => { unwrapAll(wrappers); wrappers = []; forceLayout(); spans = spansNow(); };
    const wrap_mark_ms = samples(runs, () => perCall(() => void (wrappers = wrapAll(spans)), minMs, unwrap));
    const wrap_mark_layout_ms = samples(runs, () => perCall(() => { wrappers = wrapAll(spans); forceLayout(); }, minMs, unwrap));
    rewrap();
    const wrap_clear_ms = samples(runs, () => perCall(() => unwrapAll(wrappers), minMs, rewrap));
    const wrap_clear_layout_ms = samples(runs, () => perCall(() => { unwrapAll(wrappers); forceLayout(); }, minMs, rewrap));
    unwrapAll(wrappers);
    return { wrap_mark_ms, wrap_mark_layout_ms, wrap_clear_ms, wrap_clear_layout_ms };
  },

  /**
   * The first rendering update after marking or clearing (style, layout, paint), which is
   * where the Highlight API's drawing cost lands; one sample per frame, so no loop. The page
   * is at its top.
   */
  async framesHighlight(runs: number): Promise<Record<string, number>> {
    window.scrollTo(0, 0);
    const idle_frame_ms = await asyncSamples(runs, async () => {
      await settle();
      return nextFrameWork();
    });
    const store = new MarkStore(window);
    const placed = placeMentions();
    const hl_frame_ms = await asyncSamples(runs, async () => {
      store.clear();
      await settle();
      highlightAll(store, placed);
      return nextFrameWork();
    });
    const hl_clear_frame_ms = await asyncSamples(runs, async () => {
      highlightAll(store, placed);
      await settle();
      store.clear();
      return nextFrameWork();
    });
    store.dispose();
    return { idle_frame_ms, hl_frame_ms, hl_clear_frame_ms };
  },

  async framesWrap(runs: number): Promise<Record<string, number>> {
    window.scrollTo(0, 0);
    collectGarbage();
    let wrappers: HTMLElement[] = [];
    const wrap_frame_ms = await asyncSamples(runs, async () => {
      unwrapAll(wrappers);
      const spans = spansNow();
      await settle();
      wrappers = wrapAll(spans);
      return nextFrameWork();
    });
    const wrap_clear_frame_ms = await asyncSamples(runs, async () => {
      if (wrappers.length === 0) wrappers = wrapAll(spansNow());
      await settle();
      unwrapAll(wrappers);
      wrappers = [];
      return nextFrameWork();
    });
    unwrapAll(wrappers);
    return { wrap_frame_ms, wrap_clear_frame_ms };
  },

  /**
   * What held ranges cost the page: every DOM change must update every live Range of the
   * document, so the page's own edits (infinite scroll, a framework's updates) get slower while
   * live marks are held. Times `count` page-like edits (a span appended to a paragraph and
   * removed, a character typed into a text node and deleted) with no marks, with the shipped
   * MarkStore's marks (static ranges), and with the same marks as live Ranges registered in a
   * Highlight (what MarkStore held before). Static first: live ranges linger until a GC.
   * Needs a freshly loaded page (no ranges left from other measurements).
   */
  mutationCost(runs: number, minMs: number, count: number): Record<string, number> {
    collectGarbage();
    const firstText = (el: Element): Text | undefined => [...el.childNodes].find((n): n is Text => n.nodeType === 3 && (n as Text).data.trim().length > 0);
    const paragraphs = articleBlocks().filter((el) => firstText(el) !== undefined);
    const texts = paragraphs.map((p) => firstText(p)!);
    if (paragraphs.length === 0) throw new Error('no block with text to edit');
    const edits = () => {
      for (let i = 0; i < count; i++) {
        const p = paragraphs[i % paragraphs.length]!;
        const span = document.createElement('span');
        span.textContent = 'x';
        p.append(span);
        span.remove();
        // Typed and deleted again: ranges in the node shift and shift back, so marks survive.
        const t = texts[i % texts.length]!;
        t.insertData(0, 'x');
        t.deleteData(0, 1);
      }
    };
    const none_ms = samples(runs, () => perCall(edits, minMs, () => {}));

    // The shipped path: MarkStore.addFlow per flow, static ranges, no live Range made.
    const store = new MarkStore(window);
    const flows = readFlows();
    const byFlow = new Map<number, Mention[]>();
    for (const { flow, mention } of mentions) byFlow.set(flow, [...(byFlow.get(flow) ?? []), mention]);
    let static_ranges = 0;
    for (const [i, ms] of byFlow) static_ranges += store.addFlow(flows[i]!, ms);
    const staticBefore = store.all().map((m) => m.text);
    const with_static_ranges_ms = samples(runs, () => perCall(edits, minMs, () => {}));
    const staticAfter = store.all().map((m) => m.text);
    store.dispose();
    if (staticAfter.join('\u0000') !== staticBefore.join('\u0000')) throw new Error('the edits broke static marks');

    // The same marks as live Ranges in a Highlight of their own.
    const placed = placeMentions();
    const registry = (CSS as unknown as { highlights: HighlightRegistry }).highlights;
    registry.set('bench-live', new Highlight(...placed.map((p) => p.range)));
    // Compared with the range text before, not the mention's (a <br> is "\n" only in the flow).
    const before = placed.map((p) => p.range.toString());
    const with_live_ranges_ms = samples(runs, () => perCall(edits, minMs, () => {}));
    const live_ranges = placed.length;
    const intact = placed.filter((p, i) => p.range.toString() === before[i]).length;
    registry.delete('bench-live');
    if (intact !== live_ranges) throw new Error(`the edits broke ${live_ranges - intact} marks`);
    return { edits: count, none_ms, with_static_ranges_ms, with_live_ranges_ms, static_ranges, live_ranges };
  },

  /**
   * Layout, text and DOM before vs. after marking (and after clearing), for both strategies;
   * `pageCss` is added to the page first when given (a site's descendant rules).
   */
  integrity(pageCss: string | null): Record<string, unknown> {
    let style: HTMLStyleElement | null = null;
    if (pageCss) {
      style = document.createElement('style');
      style.textContent = pageCss;
      document.head.append(style);
    }
    window.scrollTo(0, 0);
    const blocks = articleBlocks();
    let placed = placeMentions();
    const rangeRects = () => placed.map((p) => boxOf(p.range.getBoundingClientRect()));
    const before = snapshot(blocks, rangeRects);
    const origTarget = clickTarget(before.mentions[0]);

    const store = new MarkStore(window);
    highlightAll(store, placed);
    const hlMarked = snapshot(blocks, rangeRects);
    const hlTarget = clickTarget(hlMarked.mentions[0]);
    store.dispose();
    const hlCleared = snapshot(blocks, rangeRects);

    const byMention = wrapEach(spansNow());
    // A wrapped mention's box, measured as before: a text range from its first wrapped
    // character to its last.
    const wrapperRects = () =>
      byMention.map((ws) => {
        const r = document.createRange();
        const last = ws[ws.length - 1]!.lastChild as Text;
        r.setStart(ws[0]!.firstChild!, 0);
        r.setEnd(last, last.length);
        return boxOf(r.getBoundingClientRect());
      });
    const wrapMarked = snapshot(blocks, wrapperRects);
    const wrapTarget = clickTarget(wrapMarked.mentions[0]);
    const wrappers = byMention.flat();
    unwrapAll(wrappers);
    placed = placeMentions();
    const wrapCleared = snapshot(blocks, rangeRects);
    style?.remove();
    return {
      page_css: pageCss,
      marks: placed.length,
      wrappers: wrappers.length,
      tab_stops_added: { highlight: 0, wrap: wrappers.length },
      highlight: { marked: compare(before, hlMarked), cleared: compare(before, hlCleared), click_target: hlTarget },
      wrap: { marked: compare(before, wrapMarked), cleared: compare(before, wrapCleared), click_target: wrapTarget },
      click_target_unmarked: origTarget,
    };
  },

  /**
   * A framework-like update after marking: for each of the first `paragraphs` marked blocks,
   * the text node holding its first mention gets new text written into it (`nodeValue =`),
   * as React does with the text node it created; then the framework removes every text node
   * it created from the parent it created it in (unmounting the paragraph's children).
   * The page must be freshly loaded (this mutates it for good).
   */
  async rerender(strategy: 'highlight' | 'wrap', paragraphs: number): Promise<Record<string, unknown>> {
    const placed = placeMentions();
    // What "React" holds, taken before any marking: each text node, its parent, its value.
    const targets: Array<{ block: Element; expected: string; held: Array<{ node: Text; parent: Node; value: string }>; edited: number }> = [];
    const SUFFIX = ' (updated)';
    for (const p of placed) {
      if (targets.length >= paragraphs) break;
      if (targets.some((t) => t.block === p.block)) continue;
      const held: Array<{ node: Text; parent: Node; value: string }> = [];
      const w = document.createTreeWalker(p.block, NodeFilter.SHOW_TEXT);
      for (let n = w.nextNode(); n; n = w.nextNode()) held.push({ node: n as Text, parent: n.parentNode!, value: (n as Text).data });
      const edited = held.findIndex((h) => h.node === p.range.startContainer);
      // What the block would read after the update with no extension at all.
      const expected = held.map((h, i) => (i === edited ? h.value + SUFFIX : h.value)).join('');
      targets.push({ block: p.block, expected, held, edited });
    }
    const inTargets = (m: { block: Element }) => targets.some((t) => t.block === m.block || t.block.contains(m.block));

    let store: MarkStore | null = null;
    let scheduler: ScanScheduler | null = null;
    const stop = new AbortController();
    let wrapped: HTMLElement[][] = [];
    if (strategy === 'highlight') {
      // The shipped pipeline: scanner, scheduler (MutationObserver, idle batches), MarkStore.
      store = new MarkStore(window);
      const scanner = new Scanner(matcher!, store, document);
      scheduler = new ScanScheduler({ signal: stop.signal, isOwnNode: () => false, run: (req) => scanner.run(req, stop.signal) });
      scheduler.start();
      await scheduler.idle();
    } else {
      wrapped = wrapEach(spansNow());
    }
    const marksIn = () =>
      strategy === 'highlight'
        ? store!.all().filter(inTargets).length
        : wrapped.filter((ws) => ws.some((w) => w.isConnected && targets.some((t) => t.block.contains(w)))).length;
    const marksBefore = marksIn();
    const surnameOnly = () => (strategy === 'highlight' ? store!.all().filter((m) => inTargets(m) && m.kind === 'surname').length : null);
    const surnameBefore = surnameOnly();
    /** Highlight marks in the edited blocks whose range no longer covers the name it was made for. */
    const staleMarks = () =>
      strategy === 'highlight' ? store!.all().filter((m: Mark) => inTargets(m) && textNow(m.range) !== m.text).length : null;
    // The marks as they were, with their text, to see what the update does to their ranges.
    const oldMarks = strategy === 'highlight' ? store!.all().filter(inTargets).map((m) => ({ m, text: textNow(m.range) })) : [];
    const registry = (CSS as unknown as { highlights: HighlightRegistry }).highlights;
    const stillDrawn = (r: AbstractRange) => [...registry.values()].some((h) => h.has(r));

    const t0 = performance.now();
    for (const t of targets) {
      const h = t.held[t.edited]!;
      h.node.nodeValue = h.value + SUFFIX;
    }
    const staleRightAfter = strategy === 'highlight' ? oldMarks.filter(({ m, text }) => m.range.collapsed || textNow(m.range) !== text).length : null;
    let remarkMs: number | null = null;
    if (scheduler) {
      // Let the observer's batch run (it waits for an idle callback), then for the rescan.
      await new Promise((r) => setTimeout(r, 0));
      await scheduler.idle();
      remarkMs = performance.now() - t0;
    }
    const garbled = targets.filter((t) => t.block.textContent !== t.expected);
    const example = garbled[0] ? firstDifference(garbled[0].expected, garbled[0].block.textContent ?? '') : null;
    const marksAfter = marksIn();
    const surnameAfter = surnameOnly();
    const staleAfter = staleMarks();
    const oldStillDrawn = strategy === 'highlight' ? oldMarks.filter(({ m }) => stillDrawn(m.range)).length : null;

    // Unmount: the framework removes each text node it created from the parent it remembers.
    let removeErrors = 0;
    let firstError: string | null = null;
    for (const t of targets) {
      for (const h of t.held) {
        try {
          h.parent.removeChild(h.node);
        } catch (err) {
          removeErrors++;
          firstError ??= err instanceof Error ? `${err.name}: ${err.message}` : String(err);
        }
      }
    }
    const removeCalls = targets.reduce((n, t) => n + t.held.length, 0);
    const leftover = targets.reduce((n, t) => n + (t.block.textContent ?? '').trim().length, 0);
    stop.abort();
    store?.dispose();
    return {
      strategy,
      paragraphs: targets.length,
      marks_in_paragraphs_before: marksBefore,
      paragraphs_garbled: garbled.length,
      garbled_example: example,
      stale_marks_right_after_update: staleRightAfter,
      remark_ms: remarkMs,
      marks_in_paragraphs_after: marksAfter,
      stale_marks_after_rescan: staleAfter,
      old_ranges_still_drawn_after_rescan: oldStillDrawn,
      surname_only_marks_before: surnameBefore,
      surname_only_marks_after: surnameAfter,
      unmount_remove_calls: removeCalls,
      unmount_remove_errors: removeErrors,
      unmount_first_error: firstError,
      chars_left_after_unmount: leftover,
    };
  },

  /**
   * Hover cost with the Highlight API: `MarkStore.hitTest` (range.getClientRects of the marks
   * of the blocks under the pointer) for points on every mark of the block with most marks,
   * and for points in that block off the marks.
   */
  hover(runs: number, minMs: number): Record<string, number | string> {
    const store = new MarkStore(window);
    const placed = placeMentions();
    highlightAll(store, placed);
    const perBlock = new Map<Element, Placed[]>();
    for (const p of placed) perBlock.set(p.block, [...(perBlock.get(p.block) ?? []), p]);
    const [block, marks] = [...perBlock.entries()].sort((a, b) => b[1].length - a[1].length)[0]!;
    block.scrollIntoView({ block: 'center' });
    const rects = marks.flatMap((m) => [...m.range.getClientRects()]);
    // Only what is in the viewport: a pointer cannot be anywhere else (long blocks overflow it).
    const inView = (p: { x: number; y: number }) => p.x >= 0 && p.x < innerWidth && p.y >= 0 && p.y < innerHeight;
    const on = rects.map((r) => ({ x: r.left + r.width / 2, y: r.top + r.height / 2 })).filter(inView);
    const box = block.getBoundingClientRect();
    const off: Array<{ x: number; y: number }> = [];
    for (let i = 1; i <= 8; i++) {
      for (let j = 1; j <= 8; j++) {
        const x = box.left + (box.width * i) / 9;
        const y = box.top + (box.height * j) / 9;
        if (!marks.some((m) => rangeContainsPoint(m.range, x, y)) && inView({ x, y })) off.push({ x, y });
      }
    }
    const withTargets = (pts: Array<{ x: number; y: number }>) => pts.map((p) => ({ ...p, target: document.elementFromPoint(p.x, p.y) }));
    const onT = withTargets(on);
    const offT = withTargets(off);
    let found = 0;
    for (const p of onT) if (store.hitTest(p.target, p.x, p.y)) found++;
    let falseHits = 0;
    for (const p of offT) if (store.hitTest(p.target, p.x, p.y)) falseHits++;
    const timeEach = (pts: typeof onT) =>
      pts.length === 0 ? NaN : samples(runs, () => perCall(() => { for (const p of pts) store.hitTest(p.target, p.x, p.y); }, minMs, () => {})) / pts.length;
    const hit_us = timeEach(onT) * 1000;
    const miss_us = timeEach(offT) * 1000;
    // The raw cost the brief asks about: every mark's getClientRects in the block, once.
    const all_rects_us = samples(runs, () => perCall(() => { for (const m of marks) m.range.getClientRects(); }, minMs, () => {})) * 1000;
    store.dispose();
    window.scrollTo(0, 0);
    return {
      block: block.localName,
      marks_in_block: marks.length,
      rects_in_block: rects.length,
      points_on_marks: onT.length,
      points_found: found,
      points_off_marks: offT.length,
      false_hits: falseHits,
      hit_us,
      miss_us,
      all_rects_us,
    };
  },
};

/** Where two texts part, with some context either side (keeps the report short). */
function firstDifference(expected: string, shown: string): { at: number; expected: string; shown: string } {
  let i = 0;
  while (i < expected.length && expected[i] === shown[i]) i++;
  const from = Math.max(0, i - 60);
  return { at: i, expected: expected.slice(from, i + 100), shown: shown.slice(from, i + 100) };
}

(globalThis as { NotAloneMarking?: typeof api }).NotAloneMarking = api;
export type MarkingApi = typeof api;
