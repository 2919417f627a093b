/**
 * Splits page text into word tokens for the name matcher, keeping each word's [start, end)
 * offsets in the original string so a mark can be mapped back to the page.
 *
 * Between two tokens the tokeniser records whether something separated them that a name
 * cannot run across: punctuation (comma, sentence-ending full stop, quotes, brackets, digits…)
 * or an empty line. Plain spaces, NBSP and a single line break do not separate; neither does
 * the dot of an initial ("А.С. Бахтин", "Бахтин А. С.").
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

function isLetter(ch: string): boolean {
  if (ch < '\u0080') return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
  // Fast path for Cyrillic letters (U+0400–U+045F), the bulk of Russian text.
  if (ch >= '\u0400' && ch <= '\u045F') return true;
  return LETTER.test(ch);
}

/** Plain Latin/Cyrillic words (the vast majority) need only lower-casing and ё→е. */
const PLAIN = /^[A-Za-zА-яЁё]+$/;
function normalize(raw: string): string {
  return PLAIN.test(raw) ? raw.toLowerCase().replace(/ё/g, 'е') : normalizeToken(raw);
}

function isSpace(ch: string): boolean {
  if (ch === ' ' || ch === '\n') return true;
  // \s covers NBSP, thin/figure spaces, line and paragraph separators.
  return /\s/u.test(ch);
}

/** Next letter after invisible characters at `i`, or the character at `i`. */
function letterAhead(text: string, i: number): boolean {
  let j = i;
  while (j < text.length && INVISIBLE.test(text[j]!)) j++;
  return j < text.length && isLetter(text[j]!);
}

export function tokenize(text: string): WordToken[] {
  const tokens: WordToken[] = [];
  const n = text.length;
  let broken = false;
  let newlines = 0;
  let i = 0;
  while (i < n) {
    const ch = text[i]!;
    if (isLetter(ch)) {
      const start = i;
      let j = i + 1;
      while (j < n) {
        const c = text[j]!;
        if (isLetter(c) || (INVISIBLE.test(c) && letterAhead(text, j + 1))) j++;
        else if (JOINER.test(c) && letterAhead(text, j + 1)) j++;
        else break;
      }
      let end = j;
      // "Bakhtin's" / "Bakhtin’s": the mark covers the name, not the possessive ending.
      if (end - start >= 3 && (text[end - 1] === 's' || text[end - 1] === 'S') && APOSTROPHE.test(text[end - 2]!)) {
        end -= 2;
      }
      const raw = text.slice(start, end);
      const norm = normalize(raw);
      const capitalised = UPPER.test(ch);
      const initial =
        capitalised && text[j] === '.' && (norm.length === 1 || (norm.length === 2 && DIGRAPH_INITIALS.has(norm) && raw.length === 2));
      // An initial's dot belongs to the initial (and to the mark) and does not end the sentence.
      if (initial) end = j + 1;
      tokens.push({ start, end, norm, capitalised, initial, breakBefore: broken });
      broken = false;
      newlines = 0;
      i = initial ? j + 1 : j;
    } else if (isSpace(ch)) {
      if (ch === '\n' || ch === '\u2029') {
        newlines++;
        if (newlines >= 2) broken = true;
      } else if (ch === '\r' && text[i + 1] !== '\n') {
        newlines++;
        if (newlines >= 2) broken = true;
      }
      i++;
    } else if (INVISIBLE.test(ch)) {
      i++;
    } else {
      broken = true;
      i++;
    }
  }
  return tokens;
}
