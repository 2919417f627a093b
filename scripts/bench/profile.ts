/**
 * `npm run bench:profile [-- --page=words-100k --top=25] [--cold]`: where our scan's time goes,
 * in Chromium, by function (self time; native DOM calls such as `StaticRange` show under their
 * own names). Shares are of the profiled time, which includes the profiler's own small cost; use
 * `npm run bench` for timings.
 *
 * Default: the warm scan of the bench page (`scan_ms`): the unminified bench bundle, the scan
 * run nine times under the DevTools CPU profiler.
 * `--cold`: what a reader's page pays (`ext_scan_total_ms`): the real extension, built
 * unminified into `.output/profile/`, loads the page at a news host once under the profiler until
 * its marks settle; the extension's functions are listed with self and inclusive time, beside
 * the content script's own report of its scan work (inflated by the profiler).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type CDPSession } from 'playwright-core';
import type { PrisonerIndex } from '@/lib/index-schema';
import { buildMatcherTables } from '@/lib/matcher';
import { toMatcherData } from '@/lib/matcher-data';
import { launchExtension, startServer } from '../../tests/e2e/harness';
import { CHROMIUM_PATH, REPO_ROOT } from '../../tests/e2e/harness/paths';
import { bundleBenchPage } from './bundle';
import { MARKS_SETTLED, NEWS_HOST, servePage } from './extension-run';
import { benchPages, type BenchPage } from './pages';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const argv = process.argv.slice(2);
const option = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const PAGE = option('page') ?? 'words-100k';
const TOP = Number(option('top') ?? 25);
const COLD = argv.includes('--cold');
const PROFILE_OUT_DIR = '.output/profile';

async function startProfiler(cdp: CDPSession): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
}

/** Microseconds per profile node (its self time), from the samples. */
function selfTimes(profile: Profile): Map<number, number> {
  const spent = new Map<number, number>();
  profile.samples.forEach((id, i) => spent.set(id, (spent.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  return spent;
}

const nameOf = (node: ProfileNode) => node.callFrame.functionName || '(anonymous)';

/** Shares of self time by function (and line), as the warm profile prints them. */
function printShares(profile: Profile): void {
  const spent = selfTimes(profile);
  const self = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const us = spent.get(node.id) ?? 0;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') continue;
    total += us;
    const key = `${nameOf(node)}${url ? ` (line ${lineNumber + 1})` : ''}`;
    self.set(key, (self.get(key) ?? 0) + us);
  }
  for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
    console.log(`${((100 * us) / total).toFixed(1).padStart(5)} %  ${key}`);
  }
}

/**
 * Milliseconds of self and inclusive time per function of the extension (frames whose script is
 * a chrome-extension:// URL), and garbage collection beside them. A function on the stack more
 * than once (recursion) counts once per sample.
 */
function printExtensionTimes(profile: Profile): void {
  const spent = selfTimes(profile);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const own = (n: ProfileNode) => n.callFrame.url.startsWith('chrome-extension://');
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let gc = 0;
  for (const [id, us] of spent) {
    const node = byId.get(id)!;
    if (node.callFrame.functionName === '(garbage collector)') gc += us;
    if (own(node)) self.set(nameOf(node), (self.get(nameOf(node)) ?? 0) + us);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!;
      if (!own(frame) || seen.has(nameOf(frame))) continue;
      seen.add(nameOf(frame));
      inclusive.set(nameOf(frame), (inclusive.get(nameOf(frame)) ?? 0) + us);
    }
  }
  const ms = (us: number) => (us / 1000).toFixed(2).padStart(7);
  const ownTotal = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`extension self time ${ms(ownTotal).trim()} ms; garbage collection (the page's too) ${ms(gc).trim()} ms`);
  console.log('   self  inclusive  function');
  for (const [name, us] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
    console.log(`${ms(self.get(name) ?? 0)}  ${ms(us)}  ${name}`);
  }
}

async function warm(page: BenchPage, index: PrisonerIndex): Promise<void> {
  const bundle = await bundleBenchPage(REPO_ROOT, { minify: false });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'] });
  try {
    const tab = await browser.newPage();
    await tab.setContent(page.html);
    await tab.addScriptTag({ content: bundle });
    type Api = { build(json: string, runs: number): unknown; scan(runs: number): number };
    await tab.evaluate((json) => (globalThis as unknown as { NotAloneBench: Api }).NotAloneBench.build(json, 1), JSON.stringify(buildMatcherTables(toMatcherData(index))));
    const cdp = await tab.context().newCDPSession(tab);
    await startProfiler(cdp);
    const scanMs = await tab.evaluate(() => (globalThis as unknown as { NotAloneBench: Api }).NotAloneBench.scan(9));
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
    console.log(`${PAGE}: scan ${scanMs.toFixed(2)} ms (median under the profiler); self time by function:`);
    printShares(profile);
  } finally {
    await browser.close();
  }
}

async function cold(page: BenchPage): Promise<void> {
  const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit', env: { ...process.env, NOT_ALONE_OUT_DIR: PROFILE_OUT_DIR, NOT_ALONE_NO_MINIFY: '1' } });
  if (build.status !== 0) throw new Error('the unminified build failed');
  const server = await startServer();
  const browser = await launchExtension(server, { extensionDir: path.join(PROFILE_OUT_DIR, 'chrome-mv3') });
  try {
    const url = servePage(server, NEWS_HOST, page);
    const tab = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(tab);
    await startProfiler(cdp);
    await tab.goto(url);
    const settled = (await tab.evaluate(MARKS_SETTLED)) as { ranges: number };
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
    const scanTotal = await tab.evaluate(`document.querySelector('not-alone-ui')?.dataset.scanTotalMs ?? null`);
    console.log(`${PAGE} at ${NEWS_HOST}, cold, one load: ${settled.ranges} marks; the content script's scan work ${scanTotal} ms (under the profiler)`);
    printExtensionTimes(profile);
  } finally {
    await browser.close();
    await server.close();
  }
}

async function main(): Promise<void> {
  process.chdir(REPO_ROOT);
  const index = JSON.parse(readFileSync('data/index.json', 'utf8')) as PrisonerIndex;
  const pages = benchPages(index);
  const page = pages.find((p) => p.name === PAGE);
  if (!page) throw new Error(`no bench page ${PAGE}; pages: ${pages.map((p) => p.name).join(', ')}`);
  await (COLD ? cold(page) : warm(page, index));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
