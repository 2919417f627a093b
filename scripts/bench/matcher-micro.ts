/**
 * `npx tsx scripts/bench/matcher-micro.ts [--lib=DIR] [--compare=DIR] [--page=words-100k]`:
 * times the matcher alone in Node (startup, tokenising, matching warm and with a new matcher; CPU time) on the generated bench pages,
 * for quick looks while tuning; the figures that count come from `npm run bench`.
 *
 * --lib=DIR      time the matcher modules in DIR instead of lib/ (e.g. a copy made before a change)
 * --compare=DIR  also run the matcher modules in DIR and fail if any mention differs, on the
 *                bench pages, the corpus and seeded random texts
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PrisonerIndex } from '@/lib/index-schema';
import type { Matcher, MatcherData, MatcherTables, Mention } from '@/lib/matcher-types';
import { generatedPage, seedPages } from './pages';

interface MatcherModules {
  createMatcher: (source: MatcherData | MatcherTables) => Matcher;
  /** Present from the commit that made the background build the tables (older `--lib` copies lack it). */
  buildMatcherTables?: (data: MatcherData) => MatcherTables;
  toMatcherData: (index: PrisonerIndex) => MatcherData;
  tokenize: (text: string) => unknown[];
  /** The matcher's own token reader, when the modules have one. */
  readTokens?: (text: string) => void;
}

const argv = process.argv.slice(2);
const option = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

async function load(dir: string): Promise<MatcherModules> {
  const url = (file: string) => pathToFileURL(path.resolve(dir, file)).href;
  const [matcher, data, tokens] = await Promise.all([import(url('matcher.ts')), import(url('matcher-data.ts')), import(url('tokenize.ts'))]);
  const list = tokens.TokenList ? new tokens.TokenList() : null;
  return {
    createMatcher: matcher.createMatcher,
    buildMatcherTables: matcher.buildMatcherTables,
    toMatcherData: data.toMatcherData,
    tokenize: tokens.tokenize,
    readTokens: list ? (text: string) => void list.read(text) : undefined,
  };
}

/** The text blocks of a bench page, roughly as the content script's flows read them. */
function flowsOf(html: string): string[] {
  const body = html.slice(html.indexOf('<article>'), html.indexOf('</article>'));
  return [...body.matchAll(/<(p|h1)>([\s\S]*?)<\/\1>/g)].map((m) =>
    m[2]!
      .replace(/<br>/g, '\n')
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  );
}

/** CPU time of this process in ms: steadier than wall time on a machine shared with other work. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Median of `runs` samples, each repeating `once` until 200 ms of CPU time. */
function time(once: () => void, runs = 7): number {
  once();
  const xs: number[] = [];
  for (let r = 0; r < runs; r++) {
    let calls = 0;
    const t0 = cpuMs();
    do {
      once();
      calls++;
    } while (cpuMs() - t0 < 200);
    xs.push((cpuMs() - t0) / calls);
  }
  xs.sort((a, b) => a - b);
  return xs[xs.length >> 1]!;
}

/**
 * `findAll` by a new matcher each time (made untimed), so every word is looked up for the first
 * time, as on a page load (the code itself warm): the median of 41 calls, in CPU time.
 */
function freshFind(make: () => Matcher, flows: string[]): number {
  const xs: number[] = [];
  for (let r = 0; r < 41; r++) {
    const m = make();
    const t0 = cpuMs();
    findAll(m, flows);
    xs.push(cpuMs() - t0);
  }
  xs.sort((a, b) => a - b);
  return xs[xs.length >> 1]!;
}

function findAll(matcher: Matcher, flows: string[]): Mention[] {
  const page = matcher.newPage(flows.join('\n'));
  return flows.flatMap((f) => matcher.find(f, page));
}

/** Seeded random text over the characters the tokeniser and matcher treat specially. */
function randomTexts(count: number, names: string[]): string[] {
  let a = 12345;
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pieces = [' ', ' ', ' ', '\n', '\n\n', '\u00A0', '.', ',', '-', '–', '’', "'", 's', 'А.', 'Yu.', '\u00AD', '\u200B', '\uFEFF', 'судья ', 'judge ', 'оглы', '«', '»', '1999', 'г. р.', '207.3', 'политзаключенный', 'суд', 'protest', 'court'];
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    let s = '';
    const len = 5 + Math.floor(rand() * 60);
    for (let w = 0; w < len; w++) {
      const r = rand();
      if (r < 0.35) s += names[Math.floor(rand() * names.length)]!;
      else if (r < 0.45) s += names[Math.floor(rand() * names.length)]!.toUpperCase();
      else s += pieces[Math.floor(rand() * pieces.length)]!;
      if (rand() < 0.6) s += ' ';
    }
    out.push(s);
  }
  return out;
}

async function main(): Promise<void> {
  const index = JSON.parse(readFileSync('data/index.json', 'utf8')) as PrisonerIndex;
  const mods = await load(option('lib') ?? 'lib');
  const pageName = option('page') ?? 'words-100k';
  const pages = { 'words-10k': generatedPage('words-10k', 10_000, index, 10), 'words-100k': generatedPage('words-100k', 100_000, index, 100) };
  const flows = flowsOf(pages[pageName as keyof typeof pages].html);
  // What the content script parses at start: the tables, where the modules build them.
  const data = mods.toMatcherData(index);
  const json = JSON.stringify(mods.buildMatcherTables ? mods.buildMatcherTables(data) : data);
  let matcher = mods.createMatcher(JSON.parse(json) as MatcherData | MatcherTables);
  const figures = {
    startup_ms: time(() => void (matcher = mods.createMatcher(JSON.parse(json) as MatcherData | MatcherTables))),
    json_parse_ms: time(() => void JSON.parse(json)),
    tokenize_ms: time(() => flows.forEach((f) => mods.tokenize(f))),
    ...(mods.readTokens && { token_list_ms: time(() => flows.forEach((f) => mods.readTokens!(f))) }),
    find_ms: time(() => void findAll(matcher, flows)),
    fresh_find_ms: freshFind(() => mods.createMatcher(JSON.parse(json) as MatcherData | MatcherTables), flows),
    mentions: findAll(matcher, flows).length,
  };
  console.log(JSON.stringify({ page: pageName, flows: flows.length, ...figures }));

  const compareDir = option('compare');
  if (!compareDir) return;
  const ref = await load(compareDir);
  const refMatcher = ref.createMatcher(ref.toMatcherData(index));
  const ours = mods.createMatcher(mods.toMatcherData(index));
  const corpus = ['tests/fixtures/corpus', 'tests/fixtures/seeds'].flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(path.join(dir, f), 'utf8')),
  );
  const names = index.records.flatMap((r) => [r.name.en, r.name.ru, ...r.forms.last.slice(0, 3), ...r.forms.first.slice(0, 2)].filter((n): n is string => !!n));
  const docs: string[][] = [
    ...Object.values(pages).map((p) => flowsOf(p.html)),
    ...seedPages().map((p) => flowsOf(p.html)),
    ...corpus.map((t) => [t]),
    ...randomTexts(3000, names).map((t) => [t]),
    // Random runs fed one after another to one page, without the whole text: support grows run by run.
    ...Array.from({ length: 50 }, (_, k) => randomTexts(20 + k, names).slice(k)),
  ];
  let differing = 0;
  for (const [k, doc] of docs.entries()) {
    for (const whole of [true, false]) {
      const run = (m: Matcher) => {
        const page = whole ? m.newPage(doc.join('\n')) : m.newPage();
        return JSON.stringify(doc.map((f) => m.find(f, page)));
      };
      const a = run(refMatcher);
      const b = run(ours);
      if (a !== b) {
        differing++;
        if (differing <= 3) console.log(`differs: document ${k} (whole=${whole})\n  ref:  ${a.slice(0, 600)}\n  ours: ${b.slice(0, 600)}`);
      }
    }
    const tokensA = JSON.stringify(doc.map((f) => ref.tokenize(f)));
    const tokensB = JSON.stringify(doc.map((f) => mods.tokenize(f)));
    if (tokensA !== tokensB) {
      differing++;
      if (differing <= 3) console.log(`tokens differ: document ${k}`);
    }
  }
  console.log(`compared ${docs.length} documents with ${compareDir}: ${differing === 0 ? 'identical' : `${differing} differ`}`);
  if (differing) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
