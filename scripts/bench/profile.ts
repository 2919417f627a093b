/**
 * `npm run bench:profile [-- --page=words-100k --top=25]`: where our scan's time goes, in
 * Chromium. Loads one bench page with the unminified bench bundle (function names kept), runs
 * the scan under the DevTools CPU profiler and prints the functions with the most self time
 * (native DOM calls such as `StaticRange` show under their own names). Shares are of the
 * profiled time, which includes the profiler's own small cost; use `npm run bench` for timings.
 */
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { PrisonerIndex } from '@/lib/index-schema';
import { buildMatcherTables } from '@/lib/matcher';
import { toMatcherData } from '@/lib/matcher-data';
import { CHROMIUM_PATH, REPO_ROOT } from '../../tests/e2e/harness/paths';
import { bundleBenchPage } from './bundle';
import { generatedPage, seedPages } from './pages';

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

async function main(): Promise<void> {
  process.chdir(REPO_ROOT);
  const index = JSON.parse(readFileSync('data/index.json', 'utf8')) as PrisonerIndex;
  const pages = [...seedPages(), generatedPage('words-10k', 10_000, index, 10), generatedPage('words-100k', 100_000, index, 100)];
  const page = pages.find((p) => p.name === PAGE);
  if (!page) throw new Error(`no bench page ${PAGE}; pages: ${pages.map((p) => p.name).join(', ')}`);
  const bundle = await bundleBenchPage(REPO_ROOT, { minify: false });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'] });
  try {
    const tab = await browser.newPage();
    await tab.setContent(page.html);
    await tab.addScriptTag({ content: bundle });
    type Api = { build(json: string, runs: number): unknown; scan(runs: number): number };
    await tab.evaluate((json) => (globalThis as unknown as { NotAloneBench: Api }).NotAloneBench.build(json, 1), JSON.stringify(buildMatcherTables(toMatcherData(index))));
    const cdp = await tab.context().newCDPSession(tab);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    await cdp.send('Profiler.start');
    const scanMs = await tab.evaluate(() => (globalThis as unknown as { NotAloneBench: Api }).NotAloneBench.scan(9));
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
    const self = new Map<string, number>();
    let total = 0;
    const spent = new Map<number, number>();
    profile.samples.forEach((id, i) => spent.set(id, (spent.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
    for (const node of profile.nodes) {
      const us = spent.get(node.id) ?? 0;
      const { functionName, url, lineNumber } = node.callFrame;
      if (functionName === '(idle)') continue;
      total += us;
      const where = url ? ` (line ${lineNumber + 1})` : '';
      const key = `${functionName || '(anonymous)'}${where}`;
      self.set(key, (self.get(key) ?? 0) + us);
    }
    console.log(`${PAGE}: scan ${scanMs.toFixed(2)} ms (median under the profiler); self time by function:`);
    for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
      console.log(`${((100 * us) / total).toFixed(1).padStart(5)} %  ${key}`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
