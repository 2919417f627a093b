/**
 * `npm run bench:marking`: CSS Custom Highlight API ranges (what we ship) against wrapping every
 * mention in `<not-alone-mark tabindex="0">`, in headless Chromium on the bench pages, with the
 * real matcher's mentions as the ranges. Writes bench/marking.json and prints a table.
 * docs/architecture.md ("Marking") explains the figures and the decision they support.
 *
 * Options: --quick (fewer repetitions), --only=words-10k,words-100k (a subset of pages).
 * No extension build is needed: the page code is bundled from source here.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { build, type Rolldown } from 'vite';
import type { PrisonerIndex } from '@/lib/index-schema';
import { toMatcherData } from '@/lib/matcher-data';
import { startServer } from '../../tests/e2e/harness';
import { CHROMIUM_PATH, REPO_ROOT } from '../../tests/e2e/harness/paths';
import type { MarkingApi } from './marking-compare-entry';
import { benchPages } from './pages';
import { round } from './timing';

const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick');
const ONLY = argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const RUNS = QUICK ? 3 : 7;
/** One sample repeats the work until this much of it has run (beats the 0.1 ms timer step). */
const MIN_SAMPLE_MS = QUICK ? 20 : 50;
/** Marked paragraphs the simulated framework update rewrites. */
const RERENDER_PARAGRAPHS = 20;
const HOST = 'marking.test';
/** Page-like DOM edits timed with and without our live ranges. */
const MUTATION_EDITS = 1000;
/**
 * A descendant rule of the kind site themes carry (`.entry-content p *`): it reaches any
 * element put inside a paragraph, so wrapping can change the layout; highlights cannot.
 */
const SITE_CSS = 'article p * { letter-spacing: 0.04em; }';

type Call = <K extends keyof MarkingApi>(fn: K, ...args: Parameters<MarkingApi[K]>) => Promise<Awaited<ReturnType<MarkingApi[K]>>>;

async function bundleEntry(): Promise<string> {
  const out = await build({
    configFile: false,
    root: REPO_ROOT,
    logLevel: 'warn',
    resolve: { alias: { '@': REPO_ROOT } },
    build: {
      write: false,
      minify: true,
      lib: { entry: path.join(REPO_ROOT, 'scripts/bench/marking-compare-entry.ts'), formats: ['iife'], name: 'NotAloneMarkingBundle' },
    },
  });
  const outputs = (Array.isArray(out) ? out : [out]) as Rolldown.RolldownOutput[];
  const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('marking bundle: vite produced no chunk');
  return chunk.code;
}

function caller(tab: Page): Call {
  return (fn, ...args) =>
    tab.evaluate(([f, a]) => {
      const api = (globalThis as unknown as { NotAloneMarking: Record<string, (...x: unknown[]) => unknown> }).NotAloneMarking;
      return api[f as string]!(...(a as unknown[]));
    }, [fn, args] as const) as Promise<never>;
}

async function main(): Promise<void> {
  process.chdir(REPO_ROOT);
  const index = JSON.parse(readFileSync('data/index.json', 'utf8')) as PrisonerIndex;
  const matcherJson = JSON.stringify(toMatcherData(index));
  let pages = benchPages(index);
  if (ONLY) pages = pages.filter((p) => ONLY.includes(p.name));

  const bundle = await bundleEntry();
  const server = await startServer();
  server.route(`https://${HOST}/__marking.js`, { body: bundle, headers: { 'content-type': 'text/javascript' } });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      `--host-resolver-rules=MAP * 127.0.0.1:${server.port},EXCLUDE localhost`,
      '--ignore-certificate-errors',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      // gc() in the page drops unreachable live ranges before the wrapping is timed.
      '--js-flags=--expose-gc',
    ],
  });
  const results: Record<string, Record<string, unknown>> = {};
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    for (const page of pages) {
      const url = `https://${HOST}/${page.name}`;
      const html = page.html.replace('<head>', `<head><script src="/__marking.js"></script>`);
      server.route(url, { body: html, headers: { 'content-type': 'text/html; charset=utf-8' } });
      const tab = await context.newPage();
      const call = caller(tab);
      const load = async () => {
        await tab.goto(url);
        return call('setup', matcherJson);
      };
      console.error(`${page.name}: ${page.words} words`);
      const found = await load();
      if (found.mentions === 0) {
        // Nothing to mark: neither strategy does any work here.
        results[page.name] = { words: page.words, ...found };
        await tab.close();
        continue;
      }
      // Each measurement on a freshly loaded page: live ranges left by one (even unreachable,
      // until a GC that gc() does not always complete) slow every DOM edit of the next.
      const timings = { ...(await call('timingsHighlight', RUNS, MIN_SAMPLE_MS)) };
      await load();
      Object.assign(timings, await call('timingsWrap', RUNS, MIN_SAMPLE_MS));
      await load();
      const frames = { ...(await call('framesHighlight', RUNS)) };
      await load();
      Object.assign(frames, await call('framesWrap', RUNS));
      await load();
      const mutations = await call('mutationCost', RUNS, MIN_SAMPLE_MS, MUTATION_EDITS);
      await load();
      const integrity = await call('integrity', null);
      const integritySiteCss = await call('integrity', SITE_CSS);
      await load();
      const hover = await call('hover', RUNS, MIN_SAMPLE_MS);
      await load();
      const rerenderHighlight = await call('rerender', 'highlight', RERENDER_PARAGRAPHS);
      await load();
      const rerenderWrap = await call('rerender', 'wrap', RERENDER_PARAGRAPHS);
      await tab.close();
      results[page.name] = {
        words: page.words,
        ...found,
        timings: roundAll(timings),
        frames: roundAll(frames),
        page_edits_with_marks: roundAll(mutations),
        integrity,
        integrity_site_css: integritySiteCss,
        hover: roundAll(hover),
        rerender: { highlight: roundAll(rerenderHighlight), wrap: roundAll(rerenderWrap) },
      };
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const output = {
    pages: results,
    machine: machineFacts(),
    settings: { runs: RUNS, min_sample_ms: MIN_SAMPLE_MS, mutation_edits: MUTATION_EDITS, rerender_paragraphs: RERENDER_PARAGRAPHS, site_css: SITE_CSS, quick: QUICK, command: `npm run bench:marking${argv.length ? ' -- ' + argv.join(' ') : ''}` },
  };
  mkdirSync('bench', { recursive: true });
  writeFileSync('bench/marking.json', JSON.stringify(output, null, 2) + '\n');
  printTables(results);
  console.log('wrote bench/marking.json');
}

function machineFacts() {
  const run = (cmd: string, args: string[]) => {
    try {
      return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return null;
    }
  };
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    chromium: run(CHROMIUM_PATH, ['--version']),
    commit: run('git', ['rev-parse', '--short', 'HEAD']),
    // Other engineers' uncommitted work is in the bundle too: say so.
    dirty_files: run('git', ['status', '--porcelain'])?.split('\n').filter(Boolean).length ?? null,
    date: new Date().toISOString(),
  };
}

function roundAll<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'number' ? round(v) : v])) as T;
}

function fmt(v: unknown): string {
  if (v === undefined || v === null) return '—';
  if (typeof v === 'boolean') return v ? 'yes' : 'NO';
  if (typeof v === 'number') return Number.isNaN(v) ? '—' : Number.isInteger(v) ? String(v) : v.toFixed(v < 10 ? 3 : 1);
  return String(v);
}

function table(header: string[], rows: unknown[][]): void {
  const cells = rows.map((r) => r.map(fmt));
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i]!.length)));
  const line = (cs: string[]) => cs.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(header));
  for (const r of cells) console.log(line(r));
  console.log('');
}

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function printTables(results: Record<string, Record<string, unknown>>): void {
  const pages = (Object.entries(results) as Array<[string, Any]>).filter(([, r]) => r.timings);
  const empty = Object.entries(results).filter(([, r]) => !r.timings).map(([n]) => n);
  if (empty.length) console.log(`no mentions, nothing to mark: ${empty.join(', ')}\n`);
  console.log('time (ms, median): mark / clear = DOM or registry work; +layout = then forced style+layout; frame = the next rendering update');
  table(
    ['page', 'marks', 'hl mark', 'hl clear', 'hl frame', 'wrap mark', 'wrap +layout', 'wrap clear', 'wrap clear+layout', 'wrap frame', 'idle frame'],
    pages.map(([name, r]) => [
      name, r.mentions, r.timings.hl_mark_ms, r.timings.hl_clear_ms, r.frames.hl_frame_ms,
      r.timings.wrap_mark_ms, r.timings.wrap_mark_layout_ms, r.timings.wrap_clear_ms, r.timings.wrap_clear_layout_ms, r.frames.wrap_frame_ms, r.frames.idle_frame_ms,
    ]),
  );
  console.log(`the page's own DOM edits while our marks are held (${MUTATION_EDITS} × append+remove a span, insert+delete a character; ms)`);
  table(
    ['page', 'marks', 'no marks', 'static ranges (shipped)', 'live ranges'],
    pages.map(([name, r]) => {
      const e = r.page_edits_with_marks;
      return [name, e.static_ranges, e.none_ms, e.with_static_ranges_ms, e.with_live_ranges_ms];
    }),
  );
  console.log('page integrity after marking (plain page | with site CSS "' + SITE_CSS + '")');
  table(
    ['page', 'strategy', 'text same', 'DOM same', 'blocks moved', 'mentions moved', 'max shift px', 'height Δpx', 'blocks moved (css)', 'height Δpx (css)', 'click target', 'tab stops'],
    pages.flatMap(([name, r]) =>
      (['highlight', 'wrap'] as const).map((s) => [
        name, s, r.integrity[s].marked.text_unchanged, r.integrity[s].marked.dom_unchanged, r.integrity[s].marked.blocks_moved,
        r.integrity[s].marked.mentions_moved, r.integrity[s].marked.max_mention_shift_px, r.integrity[s].marked.article_height_change_px,
        r.integrity_site_css[s].marked.blocks_moved, r.integrity_site_css[s].marked.article_height_change_px,
        `${r.integrity.click_target_unmarked}→${r.integrity[s].click_target}`, r.integrity.tab_stops_added[s],
      ]),
    ),
  );
  console.log(`framework-like update of ${RERENDER_PARAGRAPHS} marked paragraphs (text node nodeValue written, then its text nodes removed)`);
  table(
    ['page', 'strategy', 'marks before', 'garbled', 'stale now', 're-marked ms', 'marks after', 'stale after', 'old still drawn', 'unmount errors'],
    pages.flatMap(([name, r]) =>
      (['highlight', 'wrap'] as const).map((s) => {
        const x = r.rerender[s];
        return [name, s, x.marks_in_paragraphs_before, `${x.paragraphs_garbled}/${x.paragraphs}`, x.stale_marks_right_after_update, x.remark_ms, x.marks_in_paragraphs_after, x.stale_marks_after_rescan, x.old_ranges_still_drawn_after_rescan, `${x.unmount_remove_errors}/${x.unmount_remove_calls}`];
      }),
    ),
  );
  console.log('hover hit-testing with the Highlight API (block with most marks; µs per pointer position)');
  table(
    ['page', 'marks in block', 'rects', 'hit µs', 'miss µs', 'all rects µs', 'found', 'false hits'],
    pages.map(([name, r]) => [name, r.hover.marks_in_block, r.hover.rects_in_block, r.hover.hit_us, r.hover.miss_us, r.hover.all_rects_us, `${r.hover.points_found}/${r.hover.points_on_marks}`, `${r.hover.false_hits}/${r.hover.points_off_marks}`]),
  );
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
