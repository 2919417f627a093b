import { describe, expect, it } from 'vitest';
import { caseForms, detectGender, isIndeclinableSurname } from '../../scripts/index/declension';
import { buildForms } from '../../scripts/index/forms';
import { parseCyrillicName, parseLatinName } from '../../scripts/index/names';
import { firstNameToCyrillic, latinWordToCyrillic, surnameEndingVariants } from '../../scripts/index/translit';
import { normalizeToken } from '../../lib/normalize';

function formsOf(ru: string | null, en: string | null, gender: 'm' | 'f' | null, aliases: string[] = []) {
  return buildForms({
    ru: ru ? parseCyrillicName(ru) : null,
    ruDerived: false,
    en: en ? parseLatinName(en) : null,
    aliases: aliases.map((a) => parseLatinName(a)!),
    gender,
  });
}

describe('name forms', () => {
  it('declines Бахтин Александр Сергеевич and adds Latin spellings', () => {
    const f = formsOf('Бахтин Александр Сергеевич', 'Aleksandr Bakhtin', 'm');
    expect(f.last).toEqual(expect.arrayContaining(['бахтин', 'бахтина', 'бахтину', 'бахтиным', 'бахтине', 'bakhtin']));
    expect(f.first).toEqual(expect.arrayContaining(['александр', 'александра', 'александру', 'александром', 'александре']));
    expect(f.first).toEqual(expect.arrayContaining(['aleksandr', 'alexander', 'alexandr', 'aleksander']));
    expect(f.middle).toEqual(expect.arrayContaining(['сергеевич', 'сергеевичу', 'sergeevich', 'sergeyevich']));
    expect(f.derived).toBeUndefined();
  });

  it('keeps every token normalised', () => {
    const f = formsOf('Камардин Артём', 'Artyom Kamardin', 'm', ["Artem Kamardin"]);
    for (const t of [...f.last, ...f.first, ...f.middle]) expect(normalizeToken(t)).toBe(t);
    expect(f.first).toEqual(expect.arrayContaining(['артем', 'артема', 'artyom', 'artem']));
    expect(f.first.some((t) => t.includes('ё'))).toBe(false);
  });

  it('declines a hyphenated surname as a whole, both ways', () => {
    const f = formsOf('Кара-Мурза Владимир', 'Vladimir Kara-Murza', 'm');
    expect(f.last).toEqual(expect.arrayContaining(['кара-мурза', 'кара-мурзы', 'кара-мурзе', 'кара-мурзу', 'кара-мурзой', 'кары-мурзы', 'kara-murza']));
  });

  it('declines female -ова and -ская surnames', () => {
    const ova = formsOf('Лизунова Любовь', null, 'f');
    expect(ova.last).toEqual(expect.arrayContaining(['лизунова', 'лизуновой', 'лизунову']));
    expect(ova.last).not.toContain('лизуновым');
    const skaya = formsOf('Фаворская Антонина', null, 'f');
    expect(skaya.last).toEqual(expect.arrayContaining(['фаворская', 'фаворской', 'фаворскую', 'favorskaya']));
  });

  it('does not decline indeclinable surnames', () => {
    expect(formsOf('Науменко Сергей', null, 'm').last.filter((t) => /[а-я]/.test(t))).toEqual(['науменко']);
    expect(formsOf('Черных Сергей', null, 'm').last.filter((t) => /[а-я]/.test(t))).toEqual(['черных']);
    expect(formsOf('Шевчук Ольга', null, 'f').last.filter((t) => /[а-я]/.test(t))).toEqual(['шевчук']);
    // The same surname declines for a man.
    expect(formsOf('Шевчук Олег', null, 'm').last).toContain('шевчуку');
    expect(formsOf('Дзюба Ольга', null, 'f').last).toEqual(expect.arrayContaining(['дзюба', 'дзюбы', 'дзюбе', 'дзюбу', 'дзюбой']));
    expect(isIndeclinableSurname('Гулиа', 'm')).toBe(true);
    expect(isIndeclinableSurname('Иванов', 'm')).toBe(false);
  });

  it('includes both genders when the gender is unknown', () => {
    // A man's Шевчук declines, a woman's does not: unknown gender keeps the male forms too.
    const f = formsOf('Шевчук Саша', null, null);
    expect(f.last).toEqual(expect.arrayContaining(['шевчук', 'шевчуку', 'шевчуком']));
    expect(formsOf('Шевчук Саша', null, 'f').last).not.toContain('шевчуку');
  });

  it('detects gender from the patronymic, then from the first name', () => {
    expect(detectGender('Саша', 'Андреевна')).toBe('f');
    expect(detectGender('Саша', 'Андреевич')).toBe('m');
    expect(detectGender('Никита', null)).toBe('m');
    expect(detectGender('Ольга', null)).toBe('f');
    expect(detectGender(null, null)).toBeNull();
  });

  it('adds conventional spellings of first names and surname ending variants', () => {
    const f = formsOf('Шакурский Илья', 'Ilya Shakursky', 'm');
    expect(f.first).toEqual(expect.arrayContaining(['ilya', 'ilia']));
    expect(f.last).toEqual(expect.arrayContaining(['shakursky', 'shakurskiy', 'shakurskii', 'shakurski']));
    expect(surnameEndingVariants('sagynbaev')).toEqual(expect.arrayContaining(['sagynbaev', 'sagynbayev']));
    expect(surnameEndingVariants('navalny')).toEqual(expect.arrayContaining(['navalny', 'navalniy', 'navalnii']));
  });

  it('keeps Latin forms bounded', () => {
    const f = formsOf('Щетинин Александр Юрьевич', null, 'm');
    const latin = [...f.last, ...f.first, ...f.middle].filter((t) => /[a-z]/.test(t));
    expect(latin.length).toBeLessThanOrEqual(25);
    expect(f.last).toEqual(expect.arrayContaining(['shchetinin', 'щетинину']));
  });

  it('marks forms from a back-transliterated name as derived, without romanising the guess', () => {
    const en = parseLatinName('Maxim Ivankin')!;
    const f = buildForms({ ru: { last: latinWordToCyrillic('Ivankin'), first: firstNameToCyrillic('Maxim'), middle: null, otherFirst: [], otherLast: [] }, ruDerived: true, en, aliases: [], gender: 'm' });
    expect(f.derived).toBe(true);
    expect(f.last).toEqual(expect.arrayContaining(['ivankin', 'иванкин', 'иванкину']));
    expect(f.first).toEqual(expect.arrayContaining(['maxim', 'maksim', 'максим', 'максиму']));
  });
});

describe('back-transliteration', () => {
  it('follows the surname rules', () => {
    expect(latinWordToCyrillic('Shchetinin')).toBe('Щетинин');
    expect(latinWordToCyrillic('Khabibullin')).toBe('Хабибуллин');
    expect(latinWordToCyrillic('Zhukov')).toBe('Жуков');
    expect(latinWordToCyrillic('Tsyganov')).toBe('Цыганов');
    expect(latinWordToCyrillic('Chernov')).toBe('Чернов');
    expect(latinWordToCyrillic('Polyakova')).toBe('Полякова');
    expect(latinWordToCyrillic('Yudin')).toBe('Юдин');
    expect(latinWordToCyrillic('Shakursky')).toBe('Шакурский');
    expect(latinWordToCyrillic('Favorskaya')).toBe('Фаворская');
    expect(latinWordToCyrillic('Navalny')).toBe('Навальный'.replace('ь', ''));
    expect(latinWordToCyrillic('Grigoryev')).toBe('Григорьев');
    expect(latinWordToCyrillic('Sagynbaev')).toBe('Сагынбаев');
    expect(latinWordToCyrillic('Akhmetshin')).toBe('Ахметшин');
  });

  it('uses the first-name table', () => {
    expect(firstNameToCyrillic('Alexei')).toBe('Алексей');
    expect(firstNameToCyrillic('Yevgeniy')).toBe('Евгений');
    expect(firstNameToCyrillic('Iuliia')).toBe('Юлия');
    expect(firstNameToCyrillic('Zzyzx')).toBeNull();
  });
});

describe('name parsing', () => {
  it('splits Russian and Latin names and bracketed alternatives', () => {
    expect(parseCyrillicName('Наумова (Духанина) Александра')).toMatchObject({ last: 'Наумова', first: 'Александра', otherLast: ['Духанина'] });
    expect(parseLatinName('Gabdrakhman (Albert) Naumov')).toMatchObject({ first: 'Gabdrakhman', otherFirst: ['Albert'], last: 'Naumov' });
    expect(parseLatinName('Gimazidinov Anas')).toMatchObject({ first: 'Anas', last: 'Gimazidinov' });
    expect(parseLatinName('Emir-Usein Kuku')).toMatchObject({ first: 'Emir-Usein', last: 'Kuku' });
    expect(parseCyrillicName('Юлиан Бояршинов', true)).toMatchObject({ first: 'Юлиан', last: 'Бояршинов' });
  });

  it('a hyphenated first name', () => {
    expect(caseForms('Эмир-Хусейн', 'first', 'm')).toEqual(expect.arrayContaining(['Эмир-Хусейн', 'Эмира-Хусейна', 'Эмир-Хусейна']));
  });
});
