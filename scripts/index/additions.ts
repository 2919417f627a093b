/**
 * `data/sources/additions.jsonl`: small, cited corrections and additions to snapshot records
 * (a patronymic, a birth year, a postal address printed in an article). Each line names the
 * record it enriches by its snapshot name, the fields it sets, and where the facts come from.
 */
import * as v from 'valibot';
import { BirthYear } from '../../lib/index-schema';
import { IsoDate, parseJsonLines, Text } from './snapshot';

export const AdditionSchema = v.strictObject({
  /** The snapshot record, by its exact `name_en` or `name_ru`; exactly one record must match. */
  enriches: v.union([v.strictObject({ name_en: Text }), v.strictObject({ name_ru: Text })]),
  fields: v.strictObject({
    name_ru: v.optional(Text),
    name_en: v.optional(Text),
    gender: v.optional(v.picklist(['m', 'f'])),
    birth_year: v.optional(BirthYear),
    birth_date: v.optional(IsoDate),
    facility: v.optional(Text),
    address_ru: v.optional(Text),
    address_en: v.optional(Text),
  }),
  /** The page the facts were read on; null only when it is not known (say why in `note`). */
  source: v.nullable(v.pipe(v.string(), v.url(), v.startsWith('https://', 'source URLs must be https'))),
  /** Date of the source's facts. */
  as_of: v.nullable(IsoDate),
  /** Where exactly the facts are printed; becomes part of the record's notes. */
  note: Text,
});
export type Addition = v.InferOutput<typeof AdditionSchema>;
export type AdditionEntry = { line: number; data: Addition };

export function parseAdditions(text: string, file = 'additions.jsonl'): AdditionEntry[] {
  return parseJsonLines(text, file, AdditionSchema);
}
