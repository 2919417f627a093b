/**
 * Draws marks with the CSS Custom Highlight API: the page's DOM, text and layout stay exactly
 * as they were, so framework re-renders and hydration are not disturbed. Ranges receive no
 * events, so pointer hits are found by geometry (`hitTest`).
 *
 * Where the API is missing (older Firefox), nothing is drawn: marks still exist for the
 * keyboard list and the card, and the reason is logged once.
 */
import type { Mention } from '@/lib/matcher-types';
import type { MarkStyle } from '@/utils/settings';
import { composedContains, composedParent } from '@/utils/page-text';

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
  return rules[style] + FOCUS_CSS;
}

/** The default style's rules (kept for callers that do not follow the settings). */
export const HIGHLIGHT_CSS = highlightCss('underline');

export interface Mark {
  /** Unique within the page; the keyboard list and the card refer to marks by it. */
  key: number;
  range: Range;
  text: string;
  ids: string[];
  kind: Mention['kind'];
  confidence: Mention['confidence'];
  /** The block element whose flow held the mention (rescans replace a block's marks). */
  block: Element;
}

type HighlightCtor = new (...ranges: AbstractRange[]) => Highlight;

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
  private sorted: Mark[] | null = null;

  constructor(private readonly win: Window = window) {
    this.api = highlightApi(win);
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

  add(mention: Mention, range: Range, block: Element): Mark {
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
    this.sorted = null;
    return mark;
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
    for (const marks of this.byBlock.values()) for (const m of marks) this.forget(m);
    this.byBlock.clear();
  }

  /**
   * Every mark still in the page, in reading order (shadow-root content at its host's place).
   * Marks whose text the page removed since the last prune are left out.
   */
  all(): Mark[] {
    if (!this.sorted || this.sorted.some((m) => !isAttached(m))) {
      this.sorted = [...this.byBlock.values()].flat().filter(isAttached).sort((a, b) => compareRanges(a.range, b.range));
    }
    return this.sorted;
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
    let el = node && typeof node.nodeType === 'number' ? (node.nodeType === 1 ? (node as Element) : composedParent(node)) : null;
    for (; el; el = composedParent(el)) {
      const marks = this.byBlock.get(el);
      if (!marks) continue;
      for (const m of marks) if (rangeContainsPoint(m.range, x, y)) return m;
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
    this.sorted = null;
  }
}

/**
 * Reading order of two ranges. Ranges in different trees (the document and a shadow root)
 * cannot be compared directly: each is then placed by the host that holds its tree.
 */
export function compareRanges(a: Range, b: Range): number {
  const rootA = a.startContainer.getRootNode();
  const rootB = b.startContainer.getRootNode();
  if (rootA === rootB) return a.compareBoundaryPoints(Range.START_TO_START, b);
  const pathA = hostChain(a.startContainer);
  const pathB = hostChain(b.startContainer);
  // The deepest tree both share, and where each range sits in it.
  for (let i = 0; ; i++) {
    const x = pathA[i];
    const y = pathB[i];
    if (!x || !y || x.getRootNode() !== y.getRootNode()) return 0;
    const nextX = pathA[i + 1];
    const nextY = pathB[i + 1];
    if (nextX && nextY && x === y) continue;
    if (x === y) return nextX ? 1 : -1;
    const pos = x.compareDocumentPosition(y);
    if (pos & Node.DOCUMENT_POSITION_CONTAINS) return 1;
    if (pos & Node.DOCUMENT_POSITION_CONTAINED_BY) return -1;
    return pos & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  }
}

/** From the document down: the shadow hosts that hold `node`'s tree, then `node`. */
function hostChain(node: Node): Node[] {
  const chain: Node[] = [node];
  for (let root = node.getRootNode() as Node & { host?: Element }; root.nodeType === 11 && root.host; root = root.host.getRootNode() as Node & { host?: Element }) {
    chain.unshift(root.host);
  }
  return chain;
}

/**
 * Whether a mark still covers text in the page. A live Range whose text node is removed moves
 * to the removed node's parent (still connected, collapsed), and one whose text is rewritten
 * collapses: neither is a mark any more.
 */
function isAttached(mark: Mark): boolean {
  const { range, block } = mark;
  return !range.collapsed && block.isConnected && range.startContainer.isConnected && composedContains(block, range.startContainer);
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
