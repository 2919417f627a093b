/**
 * `npm run bench`: our matcher and marking against the floor (a plain text walk) and two
 * baselines (one alternation regex, mark.js) in headless Chromium, with the full bundled index.
 * Writes bench/results.json and prints a table. See docs/bench.md for what each figure means.
 *
 * Options: --quick (fewer repetitions), --only=words-100k,seed-001 (a subset of pages),
 * --no-markjs (skip mark.js, the slowest part, while tuning; results.json then lacks its figures).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { PrisonerIndex } from '@/lib/index-schema';
import { buildMatcherTables } from '@/lib/matcher';
import { toMatcherData } from '@/lib/matcher-data';
import { launchExtension, startServer, type ExtensionBrowser } from '../../tests/e2e/harness';
import { CHROMIUM_PATH, DEFAULT_EXTENSION_DIR, REPO_ROOT } from '../../tests/e2e/harness/paths';
import type { BenchApi } from './page-entry';
import { bundleBenchPage } from './bundle';
import { fullNameStrings, MAX_STRINGS_PER_PERSON } from './name-strings';
import { benchPages } from './pages';
import { measureExtensionOnPage, measureScanWork, measureStartup, type ExtensionRun } from './extension-run';
import { MarkjsTimer } from './markjs-prefix';
import { round } from './timing';

const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick');
const ONLY = argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const NO_MARKJS = argv.includes('--no-markjs');
const RUNS = QUICK ? 3 : 9;
const MARKJS_RUNS = QUICK ? 1 : 3;
/** Loads of the real extension whose scan work `ext_scan_total_ms` is the median of. */
const SCAN_WORK_LOADS = QUICK ? 3 : 7;
const BENCH_HOST = 'bench.test';

type PageResult = Record<string, number | string | null>;
/** Calls one NotAloneBench function inside the bench tab. */
type BenchCall = <K extends keyof BenchApi>(fn: K, ...args: Parameters<BenchApi[K]>) => Promise<ReturnType<BenchApi[K]>>;

async function main(): Promise<void> {
  process.chdir(REPO_ROOT);
  const indexText = readFileSync('data/index.json', 'utf8');
  const index = JSON.parse(indexText) as PrisonerIndex;
  const matcherData = toMatcherData(index);
  // What the content script reads and parses at start (utils/matcher-cache.ts).
  const tablesJson = JSON.stringify(buildMatcherTables(matcherData));
  const names = fullNameStrings(matcherData);
  const indexFacts = {
    index_bytes: Buffer.byteLength(indexText),
    index_gzip_bytes: gzipSync(indexText, { level: 9 }).length,
    people: index.records.length,
    bytes_per_person: Math.round(Buffer.byteLength(indexText) / index.records.length),
    matcher_tables_bytes: Buffer.byteLength(tablesJson),
    matcher_tables_gzip_bytes: gzipSync(tablesJson, { level: 9 }).length,
    full_name_strings: names.strings.length,
    full_name_strings_uncapped: names.uncapped,
  };
  const contentScript = contentScriptSize();

  let pages = benchPages(index);
  if (ONLY) pages = pages.filter((p) => ONLY.includes(p.name));

  console.error(`bundling the bench page; ${names.strings.length} full-name strings (${names.uncapped} before the cap of ${MAX_STRINGS_PER_PERSON}/person)`);
  const bundle = await bundleBenchPage(REPO_ROOT);

  const server = await startServer();
  // The bench pages live on a host the content script does not match, so only our timed code runs there.
  server.route(`https://${BENCH_HOST}/__bench.js`, { body: bundle, headers: { 'content-type': 'text/javascript' } });
  const results: Record<string, PageResult> = {};
  const extensionRuns: Record<string, ExtensionRun> = {};
  const markjsTimer = new MarkjsTimer(MARKJS_RUNS);
  let browser: ExtensionBrowser | undefined;
  try {
    browser = await launchExtension(server, { extensionDir: privateCopyOfBuild(), args: ['--js-flags=--expose-gc', '--enable-precise-memory-info'] });
    for (const page of pages) {
      const html = page.html.replace('<head>', `<head><script src="/__bench.js"></script>`);
      server.route(`https://${BENCH_HOST}/${page.name}`, { body: html, headers: { 'content-type': 'text/html; charset=utf-8' } });
      const tab = await browser.context.newPage();
      await tab.goto(`https://${BENCH_HOST}/${page.name}`);
      const call: BenchCall = (fn, ...args) =>
        tab.evaluate(([f, a]) => {
          const api = (globalThis as unknown as { NotAloneBench: Record<string, (...x: unknown[]) => unknown> }).NotAloneBench;
          return api[f as string]!(...(a as unknown[]));
        }, [fn, args] as const) as Promise<never>;

      console.error(`${page.name}: ${page.words} words`);
      const heap = await call('heap', tablesJson);
      const build = await call('build', tablesJson, RUNS);
      // The floor, the scan and the regex in alternation (see `paired`), then the scan's parts.
      const paired = await call('paired', names.strings, RUNS);
      const breakdown = await call('breakdown', RUNS);
      const markjs = NO_MARKJS ? {} : await markjsTimer.time((...args) => call('markjs', ...args), names.strings, page);
      await tab.close();
      results[page.name] = {
        words: page.words,
        chars: paired.chars,
        text_nodes: paired.text_nodes,
        walk_ms: round(paired.walk_ms),
        scan_ms: round(paired.scan_ms),
        scan_fresh_ms: round(paired.scan_fresh_ms),
        marks: paired.marks,
        ...Object.fromEntries(Object.entries(breakdown).map(([k, v]) => [`scan_part_${k}`, round(v)])),
        ...('regex_ms' in paired ? { regex_ms: round(paired.regex_ms), regex_matches: paired.regex_matches } : { regex_ms: null, regex_error: paired.regex_error }),
        ...markjs,
        matcher_build_ms: round(build.build_ms),
        heap_mb: heap.heap_mb === null ? null : round(heap.heap_mb),
        name_forms: build.name_forms,
        index_bytes: indexFacts.index_bytes,
        index_gzip_bytes: indexFacts.index_gzip_bytes,
      };
      if (contentScript) {
        const startup = await measureStartup(browser, server, page, RUNS);
        const r = (x: number | null) => (x === null ? null : round(x));
        Object.assign(results[page.name]!, {
          startup_ms: r(startup.startup_ms),
          startup_wait_ms: r(startup.startup_wait_ms),
          startup_main_ms: r(startup.startup_main_ms),
          startup_from_storage: `${startup.from_storage}/${startup.loads}`,
        });
      }
      if (contentScript && (page.name === 'words-100k' || page.name === 'seed-001')) {
        extensionRuns[page.name] = await measureExtensionOnPage(browser, server, page);
        // The cold scan's work swings from load to load: its median over SCAN_WORK_LOADS more loads.
        const work = await measureScanWork(browser, server, page, SCAN_WORK_LOADS);
        Object.assign(results[page.name]!, {
          ext_longest_task_ms: extensionRuns[page.name]!.longest_task_ms,
          ext_own_longest_ms: extensionRuns[page.name]!.own_longest_ms,
          ext_scan_total_ms: work.scan_total_ms === null ? null : round(work.scan_total_ms),
          ext_scan_total_loads_ms: work.loads_ms.map(round),
          ext_heap_mb: extensionRuns[page.name]!.heap_added_mb === null ? null : round(extensionRuns[page.name]!.heap_added_mb!),
          page_alone_longest_task_ms: extensionRuns[page.name]!.page_alone_longest_task_ms,
          ext_marks: extensionRuns[page.name]!.highlighted_ranges,
        });
      }
    }
  } finally {
    await browser?.close();
    await server.close();
  }

  const output = {
    pages: results,
    index: indexFacts,
    content_script: contentScript,
    extension_runs: extensionRuns,
    machine: machineFacts(),
    settings: { runs: RUNS, markjs_runs: MARKJS_RUNS, quick: QUICK, command: `npm run bench${argv.length ? ' -- ' + argv.join(' ') : ''}` },
  };
  mkdirSync('bench', { recursive: true });
  writeFileSync('bench/results.json', JSON.stringify(output, null, 2) + '\n');
  printTable(results, output);
}

/**
 * The bench runs for minutes; a rebuild meanwhile (another terminal) must not swap the
 * extension under it, so it loads a copy of the build it started with.
 */
function privateCopyOfBuild(): string {
  const copy = path.resolve('bench/tmp/chrome-mv3');
  rmSync(copy, { recursive: true, force: true });
  cpSync(DEFAULT_EXTENSION_DIR, copy, { recursive: true });
  return copy;
}

function contentScriptSize(): { files: string[]; bytes: number; gzip_bytes: number } | null {
  const dir = path.join(DEFAULT_EXTENSION_DIR, 'content-scripts');
  if (!existsSync(dir)) return null;
  const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
  if (files.length === 0) return null;
  const code = Buffer.concat(files.map((f) => readFileSync(path.join(dir, f))));
  return { files: files.map((f) => `content-scripts/${f}`), bytes: code.length, gzip_bytes: gzipSync(code, { level: 9 }).length };
}

function machineFacts() {
  let commit: string | null = null;
  let chromium = 'unknown';
  try {
    chromium = execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // Reported as unknown.
  }
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    // Not a git checkout.
  }
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memory_gb: round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    chromium,
    commit,
    date: new Date().toISOString(),
  };
}


function printTable(results: Record<string, PageResult>, output: { index: Record<string, number>; content_script: unknown }) {
  const cols = ['words', 'walk_ms', 'scan_ms', 'scan_fresh_ms', 'regex_ms', 'markjs_ms', 'markjs_names', 'marks', 'startup_ms', 'startup_main_ms', 'matcher_build_ms', 'heap_mb', 'ext_heap_mb', 'ext_longest_task_ms', 'page_alone_longest_task_ms', 'ext_own_longest_ms', 'ext_scan_total_ms'];
  const rows = Object.entries(results).map(([name, r]) => [name, ...cols.map((c) => fmt(r[c]))]);
  const header = ['page', ...cols];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(header));
  for (const r of rows) console.log(line(r));
  console.log('');
  console.log(line(['ratios', 'scan/walk', 'regex/scan', 'markjs/scan', 'fresh scan/walk', 'regex/fresh scan']).trimEnd());
  for (const [name, r] of Object.entries(results)) {
    const ratio = (a: unknown, b: unknown) => (typeof a === 'number' && typeof b === 'number' && b > 0 ? (a / b).toFixed(1) + '×' : '—');
    console.log(`${name.padEnd(widths[0]!)}  ${ratio(r.scan_ms, r.walk_ms)}  ${ratio(r.regex_ms, r.scan_ms)}  ${ratio(r.markjs_ms, r.scan_ms)}  ${ratio(r.scan_fresh_ms, r.walk_ms)}  ${ratio(r.regex_ms, r.scan_fresh_ms)}`);
  }
  console.log('');
  console.log(`index: ${JSON.stringify(output.index)}`);
  console.log(`content script: ${JSON.stringify(output.content_script)}`);
  console.log('wrote bench/results.json');
}

function fmt(v: unknown): string {
  if (v === undefined || v === null) return '—';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(v < 10 ? 2 : 1);
  return String(v);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
