/**
 * Sources → PrisonerIndex. Pure: the CLI (build.ts) reads the files and writes the result;
 * tests call this directly. The output depends only on the inputs (records sorted by id,
 * version and time taken from data/index-version.json).
 */
import { checkIndex, type Charge, type PrisonerIndex, type PrisonerRecord, type Provenance, INDEX_SCHEMA_VERSION } from '../../lib/index-schema';
import { findDisallowedUrl } from '../../lib/accept-index';
import { describeArticle } from '../../lib/articles';
import { parseSentence } from '../../lib/sentence';
import { normalizeToken } from '../../lib/normalize';
import type { AdditionEntry } from './additions';
import { detectGender, type Gender } from './declension';
import { backTransliterate } from './derived-names';
import { facilityRef, type FacilityDirectory } from './facilities';
import { buildForms } from './forms';
import { assignIds, slugify } from './ids';
import { letterOptions } from './letters';
import { emptyMergeReport, FIELD_PATHS, mergeSources, type MergeEntry, type MergeReport } from './merge';
import { formatCyrillic, formatLatin, parseAnyName, parseCyrillicName, parseLatinName, type NameParts } from './names';
import type { SnapshotEntry, SnapshotLine } from './snapshot';
import type { SourceRecord } from './sources/source-record';
import { toLatin } from './translit';
import { canonicalUrls, emptyUrlReport, sourceKind, type UrlReport } from './urls';

export interface IndexVersion {
  version: number;
  generatedAt: string;
}

export interface BuildInputs {
  snapshot: readonly SnapshotEntry[];
  additions: readonly AdditionEntry[];
  facilities: FacilityDirectory;
  version: IndexVersion;
  /** Records read from the live sources (adapters in ./sources), merged into the snapshot's. */
  extra?: readonly SourceRecord[];
}

export interface BuildReport {
  records: number;
  urls: UrlReport;
  derivedRu: number;
  derivedEn: number;
  facilitiesMatched: number;
  facilitiesUnmatched: string[];
  articlesWithoutMeaning: string[];
  additionsApplied: number;
  /** Facts two sources disagree on, with the value kept and why. */
  conflicts: string[];
  /** Per-source counts of the merge, ambiguous namesakes left out. */
  merge: MergeReport;
}

export class BuildError extends Error {}

/** Applies the additions to snapshot lines, in place on copies; returns conflicts found. */
function applyAdditions(
  lines: SnapshotLine[],
  additions: readonly AdditionEntry[],
  report: BuildReport,
  extraSources: Map<SnapshotLine, string[]>,
  extraNotes: Map<SnapshotLine, string[]>,
  provenance: Map<SnapshotLine, Record<string, Provenance>>,
) {
  for (const { line, data } of additions) {
    const key = 'name_en' in data.enriches ? (['name_en', data.enriches.name_en] as const) : (['name_ru', data.enriches.name_ru] as const);
    const targets = lines.filter((l) => l[key[0]] === key[1]);
    if (targets.length !== 1) throw new BuildError(`additions.jsonl: line ${line}: enriches: ${targets.length} records have ${key[0]} "${key[1]}" (need exactly one)`);
    const target = targets[0]!;
    for (const [field, value] of Object.entries(data.fields) as Array<[keyof typeof data.fields, string | number]>) {
      const current = target[field];
      // A longer form of the same name (a patronymic added) is an extension, not a conflict.
      const extends_ = field.startsWith('name_') && typeof current === 'string' && String(value).startsWith(current);
      if (current != null && current !== value && !extends_) {
        report.conflicts.push(`${key[1]}: ${field}: snapshot has ${JSON.stringify(current)}, additions line ${line} has ${JSON.stringify(value)}; kept the addition (newer, cited)`);
      }
      (target as Record<string, unknown>)[field] = value;
      const path = FIELD_PATHS[field];
      provenance.set(target, { ...provenance.get(target), [path]: { source: 'additions', asOf: data.as_of } });
    }
    if (data.source) extraSources.set(target, [...(extraSources.get(target) ?? []), data.source]);
    extraNotes.set(target, [...(extraNotes.get(target) ?? []), data.note]);
    report.additionsApplied += 1;
  }
}

/** A date in the URL path (/2023/11/14/, /2024/06/), the only per-source date we have. */
function dateFromUrl(url: string): string | null {
  const m = /\/((?:19|20)\d{2})\/(\d{2})(?:\/(\d{2}))?(?:\/|$)/.exec(new URL(url).pathname);
  if (!m) return null;
  const [, y, mo, d] = m;
  if (Number(mo) < 1 || Number(mo) > 12) return null;
  return d && Number(d) >= 1 && Number(d) <= 31 ? `${y}-${mo}-${d}` : `${y}-${mo}`;
}

/**
 * Aliases are written in either order; when an alias's first name is the record's surname
 * (or its surname the record's first name), it was written the other way round.
 */
function orientAlias(alias: NameParts, ru: NameParts | null, en: NameParts | null): NameParts {
  const same = (a: string | null | undefined, b: string | null | undefined) => !!a && !!b && normalizeToken(a) === normalizeToken(b);
  const reversed = [ru, en].some((main) => main && (same(alias.first, main.last) || same(alias.last, main.first)));
  if (!reversed || !alias.first) return alias;
  return { ...alias, first: alias.last, last: alias.first, otherFirst: alias.otherLast, otherLast: alias.otherFirst };
}

/** Cyrillic name → Latin "First Last" (Wikipedia romanisation; patronymics are not used in English). */
function romanise(ru: NameParts): string {
  return [ru.first, ru.last].filter(Boolean).map((w) => toLatin(w!)).join(' ');
}

function charges(articles: readonly string[], report: BuildReport): Charge[] {
  return articles.map((article) => {
    const meaning = describeArticle(article);
    if (!meaning && !report.articlesWithoutMeaning.includes(article)) report.articlesWithoutMeaning.push(article);
    return { article, en: meaning?.en ?? null, ru: meaning?.ru ?? null };
  });
}

function joinNotes(parts: Array<string | null | undefined>): string | null {
  const text = parts.filter(Boolean).join(' | ');
  return text ? text.slice(0, 4000) : null;
}

/** The sentence as stored: the source's term (or the parsed one), with regime and flags. */
function sentenceOf(s: NonNullable<SnapshotLine['sentence']>): NonNullable<PrisonerRecord['sentence']> {
  const parsed = parseSentence(s.text);
  const term = s.years !== null ? { years: s.years, months: s.months } : { years: parsed.years, months: parsed.months };
  return {
    text: s.text,
    ...term,
    ...(parsed.regime ? { regime: parsed.regime } : {}),
    ...(parsed.suspended ? { suspended: true as const } : {}),
    ...(parsed.inAbsentia ? { inAbsentia: true as const } : {}),
  };
}

/** Field entries equal to the default ("*") say nothing; dropping them keeps records small. */
function compactProvenance(provenance: Record<string, Provenance>): Record<string, Provenance> {
  const fallback = provenance['*']!;
  const out: Record<string, Provenance> = { '*': fallback };
  for (const key of Object.keys(provenance).sort()) {
    const p = provenance[key]!;
    if (key !== '*' && (p.source !== fallback.source || p.asOf !== fallback.asOf)) out[key] = p;
  }
  return out;
}

export function buildIndex(inputs: BuildInputs): { index: PrisonerIndex; report: BuildReport } {
  const report: BuildReport = {
    records: 0,
    urls: emptyUrlReport(),
    derivedRu: 0,
    derivedEn: 0,
    facilitiesMatched: 0,
    facilitiesUnmatched: [],
    articlesWithoutMeaning: [],
    additionsApplied: 0,
    conflicts: [],
    merge: emptyMergeReport(),
  };
  const lines = inputs.snapshot.map((e) => structuredClone(e.data));
  const extraSources = new Map<SnapshotLine, string[]>();
  const extraNotes = new Map<SnapshotLine, string[]>();
  const addedProvenance = new Map<SnapshotLine, Record<string, Provenance>>();
  applyAdditions(lines, inputs.additions, report, extraSources, extraNotes, addedProvenance);
  const entries: MergeEntry[] = lines.map((line, i) => ({
    line,
    provenance: { '*': { source: 'snapshot', asOf: line.status_as_of }, ...addedProvenance.get(line) },
    label: `snapshot line ${inputs.snapshot[i]!.line}`,
  }));
  mergeSources(entries, inputs.extra ?? [], report.merge);
  report.conflicts.push(...report.merge.conflicts);

  const drafts: Array<Omit<PrisonerRecord, 'id'> & { idBase: string; fingerprint: string }> = [];
  for (const { line, provenance, label: where } of entries) {
    let ru = line.name_ru ? parseCyrillicName(line.name_ru) : null;
    const en = line.name_en ? parseLatinName(line.name_en) : null;
    if (!ru && !en) throw new BuildError(`${where}: no name in either script`);
    let derived: 'ru' | 'en' | undefined;
    let nameRu = line.name_ru;
    let nameEn = line.name_en;
    const parsedAliases = line.aliases.map((a) => parseAnyName(a)).filter((p): p is NameParts => p !== null);
    if (!ru) {
      // The aliases' Latin names are guessed too: they may be the spelling Russian texts follow.
      ru = backTransliterate(en!, parsedAliases.map((a) => orientAlias(a, null, en)));
      nameRu = formatCyrillic(ru);
      derived = 'ru';
      report.derivedRu += 1;
    } else if (!en) {
      nameEn = romanise(ru);
      derived = 'en';
      report.derivedEn += 1;
    }
    const gender: Gender | null = line.gender ?? detectGender(ru.first, ru.middle);
    const aliases = parsedAliases.map((a) => orientAlias(a, ru!, en));
    const forms = buildForms({ ru, ruDerived: derived === 'ru', en, aliases, gender });

    const urls = canonicalUrls([...line.sources, ...(extraSources.get(line) ?? [])], report.urls);
    if (!urls.length) throw new BuildError(`${where}: no usable source URL`);

    const facility = inputs.facilities.resolve(line.facility, line.address_ru, line.region);
    const facilityMatched = facility !== null;
    if (facilityMatched) report.facilitiesMatched += 1;
    else if (line.facility) report.facilitiesUnmatched.push(line.facility);

    const birthYear = line.birth_year ?? (line.birth_date ? Number(line.birth_date.slice(0, 4)) : null);
    // Ids come from the Latin name as a source printed it, else from its romanisation.
    const latinForId = en ?? parseLatinName(romanise(ru))!;
    const idBase = slugify(`${latinForId.last} ${latinForId.first ?? ''}`);
    drafts.push({
      idBase,
      fingerprint: JSON.stringify([nameRu, nameEn, line.birth_date, line.region, line.sources[0]]),
      name: derived ? { ru: nameRu, en: nameEn, derived } : { ru: nameRu, en: nameEn },
      aliases: line.aliases,
      gender,
      birthYear,
      birthDate: line.birth_date,
      region: line.region,
      status: line.status,
      statusAsOf: line.status_as_of,
      charges: charges(line.articles, report),
      chargeSummary: line.charge_en,
      sentence: line.sentence ? sentenceOf(line.sentence) : null,
      sentenceDate: line.sentence_date,
      facility: line.facility,
      address: { ru: line.address_ru, en: line.address_en },
      ...(facility ? { facilityRef: facilityRef(facility) } : {}),
      case: line.case,
      category: line.category,
      notes: joinNotes([line.notes, ...(extraNotes.get(line) ?? [])]),
      sources: urls.map((url) => ({ url, kind: sourceKind(url), asOf: dateFromUrl(url) })),
      letters: letterOptions(line.status, urls, facilityMatched),
      forms,
      provenance: compactProvenance(provenance),
    });
  }

  const ids = assignIds(drafts.map((d) => ({ base: d.idBase, birthYear: d.birthYear, fingerprint: d.fingerprint })));
  const records: PrisonerRecord[] = drafts
    .map(({ idBase: _b, fingerprint: _f, ...rest }, i) => ({ id: ids[i]!, ...rest }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  report.records = records.length;

  const index: PrisonerIndex = { schema: INDEX_SCHEMA_VERSION, version: inputs.version.version, generatedAt: inputs.version.generatedAt, records };
  const checked = checkIndex(index);
  if (!checked.ok) throw new BuildError(`built index fails the schema: ${checked.reason}`);
  return { index, report };
}

/**
 * Refuses an index the extension would refuse: every source and letter URL must pass the
 * allow-list the extension checks downloads against (lib/accept-index.ts). The error names
 * the record and the URL. The CLI runs it before writing; buildIndex does not, so tests
 * can build from a local test server's URLs.
 */
export function checkIndexUrls(index: PrisonerIndex): void {
  const problem = findDisallowedUrl(index);
  if (!problem) return;
  // Find the URL itself: the first one that fails on its own.
  for (const record of index.records) {
    const alone = (r: PrisonerRecord): PrisonerIndex => ({ ...index, records: [r] });
    const bad =
      record.sources.find((s) => findDisallowedUrl(alone({ ...record, sources: [s], letters: [] })))?.url ??
      record.letters.find((l) => findDisallowedUrl(alone({ ...record, sources: [], letters: [l] })))?.url;
    if (bad) throw new BuildError(`record ${record.id} links ${bad}, which the URL allow-list refuses (${problem}); fix the source or lib/url-allowlist.ts`);
  }
  throw new BuildError(`the URL allow-list refuses the index: ${problem}`);
}

/** The index as bytes on disk: one record per line so that diffs show which people changed. */
export function serializeIndex(index: PrisonerIndex): string {
  const { records, ...head } = index;
  const headJson = JSON.stringify(head).slice(0, -1);
  const body = records.map((r) => JSON.stringify(r)).join(',\n');
  return `${headJson},"records":[\n${body}\n]}\n`;
}
