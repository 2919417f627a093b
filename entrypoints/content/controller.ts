/**
 * One page's worth of Not Alone: scanning (through the scheduler), the marks, and the card's
 * behaviour — hover with a delay and a bridge into the card, click, touch (bottom sheet),
 * keyboard (the proxy list) and Esc. SPA navigation starts a new page inside the same
 * controller; invalidation of the content script stops everything.
 */
import type { PrisonerRecord } from '@/lib/index-schema';
import type { Matcher } from '@/lib/matcher-types';
import { MarkStore, type Mark } from '@/utils/highlights';
import { ScanScheduler, yieldToPage } from '@/utils/scan-scheduler';
import { Scanner, type ScanCounters } from './scanner';
import type { UiActions } from './App';
import type { OpenedBy, UiStore } from './ui-store';

export const HOVER_OPEN_MS = 300;
export const HOVER_HIDE_MS = 300;

export interface ControllerDeps {
  doc?: Document;
  matcher: Matcher;
  store: UiStore;
  /** True for our shadow host and anything inside it. */
  isOwnNode: (node: Node) => boolean;
  fetchRecords: (ids: string[]) => Promise<PrisonerRecord[]>;
  reportMarked: (ids: string[]) => void;
  /** Aborts when the content script is invalidated. */
  signal: AbortSignal;
  /** Whether to mark at all, and low-confidence mentions too (the reader's settings). */
  marking?: MarkingOptions;
  /** Called after every finished scan batch, and when marking is switched off (tests and the host's data attributes). */
  onScanned?: (report: ScanReport) => void;
}

export interface MarkingOptions {
  enabled: boolean;
  showLowConfidence: boolean;
}

export interface ScanReport extends ScanCounters {
  markCount: number;
  ids: string[];
  /** The last batch's longest uninterrupted stretch of work in ms: a scan slice or the publishing. */
  longestMs: number;
  /** The same, over every batch since the content script started (the bench reads it). */
  longestEverMs: number;
  /** Batches run since the content script started (full scans included). */
  batches: number;
  fullScans: number;
  /** Work time of all batches, in ms, the pauses between slices left out. */
  totalMs: number;
  /** Of the last batch: its longest scan slice, and the publishing after it, in ms. */
  sliceMs: number;
  publishMs: number;
}

export class PageController implements UiActions {
  readonly marks: MarkStore;
  private readonly doc: Document;
  private readonly win: Window;
  private readonly scanner: Scanner;
  private scheduler: ScanScheduler | null = null;
  private page = new AbortController();
  private tokens = 0;
  private openTimer: number | undefined;
  private hideTimer: number | undefined;
  private hoverCandidate: Mark | null = null;
  private lastPointerType = 'mouse';
  private pointerFrame = 0;
  private lastReported = '';
  /** The mark store's version at the last publish. */
  private publishedVersion = -1;
  private readonly records = new Map<string, PrisonerRecord>();
  /** Records requests in flight, by the ids they ask for (hover prefetch and open share them). */
  private readonly inflight = new Map<string, Promise<PrisonerRecord[]>>();
  /** Counts the indexes taken up (`useIndex`), so an answer from an older one is not kept. */
  private indexSeq = 0;
  private marking: MarkingOptions;
  private started = false;
  private readonly totals = { batches: 0, fullScans: 0, totalMs: 0, longestMs: 0, longestEverMs: 0, sliceMs: 0, publishMs: 0 };

  constructor(private readonly deps: ControllerDeps) {
    this.doc = deps.doc ?? document;
    this.win = this.doc.defaultView ?? window;
    this.marks = new MarkStore(this.win);
    this.scanner = new Scanner(deps.matcher, this.marks, this.doc);
    this.marking = deps.marking ?? { enabled: true, showLowConfidence: true };
    this.scanner.showLowConfidence = this.marking.showLowConfidence;
    deps.signal.addEventListener('abort', () => this.dispose(), { once: true });
  }

  start(): void {
    const opts: AddEventListenerOptions = { signal: this.deps.signal, passive: true };
    this.doc.addEventListener('pointermove', this.onPointerMove, opts);
    this.doc.addEventListener('pointerdown', this.onPointerDown, opts);
    // Leaving the window is leaving the name: a hover card goes.
    this.doc.documentElement.addEventListener('pointerleave', () => this.hover(null, -1, -1), opts);
    this.doc.addEventListener('click', this.onClick, { signal: this.deps.signal, capture: true });
    this.doc.addEventListener('keydown', this.onKeyDown, { signal: this.deps.signal, capture: true });
    this.started = true;
    if (this.marking.enabled) this.startPage();
  }

  /**
   * A newer index was accepted while the page was open: match with its tables, forget the
   * records kept from the old one (a status may have changed), and read the page again.
   */
  useIndex(matcher: Matcher): void {
    this.indexSeq++;
    this.scanner.useMatcher(matcher);
    this.records.clear();
    this.inflight.clear();
    if (!this.started || this.deps.signal.aborted) return;
    this.stopPage();
    if (this.marking.enabled) this.startPage();
  }

  /** SPA navigation: drop this page's marks and work, read the new page when it settles. */
  navigate(): void {
    this.stopPage();
    if (this.marking.enabled) this.startPage();
  }

  /** The reader changed the settings: switch marking off or on, or read the page again. */
  setMarking(next: MarkingOptions): void {
    const before = this.marking;
    this.marking = next;
    this.scanner.showLowConfidence = next.showLowConfidence;
    if (!this.started || this.deps.signal.aborted) return;
    if (!next.enabled) {
      if (before.enabled) this.stopPage();
      return;
    }
    if (!before.enabled || before.showLowConfidence !== next.showLowConfidence) {
      this.stopPage();
      this.startPage();
    }
  }

  /**
   * The popup's "Show on the page": brings the first visible mark of this person into view,
   * draws it focused and moves the keyboard entry to it. False when no such mark is shown.
   */
  showPerson(id: string): boolean {
    const mark = this.marks.all().find((m) => m.ids.includes(id) && isShown(m.range));
    if (!mark) return false;
    const seq = (this.deps.store.state.proxyRequest?.seq ?? 0) + 1;
    this.deps.store.update({ focusedKey: mark.key, proxyRequest: { key: mark.key, seq } });
    this.marks.setFocused(mark);
    this.scrollIntoView(mark);
    return true;
  }

  /** Resolves when no scan is pending (tests). */
  async settled(): Promise<void> {
    await this.scheduler?.idle();
  }

  private startPage(): void {
    this.page = new AbortController();
    const signal = AbortSignal.any([this.page.signal, this.deps.signal]);
    const scheduler = new ScanScheduler({
      doc: this.doc,
      signal,
      isOwnNode: this.deps.isOwnNode,
      run: async (request) => {
        this.totals.batches++;
        if (request.full) this.totals.fullScans++;
        try {
          await this.scanner.run(request, signal);
        } finally {
          this.totals.totalMs += this.scanner.lastRunMs;
        }
        if (signal.aborted) return;
        let publishMs = 0;
        // A batch that changed no mark (a clock ticking beside the article) has nothing to publish.
        if (this.marks.version !== this.publishedVersion) {
          // Publishing is a task of its own, not added to the scan's last slice.
          await yieldToPage();
          if (signal.aborted) return;
          const start = performance.now();
          this.publish();
          publishMs = performance.now() - start;
        }
        this.totals.totalMs += publishMs;
        this.totals.longestMs = Math.max(this.scanner.longestSliceMs, publishMs);
        this.totals.longestEverMs = Math.max(this.totals.longestEverMs, this.totals.longestMs);
        this.totals.sliceMs = this.scanner.longestSliceMs;
        this.totals.publishMs = publishMs;
        this.report();
      },
    });
    this.scheduler = scheduler;
    this.scanner.onShadowRoot = (root) => scheduler.observeShadowRoot(root);
    scheduler.start();
  }

  /** Drops this page's marks and stops its work (navigation, marking switched off). */
  private stopPage(): void {
    this.closeCard(false);
    this.page.abort();
    this.scheduler = null;
    this.scanner.reset();
    this.publish();
    this.report();
  }

  private report(): void {
    this.deps.onScanned?.({
      ...this.scanner.counters,
      ...this.totals,
      markCount: this.deps.store.state.marks.length,
      ids: this.lastReported ? this.lastReported.split(' ') : [],
    });
  }

  private dispose(): void {
    this.page.abort();
    this.clearTimers();
    this.marks.dispose();
  }

  /** Hands the marks to the keyboard list and the toolbar badge. */
  private publish(): void {
    this.publishedVersion = this.marks.version;
    // Publishing repeats over every mark of the page after each batch (an endless page adds
    // batches), so what can be is asked once: visibility per element, a mark's label per mark.
    const shown = new Map<Element, boolean>();
    const marks = this.marks.all().filter((m) => isShown(m.range, shown));
    this.deps.store.update({ marks: marks.map((m) => ({ key: m.key, text: labelOf(m), ids: m.ids })) });
    const card = this.deps.store.state.card;
    if (card && !this.marks.byKey(card.markKey)) this.closeCard(false);
    const ids = [...new Set(marks.flatMap((m) => m.ids))].sort();
    const reported = ids.join(' ');
    if (reported !== this.lastReported) {
      this.lastReported = reported;
      this.deps.reportMarked(ids);
    }
  }

  // ---- opening and closing -------------------------------------------------------------

  private open(mark: Mark, openedBy: OpenedBy, pointer?: { x: number; y: number }): void {
    this.clearTimers();
    const current = this.deps.store.state.card;
    if (current?.markKey === mark.key && current.openedBy !== 'hover' && openedBy === 'hover') return;
    const token = ++this.tokens;
    const cached = mark.ids.map((id) => this.records.get(id));
    const complete = cached.every((r): r is PrisonerRecord => r !== undefined);
    this.marks.setFocused(mark);
    this.deps.store.update({
      card: {
        token,
        markKey: mark.key,
        ids: mark.ids,
        lowConfidence: mark.confidence === 'low',
        openedBy,
        pointer,
        content: complete ? { state: 'ready', records: cached } : { state: 'loading' },
      },
    });
    if (complete) return;
    this.loadRecords(mark.ids).then(
      (records) => this.settleCard(token, { state: 'ready', records: mark.ids.flatMap((id) => records.filter((r) => r.id === id)) }),
      () => this.settleCard(token, { state: 'error' }),
    );
  }

  /** Asks the background once per set of ids and keeps what it answers. */
  private loadRecords(ids: string[]): Promise<PrisonerRecord[]> {
    const key = ids.join(' ');
    let request = this.inflight.get(key);
    if (!request) {
      const index = this.indexSeq;
      request = this.deps.fetchRecords(ids).then((records) => {
        // (An answer from before a newer index was taken up is shown, not kept.)
        if (index === this.indexSeq) for (const r of records) this.records.set(r.id, r);
        return records;
      });
      const forget = () => {
        if (this.inflight.get(key) === request) this.inflight.delete(key);
      };
      request.then(forget, forget);
      this.inflight.set(key, request);
    }
    return request;
  }

  /** Applies a records reply only to the card that asked for it. */
  private settleCard(token: number, content: { state: 'ready'; records: PrisonerRecord[] } | { state: 'error' }): void {
    const card = this.deps.store.state.card;
    if (!card || card.token !== token || this.deps.signal.aborted) return;
    this.deps.store.update({ card: { ...card, content } });
  }

  closeCard(returnFocus: boolean): void {
    this.clearTimers();
    const card = this.deps.store.state.card;
    if (!card) return;
    this.deps.store.update({ card: null });
    const focusedKey = this.deps.store.state.focusedKey;
    this.marks.setFocused(focusedKey !== null ? (this.marks.byKey(focusedKey) ?? null) : null);
    if (returnFocus && card.openedBy === 'keyboard') this.focusProxy(card.markKey);
  }

  // ---- UiActions (keyboard list and card) ----------------------------------------------

  focusMark(key: number): void {
    const mark = this.marks.byKey(key);
    if (!mark) return;
    this.deps.store.update({ focusedKey: key });
    this.marks.setFocused(mark);
    this.scrollIntoView(mark);
  }

  blurMarks(): void {
    this.deps.store.update({ focusedKey: null });
    const card = this.deps.store.state.card;
    this.marks.setFocused(card ? (this.marks.byKey(card.markKey) ?? null) : null);
  }

  openFromKeyboard(key: number): void {
    const mark = this.marks.byKey(key);
    if (mark) this.open(mark, 'keyboard');
  }

  /** A live range for geometry (placement, badges); the marks themselves are static. */
  rangeOf(key: number): Range | null {
    const mark = this.marks.byKey(key);
    return mark ? this.marks.liveRange(mark) : null;
  }

  private scrollIntoView(mark: Mark): void {
    const range = this.marks.liveRange(mark);
    if (range) scrollRangeIntoView(range, this.win);
  }

  cardPointer(inside: boolean): void {
    const card = this.deps.store.state.card;
    if (!card || card.openedBy !== 'hover') return;
    if (inside) this.cancelHide();
    else this.scheduleHide();
  }

  private focusProxy(key: number): void {
    const host = this.doc.querySelector('not-alone-ui');
    const proxy = host?.shadowRoot?.querySelector<HTMLElement>('.na-proxy');
    if (proxy?.dataset.markKey === String(key)) proxy.focus();
  }

  // ---- pointer and keys ------------------------------------------------------------------

  private readonly onPointerDown = (e: PointerEvent) => {
    this.lastPointerType = e.pointerType || 'mouse';
  };

  private readonly onPointerMove = (e: PointerEvent) => {
    if (e.pointerType === 'touch') return;
    const { clientX: x, clientY: y } = e;
    const target = eventTarget(e);
    if (this.pointerFrame) return;
    this.pointerFrame = this.win.requestAnimationFrame(() => {
      this.pointerFrame = 0;
      this.hover(target, x, y);
    });
  };

  private hover(target: EventTarget | null, x: number, y: number): void {
    if (isNode(target) && this.deps.isOwnNode(target)) return;
    const hit = this.marks.hitTest(target, x, y);
    const card = this.deps.store.state.card;
    if (hit) {
      if (card?.markKey === hit.key) {
        this.cancelHide();
        return;
      }
      if (this.hoverCandidate === hit) return;
      this.hoverCandidate = hit;
      // Fetch during the hover delay, so the card usually opens complete.
      if (!hit.ids.every((id) => this.records.has(id))) this.loadRecords(hit.ids).catch(() => {});
      this.win.clearTimeout(this.openTimer);
      this.openTimer = this.win.setTimeout(() => {
        this.hoverCandidate = null;
        // A pinned card (click, keyboard) is replaced only by a deliberate action.
        const now = this.deps.store.state.card;
        if (!now || now.openedBy === 'hover') this.open(hit, 'hover', { x, y });
      }, HOVER_OPEN_MS);
      return;
    }
    this.hoverCandidate = null;
    this.win.clearTimeout(this.openTimer);
    if (card?.openedBy === 'hover') this.scheduleHide();
  }

  private readonly onClick = (e: MouseEvent) => {
    // The end of a text selection is not a request for the card.
    if (this.win.getSelection()?.isCollapsed === false) return;
    const target = eventTarget(e);
    if (isNode(target) && this.deps.isOwnNode(target)) return;
    const hit = this.marks.hitTest(target, e.clientX, e.clientY);
    const touch = this.lastPointerType === 'touch' || this.lastPointerType === 'pen';
    if (hit) {
      const inLink = isNode(target) && (target.nodeType === 1 ? (target as Element) : target.parentElement)?.closest('a[href]') != null;
      if (touch) {
        // The first tap shows the card rather than following a link around the name.
        e.preventDefault();
        this.open(hit, 'touch');
        return;
      }
      if (!inLink) {
        this.open(hit, 'click', { x: e.clientX, y: e.clientY });
        return;
      }
    }
    if (this.deps.store.state.card) this.closeCard(false);
  };

  private readonly onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !this.deps.store.state.card) return;
    this.closeCard(true);
  };

  private scheduleHide(): void {
    if (this.hideTimer !== undefined) return;
    this.hideTimer = this.win.setTimeout(() => {
      this.hideTimer = undefined;
      if (this.deps.store.state.card?.openedBy === 'hover') this.closeCard(false);
    }, HOVER_HIDE_MS);
  }

  private cancelHide(): void {
    this.win.clearTimeout(this.hideTimer);
    this.hideTimer = undefined;
  }

  private clearTimers(): void {
    this.win.clearTimeout(this.openTimer);
    this.cancelHide();
    this.hoverCandidate = null;
  }
}

/** The innermost target, inside open shadow roots too (`e.target` is retargeted to their host). */
function eventTarget(e: Event): EventTarget | null {
  return e.composedPath()[0] ?? e.target;
}

/** Realm-safe: page nodes are not instances of the content script's Node in Firefox. */
function isNode(target: EventTarget | null): target is Node {
  return target !== null && typeof (target as Node).nodeType === 'number';
}

/**
 * False for text the page hides (collapsed sections, off-screen templates), told by the element
 * holding the mark's start; `seen` remembers the answer per element.
 */
function isShown(range: AbstractRange, seen = new Map<Element, boolean>()): boolean {
  const el = range.startContainer.parentElement;
  if (!el) return false;
  let shown = seen.get(el);
  if (shown === undefined) {
    const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
    shown = check ? check.call(el, { visibilityProperty: true }) : true;
    seen.set(el, shown);
  }
  return shown;
}

/** Mark labels, made once per mark: the text on one line. */
const labels = new WeakMap<Mark, string>();
function labelOf(mark: Mark): string {
  let label = labels.get(mark);
  if (label === undefined) labels.set(mark, (label = mark.text.replace(/\s+/g, ' ').trim()));
  return label;
}

/** Brings a mark to the middle of the viewport unless it is already comfortably visible. */
function scrollRangeIntoView(range: Range, win: Window): void {
  const el = range.startContainer.parentElement;
  el?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  const rect = range.getBoundingClientRect();
  const margin = 80;
  if (rect.height > 0 && (rect.top < margin || rect.bottom > win.innerHeight - margin)) {
    win.scrollBy({ top: rect.top - win.innerHeight / 2 });
  }
}
