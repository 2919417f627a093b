import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSentence } from '../../lib/sentence';
import { PATHS } from '../../scripts/index/paths';

describe('sentence parser', () => {
  it('reads terms, regimes and flags from real snapshot texts', () => {
    expect(parseSentence('8.5 years in a penal colony')).toMatchObject({ years: 8, months: 6, regime: null, suspended: false });
    expect(parseSentence('20 months in a general-regime penal colony')).toMatchObject({ years: 1, months: 8, regime: 'general' });
    expect(parseSentence('6 years 4 months suspended')).toMatchObject({ years: 6, months: 4, suspended: true });
    expect(parseSentence('11 years in absentia')).toMatchObject({ years: 11, inAbsentia: true });
    expect(parseSentence('18 years (in absentia) and a 2 million rouble fine')).toMatchObject({ years: 18, inAbsentia: true });
    expect(parseSentence('22 years in a special-regime colony').regime).toBe('special');
    expect(parseSentence('12 years in a maximum-security colony, 1 year restricted freedom')).toMatchObject({ years: 12, regime: 'strict' });
    expect(parseSentence('6 years in a general-regime colony, reduced on appeal to 5 years 7 months')).toMatchObject({ years: 5, months: 7 });
    expect(parseSentence('7.5 years (14 June 2023), increased to 9.5 years on 9 April 2024')).toMatchObject({ years: 9, months: 6 });
    expect(parseSentence('2.5 years in a colony-settlement (appeal replaced a suspended sentence)')).toMatchObject({ years: 2, months: 6, regime: 'settlement', suspended: false });
    expect(parseSentence('life imprisonment')).toMatchObject({ years: null, regime: 'life' });
  });

  it('gives no term for ranges, bounds and vague terms', () => {
    expect(parseSentence('between 2.5 and 4 years in a general-regime colony (Zamoskvoretsky court, 24 Feb 2014)').years).toBeNull();
    expect(parseSentence('suspended sentence of up to 3.5 years')).toMatchObject({ years: null, suspended: true });
    expect(parseSentence('almost 3 years in prison').years).toBeNull();
    expect(parseSentence('fine of 300,000 roubles').years).toBeNull();
  });

  it('reads Russian texts', () => {
    expect(parseSentence('6 лет колонии общего режима')).toMatchObject({ years: 6, months: 0, regime: 'general' });
    expect(parseSentence('3 года 6 месяцев колонии строгого режима')).toMatchObject({ years: 3, months: 6, regime: 'strict' });
    expect(parseSentence('2 года условно')).toMatchObject({ years: 2, suspended: true });
    expect(parseSentence('8 лет заочно')).toMatchObject({ years: 8, inAbsentia: true });
    expect(parseSentence('пожизненное лишение свободы').regime).toBe('life');
    expect(parseSentence('к 6 годам 6 месяцам колонии общего режима')).toMatchObject({ years: 6, months: 6 });
  });

  it('agrees with every term the snapshot states', () => {
    const sentences = readFileSync(PATHS.snapshot, 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { sentence: { text: string; years: number | null; months: number | null } | null }).sentence).filter((s) => s !== null);
    expect(sentences.length).toBeGreaterThan(400);
    const disagreeing = sentences.filter((s) => {
      const p = parseSentence(s.text);
      return p.years !== s.years || p.months !== s.months;
    });
    expect(disagreeing.map((s) => s.text)).toEqual([]);
  });
});
