/**
 * A prisoner record for tests: every optional fact empty (no dates, charges, address or
 * letters), so a test names only the fields it is about.
 */
import type { PrisonerRecord } from '@/lib/index-schema';

export function sparseRecord(fields: Pick<PrisonerRecord, 'id' | 'name' | 'status' | 'sources'> & Partial<PrisonerRecord>): PrisonerRecord {
  return {
    aliases: [],
    gender: 'm',
    birthYear: null,
    birthDate: null,
    region: null,
    statusAsOf: null,
    charges: [],
    chargeSummary: null,
    sentence: null,
    sentenceDate: null,
    facility: null,
    address: { ru: null, en: null },
    case: null,
    category: null,
    notes: null,
    letters: [],
    forms: { last: [], first: [], middle: [] },
    ...fields,
  };
}
