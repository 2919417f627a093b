import { describe, expect, it } from 'vitest';
import type { PrisonerIndex, PrisonerRecord } from '../../lib/index-schema';
import { diffIndexes, lossReasons } from '../../scripts/index/diff';
import { assignIds } from '../../scripts/index/ids';
import { letterOptions } from '../../scripts/index/letters';
import { loadFacilities } from '../../scripts/index/load';
import { canonicalUrls, emptyUrlReport } from '../../scripts/index/urls';
import { buildFromCommittedSources } from '../../scripts/index/load';

describe('source URLs', () => {
  it('upgrades http, drops mirror duplicates, maps lone mirrors, refuses unknown mirrors', () => {
    const report = emptyUrlReport();
    const urls = canonicalUrls(
      [
        'http://zona.media/article/2023/08/11/bakhtin',
        'https://nxksfawx---cmgqbwys-bsccljbcrq-ez.a.run.app/?p=17104',
        'https://memopzk.org/?p=17104',
        'https://tffvoufz---mekodxpr-bsccljbcrq-ez.a.run.app/en/persons/rustem-mustafaev',
        'https://ecvkhhpw---kmhkqybb-bsccljbcrq-ez.a.run.app/news/262551',
        'https://meduza.io./feature/x',
      ],
      report,
    );
    expect(urls).toEqual(['https://zona.media/article/2023/08/11/bakhtin', 'https://memopzk.org/?p=17104', 'https://ovd.info/en/persons/rustem-mustafaev', 'https://meduza.io/feature/x']);
    expect(report).toMatchObject({ upgraded: 1, mirrorDuplicates: 1, mirrorMapped: 1 });
    expect(report.dropped).toHaveLength(1);
  });
});

describe('facility directory', () => {
  const directory = loadFacilities();
  it('matches type, number and place', () => {
    expect(directory.match('СИЗО-2 (Волоколамск)', 'Московская область')?.postcode).toBe('143600');
    expect(directory.match('ФКУ СИЗО-1 ОФСИН России по Республике Алтай', null)?.region).toBe('Республика Алтай');
    expect(directory.match('Владимирский централ (per source)', null)?.type).toBe('Т');
    expect(directory.match('ИК-7 (Ставропольский край) - served term', null)?.region).toBe('Ставропольский край');
  });
  it('refuses ambiguous or unknown facilities', () => {
    expect(directory.match('СИЗО (Челябинск)', 'Челябинская область')).toBeNull();
    expect(directory.match('СИЗО-1', null)).toBeNull();
    expect(directory.match('исправительная колония «Полярный волк»', null)).toBeNull();
  });
});

describe('letters', () => {
  it('only for people in custody; FSIN-pismo only with a matched facility', () => {
    expect(letterOptions('released', ['https://memopzk.org/figurant/x/'], true)).toEqual([]);
    expect(letterOptions('fled', [], true)).toEqual([]);
    expect(letterOptions('pretrial', ['https://memopzk.org/figurant/x/'], false).map((l) => l.service)).toEqual(['memorial', 'rosuznik', 'lettersnow']);
    expect(letterOptions('imprisoned', ['https://memopzk.org/news/1'], true).map((l) => l.service)).toEqual(['rosuznik', 'lettersnow', 'fsin-pismo']);
  });
});

describe('ids', () => {
  it('adds birth year, then a content hash, only on a collision, whatever the order', () => {
    const a = { base: 'ivanov-oleg', birthYear: 1980, fingerprint: 'a' };
    const b = { base: 'ivanov-oleg', birthYear: 1990, fingerprint: 'b' };
    const c = { base: 'petrov-ivan', birthYear: null, fingerprint: 'c' };
    expect(assignIds([a, b, c])).toEqual(['ivanov-oleg-1980', 'ivanov-oleg-1990', 'petrov-ivan']);
    expect(assignIds([c, b, a])).toEqual(['petrov-ivan', 'ivanov-oleg-1990', 'ivanov-oleg-1980']);
    const [x, y] = assignIds([{ base: 's', birthYear: null, fingerprint: 'one' }, { base: 's', birthYear: null, fingerprint: 'two' }]);
    expect(x).not.toBe(y);
    expect(x).toMatch(/^s-[0-9a-f]{6}$/);
    expect(() => assignIds([a, a])).toThrow(/cannot be told apart/);
  });
});

describe('diff and loss guard', () => {
  const { index } = buildFromCommittedSources();
  it('reports added, removed and changed status', () => {
    const [first, second, ...rest] = index.records as [PrisonerRecord, PrisonerRecord, ...PrisonerRecord[]];
    const changed: PrisonerIndex = { ...index, records: [{ ...first, status: first.status === 'released' ? 'imprisoned' : 'released' }, ...rest, { ...second, id: 'new-person' }] };
    const diff = diffIndexes(index, changed);
    expect(diff.added).toEqual(['new-person']);
    expect(diff.removed).toEqual([second.id]);
    expect(diff.statusChanged).toHaveLength(1);
    expect(lossReasons(index, changed, diff)).toEqual([]);
  });
  it('flags a loss of more than 10% of people or of a field', () => {
    const fewer: PrisonerIndex = { ...index, records: index.records.slice(0, Math.floor(index.records.length * 0.85)) };
    expect(lossReasons(index, fewer, diffIndexes(index, fewer))[0]).toMatch(/^people: /);
    const noSentences: PrisonerIndex = { ...index, records: index.records.map((r) => ({ ...r, sentence: null })) };
    expect(lossReasons(index, noSentences, diffIndexes(index, noSentences))).toEqual([expect.stringMatching(/^sentence: /)]);
  });
});
