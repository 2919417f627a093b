/**
 * `npm run corpus:build [-- --check] [--heldout] [src files…]`
 *
 * Turns the annotated sources in tests/fixtures/corpus/src/ into the corpus the eval reads:
 * `tests/fixtures/corpus/<name>.txt` (plain text) and `<name>.labels.json` (mentions with
 * offsets, person and index id; other names with their role). People are resolved against
 * data/sources/prisoners-snapshot.jsonl; ids come from data/index.json when it exists, so the
 * tool is rerun after every index build. `--check` writes nothing and fails if an output is
 * missing or stale. `--heldout` does the same for the held-out set in
 * tests/fixtures/corpus-heldout/ (texts written after the matcher was tuned, by writers who did
 * not see it; see its README).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { translate, WIKIPEDIA } from 'iuliia';
import { normalizeToken } from '../../lib/normalize';
import { countWords, MarkupError, parseSource, type ParsedSource, type Role } from './markup';

// import.meta.dirname, not new URL(import.meta.url): the unit project swaps in happy-dom's URL.
const ROOT = resolve(import.meta.dirname, '../..');
export const CORPUS_DIR = join(ROOT, 'tests/fixtures/corpus');
export const SRC_DIR = join(CORPUS_DIR, 'src');
export const HELDOUT_DIR = join(ROOT, 'tests/fixtures/corpus-heldout');
const SNAPSHOT = join(ROOT, 'data/sources/prisoners-snapshot.jsonl');
const INDEX = join(ROOT, 'data/index.json');

export interface LabelsFile {
  site: string;
  lang: string;
  kind: string;
  mentions: { start: number; end: number; text: string; person: string; id: string | null }[];
  others: { start: number; end: number; text: string; role: Role }[];
}

interface SnapshotPerson {
  name_ru: string | null;
  name_en: string | null;
  aliases: string[];
}
interface IndexRecordNames {
  id: string;
  name: { ru: string | null; en: string | null };
}

export function loadSnapshot(path = SNAPSHOT): SnapshotPerson[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as SnapshotPerson);
}

export function loadIndexNames(path = INDEX): IndexRecordNames[] | null {
  if (!existsSync(path)) return null;
  const data = JSON.parse(readFileSync(path, 'utf8')) as { records?: IndexRecordNames[] };
  return data.records ?? [];
}

/** The snapshot record whose name_ru or name_en is exactly `key`, or the reason there is none. */
function resolvePerson(key: string, people: SnapshotPerson[]): SnapshotPerson | string {
  const hits = people.filter((p) => p.name_ru === key || p.name_en === key);
  if (hits.length === 0) return `unknown person "${key}" (use name_ru or name_en exactly as in the snapshot)`;
  if (hits.length > 1) return `person "${key}" is ambiguous: ${hits.length} snapshot records carry that name`;
  return hits[0]!;
}

/** The index record for a snapshot person, matched by either name; null when not (yet) there. */
function indexIdFor(person: SnapshotPerson, index: IndexRecordNames[]): string | null | { ambiguous: string[] } {
  const hits = index.filter(
    (r) => (person.name_ru !== null && r.name.ru === person.name_ru) || (person.name_en !== null && r.name.en === person.name_en),
  );
  if (hits.length === 0) return null;
  if (hits.length > 1) return { ambiguous: hits.map((r) => r.id) };
  return hits[0]!.id;
}

const words = (s: string): string[] => s.match(/[\p{L}\p{M}'’-]+/gu) ?? [];
const toLatin = (token: string): string => translate(token, WIKIPEDIA).toLowerCase();

/** Surname tokens of a person in both scripts (Latin forms transliterated where needed). */
function surnameStems(person: SnapshotPerson): string[] {
  const raw: string[] = [];
  if (person.name_ru) {
    // «Фамилия Имя», or «Наумова (Духанина) Александра» with a second surname in brackets.
    raw.push(person.name_ru.split(/\s+/u)[0] ?? '');
    raw.push(...(person.name_ru.match(/\(([^)]+)\)/u)?.slice(1) ?? []));
  }
  if (person.name_en) raw.push(person.name_en.split(/\s+/u).at(-1) ?? '');
  for (const alias of person.aliases) raw.push(...words(alias));
  const out = new Set<string>();
  for (const w of raw) {
    for (const part of [w, ...w.split('-')]) {
      const n = normalizeToken(part);
      if (n.length < 2) continue;
      out.add(n);
      out.add(toLatin(n));
    }
  }
  return [...out];
}

/** True when some word of the surface starts like one of the person's surnames (a typo guard). */
function surfaceLooksLike(surface: string, stems: string[]): boolean {
  for (const w of words(surface)) {
    for (const part of [w, ...w.split('-')]) {
      const n = normalizeToken(part);
      if (n.length < 2) continue;
      for (const form of [n, toLatin(n)]) {
        if (stems.some((s) => form.startsWith(s.slice(0, Math.min(3, s.length))))) return true;
      }
    }
  }
  return false;
}

/** Name words in a surface: initials ("А.") count, so "А. С. Бахтин" is a full mention. */
const nameWordCount = (surface: string): number => words(surface).filter((w) => /\p{L}/u.test(w)).length;

export interface BuildResult {
  name: string;
  text: string;
  labels: LabelsFile;
  words: number;
  warnings: string[];
}

/**
 * Builds one source. Throws MarkupError for anything that would make the labels wrong:
 * markup errors, unknown or ambiguous people, a surface that does not look like the person's
 * surname, a first mention that is surname-only, overlapping spans.
 */
export function buildSource(
  file: string,
  source: string,
  people: SnapshotPerson[],
  index: IndexRecordNames[] | null,
): BuildResult {
  const parsed: ParsedSource = parseSource(file, source);
  const warnings: string[] = [];
  const seen = new Set<string>();
  const mentions: LabelsFile['mentions'] = [];
  for (const m of parsed.mentions) {
    const person = resolvePerson(m.person, people);
    if (typeof person === 'string') throw new MarkupError(file, m.line, person);
    if (!surfaceLooksLike(m.text, surnameStems(person))) {
      throw new MarkupError(file, m.line, `"${m.text}" does not contain a form of ${m.person}'s surname`);
    }
    if (!seen.has(m.person) && nameWordCount(m.text) < 2) {
      throw new MarkupError(file, m.line, `first mention of ${m.person} is surname-only ("${m.text}"); leave it unmarked or name them in full first`);
    }
    seen.add(m.person);
    let id: string | null = null;
    if (index) {
      const found = indexIdFor(person, index);
      if (found !== null && typeof found === 'object') {
        throw new MarkupError(file, m.line, `${m.person} matches several index records: ${found.ambiguous.join(', ')}`);
      }
      id = found;
      if (id === null) warnings.push(`${file}:${m.line}: ${m.person} is not in data/index.json`);
    }
    mentions.push({ start: m.start, end: m.end, text: m.text, person: m.person, id });
  }
  const others = parsed.others.map(({ start, end, text, role }) => ({ start, end, text, role }));

  const spans = [...parsed.mentions, ...parsed.others].sort((a, b) => a.start - b.start);
  for (let k = 1; k < spans.length; k++) {
    const prev = spans[k - 1]!;
    const cur = spans[k]!;
    if (cur.start < prev.end) throw new MarkupError(file, cur.line, `"${cur.text}" overlaps "${prev.text}"`);
  }
  for (const s of spans) {
    if (parsed.text.slice(s.start, s.end) !== s.text) throw new MarkupError(file, s.line, `offsets of "${s.text}" do not slice the text`);
  }
  warnings.push(...unlabelledSurnames(file, parsed, people));

  const labels: LabelsFile = { site: parsed.header.site, lang: parsed.header.lang, kind: parsed.header.kind, mentions, others };
  const words = countWords(parsed.text);
  if (words < 300) warnings.push(`${file}: only ${words} words (the corpus needs 300+)`);
  return { name: basename(file, '.txt'), text: parsed.text, labels, words, warnings };
}

/**
 * Words outside every span that look like a labelled person's surname: usually a forgotten
 * label. A warning, because a surname before the full name is deliberately left unmarked.
 */
function unlabelledSurnames(file: string, parsed: ParsedSource, people: SnapshotPerson[]): string[] {
  const covered = (pos: number) => [...parsed.mentions, ...parsed.others].some((s) => pos >= s.start && pos < s.end);
  const stems = new Map<string, string>();
  for (const m of parsed.mentions) {
    const person = resolvePerson(m.person, people);
    if (typeof person === 'string') continue;
    const surname = person.name_ru?.split(/\s+/u)[0] ?? person.name_en?.split(/\s+/u).at(-1) ?? '';
    const n = normalizeToken(surname);
    // Drop the ending that declension changes (Бахтин → бахти…, Шакурский → шакурск…).
    const stem = n.replace(/(ий|ый|ой|ая|а|я|ь|й)$/u, '');
    if (stem.length >= 4) stems.set(stem, m.person);
  }
  const out: string[] = [];
  for (const match of parsed.text.matchAll(/[\p{L}\p{M}-]+/gu)) {
    const n = normalizeToken(match[0]);
    for (const [stem, person] of stems) {
      if (n.startsWith(stem) && n.length <= stem.length + 4 && !covered(match.index)) {
        const line = parsed.text.slice(0, match.index).split('\n').length;
        out.push(`${file}: unlabelled "${match[0]}" near text line ${line} looks like ${person}`);
      }
    }
  }
  return out;
}

function main(argv: string[]): number {
  const check = argv.includes('--check');
  const corpusDir = argv.includes('--heldout') ? HELDOUT_DIR : CORPUS_DIR;
  const srcDir = join(corpusDir, 'src');
  const only = argv.filter((a) => !a.startsWith('--')).map((a) => basename(a));
  const files = readdirSync(srcDir)
    .filter((f) => f.endsWith('.txt'))
    .filter((f) => only.length === 0 || only.includes(f))
    .sort();
  const people = loadSnapshot();
  const index = loadIndexNames();
  if (!index) console.warn('data/index.json not found: ids are written as null (rerun after the index build)');

  let errors = 0;
  let stale = 0;
  let totals = { texts: 0, words: 0, mentions: 0, others: 0 };
  const persons = new Set<string>();
  for (const f of files) {
    const srcPath = join(srcDir, f);
    let result: BuildResult;
    try {
      result = buildSource(`src/${f}`, readFileSync(srcPath, 'utf8'), people, index);
    } catch (err) {
      if (!(err instanceof MarkupError)) throw err;
      console.error(`error: ${err.message}`);
      errors++;
      continue;
    }
    for (const w of result.warnings) console.warn(`warning: ${w}`);
    const outputs: [string, string][] = [
      [join(corpusDir, `${result.name}.txt`), result.text],
      [join(corpusDir, `${result.name}.labels.json`), JSON.stringify(result.labels, null, 2) + '\n'],
    ];
    for (const [path, content] of outputs) {
      const current = existsSync(path) ? readFileSync(path, 'utf8') : null;
      if (current === content) continue;
      if (check) {
        console.error(`stale: ${path} (run npm run corpus:build)`);
        stale++;
      } else {
        writeFileSync(path, content);
      }
    }
    totals = {
      texts: totals.texts + 1,
      words: totals.words + result.words,
      mentions: totals.mentions + result.labels.mentions.length,
      others: totals.others + result.labels.others.length,
    };
    for (const m of result.labels.mentions) persons.add(m.person);
  }
  console.log(
    `${totals.texts} texts, ${totals.words} words, ${totals.mentions} mentions of ${persons.size} people, ${totals.others} other names` +
      (errors ? `; ${errors} file(s) with errors` : '') +
      (stale ? `; ${stale} stale output(s)` : ''),
  );
  return errors || stale ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  process.exit(main(process.argv.slice(2)));
}
