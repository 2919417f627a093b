/**
 * One record per person across sources. A source record joins an existing person when the
 * normalised Cyrillic surname and first name agree (patronymics too, when both have one) and
 * no birth year or date contradicts; when two people share the name, only a matching birth
 * year or date may join it, otherwise the record is reported as ambiguous and left out. A
 * Latin-only person is matched through the Latin spellings of the source's Cyrillic name.
 *
 * Field by field, the value kept is the best by source and date: facts that change (status,
 * facility, address, sentence, articles) go to the newest dated source, identity facts (names,
 * birth, gender) to the higher-ranked source; a disagreement is reported, never dropped
 * silently. Every field remembers which source and date it came from.
 */
import type { Provenance } from '../../lib/index-schema';
import { normalizeToken } from '../../lib/normalize';
import { parseCyrillicName, parseLatinName } from './names';
import type { SnapshotLine } from './snapshot';
import type { SourceName, SourceRecord } from './sources/source-record';
import { conventionalSpellings, latinSpellings, surnameEndingVariants, toLatin } from './translit';

/** Higher wins among identity facts, and among changing facts of the same date. */
export const SOURCE_RANK: Record<SourceName, number> = { additions: 6, 'memopzk-page': 5, memopzk: 5, rosuznik: 4, table: 3, snapshot: 2 };

/** Snapshot-line field → record field path, as provenance names it. */
export const FIELD_PATHS = {
  name_ru: 'name.ru',
  name_en: 'name.en',
  gender: 'gender',
  birth_year: 'birthYear',
  birth_date: 'birthDate',
  region: 'region',
  articles: 'charges',
  charge_en: 'chargeSummary',
  sentence: 'sentence',
  sentence_date: 'sentenceDate',
  status: 'status',
  facility: 'facility',
  address_ru: 'address.ru',
  address_en: 'address.en',
  case: 'case',
  category: 'category',
} as const satisfies Partial<Record<keyof SnapshotLine, string>>;
type MergedField = keyof typeof FIELD_PATHS;

const IDENTITY: ReadonlySet<MergedField> = new Set(['name_ru', 'name_en', 'gender', 'birth_year', 'birth_date']);

/** A person being assembled: its line, and where each field's value came from. */
export interface MergeEntry {
  line: SnapshotLine;
  /** "*" is the default for fields not listed. */
  provenance: Record<string, Provenance>;
  /** For messages: "snapshot line 12", "rosuznik https://…". */
  label: string;
}

export interface SourceCounts {
  read: number;
  merged: number;
  added: number;
  ambiguous: number;
}

export interface MergeReport {
  bySource: Partial<Record<SourceName, SourceCounts>>;
  /** Source records left out because more than one person could be meant. */
  ambiguous: string[];
  /** Two sources disagree on a fact; the message says which value was kept and why. */
  conflicts: string[];
  /** Names filled in from another source (a Latin-only record got its Cyrillic name). */
  scriptsFilled: number;
}

export function emptyMergeReport(): MergeReport {
  return { bySource: {}, ambiguous: [], conflicts: [], scriptsFilled: 0 };
}

interface Key {
  last: string;
  first: string | null;
  middle: string | null;
}

function cyrillicKey(name: string | null): Key | null {
  const parts = name ? parseCyrillicName(name) : null;
  if (!parts) return null;
  const n = (w: string | null) => (w ? normalizeToken(w) : null);
  return { last: n(parts.last)!, first: n(parts.first), middle: n(parts.middle) };
}

function latinKey(name: string | null): Key | null {
  const parts = name ? parseLatinName(name) : null;
  if (!parts) return null;
  return { last: normalizeToken(parts.last), first: parts.first ? normalizeToken(parts.first) : null, middle: null };
}

/** Does a Cyrillic name (from a source) name the person an entry holds? */
function sameName(entry: SnapshotLine, ru: Key, ruText: string): boolean {
  const theirs = cyrillicKey(entry.name_ru);
  if (theirs) {
    return theirs.last === ru.last && theirs.first === ru.first && (!theirs.middle || !ru.middle || theirs.middle === ru.middle);
  }
  const en = latinKey(entry.name_en);
  const parts = parseCyrillicName(ruText);
  if (!en || !parts?.first || !en.first) return false;
  const lastSpellings = new Set([...latinSpellings(parts.last), ...surnameEndingVariants(normalizeToken(toLatin(parts.last)))].map(normalizeToken));
  const firstSpellings = new Set([...latinSpellings(parts.first), ...conventionalSpellings(parts.first)].map(normalizeToken));
  return lastSpellings.has(en.last) && firstSpellings.has(en.first);
}

function birthContradicts(a: SnapshotLine, b: SnapshotLine): boolean {
  return (!!a.birth_date && !!b.birth_date && a.birth_date !== b.birth_date) || (a.birth_year !== null && b.birth_year !== null && a.birth_year !== b.birth_year);
}

function birthConfirms(a: SnapshotLine, b: SnapshotLine): boolean {
  return (a.birth_year !== null && a.birth_year === b.birth_year) || (!!a.birth_date && a.birth_date === b.birth_date);
}

function isEmpty(field: MergedField, value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  return field === 'status' && value === 'unknown';
}

/** Dates as strings compare in order (YYYY < YYYY-MM-DD of the same year is fine here). */
function newer(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a > b ? 1 : -1;
}

function provenanceOf(entry: MergeEntry, field: MergedField): Provenance {
  return entry.provenance[FIELD_PATHS[field]] ?? entry.provenance['*']!;
}

/** A longer form of the same name (a patronymic added) extends it, it does not conflict. */
function extendsName(longer: string, shorter: string): boolean {
  const l = normalizeToken(longer.replace(/\s+/gu, ' '));
  const s = normalizeToken(shorter.replace(/\s+/gu, ' '));
  return l === s || l.startsWith(`${s} `);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Folds one source record into an entry, field by field. */
function mergeInto(entry: MergeEntry, record: SourceRecord, report: MergeReport): void {
  const line = entry.line;
  const incoming: Provenance = { source: record.source, asOf: record.line.status_as_of ?? record.asOf };
  const who = line.name_ru ?? line.name_en ?? entry.label;
  for (const field of Object.keys(FIELD_PATHS) as MergedField[]) {
    const value = record.line[field];
    if (isEmpty(field, value)) continue;
    const current = line[field];
    const set = () => {
      (line as Record<string, unknown>)[field] = value;
      if (field === 'status') line.status_as_of = record.line.status_as_of ?? record.asOf;
      entry.provenance[FIELD_PATHS[field]] = field === 'status' ? { source: record.source, asOf: line.status_as_of } : { source: record.source, asOf: record.asOf };
    };
    if (isEmpty(field, current)) {
      if (field === 'name_ru' && !line.name_ru) report.scriptsFilled += 1;
      set();
      continue;
    }
    if (same(current, value)) continue;
    if (field === 'name_ru' && typeof current === 'string' && typeof value === 'string') {
      if (extendsName(value, current)) set();
      if (extendsName(value, current) || extendsName(current, value)) continue;
    }
    const held = provenanceOf(entry, field);
    const heldDate = field === 'status' ? line.status_as_of : held.asOf;
    const incomingDate = field === 'status' ? incoming.asOf : record.asOf;
    const byDate = IDENTITY.has(field) ? 0 : newer(incomingDate, heldDate);
    const wins = byDate > 0 || (byDate === 0 && SOURCE_RANK[record.source] > SOURCE_RANK[held.source as SourceName]);
    const reason = byDate !== 0 ? 'newer' : 'higher-ranked source';
    report.conflicts.push(
      `${who}: ${FIELD_PATHS[field]}: ${held.source} (${heldDate ?? 'undated'}) has ${JSON.stringify(current)}, ${record.source} (${incomingDate ?? 'undated'}) has ${JSON.stringify(value)}; kept ${wins ? record.source : held.source} (${wins ? reason : byDate < 0 ? 'newer' : 'higher-ranked or earlier source'})`,
    );
    if (wins) set();
  }
  for (const url of record.line.sources) if (!line.sources.includes(url)) line.sources.push(url);
  if (record.line.notes) line.notes = line.notes ? `${line.notes} | ${record.line.notes}` : record.line.notes;
}

function describe(record: SourceRecord): string {
  const l = record.line;
  return `${record.source} ${l.name_ru ?? l.name_en}${l.birth_year ? ` (${l.birth_year})` : ''} ${l.sources[0] ?? ''}`.trim();
}

/** Sorted so the result does not depend on the order sources were read in. */
function ordered(records: readonly SourceRecord[]): SourceRecord[] {
  const key = (r: SourceRecord) => JSON.stringify([-SOURCE_RANK[r.source], r.source, r.line.name_ru, r.line.birth_date, r.line.birth_year, r.line.sources[0]]);
  return [...records].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Merges source records into the entries (changed in place; new people appended). */
export function mergeSources(entries: MergeEntry[], records: readonly SourceRecord[], report: MergeReport): MergeEntry[] {
  const sorted = ordered(records);
  // Namesakes inside one source: then a name alone never decides.
  const sameSourceName = new Map<string, number>();
  const nameKey = (r: SourceRecord) => {
    const k = cyrillicKey(r.line.name_ru);
    return k ? `${r.source}|${k.last}|${k.first}` : null;
  };
  for (const r of sorted) {
    const k = nameKey(r);
    if (k) sameSourceName.set(k, (sameSourceName.get(k) ?? 0) + 1);
  }
  for (const record of sorted) {
    const counts = (report.bySource[record.source] ??= { read: 0, merged: 0, added: 0, ambiguous: 0 });
    counts.read += 1;
    const ru = cyrillicKey(record.line.name_ru);
    const nameHits = ru && ru.first ? entries.filter((e) => sameName(e.line, ru, record.line.name_ru!)) : [];
    const compatible = nameHits.filter((e) => !birthContradicts(e.line, record.line));
    const confirmed = compatible.filter((e) => birthConfirms(e.line, record.line));
    const namesakes = nameHits.length > 1 || (sameSourceName.get(nameKey(record) ?? '') ?? 0) > 1;
    let target: MergeEntry | null = null;
    if (confirmed.length === 1) target = confirmed[0]!;
    else if (confirmed.length > 1 || (compatible.length > 0 && namesakes)) {
      report.ambiguous.push(`${describe(record)}: ${compatible.length} people share the name (${compatible.map((e) => e.label).join('; ')}) and no birth date or year tells them apart; not merged`);
      counts.ambiguous += 1;
      continue;
    } else if (compatible.length === 1) target = compatible[0]!;
    if (target) {
      mergeInto(target, record, report);
      counts.merged += 1;
    } else {
      const asOf: Provenance = { source: record.source, asOf: record.asOf };
      const line = structuredClone(record.line);
      const provenance: Record<string, Provenance> = { '*': asOf };
      if (line.status !== 'unknown') provenance.status = { source: record.source, asOf: line.status_as_of };
      entries.push({ line, provenance, label: `${record.source} ${record.line.sources[0] ?? ''}`.trim() });
      counts.added += 1;
    }
  }
  return entries;
}
