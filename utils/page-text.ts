/**
 * Reads a page as text flows: runs of text that a reader sees as continuous, even when inline
 * tags split them into several text nodes ("Алексей <b>Горинов</b>"). Every flow keeps a map
 * from its string offsets back to (text node, offset), so a match becomes a DOM Range without
 * changing the page.
 *
 * A block element starts and ends a flow; `<br>` stays inside the flow as "\n" (a name broken
 * over two lines is still one name); editable fields, form controls, code, scripts and our own
 * UI are skipped as whole subtrees.
 *
 * The walk follows what is rendered: into the open shadow roots of page elements (their
 * `<slot>`s read the nodes assigned to them), not into the hidden light children of a host.
 * Closed shadow roots cannot be read and are not.
 */
import { FNV_OFFSET, FNV_PRIME, fnv1a } from '@/lib/fnv';

/** Tags whose content reads as part of the surrounding line. Everything else is a block. */
const INLINE_TAGS = new Set([
  'a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'big', 'cite', 'data', 'del', 'dfn', 'em', 'font',
  'i', 'ins', 'kbd', 'label', 'mark', 'nobr', 'q', 's', 'samp', 'small', 'span', 'strike',
  'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr', 'slot',
]);

/** Subtrees never read: not prose, not ours to touch, or something the reader is typing into. */
const SKIPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'button',
  'code', 'pre', 'kbd', 'samp', 'svg', 'math', 'canvas', 'iframe', 'object', 'embed', 'video',
  'audio', 'head', 'title',
]);

/** Tag name of the shadow host that holds our own UI (WXT `createShadowRootUi` name). */
export const OWN_HOST_TAG = 'not-alone-ui';

/**
 * True for an element whose whole subtree must not be read. `aria-hidden` is deliberately not
 * here: modal scripts put it on the whole article while a cookie banner is open, and the text
 * stays visible.
 */
export function isSkippedElement(el: Element): boolean {
  return isSkippedTag(el, el.localName);
}

/** `isSkippedElement` for an element whose `localName` is known (each DOM call counts in a walk). */
function isSkippedTag(el: Element, tag: string): boolean {
  if (SKIPPED_TAGS.has(tag) || tag === OWN_HOST_TAG) return true;
  // Most elements of an article have no attributes, or only class/href: one call tells.
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute('hidden')) return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  const role = el.getAttribute('role');
  return role === 'textbox' || role === 'combobox' || role === 'searchbox';
}

/**
 * The parent in the flat tree (what is rendered): the slot a node is assigned to, else its
 * parent element, else the host of the shadow root it sits at the top of. Null at the document.
 */
export function composedParent(node: Node): Element | null {
  const slot = (node as Node & { assignedSlot?: HTMLSlotElement | null }).assignedSlot;
  if (slot) return slot;
  if (node.parentElement) return node.parentElement;
  const parent = node.parentNode as (Node & { host?: Element }) | null;
  return parent && parent.nodeType === 11 && parent.host ? parent.host : null;
}

/** Like `ancestor.contains(node)`, in the flat tree (across shadow roots and slots). */
export function composedContains(ancestor: Node, node: Node): boolean {
  for (let n: Node | null = node; n; n = composedParent(n)) if (n === ancestor) return true;
  return false;
}

/**
 * Reading order of two nodes in the flat tree: < 0 when `a` comes first (an ancestor comes
 * before its descendants), 0 for the same node or nodes of unrelated trees. Nodes in different
 * trees (the document and a shadow root) are placed by the hosts that hold their trees.
 */
export function composedOrder(a: Node, b: Node): number {
  if (a === b) return 0;
  // Nodes of one tree, the usual case: one call tells (asking each for its root costs two more).
  const pos = a.compareDocumentPosition(b);
  if (!(pos & DISCONNECTED)) return orderOf(pos);
  const pathA = hostChain(a);
  const pathB = hostChain(b);
  // The deepest tree both share, and where each node sits in it.
  for (let i = 0; ; i++) {
    const x = pathA[i];
    const y = pathB[i];
    if (!x || !y || x.getRootNode() !== y.getRootNode()) return 0;
    const nextX = pathA[i + 1];
    const nextY = pathB[i + 1];
    if (nextX && nextY && x === y) continue;
    if (x === y) return nextX ? 1 : -1;
    return treeOrder(x, y);
  }
}

/** Document order of two different nodes of one tree. */
function treeOrder(x: Node, y: Node): number {
  return orderOf(x.compareDocumentPosition(y));
}

/** `composedOrder`'s answer for x and y from `x.compareDocumentPosition(y)`, for one tree. */
function orderOf(pos: number): number {
  if (pos & CONTAINS) return 1;
  if (pos & CONTAINED_BY) return -1;
  return pos & FOLLOWING ? -1 : 1;
}

/** `Node.DOCUMENT_POSITION_*` bits (the DOM standard's values), without a global look-up per call. */
const DISCONNECTED = 0x01;
const FOLLOWING = 0x04;
const CONTAINS = 0x08;
const CONTAINED_BY = 0x10;

/** From the document down: the shadow hosts that hold `node`'s tree, then `node`. */
function hostChain(node: Node): Node[] {
  const chain: Node[] = [node];
  for (let root = node.getRootNode() as Node & { host?: Element }; root.nodeType === 11 && root.host; root = root.host.getRootNode() as Node & { host?: Element }) {
    chain.unshift(root.host);
  }
  return chain;
}

/** True when the element, or an ancestor up to the document, is skipped (for subtree rescans). */
export function isInsideSkipped(node: Node): boolean {
  for (let el = node.nodeType === 1 ? (node as Element) : composedParent(node); el; el = composedParent(el)) {
    if (isSkippedElement(el)) return true;
  }
  return false;
}

/**
 * What a slot renders instead of its own children (its fallback content): the nodes assigned to
 * it, when there are any. Null for any other element.
 */
function slotted(el: Element, tag: string): ArrayLike<Node> | null {
  if (tag !== 'slot') return null;
  const assigned = (el as HTMLSlotElement).assignedNodes?.() ?? [];
  return assigned.length > 0 ? assigned : null;
}

/**
 * Elements a shadow root can be attached to (the DOM standard's valid shadow host names, and
 * custom elements), but not our own host: `<b>`, `<a>`, `<li>` and the like never have one, so
 * the walk does not ask.
 */
const SHADOW_HOST_TAGS = new Set([
  'article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'main', 'nav', 'p', 'section', 'span',
]);

function mayHostShadow(tag: string): boolean {
  return SHADOW_HOST_TAGS.has(tag) || (tag.includes('-') && tag !== OWN_HOST_TAG);
}

export function isInlineElement(el: Element): boolean {
  return isInlineTag(el.localName);
}

function isInlineTag(tag: string): boolean {
  // Unknown custom elements (a hyphen in the name) are inline, like any unknown element in CSS.
  return INLINE_TAGS.has(tag) || (tag.includes('-') && tag !== OWN_HOST_TAG);
}

/** The nearest block-level ancestor (or the element itself): the unit that flows belong to. */
export function blockOf(node: Node): Element | null {
  let el = node.nodeType === 1 ? (node as Element) : composedParent(node);
  while (el && isInlineElement(el)) el = composedParent(el);
  return el;
}

/** One text node's place in a flow: the flow's characters [start, start + node.length). */
export interface FlowPiece {
  node: Text;
  start: number;
}

export interface TextFlow {
  text: string;
  /** The block element whose inline content this flow is. */
  block: Element;
  /** Text nodes in order; characters between pieces (a `<br>`'s "\n") belong to no node. */
  pieces: FlowPiece[];
}

interface OpenElement {
  el: Element;
  isBlock: boolean;
  /** For a block: the block to return to when it ends. */
  outer: Element | null;
  /**
   * What is rendered inside `el`: the children of `parent` (`el` or its shadow root), visited by
   * `nextSibling` from `sibling`, or a list (a slot's nodes, or `parent`'s children once the page
   * moved the next sibling away while the walk was paused); `next` counts the nodes visited.
   */
  parent: Node;
  sibling: Node | null;
  list: ArrayLike<Node> | null;
  next: number;
}

/**
 * Reads `root`'s text as flows in document order, a few at a time: `next()` walks only as far
 * as the next flow, so a long page can be read in slices between which the page runs.
 * Flows with no letters are dropped. `root` itself is read even if it is inline.
 * `onShadowRoot` hears of every open shadow root the walk enters (their mutations are not
 * seen by an observer of the document).
 */
export class FlowWalker {
  private readonly root: Element;
  /** Open elements from the root down; the walk is over when it is empty. */
  private readonly open: OpenElement[] = [];
  private readonly ready: TextFlow[] = [];
  private text = '';
  private pieces: FlowPiece[] = [];
  private block: Element;

  constructor(
    root: Element,
    private readonly onShadowRoot?: (root: ShadowRoot) => void,
  ) {
    this.root = root;
    this.block = blockOf(root) ?? root;
    if (!isInsideSkipped(root)) this.enter(root, root.localName, true);
  }

  next(): TextFlow | null {
    while (this.ready.length === 0 && this.open.length > 0) this.step();
    if (this.ready.length === 0) this.close();
    return this.ready.shift() ?? null;
  }

  private close(): void {
    if (this.pieces.length > 0 && hasLetter(this.text)) {
      this.ready.push({ text: this.text, block: this.block, pieces: this.pieces });
    }
    this.text = '';
    this.pieces = [];
  }

  /**
   * Opens `el` (its `localName` is `tag`: the walk asks the DOM for it once per element). What
   * is rendered as its content: its open shadow root's children, a slot's assigned nodes, or its
   * own children; the walk steps through children by `nextSibling`, which costs it less than
   * indexing a live `childNodes` list.
   */
  private enter(el: Element, tag: string, isBlock: boolean): void {
    const shadow = mayHostShadow(tag) ? el.shadowRoot : null;
    const parent: Node = shadow ?? el;
    const list = shadow ? null : slotted(el, tag);
    const sibling = list ? null : parent.firstChild;
    if (isBlock) {
      this.close();
      this.open.push({ el, isBlock, outer: this.block, parent, sibling, list, next: 0 });
      this.block = el;
    } else {
      this.open.push({ el, isBlock, outer: null, parent, sibling, list, next: 0 });
    }
    if (shadow) this.onShadowRoot?.(shadow);
  }

  private step(): void {
    const top = this.open[this.open.length - 1]!;
    let node: Node | null | undefined = top.sibling;
    if (node && node.parentNode !== top.parent) {
      // The page moved the next node away while the walk was paused: go on by position instead.
      top.list = top.parent.childNodes;
      top.sibling = node = null;
    }
    if (top.list) node = top.list[top.next];
    else if (node) top.sibling = node.nextSibling;
    top.next++;
    if (!node) return this.leave();
    const type = node.nodeType;
    if (type === 3) {
      const data = (node as Text).data;
      if (data.length > 0) {
        this.pieces.push({ node: node as Text, start: this.text.length });
        this.text += data;
      }
      return;
    }
    if (type !== 1) return;
    const el = node as Element;
    const tag = el.localName;
    if (isSkippedTag(el, tag)) {
      // A skipped field or code span is a hard boundary: no name runs through it.
      this.close();
      return;
    }
    if (tag === 'br') {
      if (this.pieces.length > 0) this.text += '\n';
      return;
    }
    this.enter(el, tag, !isInlineTag(tag));
  }

  /** Leaves the innermost open element: its content is done. */
  private leave(): void {
    const top = this.open.pop()!;
    if (top.isBlock) {
      this.close();
      this.block = top.outer ?? this.block;
    }
  }
}

/** Whether `text` has a letter: the first few characters usually tell, without the regex. */
function hasLetter(text: string): boolean {
  const head = Math.min(text.length, 8);
  let ascii = true;
  for (let i = 0; i < head; i++) {
    const code = text.charCodeAt(i);
    const c = code | 0x20;
    // a-z (and A-Z, folded), а-я (and А-Я, whose codes differ from a-я's by 0x20).
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x430 && c <= 0x44f)) return true;
    if (code >= 0x80) ascii = false;
  }
  // All of it read and all ASCII (the line breaks between blocks, flows of their own): no letter.
  if (ascii && head === text.length) return false;
  return /\p{L}/u.test(text);
}

/** All flows of `root` at once (tests, small subtrees). */
export function collectFlows(root: Element): TextFlow[] {
  const walker = new FlowWalker(root);
  const flows: TextFlow[] = [];
  for (let flow = walker.next(); flow; flow = walker.next()) flows.push(flow);
  return flows;
}

/** Index of the piece holding flow offset `offset`; `asEnd` picks the piece a range ends in. */
export function pieceAt(flow: TextFlow, offset: number, asEnd: boolean): number {
  let lo = 0;
  let hi = flow.pieces.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const p = flow.pieces[mid]!;
    if (asEnd ? p.start < offset : p.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A mention's boundaries in the DOM, as plain values (a `StaticRange`'s fields). */
export interface FlowSpan {
  startContainer: Text;
  startOffset: number;
  endContainer: Text;
  endOffset: number;
}

/** The span of [start, end) given the pieces holding its start and its end; null when empty. */
function spanOf(first: FlowPiece, last: FlowPiece, start: number, end: number): FlowSpan | null {
  const startOffset = Math.min(Math.max(start - first.start, 0), first.node.length);
  const endOffset = Math.min(Math.max(end - last.start, 0), last.node.length);
  if (first.node === last.node && endOffset <= startOffset) return null;
  return { startContainer: first.node, startOffset, endContainer: last.node, endOffset };
}

/**
 * Maps a flow's mentions, in order, to DOM boundaries with one forward walk over its pieces
 * (instead of a search per mention). Starts must not decrease from one call to the next.
 */
export class FlowCursor {
  private piece = 0;

  constructor(private readonly flow: TextFlow) {}

  /** The same boundaries as `flowRange(flow, start, end)`, or null. */
  span(start: number, end: number): FlowSpan | null {
    const pieces = this.flow.pieces;
    if (pieces.length === 0 || end <= start) return null;
    let i = this.piece;
    while (i + 1 < pieces.length && pieces[i + 1]!.start <= start) i++;
    this.piece = i;
    let k = i;
    while (k + 1 < pieces.length && pieces[k + 1]!.start < end) k++;
    return spanOf(pieces[i]!, pieces[k]!, start, end);
  }
}

/**
 * A DOM Range over the flow's characters [start, end), crossing text nodes as needed.
 * Null when the offsets fall outside every node (they only touched a synthetic "\n").
 * The range is live: the browser updates it on every DOM change while it is held.
 */
export function flowRange(flow: TextFlow, start: number, end: number, doc: Document = document): Range | null {
  if (flow.pieces.length === 0 || end <= start) return null;
  const span = spanOf(flow.pieces[pieceAt(flow, start, false)]!, flow.pieces[pieceAt(flow, end, true)]!, start, end);
  if (!span) return null;
  const range = doc.createRange();
  range.setStart(span.startContainer, span.startOffset);
  range.setEnd(span.endContainer, span.endOffset);
  return range.collapsed ? null : range;
}

/** Containers that hold the article on the supported sites, most specific first. */
const ARTICLE_SELECTORS = ['article', '[itemprop="articleBody"]', 'main', '[role="main"]'];

/**
 * Where to read: every outermost `<article>` when the page has them, else the main content
 * (`[itemprop=articleBody]`, `<main>`), else the whole body. Menus and footers outside the
 * article are then never read.
 */
export function findScanRoots(doc: Document = document): Element[] {
  for (const selector of ARTICLE_SELECTORS) {
    const found = [...doc.querySelectorAll(selector)].filter((el) => !isInsideSkipped(el));
    const outermost = found.filter((el) => !found.some((other) => other !== el && other.contains(el)));
    if (outermost.length > 0) return outermost;
  }
  return doc.body ? [doc.body] : [];
}

/** NodeFilter.SHOW_TEXT | NodeFilter.SHOW_CDATA_SECTION: the nodes `textContent` is made of. */
const SHOW_TEXT_DATA = 0x4 | 0x8;

/**
 * The roots' `textContent`, joined by line breaks, as the text nodes' data one by one: the
 * whole-page text the matcher judges names against (`Matcher.newPage`), which reads only as
 * far as it needs. Read lazily, it is the text at the time it is read. (Chromium's
 * `textContent` of a long article costs several times as much as reading the same nodes.)
 */
export function* rootsText(roots: readonly Element[]): Generator<string, void, undefined> {
  for (const [i, root] of roots.entries()) {
    if (i > 0) yield '\n';
    const walker = root.ownerDocument.createTreeWalker(root, SHOW_TEXT_DATA);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) yield (node as CharacterData).data;
  }
}

/**
 * A cheap hash (FNV-1a) of a block's flow texts, so an unchanged block is not matched again:
 * that of the texts joined by U+0000, without making the joined string (a whole article). It
 * is fed flow by flow as they are read, so a long block is hashed across the scan's slices
 * (hashing a 100,000-word article in one go took 16 ms, its code not yet optimised).
 */
export class TextsHash {
  private h = FNV_OFFSET;
  private empty = true;

  add(text: string): void {
    if (!this.empty) this.h = Math.imul(this.h, FNV_PRIME); // the U+0000 between two texts (h ^ 0 is h)
    this.empty = false;
    this.h = fnv1a(text, 0, text.length, this.h);
  }

  get value(): number {
    return this.h >>> 0;
  }
}
