/**
 * Normalisation of name tokens. The index build and the matcher both call `normalizeToken`,
 * so a form stored in the index and a word read on a page compare as plain strings.
 */

/** Apostrophe-like characters: ASCII, typographic, modifier letters, primes, grave/acute. */
const APOSTROPHES = /['’‘ʼʹʻ`´′]/gu;
/** Hyphen and dash characters that join parts of a double surname. */
const HYPHENS = /[‐‑‒–—―−﹘﹣－]/gu;
/** Soft hyphen, zero-width space/joiners, word joiner, BOM: invisible inside words. */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/gu;
/** Combining marks: stress accents in Russian text, diacritics in scholarly transliteration. */
const COMBINING = /\p{M}/gu;

/**
 * Lower-cases a word and removes what does not tell names apart: ё/е, stress marks,
 * Latin diacritics, apostrophes, invisible characters, and dash variants (all become "-").
 * An English possessive ("Bakhtin's", "Bakhtin’s") loses its "'s".
 */
export function normalizeToken(word: string): string {
  let s = word.replace(INVISIBLE, '').replace(HYPHENS, '-');
  s = s.replace(/['’ʼ]s$/iu, '');
  // Decompose so accents come off, but keep й (и + breve) and ё handled explicitly.
  s = s
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/й/g, '\u0000')
    .normalize('NFD')
    .replace(COMBINING, '')
    .normalize('NFC')
    .replace(/\u0000/g, 'й');
  s = s.replace(APOSTROPHES, '');
  return s.replace(/^-+|-+$/g, '');
}

/** True for a character that can be part of a name word (letters, marks, joiners inside words). */
export function isWordChar(ch: string): boolean {
  return /[\p{L}\p{M}\u00AD\u200B-\u200D\u2060]/u.test(ch);
}
