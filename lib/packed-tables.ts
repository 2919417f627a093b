import { fnv1a } from './fnv';

/**
 * How the matcher tables are written as JSON (see `MatcherTables`). Every page load reads them
 * from storage and parses them before it can mark anything, so they are shaped to need next to
 * no parsing (a loop of ours over ten thousand words runs slowly in a content script's code
 * that is not yet optimised, and even `JSON.parse` making the words as object keys took most of
 * a cold start):
 * - a word list is a hash table written as two strings (`PackedWords`): nothing of it is
 *   parsed or built at start, a look-up reads the one bucket it needs;
 * - a record is one line of text, split only when the record is a candidate on a page;
 * - all text is in `oneByte` spelling, ASCII only: storage moves half the bytes for Cyrillic,
 *   and the engine parses one-byte text faster than two-byte text.
 * Separators never occur in what they separate: ids are slugs and forms lower-case letters
 * and hyphens (lib/index-schema.ts), and `packRow` refuses anything else.
 */

/** Cyrillic letters of name forms, each written as the ASCII character at the same place in `CODES`. */
const LETTERS = 'абвгдежзийклмнопрстуфхцчшщъыьэюяєіїґўё';
/** Never in a name form, an id or a hint as themselves (all are lower case, digits and a little punctuation). */
const CODES = "ABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%&'()*+/<";
/** Starts any other code unit as four hex digits: the escape itself and a code character met as itself included. */
const ESCAPE = '~';
/** Cyrillic code unit − 0x400 → its code character (the letters are all in U+0400–U+04FF). */
if (CODES.length !== LETTERS.length) throw new Error('packed-tables: one code per letter');
const codeOf: string[] = Array.from({ length: 0x100 }, () => '');
for (let i = 0; i < LETTERS.length; i++) codeOf[LETTERS.charCodeAt(i) - 0x400] = CODES[i]!;
const letterOf = new Map<string, string>([...LETTERS].map((letter, i) => [CODES[i]!, letter]));
/** Text that `oneByte` leaves as it is: printable ASCII but the codes and the escape. */
const AS_IS = /^[ "\\,\-.0-9:;=>?@[\]^_`a-z{|}]*$/;

/**
 * `text` in ASCII, one to one: a Cyrillic letter of `LETTERS` as one code character, any other
 * code unit outside printable ASCII (and the escape and code characters themselves) as the
 * escape and four hex digits. Different texts never get the same spelling.
 */
export function oneByte(text: string): string {
  if (AS_IS.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const code = unit >= 0x400 && unit < 0x500 ? codeOf[unit - 0x400]! : '';
    if (code !== '') out += code;
    else if (unit < 0x20 || unit > 0x7e || unit === 0x7e || letterOf.has(text[i]!)) out += ESCAPE + unit.toString(16).padStart(4, '0');
    else out += text[i];
  }
  return out;
}

/** ASCII code unit → the code unit it spells: its letter for a code character, else itself. */
const unitOf = new Uint16Array(0x80).map((_, unit) => unit);
for (let i = 0; i < CODES.length; i++) unitOf[CODES.charCodeAt(i)] = LETTERS.charCodeAt(i);
const ESCAPE_UNIT = ESCAPE.charCodeAt(0);
/** The value of one hex digit's code unit (0-9, a-f, A-F). */
const hexValue = (unit: number): number => (unit <= 0x39 ? unit - 0x30 : (unit | 0x20) - 0x57);
/** Code units decoded by `fromOneByte`, reused: a row is decoded the first time its record is a candidate. */
let decoded = new Uint16Array(256);
/** Code units per `String.fromCharCode` call (its arguments go on the stack). */
const DECODE_CHUNK = 4096;

/** The text `oneByte` spelt. */
export function fromOneByte(spelt: string): string {
  if (AS_IS.test(spelt)) return spelt;
  if (decoded.length < spelt.length) decoded = new Uint16Array(spelt.length * 2);
  let n = 0;
  for (let i = 0; i < spelt.length; i++) {
    const unit = spelt.charCodeAt(i);
    if (unit === ESCAPE_UNIT) {
      decoded[n++] = (hexValue(spelt.charCodeAt(i + 1)) << 12) | (hexValue(spelt.charCodeAt(i + 2)) << 8) | (hexValue(spelt.charCodeAt(i + 3)) << 4) | hexValue(spelt.charCodeAt(i + 4));
      i += 4;
    } else decoded[n++] = unit < 0x80 ? unitOf[unit]! : unit;
  }
  let out = '';
  for (let at = 0; at < n; at += DECODE_CHUNK) out += String.fromCharCode.apply(null, decoded.subarray(at, Math.min(n, at + DECODE_CHUNK)) as unknown as number[]);
  return out;
}

/**
 * A word list and who owns each word, as `packWords` writes it: a hash table laid out in two
 * strings, so parsing it is copying two strings and a page pays only for the words it asks.
 * A word lives in bucket `fnv1a(word) & (buckets − 1)`; a bucket's entries run
 * `word:owner,owner;` in `entries`, from the bucket's offset to the next one's, or `word:=k;`
 * when `lists[k]` holds its owners (the owners of several words: every case of "Александр").
 */
export interface PackedWords {
  /** Every bucket's start in `entries`, and the end of the last, in `OFFSET_WIDTH` digits of `DIGITS` each; a power of two buckets. */
  buckets: string;
  /** The entries, bucket after bucket (words in `oneByte` spelling, owners in ascending order). */
  entries: string;
  /** Owners of more than one word, each list once, written as in an entry. */
  lists: string[];
}

const FIELD_SEPARATOR = '|';
const ITEM_SEPARATOR = ';';
const WORD_END = ':';
const OWNER_SEPARATOR = ',';
const OWNER_SEPARATOR_UNIT = OWNER_SEPARATOR.charCodeAt(0);
const SHARED = '=';
/** Offset digits: ASCII that JSON writes as itself. */
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
const OFFSET_WIDTH = 3;
const MAX_ENTRIES_LENGTH = DIGITS.length ** OFFSET_WIDTH;
const digitValue = new Int8Array(128).fill(-1);
for (let i = 0; i < DIGITS.length; i++) digitValue[DIGITS.charCodeAt(i)] = i;
/** About two words per bucket: a look-up compares one or two words. */
const WORDS_PER_BUCKET = 2;

function writeOffset(offset: number): string {
  let out = '';
  for (let k = 0; k < OFFSET_WIDTH; k++, offset = Math.floor(offset / DIGITS.length)) out = DIGITS[offset % DIGITS.length]! + out;
  return out;
}

export function packWords(map: ReadonlyMap<string, readonly number[]>): PackedWords {
  let count = 1;
  while (count * WORDS_PER_BUCKET < map.size) count *= 2;
  const inBucket: string[][] = Array.from({ length: count }, () => []);
  const uses = new Map<string, number>();
  for (const owners of map.values()) {
    const written = owners.join(OWNER_SEPARATOR);
    uses.set(written, (uses.get(written) ?? 0) + 1);
  }
  const lists: string[] = [];
  const listAt = new Map<string, number>();
  for (const [word, owners] of map) {
    if (owners.length === 0) throw new Error(`the word ${JSON.stringify(word)} has no owners`);
    const spelt = oneByte(word);
    if (spelt.length === 0 || /[:;,]/.test(spelt)) throw new Error(`cannot pack the word ${JSON.stringify(word)}`);
    if (!owners.every((o, k) => Number.isInteger(o) && o >= 0 && (k === 0 || o > owners[k - 1]!))) throw new Error(`the owners of ${JSON.stringify(word)} are not ascending indexes`);
    let written = owners.join(OWNER_SEPARATOR);
    // (One owner is as short written as a reference to it.)
    if (uses.get(written)! > 1 && owners.length > 1) {
      let at = listAt.get(written);
      if (at === undefined) listAt.set(written, (at = lists.push(written) - 1));
      written = SHARED + at;
    }
    inBucket[fnv1a(spelt) & (count - 1)]!.push(spelt + WORD_END + written + ITEM_SEPARATOR);
  }
  let buckets = '';
  let entries = '';
  for (const bucket of inBucket) {
    buckets += writeOffset(entries.length);
    entries += bucket.join('');
  }
  if (entries.length >= MAX_ENTRIES_LENGTH) throw new Error('word list too long for its offsets');
  return { buckets: buckets + writeOffset(entries.length), entries, lists };
}

/** Indexes written as `packWords` writes them ("3,17,240"); undefined for anything else. */
function readOwners(written: string): number[] | undefined {
  const out: number[] = [];
  let value = 0;
  let digits = 0;
  for (let k = 0; k <= written.length; k++) {
    const unit = k < written.length ? written.charCodeAt(k) : OWNER_SEPARATOR_UNIT;
    if (unit === OWNER_SEPARATOR_UNIT) {
      if (digits === 0) return undefined;
      out.push(value);
      value = digits = 0;
    } else if (unit >= 0x30 && unit <= 0x39) {
      value = value * 10 + (unit - 0x30);
      digits++;
    } else return undefined;
  }
  return out;
}

/** The words of `packWords`, looked up as the matcher asks. */
export class WordOwners {
  private readonly buckets: string;
  private readonly entries: string;
  private readonly lists: string[];
  private readonly mask: number;

  /** Refuses what is not shaped as `packWords` writes (a stored copy of another shape, a damaged one). */
  constructor(packed: PackedWords) {
    const { buckets, entries, lists } = (typeof packed === 'object' && packed !== null ? packed : {}) as Partial<PackedWords>;
    const count = typeof buckets === 'string' ? buckets.length / OFFSET_WIDTH - 1 : 0;
    if (typeof entries !== 'string' || !Array.isArray(lists) || count < 1 || !Number.isInteger(count) || (count & (count - 1)) !== 0) {
      throw new TypeError('not a packed word list');
    }
    this.buckets = buckets!;
    this.entries = entries;
    this.lists = lists;
    this.mask = count - 1;
    if (this.offset(0) !== 0 || this.offset(count) !== entries.length) throw new TypeError('not a packed word list');
  }

  private offset(bucket: number): number {
    let value = 0;
    for (let k = bucket * OFFSET_WIDTH, end = k + OFFSET_WIDTH; k < end; k++) {
      const digit = digitValue[this.buckets.charCodeAt(k)] ?? -1;
      if (digit < 0) return -1;
      value = value * DIGITS.length + digit;
    }
    return value;
  }

  /** How many words (counted on demand: a page never asks). */
  get size(): number {
    return this.entries.split(ITEM_SEPARATOR).length - 1;
  }

  /** The word's owners; undefined when it has none. */
  get(word: string): number[] | undefined {
    return this.ownersOf(oneByte(word));
  }

  /** `get` for a word already in `oneByte` spelling (a caller asking several lists spells it once). */
  ownersOf(spelt: string): number[] | undefined {
    const bucket = fnv1a(spelt) & this.mask;
    const end = this.offset(bucket + 1);
    const entries = this.entries;
    for (let at = this.offset(bucket); at >= 0 && at < end; ) {
      const stop = entries.indexOf(ITEM_SEPARATOR, at);
      if (stop < 0) return undefined;
      const wordEnd = at + spelt.length;
      if (entries.charCodeAt(wordEnd) === 0x3a && entries.startsWith(spelt, at)) return this.owners(entries.slice(wordEnd + 1, stop));
      at = stop + 1;
    }
    return undefined;
  }

  /**
   * An entry's owners field as indexes; undefined when it is damaged (a shared list that is not
   * there, a character that is no digit). A shared list is read once: many words share it (every
   * case form of one name), and no caller changes the arrays it gets.
   */
  private owners(field: string): number[] | undefined {
    if (!field.startsWith(SHARED)) return readOwners(field);
    const at = Number(field.slice(1));
    const written = this.lists[at];
    if (typeof written !== 'string') return undefined;
    return (this.sharedRead[at] ??= readOwners(written));
  }

  /** Shared lists read so far, by their place in `lists`. */
  private readonly sharedRead: Array<number[] | undefined> = [];

  keys(): string[] {
    return this.entries
      .split(ITEM_SEPARATOR)
      .slice(0, -1)
      .map((entry) => fromOneByte(entry.slice(0, entry.indexOf(WORD_END))));
  }
}

/** A record's row as text (`oneByte`): fields joined by "|", the items of a list field by ";". */
export function packRow(fields: ReadonlyArray<string | readonly string[]>): string {
  return fields
    .map((field) => {
      const items = typeof field === 'string' ? [field] : field;
      for (const item of items) {
        if (item.includes(FIELD_SEPARATOR) || item.includes(ITEM_SEPARATOR)) throw new Error(`cannot pack ${JSON.stringify(item)} into a table row`);
      }
      return items.map(oneByte).join(ITEM_SEPARATOR);
    })
    .join(FIELD_SEPARATOR);
}

/** The fields of a `packRow` row, as text; `listField` splits one into its items. */
export const rowFields = (row: string): string[] => fromOneByte(row).split(FIELD_SEPARATOR);
/** The first field of a `packRow` row, still spelt (`fromOneByte` reads it): a record's id. */
export const rowId = (row: string): string => {
  const end = row.indexOf(FIELD_SEPARATOR);
  return end < 0 ? row : row.slice(0, end);
};
export const listField = (field: string): string[] => (field.length === 0 ? [] : field.split(ITEM_SEPARATOR));
