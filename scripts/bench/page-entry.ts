/**
 * Runs inside the bench page (bundled by scripts/bench/bundle.ts): the matcher and DOM code of
 * the content script, plus the two baselines, each timed in the page so no DevTools round trip
 * lands inside a measurement.
 */
import Mark from 'mark.js';
import { createMatcher } from '@/lib/matcher';
import type { Matcher, MatcherTables } from '@/lib/matcher-types';
import { FlowWalker, findScanRoots, rootsText } from '@/utils/page-text';
import { MarkStore } from '@/utils/highlights';
import { TokenList } from '@/lib/tokenize';
import { FLOW_BATCH } from '@/entrypoints/content/scanner';
import type { TextFlow } from '@/utils/page-text';
import { median, perCall, samples } from './timing';

let matcher: Matcher | null = null;
/** The matcher tables' JSON text `build` was given: `scan_fresh_ms` makes a new matcher from it. */
let tablesText = '';
let store: MarkStore | null = null;

/**
 * The content script's work on one page, as its Scanner does it in a full scan: read the
 * article's flows, FLOW_BATCH at a time, match them, mark their mentions (MarkStore.addFlow:
 * static ranges).
 */
function scanDocument(m: Matcher, marks: MarkStore): number {
  const roots = findScanRoots(document);
  const page = m.newPage(rootsText(roots));
  let count = 0;
  const batch: TextFlow[] = [];
  const markBatch = () => {
    const found = batch.map((flow) => m.find(flow.text, page));
    batch.forEach((flow, i) => (count += marks.addFlow(flow, found[i]!, true)));
    batch.length = 0;
  };
  for (const root of roots) {
    const walker = new FlowWalker(root);
    for (let flow = walker.next(); flow; flow = walker.next()) {
      batch.push(flow);
      if (batch.length === FLOW_BATCH) markBatch();
    }
    markBatch();
  }
  return count;
}

function textNodes(root: Node): Text[] {
  const out: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

/** The floor: every text node's every character read once. */
function walkSampler() {
  let chars = 0;
  let nodes = 0;
  const once = () => {
    let sum = 0;
    chars = 0;
    nodes = 0;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const s = (n as Text).data;
      for (let i = 0; i < s.length; i++) sum += s.charCodeAt(i);
      chars += s.length;
      nodes++;
    }
    if (sum === -1) throw new Error('unreachable: keeps the loop from being optimised away');
  };
  return { sample: () => perCall(once, 100), chars: () => chars, nodes: () => nodes };
}

/**
 * Our full scan of the page (`scanDocument`), its marks cleared between calls, untimed.
 * `fresh`: each call also gets a new matcher and an empty table of words (made untimed), so it
 * meets every word of the page for the first time, as the first scan after a page load does;
 * otherwise the matcher's remembered look-ups from the calls before serve it.
 */
function scanSampler(fresh = false) {
  if (!matcher) throw new Error('startup() first');
  let m = matcher;
  const marks = new MarkStore(window);
  let count = 0;
  const between = () => {
    marks.clear();
    if (!fresh) return;
    // (A matcher's token list holds its own table of words: a new matcher knows none.)
    m = createMatcher(JSON.parse(tablesText) as MatcherTables);
  };
  between();
  return {
    sample: () => perCall(() => void (count = scanDocument(m, marks)), 100, between),
    marks: () => count,
    dispose: () => marks.dispose(),
  };
}

/** One alternation regex of all full-name strings over every text node. */
function regexSampler(names: string[]): { sample: () => number; matches: () => number } | { error: string } {
  let re: RegExp;
  try {
    const escaped = [...names].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    re = new RegExp(`(?<![\\p{L}\\p{M}])(?:${escaped.join('|')})(?![\\p{L}\\p{M}])`, 'gu');
    re.test('');
  } catch (err) {
    return { error: String(err) };
  }
  let found = 0;
  const once = () => {
    found = 0;
    for (const node of textNodes(document.body)) {
      re.lastIndex = 0;
      const s = node.data;
      while (re.exec(s)) found++;
    }
  };
  return { sample: () => perCall(once, 100), matches: () => found };
}

const api = {
  /**
   * The matcher tables' JSON text, as the content script reads it, → a ready matcher: the part
   * of startup on the page's thread, repeated until warm (startup_ms itself is measured on the
   * real extension, cold, in extension-run.ts).
   */
  build(tablesJson: string, runs: number): { build_ms: number; name_forms: number } {
    tablesText = tablesJson;
    const once = () => {
      matcher = createMatcher(JSON.parse(tablesJson) as MatcherTables);
    };
    const ms = samples(runs, () => perCall(once, 50));
    return { build_ms: ms, name_forms: matcher!.formCount };
  },

  /** Heap held by the matcher and one page's marks, after full GCs (needs --expose-gc). */
  heap(tablesJson: string): { heap_mb: number | null; marks: number; before?: number; after?: number } {
    const gc = (globalThis as { gc?: () => void }).gc;
    // performance.memory is a snapshot object: read it afresh for each figure.
    const used = () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize;
    matcher = null;
    store?.dispose();
    store = null;
    if (!gc || used() === undefined) return { heap_mb: null, marks: 0 };
    gc();
    gc();
    const before = used()!;
    matcher = createMatcher(JSON.parse(tablesJson) as MatcherTables);
    store = new MarkStore(window);
    const marks = scanDocument(matcher, store);
    gc();
    gc();
    const after = used()!;
    return { heap_mb: (after - before) / 2 ** 20, marks, before, after };
  },

  /** Our scan alone, `runs` samples (for `npm run bench:profile`); the median. */
  scan(runs: number): number {
    const scan = scanSampler();
    const ms = samples(runs, scan.sample);
    scan.dispose();
    return ms;
  },

  /**
   * The floor, our scan and the regex baseline, one sample of each in turn, so that a machine
   * that slows down or speeds up during the run (shared hosts do) moves all three alike and
   * the ratios between them hold. Each figure is the median of `runs` samples.
   */
  paired(names: string[], runs: number): { walk_ms: number; chars: number; text_nodes: number; scan_ms: number; scan_fresh_ms: number; marks: number } & ({ regex_ms: number; regex_matches: number } | { regex_error: string }) {
    const walk = walkSampler();
    const scan = scanSampler();
    const scanFresh = scanSampler(true);
    let regex = regexSampler(names);
    if ('sample' in regex) {
      try {
        regex.sample(); // compiles it; an engine that gives up (stack, memory) says so here
      } catch (err) {
        regex = { error: String(err) };
      }
    }
    const timed: Array<{ sample: () => number; ms: number[] }> = [walk, scan, scanFresh, ...('sample' in regex ? [regex] : [])].map((s) => ({ sample: s.sample, ms: [] }));
    for (const t of timed) t.sample(); // warm-up
    for (let r = 0; r < runs; r++) for (const t of timed) t.ms.push(t.sample());
    scan.dispose();
    scanFresh.dispose();
    const [walkMs, scanMs, scanFreshMs, regexMs] = timed.map((t) => median(t.ms));
    return {
      walk_ms: walkMs!,
      chars: walk.chars(),
      text_nodes: walk.nodes(),
      scan_ms: scanMs!,
      scan_fresh_ms: scanFreshMs!,
      marks: scan.marks(),
      ...('sample' in regex ? { regex_ms: regexMs!, regex_matches: regex.matches() } : { regex_error: regex.error }),
    };
  },

  /**
   * Where scan time goes: reading flows, the page context, tokenising (the matcher's own
   * TokenList, as `find` uses it), matching (tokenising and page support included).
   */
  breakdown(runs: number): Record<string, number> {
    if (!matcher) throw new Error('startup() first');
    const m = matcher;
    const roots = findScanRoots(document);
    let flows: TextFlow[] = [];
    const readFlows = () => {
      flows = [];
      for (const root of roots) {
        const walker = new FlowWalker(root);
        for (let f = walker.next(); f; f = walker.next()) flows.push(f);
      }
    };
    const flows_ms = samples(runs, () => perCall(readFlows, 100));
    // The page's text is handed over as a walk of its text nodes, read only as far as asked.
    const wholeText = () => rootsText(roots);
    const newpage_ms = samples(runs, () => perCall(() => void m.newPage(wholeText()), 100));
    const tokens = new TokenList();
    const tokenize_ms = samples(runs, () => perCall(() => { for (const f of flows) tokens.read(f.text); }, 100));
    const find_ms = samples(runs, () =>
      perCall(() => {
        const page = m.newPage(wholeText());
        for (const f of flows) m.find(f.text, page);
      }, 100),
    );
    // The longest single find() of a scan: the page-wide support is built by the first question.
    const find_longest_ms = samples(runs, () => {
      const page = m.newPage(wholeText());
      let longest = 0;
      for (const f of flows) {
        const t0 = performance.now();
        m.find(f.text, page);
        longest = Math.max(longest, performance.now() - t0);
      }
      return longest;
    });
    // Marking alone: the mentions found once, then MarkStore.addFlow per flow.
    const page = m.newPage(wholeText());
    const found = flows.map((f) => m.find(f.text, page));
    const store = new MarkStore(window);
    const mark_ms = samples(runs, () => perCall(() => flows.forEach((f, i) => store.addFlow(f, found[i]!, true)), 100, () => store.clear()));
    store.dispose();
    return { flows_ms, newpage_ms, tokenize_ms, find_ms, find_longest_ms, mark_ms, flows: flows.length };
  },

  /**
   * mark.js highlighting `names` (the first `count` of them). Each call starts from the page's
   * original markup; restoring it is outside the timing.
   */
  markjs(names: string[], count: number, runs: number, minMs: number): { ms: number; marks: number } | { error: string } {
    const original = document.body.innerHTML;
    const list = names.slice(0, count);
    const opts = {
      separateWordSearch: false,
      diacritics: false,
      accuracy: { value: 'exactly' as const, limiters: ['.', ',', ';', ':', '!', '?', '"', '«', '»', '(', ')', '’', "'"] },
    };
    let marks = 0;
    const once = () => {
      new Mark(document.body).mark(list, { ...opts, done: (n: number) => void (marks = n) });
    };
    const restore = () => void (document.body.innerHTML = original);
    try {
      // runs = 0: a single try (the prefix search), no warm-up.
      const ms = runs === 0 ? perCall(once, 0, restore) : samples(runs, () => perCall(once, minMs, restore));
      return { ms, marks };
    } catch (err) {
      return { error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
    } finally {
      document.body.innerHTML = original;
    }
  },
};

(globalThis as { NotAloneBench?: typeof api }).NotAloneBench = api;
export type BenchApi = typeof api;
