import { describe, expect, it } from 'vitest';
import { daysUntilBirthday, formatArticle, formatDuration, formatIsoDate, formatSentence, orderedNames, statusLabel } from '@/lib/format';
import { pickLocale, pluralForm, STRINGS } from '@/lib/i18n-strings';

describe('formatDuration', () => {
  it.each([
    [6, 0, '6 years', '6 лет'],
    [1, 0, '1 year', '1 год'],
    [2, 0, '2 years', '2 года'],
    [21, 0, '21 years', '21 год'],
    [22, 0, '22 years', '22 года'],
    [25, 0, '25 years', '25 лет'],
    [8, 6, '8.5 years', '8,5 года'],
    [7, 6, '7.5 years', '7,5 года'],
    [1, 8, '1 year 8 months', '1 год 8 месяцев'],
    [2, 3, '2 years 3 months', '2 года 3 месяца'],
    [0, 6, '6 months', '6 месяцев'],
    [0, 1, '1 month', '1 месяц'],
    [0, 11, '11 months', '11 месяцев'],
  ])('%i years %i months → %s / %s', (years, months, en, ru) => {
    expect(formatDuration(years, months, 'en')).toBe(en);
    expect(formatDuration(years, months, 'ru')).toBe(ru);
  });
});

describe('formatSentence', () => {
  it('prefers the computed length and falls back to the source text', () => {
    expect(formatSentence({ text: '18 years', years: 18, months: 0 }, 'ru')).toBe('18 лет');
    expect(formatSentence({ text: 'fine of 300,000 roubles', years: null, months: null }, 'en')).toBe('fine of 300,000 roubles');
    expect(formatSentence(null, 'en')).toBeNull();
  });
});

describe('formatIsoDate', () => {
  it('keeps the precision the source gives', () => {
    expect(formatIsoDate('2023-08-11', 'en')).toBe('11 August 2023');
    expect(formatIsoDate('2023-08-11', 'ru')).toMatch(/^11 августа 2023/);
    expect(formatIsoDate('2023-08', 'en')).toBe('August 2023');
    expect(formatIsoDate('2023', 'ru')).toBe('2023');
    expect(formatIsoDate('soon', 'en')).toBe('soon');
  });
});

describe('statusLabel', () => {
  it('has a label for every status in both languages and feminine Russian forms', () => {
    for (const locale of ['en', 'ru'] as const) {
      for (const label of Object.values(STRINGS[locale].status)) expect(label.length).toBeGreaterThan(2);
    }
    expect(statusLabel('fled', 'ru', 'm')).toBe('Уехал из России');
    expect(statusLabel('fled', 'ru', 'f')).toBe('Уехала из России');
    expect(statusLabel('fled', 'en', 'f')).toBe('Left Russia');
  });
});

describe('daysUntilBirthday', () => {
  const today = new Date(2024, 0, 20); // 20 January 2024, local time
  it('counts days to the next birthday within the window', () => {
    expect(daysUntilBirthday('1999-01-20', today)).toBe(0);
    expect(daysUntilBirthday('1999-02-01', today)).toBe(12);
    expect(daysUntilBirthday('1999-02-19', today)).toBe(30);
    expect(daysUntilBirthday('1999-02-20', today)).toBeNull();
    expect(daysUntilBirthday('1999-01-19', today)).toBeNull();
  });
  it('wraps over the new year and ignores imprecise dates', () => {
    expect(daysUntilBirthday('1980-01-05', new Date(2023, 11, 20))).toBe(16);
    expect(daysUntilBirthday('1980', today)).toBeNull();
    expect(daysUntilBirthday(null, today)).toBeNull();
  });
  it('moves 29 February to 1 March in common years', () => {
    expect(daysUntilBirthday('2000-02-29', new Date(2023, 1, 27))).toBe(2);
    expect(daysUntilBirthday('2000-02-29', new Date(2024, 1, 27))).toBe(2);
  });
});

describe('formatArticle', () => {
  it('writes parts and paragraphs for each language', () => {
    expect(formatArticle('207.3 ч.2 п.«д»', 'en')).toBe('Art. 207.3 Part 2 (д)');
    expect(formatArticle('207.3 ч.2 п.«д»', 'ru')).toBe('ст. 207.3 ч. 2 п. «д»');
    expect(formatArticle('280.3', 'en')).toBe('Art. 280.3');
  });
});

describe('orderedNames and locale helpers', () => {
  it('puts the reader’s script first', () => {
    const name = { ru: 'Бахтин Александр Сергеевич', en: 'Aleksandr Bakhtin' };
    expect(orderedNames(name, 'en')).toEqual({ primary: 'Aleksandr Bakhtin', secondary: 'Бахтин Александр Сергеевич' });
    expect(orderedNames(name, 'ru')).toEqual({ primary: 'Бахтин Александр Сергеевич', secondary: 'Aleksandr Bakhtin' });
    expect(orderedNames({ ru: null, en: 'Only Latin' }, 'ru')).toEqual({ primary: 'Only Latin', secondary: null });
  });
  it('picks Russian for ru tags only and uses CLDR plural rules', () => {
    expect(pickLocale('ru-RU')).toBe('ru');
    expect(pickLocale('en-US')).toBe('en');
    expect(pickLocale('uk')).toBe('en');
    expect(pickLocale(undefined)).toBe('en');
    const days = { one: 'день', few: 'дня', many: 'дней', other: 'дня' };
    expect([1, 3, 5, 11, 21, 24].map((n) => pluralForm(n, 'ru', days))).toEqual(['день', 'дня', 'дней', 'дней', 'день', 'дня']);
    expect(STRINGS.ru.birthdayIn(12)).toContain('12 дней');
    expect(STRINGS.en.marksOnPage(1, 3)).toBe('Not Alone: 1 political prisoner named on this page, 3 mentions');
    expect(STRINGS.ru.marksOnPage(2, 5)).toBe('Not Alone: на странице 2 политзаключённых, 5 упоминаний');
  });
});
