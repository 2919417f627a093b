/**
 * What every source adapter returns: a snapshot-format line (the one intermediate format the
 * build reads), tagged with the source family and the date the source states for its facts.
 * The merge (../merge.ts) uses the tag for precedence and provenance.
 */
import type { SnapshotLine } from '../snapshot';

export const SOURCE_NAMES = ['snapshot', 'additions', 'memopzk', 'memopzk-page', 'rosuznik', 'table'] as const;
export type SourceName = (typeof SOURCE_NAMES)[number];

export interface SourceRecord {
  source: SourceName;
  /** Date the source states for these facts (card modification date, export date), or null. */
  asOf: string | null;
  line: SnapshotLine;
}

/** A line with no facts yet, for adapters to fill. */
export function emptyLine(sources: string[]): SnapshotLine {
  return {
    name_ru: null,
    name_en: null,
    aliases: [],
    gender: null,
    birth_year: null,
    birth_date: null,
    region: null,
    articles: [],
    charge_en: null,
    sentence: null,
    sentence_date: null,
    status: 'unknown',
    status_as_of: null,
    facility: null,
    address_ru: null,
    address_en: null,
    case: null,
    category: null,
    sources,
    notes: null,
  };
}
