import { describe, expect, it } from 'vitest';
import { normalizeToken } from '@/lib/normalize';
import { NO_CAPITALS, TokenList, tokenize } from '@/lib/tokenize';

const words = (text: string) => tokenize(text).map((t) => text.slice(t.start, t.end));
const norms = (text: string) => tokenize(text).map((t) => t.norm);
const breaks = (text: string) => tokenize(text).map((t) => t.breakBefore);

describe('normalizeToken', () => {
  it('folds case, ё, stress marks and Latin diacritics', () => {
    expect(normalizeToken('ЁЛКИН')).toBe('елкин');
    expect(normalizeToken('Бахти́н')).toBe('бахтин');
    expect(normalizeToken('Bachtín')).toBe('bachtin');
  });
  it('keeps й (it is a letter of its own, not и with a mark)', () => {
    expect(normalizeToken('Сергей')).toBe('сергей');
  });
  it('drops apostrophes, possessive endings and invisible characters', () => {
    expect(normalizeToken('Bakhtin’s')).toBe('bakhtin');
    expect(normalizeToken("Il'ya")).toBe('ilya');
    expect(normalizeToken('Бах\u00ADтин')).toBe('бахтин');
    expect(normalizeToken('Кара–Мурза')).toBe('кара-мурза');
  });
});

describe('tokenize', () => {
  it('gives offsets into the original text', () => {
    const text = '  Дмитрий\u00A0Иванов,\tсудья';
    const tokens = tokenize(text);
    expect(tokens.map((t) => [t.start, t.end])).toEqual([
      [2, 9],
      [10, 16],
      [18, 23],
    ]);
  });

  it('keeps hyphenated and apostrophe names whole', () => {
    expect(words('Владимир Кара-Мурза и Kara‑Murza, O’Brien')).toEqual(['Владимир', 'Кара-Мурза', 'и', 'Kara‑Murza', 'O’Brien']);
    expect(norms('Kara‑Murza')).toEqual(['kara-murza']);
  });

  it('keeps soft hyphens and zero-width characters inside a word', () => {
    const text = 'Бах\u00ADтин Алек\u200Bсандр';
    expect(norms(text)).toEqual(['бахтин', 'александр']);
    expect(words(text)).toEqual(['Бах\u00ADтин', 'Алек\u200Bсандр']);
  });

  it('leaves a possessive ending outside the word', () => {
    expect(words("Bakhtin's flat, Bakhtin’s case")).toEqual(['Bakhtin', 'flat', 'Bakhtin', 'case']);
  });

  it('marks capitalised words (Title case and ALL CAPS) only', () => {
    expect(tokenize('Вера вера ВЕРА').map((t) => t.capitalised)).toEqual([true, false, true]);
  });

  it('reads initials with their dot, which does not break the name', () => {
    const text = 'А.С. Бахтин, Бахтин А. С. и A. Bakhtin, Yu. Dmitriev';
    const tokens = tokenize(text);
    expect(tokens.filter((t) => t.initial).map((t) => text.slice(t.start, t.end))).toEqual(['А.', 'С.', 'А.', 'С.', 'A.', 'Yu.']);
    expect(breaks('А.С. Бахтин')).toEqual([false, false, false]);
  });

  it('a full stop after a word ends the sentence', () => {
    expect(breaks('Bakhtin. Aleksandr')).toEqual([false, true]);
    expect(tokenize('Bakhtin. Aleksandr')[0]!.initial).toBe(false);
  });

  it('breaks on commas, quotes, brackets, digits and empty lines, not on a single line break', () => {
    expect(breaks('Иванов, Дмитрий')).toEqual([false, true]);
    expect(breaks('«Иванов» Дмитрий')).toEqual([true, true]);
    expect(breaks('Иванов (Дмитрий)')).toEqual([false, true]);
    expect(breaks('Иванов 1999 Дмитрий')).toEqual([false, true]);
    expect(breaks('Бахтин\n    Александр')).toEqual([false, false]);
    expect(breaks('Бахтин\r\n  Александр')).toEqual([false, false]);
    expect(breaks('Бахтин\n\nАлександр')).toEqual([false, true]);
    expect(breaks('Бахтин\n  \n Александр')).toEqual([false, true]);
  });

  it('a dash between spaces breaks, a hyphen inside a word does not', () => {
    expect(breaks('Иванов — Дмитрий')).toEqual([false, true]);
    expect(words('Иванов-Петров')).toEqual(['Иванов-Петров']);
  });
});

describe('NO_CAPITALS (what the capital search steps over)', () => {
  const skips = (s: string) => {
    NO_CAPITALS.lastIndex = 0;
    NO_CAPITALS.test(s);
    return NO_CAPITALS.lastIndex;
  };
  it('never steps over a capital letter: every UTF-16 code unit checked', () => {
    const stepped: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const ch = String.fromCharCode(code);
      if (skips(ch) === 1 && /\p{Lu}/u.test(ch)) stepped.push(code.toString(16));
    }
    expect(stepped).toEqual([]);
  });
  it('steps over ordinary running text up to its next capital', () => {
    const lower = 'суд вынес приговор, 6 лет — «за посты»… then the court said ';
    expect(skips(lower)).toBe(lower.length);
    expect(skips('and then Bakhtin')).toBe(9);
    expect(skips('и тогда Ёлкин')).toBe(8);
    expect(skips('straße, café, ×2 Édouard')).toBe(17);
  });
});

describe('the table of capitalised words', () => {
  it('asks the name-word test once per word while a list remembers it; a new list knows no words', () => {
    const asked: string[] = [];
    const test = (norm: string) => (asked.push(norm), norm === 'горинов');
    const list = new TokenList();
    list.readNear('Депутат Горинов и Горинов.', test);
    list.readNear('Депутат Горинов.', test);
    expect(asked).toEqual(['депутат', 'горинов']);
    // Another list (another matcher's) meets the words for the first time.
    const other = new TokenList();
    other.readNear('Депутат Горинов.', test);
    expect(asked).toEqual(['депутат', 'горинов', 'депутат', 'горинов']);
    expect([...Array(other.count).keys()].map((k) => other.norm(k))).toEqual(['депутат', 'горинов']);
    // And the first list still remembers them.
    list.readNear('Горинов.', test);
    expect(asked).toHaveLength(4);
  });
});
