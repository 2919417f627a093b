import { describe, expect, it } from 'vitest';
import type { PrisonerIndex, PrisonerRecord } from '@/lib/index-schema';
import { toMatcherData } from '@/lib/matcher-data';

const record = (over: Partial<PrisonerRecord>): PrisonerRecord => ({
  id: 'bakhtin-aleksandr',
  name: { ru: 'Бахтин Александр Сергеевич', en: 'Aleksandr Bakhtin' },
  aliases: [],
  gender: 'm',
  birthYear: 1971,
  birthDate: null,
  region: 'Пензенская область',
  status: 'imprisoned',
  statusAsOf: '2023-08-11',
  charges: [{ article: '207.3 ч.2 п.«д»', en: null, ru: null }],
  chargeSummary: null,
  sentence: null,
  sentenceDate: null,
  facility: null,
  address: { ru: null, en: null },
  case: 'Network case (Penza/St Petersburg, «Сеть»)',
  category: null,
  notes: null,
  sources: [{ url: 'https://example.org/a', kind: 'press', asOf: null }],
  letters: [],
  forms: { last: ['бахтин'], first: ['александр'], middle: [] },
  ...over,
});
const index = (records: PrisonerRecord[]): PrisonerIndex => ({ schema: 1, version: 7, generatedAt: '2026-01-01T00:00:00Z', records });

describe('toMatcherData', () => {
  it('keeps ids, forms and the index version, and nothing of the card', () => {
    const data = toMatcherData(index([record({})]));
    expect(data.version).toBe(7);
    expect(data.people).toHaveLength(1);
    expect(Object.keys(data.people[0]!).sort()).toEqual(['forms', 'hints', 'id', 'weakHints']);
  });

  it('gives article numbers and birth-year phrases as hints, region and case words as weak hints', () => {
    const [person] = toMatcherData(index([record({ birthDate: '1971-05-03' })])).people;
    expect(person!.hints).toEqual(expect.arrayContaining(['207.3', '1971 г. р', 'born 1971', '03.05.1971']));
    expect(person!.hints).not.toContain('1971');
    expect(person!.weakHints).toEqual(expect.arrayContaining(['пензенск', 'network', 'penza', 'сеть']));
  });

  it('says which script was back-transliterated', () => {
    const [person] = toMatcherData(index([record({ name: { ru: 'Бахтин Александр', en: 'Aleksandr Bakhtin', derived: 'ru' } })])).people;
    expect(person!.derivedScript).toBe('ru');
  });
});
