/**
 * The cited snapshot (`data/sources/prisoners-snapshot.jsonl`, described in its README):
 * one JSON object per line. Every line is checked as it is read; the first bad line stops
 * the build with its line number, field path and reason.
 */
import * as v from 'valibot';
import { BirthYear, STATUSES } from '../../lib/index-schema';

/** A date in a source, as precise as the source is: YYYY, YYYY-MM or YYYY-MM-DD. */
export const IsoDate = v.pipe(v.string(), v.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD'));
export const Text = v.pipe(v.string(), v.minLength(1, 'must not be empty'));

export const SnapshotLineSchema = v.strictObject({
  name_ru: v.nullable(Text),
  name_en: v.nullable(Text),
  aliases: v.array(Text),
  gender: v.nullable(v.picklist(['m', 'f'])),
  birth_year: v.nullable(BirthYear),
  birth_date: v.nullable(IsoDate),
  region: v.nullable(Text),
  articles: v.array(Text),
  charge_en: v.nullable(Text),
  sentence: v.nullable(
    v.strictObject({
      text: Text,
      years: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))),
      months: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(11))),
    }),
  ),
  sentence_date: v.nullable(IsoDate),
  status: v.picklist(STATUSES),
  status_as_of: v.nullable(IsoDate),
  facility: v.nullable(Text),
  address_ru: v.nullable(Text),
  address_en: v.nullable(Text),
  case: v.nullable(Text),
  category: v.nullable(Text),
  sources: v.pipe(v.array(v.pipe(v.string(), v.url('not a URL'))), v.minLength(1, 'needs at least one source')),
  notes: v.nullable(v.string()),
});
export type SnapshotLine = v.InferOutput<typeof SnapshotLineSchema>;

/** A snapshot line with the line number it came from (for error messages and provenance). */
export interface SnapshotEntry {
  line: number;
  data: SnapshotLine;
}

export class SourceLineError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}: line ${line}: ${reason}`);
  }
}

/** Parses and checks a JSONL text; throws SourceLineError on the first bad line. */
export function parseJsonLines<T>(text: string, file: string, schema: v.GenericSchema<unknown, T>): Array<{ line: number; data: T }> {
  const out: Array<{ line: number; data: T }> = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (!raw) continue;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      throw new SourceLineError(file, i + 1, `invalid JSON (${(error as Error).message})`);
    }
    const result = v.safeParse(schema, json);
    if (!result.success) {
      const issue = result.issues[0];
      const path = issue.path?.map((p) => String(p.key)).join('.') || '(line)';
      throw new SourceLineError(file, i + 1, `${path}: ${issue.message}`);
    }
    out.push({ line: i + 1, data: result.output });
  }
  return out;
}

export function parseSnapshot(text: string, file = 'prisoners-snapshot.jsonl'): SnapshotEntry[] {
  return parseJsonLines(text, file, SnapshotLineSchema);
}
