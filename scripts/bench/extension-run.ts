/**
 * The real built extension on a bench page served at a news host: what the page feels.
 * Long tasks are observed from the page's side from before the document starts; the run ends
 * when the extension's highlight count has not changed for a while. The same page is loaded
 * once more at a host the content script does not match: a long page's own first layout is a
 * long task too, and that one is not ours.
 */
import type { ExtensionBrowser, TestServer } from '../../tests/e2e/harness';
import type { BenchPage } from './pages';
import { median } from './timing';

export interface ExtensionRun {
  /** The observer reported a 120 ms control task run after the page settled. */
  observer_ok: boolean;
  /**
   * Longest task that ended after the content script started (its `not-alone:start` mark, set
   * in the task that injects it): a task over before then is the page's own, such as the first
   * layout of a long page, which may begin just after DOMContentLoaded.
   */
  longest_task_ms: number | null;
  /** Longest task of the whole load, parsing included, for comparison. */
  longest_task_any_ms: number | null;
  /** The same page without the extension (a host it does not run on): its longest task of the whole load, parsing and first layout included. */
  page_alone_longest_task_ms: number | null;
  /** JS heap of the page with the extension minus without it, after full GCs, once its marks settled. */
  heap_added_mb: number | null;
  /** The content script's own longest stretch of work (a scan slice or publishing), as it reports it. */
  own_longest_ms: number | null;
  long_tasks: number;
  highlighted_ranges: number;
  /** From navigation start until the highlight count settled. */
  settled_ms: number | null;
  /** performance.mark()s the content script left, by name (ms since navigation start). */
  marks: Record<string, number>;
}

export const NEWS_HOST = 'freedomnews.org.uk';
/** Not in the content script's matches; the test server answers for it all the same. */
const PLAIN_HOST = 'plain.test';
const QUIET_MS = 1500;
const LIMIT_MS = 30_000;

// Page-side code goes in as source text: tsx would wrap named functions in a helper the page lacks.
const LONG_TASK_PROBE = `
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
`;

// Whole-renderer JS heap after full GCs: the content script's isolated world shares the page's
// heap, so the difference from the same page without the extension is what the extension adds.
const HEAP_AFTER_GC = `(() => {
  if (typeof gc !== 'function' || !performance.memory) return null;
  gc(); gc();
  return performance.memory.usedJSHeapSize;
})()`;

/** Waits until the extension's highlight count has not changed for QUIET_MS: its ranges then, and since when. */
export const MARKS_SETTLED = `(async () => {
    let last = -1;
    let since = performance.now();
    while (performance.now() < ${LIMIT_MS}) {
      let n = 0;
      if (globalThis.CSS && CSS.highlights) {
        CSS.highlights.forEach((h, name) => { if (name.startsWith('not-alone') && !name.endsWith('focus')) n += h.size; });
      }
      if (n !== last) { last = n; since = performance.now(); }
      else if (performance.now() - since >= ${QUIET_MS}) return { ranges: n, at: since };
      await new Promise((r) => setTimeout(r, 100));
    }
    return { ranges: last, at: null };
  })()`;

/** Serves the bench page's HTML at `host` (the test server answers for any host); its URL. */
export function servePage(server: TestServer, host: string, page: BenchPage): string {
  const url = `https://${host}/bench/${page.name}`;
  server.route(url, { body: page.html, headers: { 'content-type': 'text/html; charset=utf-8' } });
  return url;
}

/** The page at a host the extension does not run on, given as long to settle as the extension's run. */
async function pageAlone(browser: ExtensionBrowser, server: TestServer, page: BenchPage, settleMs: number): Promise<{ longest: number; heap: number | null }> {
  const url = servePage(server, PLAIN_HOST, page);
  const tab = await browser.context.newPage();
  await tab.addInitScript(LONG_TASK_PROBE);
  await tab.goto(url);
  await tab.waitForTimeout(settleMs);
  const durations = (await tab.evaluate('window.__longTasks.map((t) => t.duration)')) as number[];
  const heap = (await tab.evaluate(HEAP_AFTER_GC)) as number | null;
  await tab.close();
  return { longest: Math.max(0, ...durations), heap };
}

export async function measureExtensionOnPage(browser: ExtensionBrowser, server: TestServer, page: BenchPage): Promise<ExtensionRun> {
  const url = servePage(server, NEWS_HOST, page);
  const tab = await browser.context.newPage();
  await tab.addInitScript(LONG_TASK_PROBE);
  await tab.goto(url);
  const settled = (await tab.evaluate(MARKS_SETTLED)) as { ranges: number; at: number | null };
  // Control: a 120 ms task of our own must show up, or the observer saw nothing at all.
  await tab.evaluate(`new Promise((r) => setTimeout(() => { const t = performance.now(); while (performance.now() - t < 120); setTimeout(r, 200); }, 0))`);
  const timing = (await tab.evaluate(`(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const marks = {};
    for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('not-alone')) marks[m.name] = m.startTime;
    const own = document.querySelector('not-alone-ui');
    return { dcl: nav ? nav.domContentLoadedEventEnd : 0, tasks: window.__longTasks, marks, own: own ? Number(own.dataset.longestEverMs) : null };
  })()`)) as { dcl: number; tasks: Array<{ start: number; duration: number }>; marks: Record<string, number>; own: number | null };
  const heap = (await tab.evaluate(HEAP_AFTER_GC)) as number | null;
  await tab.close();
  const alone = await pageAlone(browser, server, page, QUIET_MS);
  const control = timing.tasks.pop();
  const observerWorks = control !== undefined && control.duration >= 120;
  const ownStart = timing.marks['not-alone:start'];
  const after = timing.tasks.filter((t) => (ownStart === undefined ? t.start >= timing.dcl : t.start + t.duration > ownStart));
  const longest = (ts: typeof after) => (ts.length ? Math.max(...ts.map((t) => t.duration)) : null);
  if (!observerWorks) console.error('  long-task observer did not see the control task: longest_task_ms is unknown');
  return {
    observer_ok: observerWorks,
    longest_task_ms: observerWorks ? (after.length ? longest(after) : 0) : null,
    longest_task_any_ms: longest(timing.tasks),
    page_alone_longest_task_ms: observerWorks ? alone.longest : null,
    heap_added_mb: heap !== null && alone.heap !== null ? (heap - alone.heap) / 2 ** 20 : null,
    own_longest_ms: timing.own !== null && Number.isFinite(timing.own) ? timing.own : null,
    long_tasks: after.length,
    highlighted_ranges: settled.ranges,
    settled_ms: settled.at,
    marks: timing.marks,
  };
}

export interface StartupRun {
  /** Median over the loads: content script start to matcher ready (the startup_ms). */
  startup_ms: number | null;
  /** Median of the part on the page's thread: parsing the tables and building the matcher, cold. */
  startup_main_ms: number | null;
  /** Median wait for settings and tables (storage, or the background when the stored copy did not fit). */
  startup_wait_ms: number | null;
  /** Loads whose tables came from storage rather than from the background. */
  from_storage: number;
  loads: number;
}

/**
 * Startup as the reader meets it: the page loaded `loads` times in fresh tabs at a news host,
 * each time from the content script's first line to its matcher being ready (its own marks).
 */
export async function measureStartup(browser: ExtensionBrowser, server: TestServer, page: BenchPage, loads: number): Promise<StartupRun> {
  const url = servePage(server, NEWS_HOST, page);
  const total: number[] = [];
  const main: number[] = [];
  const wait: number[] = [];
  let fromStorage = 0;
  for (let i = 0; i < loads; i++) {
    const tab = await browser.context.newPage();
    await tab.goto(url);
    // The host (and what it says about the tables) appears just after the matcher is ready.
    await tab.waitForFunction(() => !!(document.querySelector('not-alone-ui') as HTMLElement | null)?.dataset.tablesFrom, undefined, { timeout: 20_000 });
    const t = (await tab.evaluate(`(() => {
      const at = (n) => performance.getEntriesByName('not-alone:' + n)[0].startTime;
      const from = document.querySelector('not-alone-ui').dataset.tablesFrom;
      return { start: at('start'), data: at('matcher-data'), ready: at('matcher-ready'), from };
    })()`)) as { start: number; data: number; ready: number; from: string };
    await tab.close();
    total.push(t.ready - t.start);
    main.push(t.ready - t.data);
    wait.push(t.data - t.start);
    if (t.from === 'storage') fromStorage++;
  }
  const mid = (xs: number[]) => (xs.length ? median(xs) : null);
  return { startup_ms: mid(total), startup_main_ms: mid(main), startup_wait_ms: mid(wait), from_storage: fromStorage, loads };
}

/**
 * The content script's own scan work (`data-scan-total-ms`, the first full scan cold and any
 * rescans) over `loads` loads of the page in fresh tabs, each until its marks settle: one load
 * swings by 10–20 %, so the figure is their median.
 */
export async function measureScanWork(browser: ExtensionBrowser, server: TestServer, page: BenchPage, loads: number): Promise<{ scan_total_ms: number | null; loads_ms: number[] }> {
  const url = servePage(server, NEWS_HOST, page);
  const loadsMs: number[] = [];
  for (let i = 0; i < loads; i++) {
    const tab = await browser.context.newPage();
    await tab.goto(url);
    await tab.evaluate(MARKS_SETTLED);
    const total = (await tab.evaluate(`Number(document.querySelector('not-alone-ui')?.dataset.scanTotalMs)`)) as number;
    await tab.close();
    if (Number.isFinite(total)) loadsMs.push(total);
  }
  return { scan_total_ms: loadsMs.length ? median(loadsMs) : null, loads_ms: loadsMs };
}
