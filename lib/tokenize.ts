/**
 * Splits page text into word tokens for the name matcher, keeping each word's [start, end)
 * offsets in the original string so a mark can be mapped back to the page.
 *
 * Between two tokens the tokeniser records whether something separated them that a name
 * cannot run across: punctuation (comma, sentence-ending full stop, quotes, brackets, digits…)
 * or an empty line. Plain spaces, NBSP and a single line break do not separate; neither does
 * the dot of an initial ("А.С. Бахтин", "Бахтин А. С.").
 *
 * The matcher reads tokens from a `TokenList` (parallel arrays, reused between runs, a word's
 * normal form computed only for capitalised words or when asked), because a page has
 * hundreds of thousands of words and almost none of them are names.
 */
import { normalizeToken } from './normalize';

export interface WordToken {
  /** Offsets of the word in the original text (a possessive "'s" is left outside, an initial's dot inside). */
  start: number;
  end: number;
  /** The word through `normalizeToken`: what the index forms are compared with. */
  norm: string;
  /** Starts with a capital letter (Title case or ALL CAPS): only such words can be names. */
  capitalised: boolean;
  /** A capital letter (or Latin digraph such as "Yu") followed by a dot: an initial. */
  initial: boolean;
  /** Punctuation or an empty line stands between the previous token and this one. */
  breakBefore: boolean;
}

const LETTER = /[\p{L}\p{M}]/u;
const UPPER = /\p{Lu}/u;
/** Invisible inside words: soft hyphen, zero-width space/joiners, word joiner, BOM. */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/;
/** Joiners that keep a word whole when a letter follows: hyphens/dashes and apostrophes. */
const JOINER = /['’‘ʼʹʻ`´′\-‐‑‒–—−]/;
const APOSTROPHE = /['’ʼ]/;
/** Two-letter Latin initials used for one Cyrillic letter (Yu. = Ю., Zh. = Ж.). */
const DIGRAPH_INITIALS = new Set(['yu', 'ya', 'ye', 'yo', 'zh', 'kh', 'ts', 'ch', 'sh']);

/*
 * What each UTF-16 code unit is to the tokeniser, as bit flags. The regexes above define it;
 * each code unit is classified by them once, the first time it is met, and remembered.
 */
const KNOWN = 1;
const IS_LETTER = 2;
const IS_UPPER = 4;
const IS_SPACE = 8;
const IS_INVISIBLE = 16;
const IS_JOINER = 32;
const IS_APOSTROPHE = 64;
/** A-Z, a-z, А-я, Ё, ё: a word made only of these needs no more than lower-casing and ё→е. */
const IS_PLAIN = 128;

const classes = new Uint8Array(0x10000);

function isLetter(ch: string): boolean {
  if (ch < '\u0080') return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
  return LETTER.test(ch);
}

function classify(code: number): number {
  const ch = String.fromCharCode(code);
  let c = KNOWN;
  if (isLetter(ch)) c |= IS_LETTER;
  if (UPPER.test(ch)) c |= IS_UPPER;
  // \s covers NBSP, thin/figure spaces, line and paragraph separators.
  if (/\s/u.test(ch)) c |= IS_SPACE;
  if (INVISIBLE.test(ch)) c |= IS_INVISIBLE;
  if (JOINER.test(ch)) c |= IS_JOINER;
  if (APOSTROPHE.test(ch)) c |= IS_APOSTROPHE;
  if (/[A-Za-zА-яЁё]/.test(ch)) c |= IS_PLAIN;
  classes[code] = c;
  return c;
}

function classOf(code: number): number {
  return classes[code]! || classify(code);
}

/** Flags of a token in `TokenList.flags`. */
export const CAPITALISED = 1;
export const INITIAL = 2;
export const BREAK_BEFORE = 4;

/** Plain Latin/Cyrillic words (the vast majority) need only lower-casing and ё→е. */
function normalizePlain(raw: string): string {
  const lower = raw.toLowerCase();
  return lower.indexOf('ё') < 0 ? lower : lower.replace(/ё/g, 'е');
}

/**
 * The tokens of one text in parallel arrays. `read` refills the same arrays, so a matcher
 * keeps one list for all the runs it scans.
 */
export class TokenList {
  text = '';
  count = 0;
  starts = new Int32Array(256);
  ends = new Int32Array(256);
  /** CAPITALISED | INITIAL | BREAK_BEFORE per token. */
  flags = new Uint8Array(256);
  /** Normal forms; undefined for a lower-case word until `norm` is asked for it. */
  private norms: Array<string | undefined> = [];
  /** Whether a lower-case word is made of plain letters only (so normalising is cheap). */
  private plain = new Uint8Array(256);

  /** Tokenises `text` into this list (the previous tokens are gone). */
  read(text: string): this {
    this.text = text;
    this.count = 0;
    const n = text.length;
    let broken = false;
    let newlines = 0;
    let i = 0;
    while (i < n) {
      const code = text.charCodeAt(i);
      // A plain space, the most common separator, changes nothing.
      if (code === 0x20) {
        i++;
        continue;
      }
      const c = classOf(code);
      if (c & IS_LETTER) {
        const start = i;
        /** First character of the word that is not a plain letter, or -1. */
        let firstOdd = c & IS_PLAIN ? -1 : i;
        let j = i + 1;
        while (j < n) {
          const code = text.charCodeAt(j);
          // Lower-case a-z and а-я, the bulk of every word: plain letters, nothing to note.
          if ((code >= 0x61 && code <= 0x7a) || (code >= 0x430 && code <= 0x44f)) {
            j++;
            continue;
          }
          const d = classOf(code);
          if (d & IS_LETTER || (d & (IS_INVISIBLE | IS_JOINER) && this.letterAhead(j + 1))) {
            if (!(d & IS_PLAIN) && firstOdd < 0) firstOdd = j;
            j++;
          } else break;
        }
        let end = j;
        // "Bakhtin's" / "Bakhtin’s": the mark covers the name, not the possessive ending.
        if (end - start >= 3) {
          const last = text.charCodeAt(end - 1);
          if ((last === 0x73 || last === 0x53) && classOf(text.charCodeAt(end - 2)) & IS_APOSTROPHE) end -= 2;
        }
        const capitalised = (c & IS_UPPER) !== 0;
        const plain = firstOdd < 0 || firstOdd >= end;
        let norm: string | undefined;
        let initial = false;
        if (capitalised) {
          const raw = text.slice(start, end);
          norm = plain ? normalizePlain(raw) : normalizeToken(raw);
          initial =
            text.charCodeAt(j) === 0x2e && (norm.length === 1 || (norm.length === 2 && raw.length === 2 && DIGRAPH_INITIALS.has(norm)));
          // An initial's dot belongs to the initial (and to the mark) and does not end the sentence.
          if (initial) end = j + 1;
        }
        this.push(start, end, (capitalised ? CAPITALISED : 0) | (initial ? INITIAL : 0) | (broken ? BREAK_BEFORE : 0), norm, plain);
        broken = false;
        newlines = 0;
        i = initial ? j + 1 : j;
      } else if (c & IS_SPACE) {
        if (code === 0x0a || code === 0x2029 || (code === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
          newlines++;
          if (newlines >= 2) broken = true;
        }
        i++;
      } else {
        // Invisible characters between words change nothing; anything else separates.
        if (!(c & IS_INVISIBLE)) broken = true;
        i++;
      }
    }
    return this;
  }

  /** The normal form of token k (`normalizeToken` of its text). */
  norm(k: number): string {
    let norm = this.norms[k];
    if (norm === undefined) {
      const raw = this.text.slice(this.starts[k]!, this.ends[k]!);
      norm = this.plain[k] ? normalizePlain(raw) : normalizeToken(raw);
      this.norms[k] = norm;
    }
    return norm;
  }

  /** Token k as an object (for code that is not on the hot path). */
  token(k: number): WordToken {
    const flags = this.flags[k]!;
    return {
      start: this.starts[k]!,
      end: this.ends[k]!,
      norm: this.norm(k),
      capitalised: (flags & CAPITALISED) !== 0,
      initial: (flags & INITIAL) !== 0,
      breakBefore: (flags & BREAK_BEFORE) !== 0,
    };
  }

  /** Whether the next character after invisible ones, from `i` on, is a letter. */
  private letterAhead(i: number): boolean {
    const text = this.text;
    let j = i;
    let c = 0;
    while (j < text.length && (c = classOf(text.charCodeAt(j))) & IS_INVISIBLE) j++;
    return j < text.length && (c & IS_LETTER) !== 0;
  }

  private push(start: number, end: number, flags: number, norm: string | undefined, plain: boolean): void {
    const k = this.count++;
    if (k === this.starts.length) this.grow();
    this.starts[k] = start;
    this.ends[k] = end;
    this.flags[k] = flags;
    this.plain[k] = plain ? 1 : 0;
    this.norms[k] = norm;
  }

  private grow(): void {
    const size = this.starts.length * 2;
    const widen = <T extends Int32Array | Uint8Array>(a: T, b: T): T => (b.set(a), b);
    this.starts = widen(this.starts, new Int32Array(size));
    this.ends = widen(this.ends, new Int32Array(size));
    this.flags = widen(this.flags, new Uint8Array(size));
    this.plain = widen(this.plain, new Uint8Array(size));
  }
}

export function tokenize(text: string): WordToken[] {
  const list = new TokenList().read(text);
  return Array.from({ length: list.count }, (_, k) => list.token(k));
}
