/**
 * `npm run eval [-- --with-low] [--no-list] [--heldout]`: runs the content script's matcher with
 * the bundled index over the labelled corpus (tests/fixtures/corpus/*.labels.json with their
 * texts, plus any labelled seed; with --heldout, the held-out set in tests/fixtures/corpus-heldout/
 * instead) and prints precision and recall per mention and per
 * person-page, overall, per language and per site, then every false positive and miss.
 *
 * Scoring (pure, in `scoreDocument`/`summarise`):
 * - A labelled prisoner mention counts only if its person is in the index (`id` not null).
 * - A mark is correct when it overlaps such a mention and its ids include that person (a
 *   namesake mark lists several ids; the card then offers all of them). A further mark of the
 *   same person inside a label already found is a span difference, not a second hit. Everything
 *   else the matcher marks is a false positive: another person's name, a wrong person, no name.
 * - Person-page: on each text, the set of prisoners labelled vs the set marked.
 * - Two tables: marks as shipped (low-confidence marks hidden: `showLowConfidence` is off by
 *   default) and with low-confidence marks shown. The lists of false positives and misses are
 *   for the shipped setting, or for the other one with --with-low.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMatcher } from '../lib/matcher';
import { toMatcherData } from '../lib/matcher-data';
import type { Mention } from '../lib/matcher-types';
import { detectText, loadIndex, readDocumentText } from './detect';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const LABEL_DIRS = [join(ROOT, 'tests/fixtures/corpus'), join(ROOT, 'tests/fixtures/seeds')];
const HELDOUT_DIRS = [join(ROOT, 'tests/fixtures/corpus-heldout')];

export interface GoldMention {
  start: number;
  end: number;
  text: string;
  /** Index id of the prisoner, or null when the person is not in the index. */
  id: string | null;
}

export interface OtherName {
  start: number;
  end: number;
  text: string;
  role: string;
}

export interface LabelledDoc {
  name: string;
  site: string;
  lang: string;
  text: string;
  mentions: GoldMention[];
  others: OtherName[];
}

export interface FalsePositive {
  mention: Mention;
  /** What the mark overlaps in the labels, if anything. */
  why: string;
}

export interface DocScore {
  name: string;
  site: string;
  lang: string;
  /** Marks that found a labelled prisoner mention / marks that did not. */
  correct: number;
  falsePositives: FalsePositive[];
  /** Labelled prisoner mentions (in the index) and the ones no mark found. */
  gold: number;
  misses: GoldMention[];
  /** Correct marks whose span differs from the label's. */
  inexact: Array<{ label: GoldMention; mark: Mention }>;
  personsLabelled: string[];
  personsMarked: string[];
  /** Marks the matcher rated 'low' (counted as marks unless --high-only removed them). */
  lowConfidence: number;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

export function scoreDocument(doc: LabelledDoc, marks: Mention[]): DocScore {
  const gold = doc.mentions.filter((m) => m.id !== null);
  const found = new Set<GoldMention>();
  const falsePositives: FalsePositive[] = [];
  const personsMarked = new Set<string>();
  let correct = 0;
  const inexact: DocScore['inexact'] = [];
  for (const mark of marks) {
    const hit = gold.find((g) => !found.has(g) && overlaps(g, mark) && mark.ids.includes(g.id!));
    if (hit) {
      found.add(hit);
      correct++;
      personsMarked.add(hit.id!);
      if (hit.start !== mark.start || hit.end !== mark.end) inexact.push({ label: hit, mark });
      continue;
    }
    // A second mark inside a label already found, for the same person ("Наумова (Духанина)"
    // marked as two names): the card is right, so it is a span difference, not a false mark.
    const fragmentOf = gold.find((g) => found.has(g) && overlaps(g, mark) && mark.ids.includes(g.id!));
    if (fragmentOf) {
      inexact.push({ label: fragmentOf, mark });
      continue;
    }
    for (const id of mark.ids) personsMarked.add(id);
    const labelled = doc.mentions.find((g) => overlaps(g, mark));
    const other = doc.others.find((o) => overlaps(o, mark));
    let why = 'not a labelled name';
    if (labelled && labelled.id === null) why = `prisoner not in the index: "${labelled.text}"`;
    else if (labelled) why = `wrong person: label says ${labelled.id}`;
    else if (other) why = `${other.role}: "${other.text}"`;
    falsePositives.push({ mention: mark, why });
  }
  return {
    name: doc.name,
    site: doc.site,
    lang: doc.lang,
    correct,
    falsePositives,
    gold: gold.length,
    misses: gold.filter((g) => !found.has(g)),
    inexact,
    personsLabelled: [...new Set(gold.map((g) => g.id!))].sort(),
    personsMarked: [...personsMarked].sort(),
    lowConfidence: marks.filter((m) => m.confidence === 'low').length,
  };
}

export interface Rates {
  precision: number;
  recall: number;
  /** Counts behind the rates. */
  tp: number;
  fp: number;
  fn: number;
}

export interface Summary {
  docs: number;
  mention: Rates;
  personPage: Rates;
}

function rates(tp: number, fp: number, fn: number): Rates {
  return { precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn), tp, fp, fn };
}

export function summarise(scores: DocScore[]): Summary {
  let mTp = 0;
  let mFp = 0;
  let mFn = 0;
  let pTp = 0;
  let pFp = 0;
  let pFn = 0;
  for (const s of scores) {
    mTp += s.gold - s.misses.length;
    mFp += s.falsePositives.length;
    mFn += s.misses.length;
    const labelled = new Set(s.personsLabelled);
    const marked = new Set(s.personsMarked);
    for (const id of marked) if (labelled.has(id)) pTp++;
    else pFp++;
    for (const id of labelled) if (!marked.has(id)) pFn++;
  }
  return { docs: scores.length, mention: rates(mTp, mFp, mFn), personPage: rates(pTp, pFp, pFn) };
}

/** Every labelled text: `<name>.labels.json` next to `<name>.txt` or `<name>.html`. */
export function loadCorpus(dirs = LABEL_DIRS): LabelledDoc[] {
  const docs: LabelledDoc[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).sort()) {
      if (!file.endsWith('.labels.json')) continue;
      const name = basename(file, '.labels.json');
      const textFile = ['.txt', '.html'].map((ext) => join(dir, name + ext)).find((p) => existsSync(p));
      if (!textFile) throw new Error(`${join(dir, file)}: no ${name}.txt or ${name}.html next to it`);
      const labels = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Omit<LabelledDoc, 'name' | 'text'>;
      const text = readDocumentText(textFile);
      for (const m of labels.mentions) {
        if (text.slice(m.start, m.end) !== m.text) throw new Error(`${file}: label ${m.start}-${m.end} "${m.text}" does not match the text`);
      }
      docs.push({ name, site: labels.site, lang: labels.lang, text, mentions: labels.mentions, others: labels.others ?? [] });
    }
  }
  return docs;
}

function context(text: string, start: number, end: number): string {
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  return `…${flat(text.slice(Math.max(0, start - 45), start))}[${flat(text.slice(start, end))}]${flat(text.slice(end, end + 45))}…`;
}

const pct = (x: number) => x.toFixed(3);

function row(label: string, s: Summary): string {
  const m = s.mention;
  const p = s.personPage;
  return [
    label.padEnd(22),
    String(s.docs).padStart(4),
    `${pct(m.precision)} ${pct(m.recall)}`.padStart(13),
    `(${m.tp}/${m.fp}/${m.fn})`.padStart(14),
    `${pct(p.precision)} ${pct(p.recall)}`.padStart(13),
    `(${p.tp}/${p.fp}/${p.fn})`.padStart(12),
  ].join(' ');
}

function table(title: string, scores: DocScore[]): void {
  console.log(`${title}\n${'group'.padEnd(22)} docs  mention P   R  ${''.padStart(14)}  person-page P R`);
  console.log(row('all', summarise(scores)));
  const groups = (key: 'lang' | 'site') => [...new Set(scores.map((s) => s[key]))].sort();
  for (const lang of groups('lang')) console.log(row(`lang ${lang}`, summarise(scores.filter((s) => s.lang === lang))));
  for (const site of groups('site')) console.log(row(`site ${site}`, summarise(scores.filter((s) => s.site === site))));
  console.log('');
}

function main(argv: string[]): number {
  const withLow = argv.includes('--with-low');
  const list = !argv.includes('--no-list');
  const index = loadIndex();
  const matcher = createMatcher(toMatcherData(index));
  const heldout = argv.includes('--heldout');
  const docs = loadCorpus(heldout ? HELDOUT_DIRS : LABEL_DIRS);
  if (docs.length === 0) {
    console.error('no labelled texts found');
    return 1;
  }
  const marks = docs.map((doc) => detectText(matcher, doc.text));
  const shipped = docs.map((doc, i) => scoreDocument(doc, marks[i]!.filter((m) => m.confidence === 'high')));
  const all = docs.map((doc, i) => scoreDocument(doc, marks[i]!));

  console.log(`npm run eval: ${docs.length} ${heldout ? 'held-out ' : ''}texts, index version ${index.version}, ${index.records.length} records. Counts are (tp/fp/fn).\n`);
  table('As shipped (low-confidence marks hidden, the default setting):', shipped);
  table('With low-confidence marks shown:', all);

  const scores = withLow ? all : shipped;
  const low = marks.flat().filter((m) => m.confidence === 'low').length;
  const inexact = scores.flatMap((s) => s.inexact.map((x) => ({ s, ...x })));
  console.log(`low-confidence marks: ${low}; correct marks whose span differs from the label: ${inexact.length}`);
  for (const { s, label, mark } of inexact) console.log(`  ${s.name}: marked ${JSON.stringify(mark.text)}, label ${JSON.stringify(label.text)}`);

  if (list) {
    const byName = new Map(docs.map((d) => [d.name, d]));
    const which = withLow ? 'with low-confidence marks' : 'as shipped';
    const fps = scores.flatMap((s) => s.falsePositives.map((fp) => ({ s, fp })));
    console.log(`\nfalse positives, ${which} (${fps.length}):`);
    for (const { s, fp } of fps) {
      const m = fp.mention;
      console.log(`  ${s.name} ${m.start}-${m.end} → ${m.ids.join(',')} [${m.kind}, ${m.confidence}] ${fp.why}\n      ${context(byName.get(s.name)!.text, m.start, m.end)}`);
    }
    const misses = scores.flatMap((s) => s.misses.map((g) => ({ s, g })));
    console.log(`\nmisses, ${which} (${misses.length}):`);
    for (const { s, g } of misses) {
      const lowMark = marks[docs.indexOf(byName.get(s.name)!)]!.find((m) => m.start < g.end && g.start < m.end && m.ids.includes(g.id!));
      const note = lowMark ? ' (found with low confidence)' : '';
      console.log(`  ${s.name} ${g.start}-${g.end} ${g.id}${note}\n      ${context(byName.get(s.name)!.text, g.start, g.end)}`);
    }
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
