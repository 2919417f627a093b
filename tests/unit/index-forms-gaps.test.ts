/**
 * Name-form gaps the matcher found on real articles: Ukrainian spellings, aliases of
 * Latin-only people, ambiguous soft signs, Ukrainian-style surnames, patronymic spellings,
 * Ukrainian-Cyrillic aliases, and the URL allow-list check of the build.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PrisonerIndex, PrisonerRecord } from '../../lib/index-schema';
import { backTransliterate } from '../../scripts/index/derived-names';
import { BuildError, checkIndexUrls } from '../../scripts/index/build-index';
import { buildForms } from '../../scripts/index/forms';
import { parseAnyName, parseCyrillicName, parseLatinName } from '../../scripts/index/names';
import { patronymicLatinSpellings } from '../../scripts/index/patronymics';
import { PATHS } from '../../scripts/index/paths';
import { firstNameToCyrillic, latinWordToCyrillicVariants, ukrainianStyleSurnames, ukrainianToLatin } from '../../scripts/index/translit';

function formsOf(ru: string | null, en: string | null, gender: 'm' | 'f' | null, aliases: string[] = []) {
  return buildForms({
    ru: ru ? parseCyrillicName(ru) : null,
    ruDerived: false,
    en: en ? parseLatinName(en) : null,
    aliases: aliases.map((a) => parseAnyName(a)!),
    gender,
  });
}

const committed = JSON.parse(readFileSync(PATHS.index, 'utf8')) as PrisonerIndex;
function committedForms(id: string): PrisonerRecord['forms'] {
  const record = committed.records.find((r) => r.id === id);
  if (!record) throw new Error(`no record ${id} in data/index.json`);
  return record.forms;
}

describe('Ukrainian first-name spellings', () => {
  it('are Latin forms of the Russian name and back-transliterate to it', () => {
    expect(formsOf('Кольченко Александр', 'Alexander Kolchenko', 'm').first).toContain('oleksandr');
    const pairs: Array<[string, string]> = [
      ['Oleksandr', 'Александр'],
      ['Dmytro', 'Дмитрий'],
      ['Oleh', 'Олег'],
      ['Mykhailo', 'Михаил'],
      ['Serhiy', 'Сергей'],
      ['Serhii', 'Сергей'],
      ['Andriy', 'Андрей'],
      ['Andrii', 'Андрей'],
      ['Volodymyr', 'Владимир'],
      ['Yevhen', 'Евгений'],
      ['Vladyslav', 'Владислав'],
      ['Iryna', 'Ирина'],
      ['Oleksiy', 'Алексей'],
      ['Oleksii', 'Алексей'],
      ['Mykola', 'Николай'],
      ['Yuriy', 'Юрий'],
      ['Vasyl', 'Василий'],
      ['Ihor', 'Игорь'],
      ['Petro', 'Пётр'],
      ['Bohdan', 'Богдан'],
      ['Taras', 'Тарас'],
    ];
    for (const [latin, cyrillic] of pairs) expect(firstNameToCyrillic(latin), latin).toBe(cyrillic);
  });

  it('reach the committed index', () => {
    expect(committedForms('kolchenko-alexander').first).toContain('oleksandr');
  });
});

describe('back-transliteration of Latin-only people', () => {
  it('uses the aliases too (Emir-Usein Kuku)', () => {
    const en = parseLatinName('Emir-Huseyn Kuku')!;
    const aliases = ['Emir-Usein Kuku', 'Emir-Useyn Kuku'].map((a) => parseLatinName(a)!);
    const ru = backTransliterate(en, aliases);
    // The main guess stays the one from the main name: it is what name.ru shows.
    expect(ru.first).toBe('Эмир-Хусейн');
    expect(ru.last).toBe('Куку');
    const forms = buildForms({ ru, ruDerived: true, en, aliases, gender: 'm' });
    expect(forms.first).toEqual(expect.arrayContaining(['эмир-хусейн', 'эмир-усеин', 'эмир-усеина', 'emir-usein']));
    expect(forms.derived).toBe(true);
    expect(committedForms('kuku-emir-huseyn').first).toContain('эмир-усеина');
  });

  it('offers the soft-sign spelling where a Latin "l" hides one (Kulkov → Кульков)', () => {
    expect(latinWordToCyrillicVariants('Kulkov')).toEqual(expect.arrayContaining(['Кулков', 'Кульков']));
    expect(latinWordToCyrillicVariants('Kulkov')[0]).toBe('Кулков');
    expect(latinWordToCyrillicVariants('Navalny')).toContain('Навальный');
    expect(latinWordToCyrillicVariants('Belskaya')).toContain('Бельская');
    // No soft sign before a vowel ending: Bely is Белый, never Бельый.
    expect(latinWordToCyrillicVariants('Bely')).toEqual(['Белый']);
    expect(committedForms('kulkov-mikhail').last).toEqual(expect.arrayContaining(['кулков', 'кульков', 'кулькова']));
  });

  it('offers и for a vowel + "i" and е for an initial "e"', () => {
    expect(latinWordToCyrillicVariants('Usein', 'first')).toEqual(expect.arrayContaining(['Усейн', 'Усеин']));
    expect(latinWordToCyrillicVariants('Egorov')).toEqual(expect.arrayContaining(['Эгоров', 'Егоров']));
  });

  it('stays bounded: a few alternatives per word', () => {
    for (const word of ['Kulkov', 'Belskaya', 'Eliseikin', 'Melnikov-Aitov', 'Ivanov']) {
      expect(latinWordToCyrillicVariants(word).length, word).toBeLessThanOrEqual(4);
    }
    expect(latinWordToCyrillicVariants('Ivanov')).toEqual(['Иванов']);
  });
});

describe('Ukrainian-style Latin surnames', () => {
  it('are added for surnames of Ukrainian form (Есипенко → Yesypenko)', () => {
    expect(ukrainianStyleSurnames('Есипенко')).toContain('yesypenko');
    expect(ukrainianStyleSurnames('Гончаренко')).toContain('honcharenko');
    expect(ukrainianStyleSurnames('Литвинчук')).toContain('lytvynchuk');
    expect(formsOf('Есипенко Владислав', 'Vladislav Esipenko', 'm').last).toEqual(expect.arrayContaining(['esipenko', 'yesypenko']));
    expect(committedForms('esipenko-vladislav').last).toContain('yesypenko');
  });

  it('are not added for other surnames', () => {
    expect(ukrainianStyleSurnames('Иванов')).toEqual([]);
    expect(formsOf('Иванов Дмитрий', null, 'm').last).not.toContain('yvanov');
  });
});

describe('patronymic spellings', () => {
  it('follow the English spellings of the root first name', () => {
    expect(patronymicLatinSpellings('Александрович')).toEqual(expect.arrayContaining(['aleksandrovich', 'alexandrovich']));
    expect(patronymicLatinSpellings('Алексеевич')).toEqual(expect.arrayContaining(['alekseevich', 'alekseyevich', 'alexeyevich', 'alexeevich']));
    expect(patronymicLatinSpellings('Сергеевич')).toEqual(expect.arrayContaining(['sergeevich', 'sergeyevich']));
    expect(patronymicLatinSpellings('Евгеньевич')).toEqual(expect.arrayContaining(['yevgenyevich', 'evgenievich', 'evgenyevich']));
    expect(patronymicLatinSpellings('Юрьевна')).toEqual(expect.arrayContaining(['yuryevna', 'yurievna']));
    expect(patronymicLatinSpellings('Дмитриевич')).toEqual(expect.arrayContaining(['dmitriyevich', 'dmitrievich']));
    expect(patronymicLatinSpellings('Михайлович')).toEqual(expect.arrayContaining(['mikhailovich', 'mikhaylovich']));
    expect(patronymicLatinSpellings('Николаевна')).toEqual(expect.arrayContaining(['nikolaevna', 'nikolayevna']));
  });

  it('take only the spellings that fit the patronymic', () => {
    const alexandrovich = patronymicLatinSpellings('Александрович');
    expect(alexandrovich).not.toContain('alexanderovich');
    expect(alexandrovich).not.toContain('oleksandrovich');
    expect(patronymicLatinSpellings('Сергеевич')).not.toContain('serhiyevich');
    // A patronymic from a name the table lacks still has its romanisations.
    expect(patronymicLatinSpellings('Ринатович')).toContain('rinatovich');
    expect(patronymicLatinSpellings('Ринатович').length).toBeLessThanOrEqual(4);
  });

  it('reach the forms and the committed index (Dmitry Alexandrovich Ivanov)', () => {
    expect(formsOf('Иванов Дмитрий Александрович', 'Dmitry Ivanov', 'm').middle).toContain('alexandrovich');
    expect(committedForms('ivanov-dmitry').middle).toContain('alexandrovich');
  });
});

describe('aliases in Ukrainian Cyrillic', () => {
  it('are read as Ukrainian: the right order, Ukrainian romanisation, no Russian declension', () => {
    expect(ukrainianToLatin('Білоцерківська')).toBe('Bilotserkivska');
    expect(ukrainianToLatin('Єсипенко')).toBe('Yesypenko');
    expect(ukrainianToLatin('Їжакевич')).toBe('Yizhakevych');
    expect(parseAnyName('Ніка Білоцерківська')).toMatchObject({ first: 'Ніка', last: 'Білоцерківська' });
    const f = formsOf(null, 'Veronika Belotserkovskaya', 'f', ['Ніка Білоцерківська', 'Nika Belotserkovskaya']);
    expect(f.last).toEqual(expect.arrayContaining(['belotserkovskaya', 'білоцерківська', 'bilotserkivska']));
    expect(f.first).toEqual(expect.arrayContaining(['veronika', 'nika', 'ніка']));
    expect(f.last).not.toContain('ніка');
    expect(f.first).not.toContain('білоцерківська');
    // Russian endings glued to a Ukrainian stem are no one's spelling.
    expect([...f.last, ...f.first].filter((t) => /[іїє]/u.test(t))).toEqual(expect.arrayContaining(['ніка', 'білоцерківська']));
    expect([...f.last, ...f.first].filter((t) => /[іїє]/u.test(t))).toHaveLength(2);
    // Every token is in one script.
    for (const t of [...f.last, ...f.first]) expect(/[a-z]/.test(t) && /[а-яіїє]/u.test(t), t).toBe(false);
    const committedTokens = Object.values(committedForms('belotserkovskaya-veronika')).flat();
    expect(committedForms('belotserkovskaya-veronika').last).not.toContain('ніка');
    expect(committedTokens).not.toContain('nіka');
  });

  it('keep a Russian alias surname (a pseudonym or maiden name) as a surname form', () => {
    // Антонина Фаворская is the pen name of Антонина Кравцова: both surnames name her.
    const f = formsOf('Фаворская Антонина', 'Antonina Favorskaya', 'f', ['Антонина Кравцова']);
    expect(f.last).toEqual(expect.arrayContaining(['фаворская', 'кравцова', 'кравцовой', 'kravtsova']));
    expect(f.first).not.toContain('кравцова');
  });
});

describe('build: URL allow-list', () => {
  const base = committed.records[0]!;
  const indexWith = (record: PrisonerRecord): PrisonerIndex => ({ ...committed, records: [record] });

  it('accepts the committed index', () => {
    expect(() => checkIndexUrls(committed)).not.toThrow();
  });

  it('refuses a source host off the allow-list, naming the record and the URL', () => {
    const bad = { ...base, sources: [...base.sources, { url: 'https://evil.example/page', kind: 'press', asOf: null }] };
    expect(() => checkIndexUrls(indexWith(bad))).toThrow(BuildError);
    expect(() => checkIndexUrls(indexWith(bad))).toThrow(new RegExp(`${base.id}.*https://evil\\.example/page`));
  });

  it('refuses a letter link off the allow-list', () => {
    const bad = { ...base, letters: [{ service: 'rosuznik' as const, url: 'https://rosuznik.example/' }] };
    expect(() => checkIndexUrls(indexWith(bad))).toThrow(/rosuznik\.example/);
  });
});
