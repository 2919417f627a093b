/**
 * The packed form of the matcher tables: what goes in comes out after a JSON round trip, and a
 * word the list does not hold (the names of Object.prototype's members included) has no owners.
 */
import { describe, expect, it } from 'vitest';
import { fromOneByte, listField, oneByte, packRow, packWords, rowFields, WordOwners, type PackedWords } from '@/lib/packed-tables';

const sample = new Map<string, number[]>([
  ['аббозова', [0]],
  ['аббозов', [0]],
  ['abdullaev', [4, 5, 6, 7, 8]],
  ['abdullaeva', [4, 5, 6, 7, 8]],
  ['кара-мурза', [36, 700]],
  ['a', [1]],
]);
const roundTrip = (packed: PackedWords): PackedWords => JSON.parse(JSON.stringify(packed)) as PackedWords;

describe('packWords and WordOwners', () => {
  it('give back every word with its owners, and nothing else', () => {
    const unpacked = new WordOwners(roundTrip(packWords(sample)));
    expect(unpacked.size).toBe(sample.size);
    expect(new Set(unpacked.keys())).toEqual(new Set(sample.keys()));
    for (const [word, owners] of sample) expect(unpacked.get(word)).toEqual(owners);
    expect(unpacked.get('аббозо')).toBeUndefined();
    expect(unpacked.get('abdullaevа')).toBeUndefined();
  });

  it('write one owner as a number and a list shared by several words once', () => {
    const packed = packWords(sample);
    expect(packed.words[oneByte('аббозов')]).toBe(0);
    expect(Object.keys(packed.words).every((w) => /^[\x20-\x7e]+$/.test(w))).toBe(true);
    expect(packed.lists).toEqual([
      [4, 5, 6, 7, 8],
      [36, 700],
    ]);
    expect(packed.words.abdullaev).toBe(packed.words.abdullaeva);
  });

  it('find no owners for words the lists do not hold, whatever an object inherits', () => {
    const unpacked = new WordOwners(roundTrip(packWords(sample)));
    for (const word of ['constructor', 'tostring', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) expect(unpacked.get(word)).toBeUndefined();
    // A list may hold such a word as a name all the same.
    const odd = new WordOwners(roundTrip(packWords(new Map([['constructor', [3]]]))));
    expect(odd.get('constructor')).toEqual([3]);
  });

  it('refuse at once what is not a packed list, so a stored copy of another shape is not used', () => {
    for (const bad of [null, {}, { words: {} }, { words: null, lists: [] }, [['аббозов', [0]]], 'x']) {
      expect(() => new WordOwners(bad as unknown as PackedWords)).toThrow(/not a packed word list/);
    }
  });

  it('refuse a word no one owns', () => {
    expect(() => packWords(new Map([['ab', []]]))).toThrow(/no owners/);
  });

  it('pack an empty list', () => {
    const unpacked = new WordOwners(roundTrip(packWords(new Map())));
    expect(unpacked.size).toBe(0);
    expect(unpacked.get('a')).toBeUndefined();
  });
});

describe('oneByte', () => {
  const texts = [
    '',
    'bakhtin',
    'бахтин',
    'кара-мурза',
    'ёжик',
    'їжак ґанок ўсё є і',
    'łukasz',
    'ABC',
    '=>?@^_`',
    '!#$%&()*+/<',
    'a~b',
    '~0431',
    'б~',
    "o'brien",
    '1971 г. р',
    'пензенск;hizb|x',
    '😀',
    '\ud83d',
    'tab\there',
    '"quoted"\\',
  ];

  it('spells any text in printable ASCII and reads it back', () => {
    for (const text of texts) {
      const spelt = oneByte(text);
      expect(spelt).toMatch(/^[\x20-\x7e]*$/);
      expect(fromOneByte(spelt)).toBe(text);
    }
  });

  it('spells different texts differently', () => {
    const spellings = new Map<string, string>();
    for (const text of texts) {
      const spelt = oneByte(text);
      expect(spellings.get(spelt) ?? text).toBe(text);
      spellings.set(spelt, text);
    }
    // Each Cyrillic letter takes one character.
    expect(oneByte('бахтин')).toHaveLength(6);
    expect(oneByte('bakhtin')).toBe('bakhtin');
  });
});

describe('packRow', () => {
  it('keeps fields and list items apart, empty lists included', () => {
    const row = packRow(['ivanov-ivan-1990', ['i', 'iv', 'и', 'ив'], [], '1', '', ['207.3', '1990 г. р'], []]);
    const fields = rowFields(row);
    expect(fields).toHaveLength(7);
    expect(fields[0]).toBe('ivanov-ivan-1990');
    expect(listField(fields[1]!)).toEqual(['i', 'iv', 'и', 'ив']);
    expect(listField(fields[2]!)).toEqual([]);
    expect(fields[3]).toBe('1');
    expect(listField(fields[5]!)).toEqual(['207.3', '1990 г. р']);
  });

  it('refuses an item holding a separator', () => {
    expect(() => packRow(['a|b'])).toThrow(/cannot pack/);
    expect(() => packRow([['x', 'y;z']])).toThrow(/cannot pack/);
  });
});
