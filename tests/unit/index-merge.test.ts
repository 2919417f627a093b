import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildFromCommittedSources } from '../../scripts/index/load';
import { emptyMergeReport, mergeSources, type MergeEntry } from '../../scripts/index/merge';
import { PATHS } from '../../scripts/index/paths';
import type { SnapshotLine } from '../../scripts/index/snapshot';
import { emptyLine, type SourceRecord } from '../../scripts/index/sources/source-record';

function line(fields: Partial<SnapshotLine>): SnapshotLine {
  return { ...emptyLine(['https://example.org/a']), ...fields };
}
function entry(fields: Partial<SnapshotLine>, label: string): MergeEntry {
  const l = line(fields);
  return { line: l, provenance: { '*': { source: 'snapshot', asOf: l.status_as_of } }, label };
}
function record(source: SourceRecord['source'], asOf: string | null, fields: Partial<SnapshotLine>): SourceRecord {
  return { source, asOf, line: line({ sources: [`https://example.org/${source}`], ...fields }) };
}

describe('merge', () => {
  it('joins by name and birth year; a contradicting birth year makes a new person', () => {
    const entries = [entry({ name_ru: 'Образцов Олег', birth_year: 1979 }, 'snapshot line 1')];
    const report = emptyMergeReport();
    mergeSources(entries, [record('table', '2026-04-30', { name_ru: 'Образцов Олег Павлович', birth_year: 1979 }), record('rosuznik', null, { name_ru: 'Образцов Олег', birth_year: 1990 })], report);
    expect(entries).toHaveLength(2);
    expect(entries[0]!.line.name_ru).toBe('Образцов Олег Павлович');
    expect(entries[0]!.provenance['name.ru']).toEqual({ source: 'table', asOf: '2026-04-30' });
    expect(report.bySource).toEqual({ rosuznik: { read: 1, merged: 0, added: 1, ambiguous: 0 }, table: { read: 1, merged: 1, added: 0, ambiguous: 0 } });
  });

  it('never merges by name alone when two people share it', () => {
    const entries = [entry({ name_ru: 'Образцов Олег' }, 'snapshot line 1'), entry({ name_ru: 'Образцов Олег' }, 'snapshot line 2')];
    const report = emptyMergeReport();
    mergeSources(entries, [record('table', '2026-04-30', { name_ru: 'Образцов Олег Павлович', birth_year: 1979, address_ru: 'x' })], report);
    expect(entries.map((e) => e.line.address_ru)).toEqual([null, null]);
    expect(report.ambiguous).toEqual([expect.stringMatching(/^table Образцов Олег Павлович \(1979\).*2 people share the name.*not merged$/)]);
    // Namesakes inside one source: no name-only match either.
    const one = [entry({ name_ru: 'Образцов Олег' }, 'snapshot line 1')];
    const r2 = emptyMergeReport();
    mergeSources(one, [record('table', null, { name_ru: 'Образцов Олег', birth_year: 1979 }), record('table', null, { name_ru: 'Образцов Олег', birth_year: 1990 })], r2);
    expect(r2.ambiguous).toHaveLength(2);
  });

  it('keeps the newer changing fact and reports the disagreement', () => {
    const entries = [entry({ name_ru: 'Образцов Олег', status: 'imprisoned', status_as_of: '2024-01', facility: 'ИК-7' }, 'snapshot line 1')];
    const report = emptyMergeReport();
    mergeSources(entries, [record('table', '2026-04-30', { name_ru: 'Образцов Олег', status: 'released', status_as_of: '2026-04-30', facility: 'ИК-2' })], report);
    expect(entries[0]!.line).toMatchObject({ status: 'released', status_as_of: '2026-04-30', facility: 'ИК-2' });
    expect(entries[0]!.provenance.status).toEqual({ source: 'table', asOf: '2026-04-30' });
    expect(report.conflicts).toEqual([expect.stringMatching(/status: snapshot \(2024-01\) has "imprisoned", table \(2026-04-30\) has "released"; kept table \(newer\)/), expect.stringMatching(/facility: .*kept table/)]);
    // An older source does not overwrite, and an unknown status is no fact at all.
    mergeSources(entries, [record('rosuznik', '2020-01-01', { name_ru: 'Образцов Олег', facility: 'СИЗО-1' }), record('memopzk-page', '2027-01-01', { name_ru: 'Образцов Олег' })], report);
    expect(entries[0]!.line).toMatchObject({ status: 'released', facility: 'ИК-2' });
  });

  it('fills the Cyrillic name of a Latin-only snapshot person from a source, not marked derived, id kept', () => {
    const before = buildFromCommittedSources().index.records.find((r) => r.id === 'ivankin-maxim')!;
    expect(before.name.derived).toBe('ru');
    const memorial = record('memopzk-page', '2026-05-01', { name_ru: 'Иванкин Максим', sources: ['https://memopzk.org/figurant/ivankin-maksim/'] });
    const { index, report } = buildFromCommittedSources(undefined, [memorial]);
    const after = index.records.find((r) => r.id === 'ivankin-maxim')!;
    expect(index.records).toHaveLength(680);
    expect(after.name).toEqual({ ru: 'Иванкин Максим', en: 'Maxim Ivankin' });
    expect(after.forms.derived).toBeUndefined();
    expect(after.provenance?.['name.ru']).toEqual({ source: 'memopzk-page', asOf: '2026-05-01' });
    expect(after.sources.map((s) => s.url)).toContain('https://memopzk.org/figurant/ivankin-maksim/');
    expect(report.merge.scriptsFilled).toBe(1);
  });

  it('the committed build records provenance for every record, additions field by field', () => {
    const text = readFileSync(PATHS.index, 'utf8');
    const records = (JSON.parse(text) as { records: Array<{ id: string; provenance?: Record<string, { source: string }> }> }).records;
    expect(records.every((r) => r.provenance?.['*']?.source === 'snapshot')).toBe(true);
    expect(records.find((r) => r.id === 'bakhtin-aleksandr')!.provenance!['address.ru']!.source).toBe('additions');
  });
});
