/**
 * Decides when and where the page is read again. A MutationObserver only collects what
 * changed; the work runs later in an idle callback (with a timeout, so busy pages still get
 * it), once per batch, for the smallest set of blocks that covers the changes. A huge batch
 * (more than `hugeMutation` records) asks for one full rescan instead. Nothing runs while the
 * tab is hidden, and everything stops when the signal aborts.
 */
import { blockOf, composedParent, isInlineElement } from './page-text';

export interface ScanRequest {
  /** Read every scan root again (first scan, SPA navigation, huge mutation). */
  full: boolean;
  /** Blocks whose text may have changed, outermost only, in no particular order. */
  blocks: Element[];
}

export interface ScanSchedulerOptions {
  doc?: Document;
  signal: AbortSignal;
  /** Nodes of our own UI: their mutations are never work. */
  isOwnNode: (node: Node) => boolean;
  /** Runs one batch; the scheduler waits for it before starting the next. */
  run: (request: ScanRequest) => Promise<void>;
  hugeMutation?: number;
  /** Longest wait for an idle period before the batch runs anyway. */
  idleTimeoutMs?: number;
}

const OBSERVED: MutationObserverInit = { childList: true, characterData: true, subtree: true };

export class ScanScheduler {
  private readonly doc: Document;
  private readonly opts: ScanSchedulerOptions;
  private readonly observer: MutationObserver;
  private pendingFull = false;
  private pending = new Set<Element>();
  private pendingRecords = 0;
  private scheduled = false;
  private running: Promise<void> | null = null;
  private readonly shadowRoots = new WeakSet<ShadowRoot>();

  constructor(opts: ScanSchedulerOptions) {
    this.opts = opts;
    this.doc = opts.doc ?? document;
    this.observer = new MutationObserver((records) => this.collect(records));
    opts.signal.addEventListener('abort', () => this.stop(), { once: true });
    this.doc.addEventListener('visibilitychange', this.onVisibility);
  }

  /** Starts observing and schedules the first full scan. */
  start(): void {
    if (this.opts.signal.aborted) return;
    this.observer.observe(this.doc.documentElement, OBSERVED);
    this.requestFull();
  }

  /** Also watches an open shadow root the scan read (the document's observer does not see into it). */
  observeShadowRoot(root: ShadowRoot): void {
    if (this.opts.signal.aborted || this.shadowRoots.has(root)) return;
    this.shadowRoots.add(root);
    this.observer.observe(root, OBSERVED);
  }

  requestFull(): void {
    this.pendingFull = true;
    this.schedule();
  }

  stop(): void {
    this.observer.disconnect();
    this.doc.removeEventListener('visibilitychange', this.onVisibility);
    this.pending.clear();
    this.pendingFull = false;
  }

  /** Resolves when no batch is pending or running (tests, benchmarks). */
  async idle(): Promise<void> {
    while (this.running || this.scheduled) {
      if (this.running) await this.running;
      else await new Promise((r) => setTimeout(r, 5));
    }
  }

  private readonly onVisibility = () => {
    if (!this.doc.hidden && (this.pendingFull || this.pending.size > 0)) this.schedule();
  };

  private collect(records: MutationRecord[]): void {
    if (this.opts.signal.aborted || this.pendingFull) return;
    this.pendingRecords += records.length;
    if (this.pendingRecords > (this.opts.hugeMutation ?? 1000)) {
      this.pendingFull = true;
      this.pending.clear();
      this.schedule();
      return;
    }
    for (const record of records) {
      if (this.opts.isOwnNode(record.target)) continue;
      if (record.type === 'characterData') {
        this.add(record.target);
        continue;
      }
      for (const node of record.addedNodes) {
        if (this.opts.isOwnNode(node) || isTextless(node)) continue;
        // A <br> holds no flow: the flow it changed (a line break more) is the one around it.
        this.add(isLineBreak(node) ? (composedParent(node) ?? node) : node);
      }
      // Removing text, an inline element or a line break changes the flow it sat in; removing
      // a block only detaches marks, which the scan prunes.
      for (const node of record.removedNodes) {
        const inFlow = node.nodeType === 3 || isLineBreak(node) || (node.nodeType === 1 && isInlineElement(node as Element));
        if (inFlow && !isTextless(node)) {
          this.add(record.target);
          break;
        }
      }
    }
    if (this.pending.size > 0) this.schedule();
  }

  private add(node: Node): void {
    if (!node.isConnected && node.nodeType !== 3) return;
    const block = blockOf(node);
    if (block) this.pending.add(block);
  }

  private schedule(): void {
    if (this.scheduled || this.opts.signal.aborted) return;
    if (this.doc.hidden) return; // onVisibility picks it up
    this.scheduled = true;
    const win = this.doc.defaultView ?? window;
    const go = () => {
      this.scheduled = false;
      void this.flush();
    };
    if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(go, { timeout: this.opts.idleTimeoutMs ?? 200 });
    else win.setTimeout(go, 50);
  }

  private async flush(): Promise<void> {
    if (this.opts.signal.aborted) return;
    if (this.doc.hidden) return;
    if (this.running) {
      await this.running;
      return this.schedule();
    }
    const full = this.pendingFull;
    const blocks = full ? [] : outermost([...this.pending].filter((b) => b.isConnected));
    this.pendingFull = false;
    this.pending = new Set();
    this.pendingRecords = 0;
    if (!full && blocks.length === 0) return;
    this.running = this.opts
      .run({ full, blocks })
      .catch((error: unknown) => {
        // One failed batch must not stop the observer: log it and carry on with the next.
        console.warn('[Not Alone] scan failed', error);
      })
      .finally(() => {
        this.running = null;
      });
    await this.running;
    if (this.pendingFull || this.pending.size > 0) this.schedule();
  }
}

/**
 * Whether adding or removing `node` leaves every flow's text as it was: an empty text node, or
 * an empty inline element (an ad slot's `<ins>`, a tracking `<span>`). Not a `<br>` (a line
 * break in the flow), a block (it splits a flow), or a custom element, which may render text
 * from a shadow root of its own. Ad and analytics scripts add such nodes right under the
 * article, and reading the whole article again for them would be wasted.
 */
export function isTextless(node: Node): boolean {
  if (node.nodeType === 3) return (node as Text).data.length === 0;
  if (node.nodeType !== 1 || node.firstChild) return false;
  const el = node as Element;
  // (`<br>` and blocks are no inline elements.)
  return isInlineElement(el) && !el.localName.includes('-') && !el.shadowRoot;
}

/** A `<br>`: a line break inside the flow around it, holding no flow of its own. */
function isLineBreak(node: Node): boolean {
  return node.nodeType === 1 && (node as Element).localName === 'br';
}

/** Drops every element that sits inside another one of the list. */
export function outermost(elements: Element[]): Element[] {
  const set = new Set(elements);
  return elements.filter((el) => {
    for (let p = composedParent(el); p; p = composedParent(p)) if (set.has(p)) return false;
    return true;
  });
}

/**
 * Gives the page a turn: `scheduler.yield()` where the browser has it (keeps our place in the
 * queue), else a macrotask.
 */
export function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Resolves once the document is visible again (at once if it is), or when `signal` aborts.
 * A long scan started in a visible tab stops between slices while the tab is hidden.
 */
export function whenVisible(doc: Document, signal: AbortSignal): Promise<void> {
  if (!doc.hidden || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      if (doc.hidden && !signal.aborted) return;
      doc.removeEventListener('visibilitychange', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    doc.addEventListener('visibilitychange', done);
    signal.addEventListener('abort', done);
  });
}

/**
 * A time budget per slice of work: `spent()` is true once the slice ran `budgetMs`;
 * `longest` is the longest slice seen (what the page had to wait for at most); `total` is the
 * work time of all slices so far (the pauses between them left out).
 */
export interface SliceTimer {
  spent: () => boolean;
  reset: () => void;
  readonly longest: number;
  readonly total: number;
}

export function sliceTimer(budgetMs = 12): SliceTimer {
  let start = performance.now();
  let longest = 0;
  /** Work of the finished slices; the current slice's length as of the last `spent()`. */
  let finished = 0;
  let current = 0;
  return {
    spent: () => {
      const elapsed = performance.now() - start;
      current = elapsed;
      if (elapsed > longest) longest = elapsed;
      return elapsed > budgetMs;
    },
    reset: () => {
      finished += current;
      current = 0;
      start = performance.now();
    },
    get longest() {
      return longest;
    },
    get total() {
      return finished + (performance.now() - start);
    },
  };
}
