/**
 * How the matcher tables are written as JSON (see `MatcherTables`). Every page load reads them
 * from storage and parses them before it can mark anything, so they are shaped for
 * `JSON.parse`, which makes and hashes their words natively (a loop of ours over ten thousand
 * words runs slowly in a content script's code that is not yet optimised):
 * - a word list is one object, word → owner, so a word needs no array of its own;
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

/** The text `oneByte` spelt. */
export function fromOneByte(spelt: string): string {
  if (AS_IS.test(spelt)) return spelt;
  let out = '';
  for (let i = 0; i < spelt.length; i++) {
    const ch = spelt[i]!;
    if (ch === ESCAPE) {
      out += String.fromCharCode(parseInt(spelt.slice(i + 1, i + 5), 16));
      i += 4;
    } else out += letterOf.get(ch) ?? ch;
  }
  return out;
}

/** A word list and who owns each word, as `packWords` writes it. */
export interface PackedWords {
  /** Word (in `oneByte` spelling) → the index of its one owner, or −(k + 1) when `lists[k]` owns it. */
  words: Record<string, number>;
  /** Lists of owners (indexes in ascending order) of words more than one record owns, each once. */
  lists: number[][];
}

const FIELD_SEPARATOR = '|';
const ITEM_SEPARATOR = ';';

export function packWords(map: ReadonlyMap<string, readonly number[]>): PackedWords {
  const words: Record<string, number> = {};
  const lists: number[][] = [];
  const listAt = new Map<string, number>();
  for (const [word, owners] of map) {
    if (owners.length === 0) throw new Error(`the word ${JSON.stringify(word)} has no owners`);
    const spelt = oneByte(word);
    if (owners.length === 1) {
      words[spelt] = owners[0]!;
      continue;
    }
    const key = owners.join(',');
    let at = listAt.get(key);
    if (at === undefined) {
      listAt.set(key, (at = lists.length));
      lists.push([...owners]);
    }
    words[spelt] = -(at + 1);
  }
  return { words, lists };
}

/** The words of `packWords`, looked up as the matcher asks. */
export class WordOwners {
  private readonly words: Record<string, number>;
  private readonly lists: number[][];

  /** Refuses what is not shaped as `packWords` writes (a stored copy of another shape): the words are read lazily. */
  constructor(packed: PackedWords) {
    if (typeof packed !== 'object' || packed === null || typeof packed.words !== 'object' || packed.words === null || !Array.isArray(packed.lists)) {
      throw new TypeError('not a packed word list');
    }
    this.words = packed.words;
    this.lists = packed.lists;
  }

  /** How many words (counted on demand: a page never asks). */
  get size(): number {
    return Object.keys(this.words).length;
  }

  /** The word's owners; undefined when it has none (a word the object's prototype knows is not one of ours). */
  get(word: string): number[] | undefined {
    return this.ownersOf(oneByte(word));
  }

  /** `get` for a word already in `oneByte` spelling (a caller asking several lists spells it once). */
  ownersOf(spelt: string): number[] | undefined {
    const owner = Object.hasOwn(this.words, spelt) ? this.words[spelt] : undefined;
    if (typeof owner !== 'number') return undefined;
    return owner >= 0 ? [owner] : this.lists[-owner - 1];
  }

  keys(): string[] {
    return Object.keys(this.words).map(fromOneByte);
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
export const listField = (field: string): string[] => (field.length === 0 ? [] : field.split(ITEM_SEPARATOR));
