/**
 * The prisoner index: the one data format shared by the build pipeline, the background,
 * the content script, the popup and the published (signed) file.
 *
 * Everything in here may come from a download, so the schema is the gate: a record that
 * does not pass it is rejected with its reason, never half-used.
 */
import * as v from 'valibot';
import { REGIMES } from './sentence';
import { STATUSES } from './statuses';

/** Bumped when the shape changes incompatibly; readers refuse other versions. */
export const INDEX_SCHEMA_VERSION = 1;

export { LETTER_STATUSES, STATUSES, type Status } from './statuses';

const IsoDate = v.pipe(
  v.string(),
  v.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD'),
);
/** A birth year: a whole number, 1900 to 2025 (also what the index sources may give). */
export const BirthYear = v.pipe(v.number(), v.integer(), v.minValue(1900), v.maxValue(2025));

const HttpsUrl = v.pipe(v.string(), v.url(), v.startsWith('https://', 'URLs must be https'));
/**
 * Bidirectional embedding, override and isolate controls. In a name or an address they can make
 * the card show text in another order than the one stored (an envelope sent elsewhere), so text
 * from the index may not carry them; a record that does is rejected with this reason.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/u;
const ShortText = (max: number) =>
  v.pipe(
    v.string(),
    v.maxLength(max, `longer than ${max} characters`),
    v.check((s) => !BIDI_CONTROLS.test(s), 'bidirectional control characters are not allowed'),
  );

/** A matchable name token, already normalised by lib/normalize (lower case, ё→е, no apostrophes). */
const Token = v.pipe(v.string(), v.minLength(1), v.maxLength(60), v.regex(/^[\p{Ll}\p{Lo}\p{M}-]+$/u, 'name tokens must be normalised'));

export const NameFormsSchema = v.object({
  /** Surname forms: Russian cases (both genders where gender is unknown) and Latin spellings. */
  last: v.array(Token),
  /** First-name forms: Russian cases, transliterations and conventional English spellings. */
  first: v.array(Token),
  /** Patronymic forms; empty when no source gives the patronymic. */
  middle: v.array(Token),
  /**
   * True when a script was only back-transliterated (no source printed it): matching treats
   * such forms with less confidence.
   */
  derived: v.optional(v.boolean()),
});
export type NameForms = v.InferOutput<typeof NameFormsSchema>;

export const SourceSchema = v.object({
  url: HttpsUrl,
  /** Which source family it is: memopzk, ovd-info, rosuznik, snapshot, press… */
  kind: ShortText(40),
  /** Date the source states, or when it was read. */
  asOf: v.nullable(IsoDate),
});

export const FacilityRefSchema = v.object({
  /** ИК, СИЗО, КП, ЛИУ, … as the FSIN directory writes them. */
  type: ShortText(20),
  number: ShortText(20),
  region: ShortText(200),
  postcode: v.nullable(v.pipe(v.string(), v.regex(/^\d{6}$/, 'postcodes have six digits'))),
});
export type FacilityRef = v.InferOutput<typeof FacilityRefSchema>;

export const ProvenanceSchema = v.object({
  /** Source family: snapshot, additions, memopzk, memopzk-page, rosuznik, table. */
  source: ShortText(40),
  asOf: v.nullable(IsoDate),
});
export type Provenance = v.InferOutput<typeof ProvenanceSchema>;

export const LetterOptionSchema = v.object({
  service: v.picklist(['memorial', 'rosuznik', 'lettersnow', 'fsin-pismo']),
  url: HttpsUrl,
});
export type LetterOption = v.InferOutput<typeof LetterOptionSchema>;

export const ChargeSchema = v.object({
  /** Article as written in the sources, e.g. "207.3 ч.2 п.«д»". */
  article: ShortText(120),
  /** Plain-language meaning, or null when the article is not in our table. */
  en: v.nullable(ShortText(300)),
  ru: v.nullable(ShortText(300)),
});
export type Charge = v.InferOutput<typeof ChargeSchema>;

export const PrisonerRecordSchema = v.object({
  /** Stable id: a slug of the name plus birth year when known; never reused for another person. */
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]{3,100}$/, 'ids are lower-case slugs')),
  name: v.object({
    ru: v.nullable(ShortText(200)),
    en: v.nullable(ShortText(200)),
    /** Which of the two was produced by transliteration rather than read in a source. */
    derived: v.optional(v.picklist(['ru', 'en'])),
  }),
  aliases: v.array(ShortText(200)),
  gender: v.nullable(v.picklist(['m', 'f'])),
  birthYear: v.nullable(BirthYear),
  birthDate: v.nullable(IsoDate),
  region: v.nullable(ShortText(200)),
  status: v.picklist(STATUSES),
  statusAsOf: v.nullable(IsoDate),
  charges: v.array(ChargeSchema),
  chargeSummary: v.nullable(ShortText(600)),
  sentence: v.nullable(
    v.object({
      text: ShortText(600),
      years: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(99))),
      months: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(11))),
      /** Parsed from the text by lib/sentence.ts; absent when the text does not say. */
      regime: v.optional(v.picklist(REGIMES)),
      suspended: v.optional(v.literal(true)),
      inAbsentia: v.optional(v.literal(true)),
    }),
  ),
  sentenceDate: v.nullable(IsoDate),
  facility: v.nullable(ShortText(300)),
  address: v.object({ ru: v.nullable(ShortText(600)), en: v.nullable(ShortText(600)) }),
  /** The FSIN directory row the facility or address was matched to; absent when none matched. */
  facilityRef: v.optional(FacilityRefSchema),
  case: v.nullable(ShortText(300)),
  category: v.nullable(ShortText(80)),
  notes: v.nullable(ShortText(4000)),
  sources: v.pipe(v.array(SourceSchema), v.minLength(1, 'every record needs at least one source')),
  /** Letter services that reach this person; empty for anyone not in custody. */
  letters: v.array(LetterOptionSchema),
  forms: NameFormsSchema,
  /**
   * Which source (and the date it states) each field came from. Key "*" covers every field
   * not listed; other keys are field paths ("address.ru", "status", "name.ru").
   */
  provenance: v.optional(v.record(v.pipe(v.string(), v.maxLength(40)), ProvenanceSchema)),
});
export type PrisonerRecord = v.InferOutput<typeof PrisonerRecordSchema>;

export const PrisonerIndexSchema = v.object({
  schema: v.literal(INDEX_SCHEMA_VERSION),
  /** Monotonic version; a downloaded index is accepted only if newer than the one in use. */
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  generatedAt: v.pipe(v.string(), v.isoTimestamp()),
  /**
   * Set in the published file: "sha256-" + hex SHA-256 of JSON.stringify(records) as parsed
   * (lib/signature.ts `indexContentHash`). The signature covers the whole file anyway.
   */
  contentHash: v.optional(v.pipe(v.string(), v.regex(/^sha256-[0-9a-f]{64}$/, 'expected sha256-<64 hex>'))),
  records: v.array(PrisonerRecordSchema),
});
export type PrisonerIndex = v.InferOutput<typeof PrisonerIndexSchema>;

/** Validates one record; returns it or the first reason it fails, with the field path. */
export function checkRecord(input: unknown): { ok: true; record: PrisonerRecord } | { ok: false; reason: string } {
  const result = v.safeParse(PrisonerRecordSchema, input);
  if (result.success) return { ok: true, record: result.output };
  return { ok: false, reason: describeIssue(result.issues[0]) };
}

/** Validates a whole index; on failure the reason names the record index and field. */
export function checkIndex(input: unknown): { ok: true; index: PrisonerIndex } | { ok: false; reason: string } {
  const result = v.safeParse(PrisonerIndexSchema, input);
  if (result.success) {
    const ids = new Set<string>();
    for (const r of result.output.records) {
      if (ids.has(r.id)) return { ok: false, reason: `duplicate record id "${r.id}"` };
      ids.add(r.id);
    }
    return { ok: true, index: result.output };
  }
  return { ok: false, reason: describeIssue(result.issues[0]) };
}

function describeIssue(issue: v.BaseIssue<unknown> | undefined): string {
  if (!issue) return 'invalid';
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return path ? `${path}: ${issue.message}` : issue.message;
}
