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

  it('write ASCII that JSON keeps as it is, in a power of two buckets', () => {
    const packed = packWords(sample);
    const json = JSON.stringify(packed);
    expect(json).not.toMatch(/\\/);
    expect(/^[\x20-\x7e]*$/.test(packed.entries)).toBe(true);
    const buckets = packed.buckets.length / 3 - 1;
    expect(Number.isInteger(Math.log2(buckets))).toBe(true);
    expect(packed.entries).toContain(`${oneByte('аббозов')}:0;`);
    // Owners that several words share are written once.
    expect(packed.lists).toEqual(['4,5,6,7,8']);
    expect(packed.entries).toContain('abdullaev:=0;');
    expect(packed.entries).toContain('abdullaeva:=0;');
    expect(packed.entries).toContain(`${oneByte('кара-мурза')}:36,700;`);
  });

  it('find every word of a long list, whichever bucket it falls in', () => {
    const many = new Map(Array.from({ length: 5000 }, (_, i) => [`w${i.toString(36)}`, [i, i + 7]] as [string, number[]]));
    const unpacked = new WordOwners(roundTrip(packWords(many)));
    expect(unpacked.size).toBe(5000);
    for (const [word, owners] of many) expect(unpacked.get(word)).toEqual(owners);
    expect(unpacked.get('w')).toBeUndefined();
    expect(unpacked.get('wzzzzz')).toBeUndefined();
  });

  it('refuse words that would break the layout and owners out of order', () => {
    expect(() => packWords(new Map([['a:b', [1]]]))).toThrow(/cannot pack/);
    expect(() => packWords(new Map([['ab', [3, 1]]]))).toThrow(/ascending/);
  });

  it('find no owners for words the lists do not hold, whatever an object inherits', () => {
    const unpacked = new WordOwners(roundTrip(packWords(sample)));
    for (const word of ['constructor', 'tostring', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) expect(unpacked.get(word)).toBeUndefined();
    // A list may hold such a word as a name all the same.
    const odd = new WordOwners(roundTrip(packWords(new Map([['constructor', [3]]]))));
    expect(odd.get('constructor')).toEqual([3]);
  });

  it('refuse at once what is not a packed list, so a stored copy of another shape is not used', () => {
    const good = packWords(sample);
    for (const bad of [
      null,
      {},
      { words: {}, lists: [] },
      [['аббозов', [0]]],
      'x',
      { buckets: good.buckets, entries: good.entries.slice(1) },
      { buckets: good.buckets.slice(3), entries: good.entries },
      { buckets: '000', entries: '', lists: [] },
      { buckets: good.buckets, entries: good.entries },
      { buckets: good.buckets.replace(/.$/, '"'), entries: good.entries },
    ]) {
      expect(() => new WordOwners(bad as unknown as PackedWords)).toThrow(/not a packed word list/);
    }
  });

  it('give one array for a list of owners that words share, and no owners for a damaged field', () => {
    const shared = new WordOwners(roundTrip(packWords(new Map([['аб', [4, 9]], ['ав', [4, 9]], ['аг', [12]]]))));
    expect(shared.get('аб')).toEqual([4, 9]);
    expect(shared.get('ав')).toBe(shared.get('аб'));
    expect(shared.get('аг')).toEqual([12]);
    const packed = packWords(new Map([['ab', [1, 20]], ['cd', [3]]]));
    for (const field of ['1,x0', '1,,0', '=7,0', '1,2,']) {
      // (Four characters each, as '1,20': the offsets stay right.)
      const damaged = new WordOwners({ ...packed, entries: packed.entries.replace('1,20', field) } as PackedWords);
      expect(damaged.get('ab')).toBeUndefined();
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

  it('reads back a text longer than one decoding chunk, and one longer than the last text decoded', () => {
    const long = Array.from({ length: 3000 }, (_, k) => texts[k % texts.length]).join(' ');
    expect(long.length).toBeGreaterThan(10_000);
    expect(fromOneByte(oneByte('бахтин'))).toBe('бахтин');
    expect(fromOneByte(oneByte(long))).toBe(long);
    expect(fromOneByte(oneByte('кара-мурза'))).toBe('кара-мурза');
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
