/**
 * Small indexes for the background, index-store, refresh and popup tests, built from real
 * records of the bundled index so they always match the schema the build enforces.
 */
import bundled from '@/data/index.json';
import type { PrisonerIndex, PrisonerRecord } from '@/lib/index-schema';

export const BUNDLED = bundled as unknown as PrisonerIndex;

export function bundledRecord(id: string): PrisonerRecord {
  const record = BUNDLED.records.find((r) => r.id === id);
  if (!record) throw new Error(`no record ${id} in data/index.json`);
  return structuredClone(record);
}

/** An index of the given version holding copies of the given bundled records (plus extras). */
export function makeIndex(version: number, ids: string[], extra: PrisonerRecord[] = []): PrisonerIndex {
  return {
    schema: 1,
    version,
    generatedAt: '2027-01-01T00:00:00Z',
    records: [...ids.map(bundledRecord), ...extra],
  };
}

/** A new person, not in the bundled index (for "a newer index brings a new person"). */
export function newPerson(): PrisonerRecord {
  const r = bundledRecord('bakhtin-aleksandr');
  return { ...r, id: 'testova-anna-1990', name: { ru: 'Тестова Анна', en: 'Anna Testova' }, aliases: [] };
}
