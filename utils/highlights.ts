/**
 * Draws marks with the CSS Custom Highlight API: the page's DOM, text and layout stay exactly
 * as they were, so framework re-renders and hydration are not disturbed. Ranges receive no
 * events, so pointer hits are found by geometry (`hitTest`).
 *
 * Marks are held as `StaticRange`s: a live `Range` is updated by the browser on every DOM
 * change of the document, which made the page's own edits ~30× slower with 2,000 marks held
 * (docs/architecture.md). A static range does not follow the DOM, so a mark is checked against
 * its text nodes instead (`isAttached`), and the scanner re-marks a block whose text changed.
 * Geometry needs a live range: one is made only for the marks being measured.
 *
 * Where the API is missing (older Firefox), nothing is drawn: marks still exist for the
 * keyboard list and the card, and the reason is logged once.
 */
import type { Mention } from '@/lib/matcher-types';
import type { MarkStyle } from '@/utils/settings';
import { insertSorted } from '@/lib/sorted';
import { composedContains, composedOrder, composedParent, FlowCursor, type TextFlow } from '@/utils/page-text';

export const HIGHLIGHT_NAMES = {
  high: 'not-alone',
  low: 'not-alone-low',
  focus: 'not-alone-focus',
} as const;

const MARK_COLOR = 'rgb(196, 120, 0)';
const FOCUS_CSS = `
::highlight(${HIGHLIGHT_NAMES.focus}) {
  background-color: rgba(255, 196, 0, 0.6);
  text-decoration: underline solid 3px rgb(150, 80, 0);
}`;

/** A printed article is the page's own: no marks on paper, where no card can open. */
const PRINT_CSS = `
@media print {
  ${Object.values(HIGHLIGHT_NAMES)
    .map((name) => `::highlight(${name})`)
    .join(', ')} { background-color: transparent; text-decoration: none; }
}`;

/**
 * Styles for the page's document (highlight pseudo-elements cannot be styled from a shadow
 * root), per the reader's mark style. A highlight can only change colours and decorations, so
 * the "icon" style is a thin dotted underline here plus a small badge our own overlay draws
 * after each name (see MarkBadges in the content script's App).
 */
export function highlightCss(style: MarkStyle): string {
  const { high, low } = HIGHLIGHT_NAMES;
  const rules: Record<MarkStyle, string> = {
    underline: `
::highlight(${high}) { text-decoration: underline solid 2px ${MARK_COLOR}; }
::highlight(${low}) { text-decoration: underline dotted 2px ${MARK_COLOR}; }`,
    background: `
::highlight(${high}) { background-color: rgba(255, 196, 0, 0.35); }
::highlight(${low}) { background-color: rgba(255, 196, 0, 0.16); text-decoration: underline dotted 1px ${MARK_COLOR}; }`,
    icon: `
::highlight(${high}) { text-decoration: underline dotted 1px ${MARK_COLOR}; }
::highlight(${low}) { text-decoration: underline dotted 1px ${MARK_COLOR}; }`,
  };
  return rules[style] + FOCUS_CSS + PRINT_CSS;
}

/** The default style's rules (kept for callers that do not follow the settings). */
export const HIGHLIGHT_CSS = highlightCss('underline');

export interface Mark {
  /** Unique within the page; the keyboard list and the card refer to marks by it. */
  key: number;
  /** Static: it does not follow DOM changes (see `isAttached`); `MarkStore.liveRange` for geometry. */
  range: AbstractRange;
  text: string;
  ids: string[];
  kind: Mention['kind'];
  confidence: Mention['confidence'];
  /** The block element whose flow held the mention (rescans replace a block's marks). */
  block: Element;
}

type HighlightCtor = new (...ranges: AbstractRange[]) => Highlight;
type StaticRangeCtor = new (init: StaticRangeInit) => StaticRange;

/**
 * Makes non-live ranges over spans (`StaticRange`, looked up once: a mark is made per name on
 * the page). Where `StaticRange` is missing (happy-dom; every browser with the Highlight API
 * has it) a plain object with the same fields stands in: nothing draws it.
 */
function staticRanges(win: Window): (span: StaticRangeInit) => AbstractRange {
  const Ctor = (win as unknown as { StaticRange?: StaticRangeCtor }).StaticRange;
  if (Ctor) return function newStaticRange(span) {
    return new Ctor(span);
  };
  return function rangeLike(span) {
    const collapsed = span.startContainer === span.endContainer && span.startOffset === span.endOffset;
    return { ...span, collapsed } as AbstractRange;
  };
}

function highlightApi(win: Window): { registry: HighlightRegistry; Ctor: HighlightCtor } | null {
  const w = win as unknown as { CSS?: { highlights?: HighlightRegistry }; Highlight?: HighlightCtor };
  const registry = w.CSS?.highlights;
  const Ctor = w.Highlight;
  return registry && Ctor ? { registry, Ctor } : null;
}

let warnedMissingApi = false;

export class MarkStore {
  private readonly byBlock = new Map<Element, Mark[]>();
  private nextKey = 1;
  private readonly api: ReturnType<typeof highlightApi>;
  private readonly high: Highlight | null = null;
  private readonly low: Highlight | null = null;
  private readonly focus: Highlight | null = null;
  private focused: Mark | null = null;
  /**
   * Every mark in reading order, kept so as marks are added: a scan adds them in reading order,
   * so nearly every mark is one comparison with the last. Sorting them all at once walked the
   * whole document (about 10 ms on the 100,000-word page, in one task).
   */
  private ordered: Mark[] = [];
  /** Forgotten marks still in `ordered`, taken out before the next look at it. */
  private readonly dropped = new Set<Mark>();
  private changes = 0;
  private readonly staticRange: (span: StaticRangeInit) => AbstractRange;

  constructor(private readonly win: Window = window) {
    this.api = highlightApi(win);
    this.staticRange = staticRanges(win);
    if (this.api) {
      const { registry, Ctor } = this.api;
      this.high = new Ctor();
      this.low = new Ctor();
      this.focus = new Ctor();
      this.focus.priority = 1;
      registry.set(HIGHLIGHT_NAMES.high, this.high);
      registry.set(HIGHLIGHT_NAMES.low, this.low);
      registry.set(HIGHLIGHT_NAMES.focus, this.focus);
    } else if (!warnedMissingApi) {
      warnedMissingApi = true;
      console.info('[Not Alone] CSS Custom Highlight API unavailable: names are listed but not drawn.');
    }
  }

  get canDraw(): boolean {
    return this.api !== null;
  }

  /** Changes with every mark added or removed: the same version, the same marks. */
  get version(): number {
    return this.changes;
  }

  /** Adds one mark over `range`'s boundaries (a live Range passed in is not kept). */
  add(mention: Mention, range: AbstractRange, block: Element): Mark {
    const { startContainer, startOffset, endContainer, endOffset } = range;
    const mark = this.put(mention, this.staticRange({ startContainer, startOffset, endContainer, endOffset }), block);
    this.insertInOrder([mark]);
    return mark;
  }

  /**
   * Marks a flow's mentions (in the order `find` returns them): offsets are mapped to text
   * nodes by one forward walk over the flow's pieces, and no live Range is made. Returns how
   * many marks were added (mentions that touch no text node are not).
   *
   * `follows`: the caller reads the page in document order into a cleared store (a full scan),
   * so the flow comes after every mark held and goes at the end without a comparison (one
   * `compareDocumentPosition` per flow was about a fifth of marking the 100,000-word page).
   */
  addFlow(flow: TextFlow, mentions: readonly Mention[], follows = false): number {
    if (mentions.length === 0) return 0;
    const cursor = new FlowCursor(flow);
    const run: Mark[] = [];
    for (const mention of mentions) {
      const span = cursor.span(mention.start, mention.end);
      if (span) run.push(this.put(mention, this.staticRange(span), flow.block));
    }
    if (follows) this.withoutDropped().push(...run);
    else this.insertInOrder(run);
    return run.length;
  }

  private put(mention: Mention, range: AbstractRange, block: Element): Mark {
    this.changes++;
    const mark: Mark = {
      key: this.nextKey++,
      range,
      text: mention.text,
      ids: mention.ids,
      kind: mention.kind,
      confidence: mention.confidence,
      block,
    };
    const list = this.byBlock.get(block);
    if (list) list.push(mark);
    else this.byBlock.set(block, [mark]);
    (mark.confidence === 'low' ? this.low : this.high)?.add(range);
    return mark;
  }

  /** Puts a run of marks (one flow's: one stretch of text, in reading order) into `ordered`. */
  private insertInOrder(run: Mark[]): void {
    insertSorted(this.withoutDropped(), run, byReadingOrder);
  }

  private withoutDropped(): Mark[] {
    if (this.dropped.size > 0) {
      this.ordered = this.ordered.filter((m) => !this.dropped.has(m));
      this.dropped.clear();
    }
    return this.ordered;
  }

  /**
   * A live Range over the mark, for geometry (card placement, badges, scrolling). Made on
   * demand: the caller should not keep it longer than it needs it (every live range costs the
   * page on each DOM change).
   */
  liveRange(mark: Mark): Range | null {
    if (!isAttached(mark)) return null;
    const r = mark.range;
    const range = (r.startContainer.ownerDocument ?? this.win.document).createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range;
  }

  /** Removes every mark inside `block` (the block itself or its descendants). */
  removeWithin(block: Element): void {
    for (const [b, marks] of this.byBlock) {
      if (composedContains(block, b)) {
        for (const m of marks) this.forget(m);
        this.byBlock.delete(b);
      }
    }
  }

  /** Removes the marks of `block`'s own flows (not those of blocks inside it). */
  removeOwn(block: Element): void {
    const marks = this.byBlock.get(block);
    if (!marks) return;
    for (const m of marks) this.forget(m);
    this.byBlock.delete(block);
  }

  /** Drops marks whose text left the document (a re-render replaced it). Returns how many. */
  pruneDetached(): number {
    let removed = 0;
    for (const [b, marks] of this.byBlock) {
      const kept = marks.filter((m) => {
        const attached = isAttached(m);
        if (!attached) {
          this.forget(m);
          removed++;
        }
        return attached;
      });
      if (kept.length === 0) this.byBlock.delete(b);
      else if (kept.length !== marks.length) this.byBlock.set(b, kept);
    }
    return removed;
  }

  /** True when the block's marks are all still attached (so an unchanged block needs no rescan). */
  blockIntact(block: Element): boolean {
    for (const [b, marks] of this.byBlock) {
      if (!composedContains(block, b)) continue;
      if (!marks.every(isAttached)) return false;
    }
    return true;
  }

  clear(): void {
    this.high?.clear();
    this.low?.clear();
    this.setFocused(null);
    this.byBlock.clear();
    this.ordered = [];
    this.dropped.clear();
    this.changes++;
  }

  /**
   * Every mark still in the page, in reading order (shadow-root content at its host's place).
   * Marks whose text the page removed since the last prune are left out.
   */
  all(): Mark[] {
    const list = this.withoutDropped();
    return list.every(isAttached) ? list : list.filter(isAttached);
  }

  byKey(key: number): Mark | undefined {
    return this.all().find((m) => m.key === key);
  }

  /** Draws one mark as focused (keyboard or open card); null clears it. */
  setFocused(mark: Mark | null): void {
    if (this.focused && this.focus) this.focus.delete(this.focused.range);
    this.focused = mark;
    if (mark && this.focus) this.focus.add(mark.range);
  }

  /**
   * The mark under the point, if any. Only the marks of blocks that contain the event target
   * are measured, so a pointer move costs a few rectangle checks.
   */
  hitTest(target: EventTarget | null, x: number, y: number): Mark | null {
    const node = target as Node | null;
    let probe: Range | undefined;
    let el = node && typeof node.nodeType === 'number' ? (node.nodeType === 1 ? (node as Element) : composedParent(node)) : null;
    for (; el; el = composedParent(el)) {
      const marks = this.byBlock.get(el);
      if (!marks) continue;
      for (const m of marks) {
        if (!isAttached(m)) continue;
        // One live range, moved from mark to mark, measures them all; it is dropped after.
        probe ??= (m.range.startContainer.ownerDocument ?? this.win.document).createRange();
        probe.setStart(m.range.startContainer, m.range.startOffset);
        probe.setEnd(m.range.endContainer, m.range.endOffset);
        if (rangeContainsPoint(probe, x, y)) return m;
      }
    }
    return null;
  }

  /** Removes our highlights from the page's registry (content script invalidated). */
  dispose(): void {
    this.clear();
    if (!this.api) return;
    // A newer copy of the content script (after an update) may have registered its own.
    const ours: Record<string, Highlight | null> = { [HIGHLIGHT_NAMES.high]: this.high, [HIGHLIGHT_NAMES.low]: this.low, [HIGHLIGHT_NAMES.focus]: this.focus };
    for (const [name, highlight] of Object.entries(ours)) {
      if (this.api.registry.get(name) === highlight) this.api.registry.delete(name);
    }
  }

  private forget(mark: Mark): void {
    this.high?.delete(mark.range);
    this.low?.delete(mark.range);
    if (this.focused === mark) this.setFocused(null);
    this.dropped.add(mark);
    this.changes++;
  }
}

const byReadingOrder = (a: Mark, b: Mark) => compareRanges(a.range, b.range);

/**
 * Reading order of two ranges by their starts. Ranges in different trees (the document and a
 * shadow root) are placed by the host that holds each tree. Works on static ranges (no
 * `compareBoundaryPoints`).
 */
export function compareRanges(a: AbstractRange, b: AbstractRange): number {
  if (a.startContainer === b.startContainer) return a.startOffset - b.startOffset;
  return composedOrder(a.startContainer, b.startContainer);
}

/**
 * Whether a mark still covers its text in the page. A static range does not follow the DOM:
 * its nodes must still be in the block, its offsets inside them, and (for a mark in one text
 * node, nearly all) the characters there must still be the name. A rewrite that keeps the
 * name's characters in place is caught by the scanner's text hash instead.
 */
function isAttached(mark: Mark): boolean {
  const { range, block } = mark;
  const start = range.startContainer;
  const end = range.endContainer;
  if (range.collapsed || !start.isConnected) return false;
  // The native test answers for the light DOM; only a mark inside a shadow root needs the walk.
  if (!block.contains(start) && !(block.isConnected && composedContains(block, start))) return false;
  if (start === end) {
    const data = (start as Text).data;
    return data !== undefined && range.endOffset <= data.length && data.slice(range.startOffset, range.endOffset) === mark.text;
  }
  return end.isConnected && range.startOffset <= (start as Text).length && range.endOffset <= (end as Text).length;
}

/** Slack in px around a line box, so the pointer on the underline still counts. */
const HIT_SLACK = 2;

export function rangeContainsPoint(range: Range, x: number, y: number): boolean {
  for (const r of range.getClientRects()) {
    if (x >= r.left - HIT_SLACK && x <= r.right + HIT_SLACK && y >= r.top - HIT_SLACK && y <= r.bottom + HIT_SLACK) return true;
  }
  return false;
}

/**
 * Appends the highlight styles to the page once, inside our own host element (light DOM: a
 * `<style>` applies wherever it is in the document, and this one leaves with our host).
 */
export function installHighlightStyles(host: Element, style: MarkStyle = 'underline', doc: Document = document): HTMLStyleElement {
  const el = doc.createElement('style');
  el.dataset.notAlone = 'highlights';
  el.dataset.markStyle = style;
  el.textContent = highlightCss(style);
  host.append(el);
  return el;
}

/** Switches installed highlight styles to another mark style. */
export function setHighlightStyle(el: HTMLStyleElement, style: MarkStyle): void {
  if (el.dataset.markStyle === style) return;
  el.dataset.markStyle = style;
  el.textContent = highlightCss(style);
}
