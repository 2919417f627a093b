/**
 * The matcher's fast paths against straightforward reference implementations, on seeded random
 * and real inputs: the char-code tokeniser (classes remembered per code unit, lazy normal forms,
 * reused arrays) against a tokeniser that asks a regex about every character, and the page
 * support filters against a plain search of the whole text for every word.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeToken } from '@/lib/normalize';
import { containsWord, JUSTICE_STEMS, PageSupport, POLITICAL_STEMS } from '@/lib/page-support';
import { TokenList, tokenize, type WordToken } from '@/lib/tokenize';

// ---------------------------------------------------------------------------------------------
// Reference tokeniser: the rules of lib/tokenize.ts, one regex question per character.

const LETTER = /[\p{L}\p{M}]/u;
const UPPER = /\p{Lu}/u;
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/;
const JOINER = /['’‘ʼʹʻ`´′\-‐‑‒–—−]/;
const APOSTROPHE = /['’ʼ]/;
const SPACE = /\s/u;
const DIGRAPHS = ['yu', 'ya', 'ye', 'yo', 'zh', 'kh', 'ts', 'ch', 'sh'];

function referenceTokenize(text: string): WordToken[] {
  const letterAhead = (from: number) => {
    let j = from;
    while (j < text.length && INVISIBLE.test(text[j]!)) j++;
    return j < text.length && LETTER.test(text[j]!);
  };
  const out: WordToken[] = [];
  let broken = false;
  let newlines = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (LETTER.test(ch)) {
      const start = i;
      let j = i + 1;
      while (j < text.length && (LETTER.test(text[j]!) || ((INVISIBLE.test(text[j]!) || JOINER.test(text[j]!)) && letterAhead(j + 1)))) j++;
      let end = j;
      if (end - start >= 3 && /[sS]/.test(text[end - 1]!) && APOSTROPHE.test(text[end - 2]!)) end -= 2;
      const raw = text.slice(start, end);
      const norm = normalizeToken(raw);
      const capitalised = UPPER.test(ch);
      const initial = capitalised && text[j] === '.' && (norm.length === 1 || (norm.length === 2 && raw.length === 2 && DIGRAPHS.includes(norm)));
      out.push({ start, end: initial ? j + 1 : end, norm, capitalised, initial, breakBefore: broken });
      broken = false;
      newlines = 0;
      i = initial ? j + 1 : j;
    } else if (SPACE.test(ch)) {
      if (ch === '\n' || ch === '\u2029' || (ch === '\r' && text[i + 1] !== '\n')) {
        newlines++;
        if (newlines >= 2) broken = true;
      }
      i++;
    } else {
      if (!INVISIBLE.test(ch)) broken = true;
      i++;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Inputs

/** mulberry32: the same sequence on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Pieces the tokeniser treats specially, and words of both scripts. */
const PIECES = [
  ...'aAzZsSyYuUéÉıİßЖжЁёЙйЪъӘәΣσςאع中',
  'Бахтин', 'бахтин', 'БАХТИН', 'Bakhtin', 'Yu', 'Zh', 'Kh', 'Ts', 'Ivanov', 'Кара-Мурза', 'Esipenko',
  'и\u0306', 'е\u0308', 'a\u0301', '\u0301', '\u0483',
  ...'\u00AD\u200B\u200C\u200D\u2060\uFEFF',
  ...'\'’‘ʼʹʻ`´′-‐‑‒–—−―',
  ...' \n\r\t\u00A0\u2009\u2028\u2029\u3000',
  '\r\n', '\n\n', ...'.,;:!?«»()"[]/…№0123456789',
  '😀', '𝐀', '\uD835', '\uDC00',
];

function randomText(rand: () => number, length: number): string {
  let s = '';
  for (let k = 0; k < length; k++) s += PIECES[Math.floor(rand() * PIECES.length)]!;
  return s;
}

const FIXTURES = resolve(import.meta.dirname, '../fixtures');
const realTexts = ['corpus', 'seeds'].flatMap((dir) =>
  readdirSync(resolve(FIXTURES, dir))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(resolve(FIXTURES, dir, f), 'utf8')),
);

// ---------------------------------------------------------------------------------------------

describe('tokenize against the reference tokeniser', () => {
  it('agrees on the corpus and the seeds', () => {
    expect(realTexts.length).toBeGreaterThan(10);
    for (const text of realTexts) expect(tokenize(text)).toEqual(referenceTokenize(text));
  });

  it('agrees on seeded random texts', () => {
    const rand = prng(6);
    for (let k = 0; k < 3000; k++) {
      const text = randomText(rand, 1 + Math.floor(rand() * 40));
      expect(tokenize(text), JSON.stringify(text)).toEqual(referenceTokenize(text));
    }
  });

  it('agrees on every UTF-16 code unit, alone, inside a word, after an initial and between words', () => {
    const mismatches: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const u = String.fromCharCode(code);
      for (const text of [u, `Ab${u}cd`, `A${u}.`, `ab${u}s`, `Ы ${u}\nЖ${u}${u}ж`]) {
        if (JSON.stringify(tokenize(text)) !== JSON.stringify(referenceTokenize(text))) mismatches.push(`U+${code.toString(16)} in ${JSON.stringify(text)}`);
      }
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
  });

  it('a reused TokenList reads each text as a fresh one would, normal forms on demand', () => {
    const rand = prng(7);
    const list = new TokenList();
    for (let k = 0; k < 500; k++) {
      // Long and short texts in turn, so the arrays grow and then hold stale tokens past `count`.
      const text = randomText(rand, k % 2 ? 400 : 3);
      const expected = referenceTokenize(text);
      list.read(text);
      expect(list.count).toBe(expected.length);
      // Ask for normal forms in a random order: a lazy one must not depend on what came before.
      const order = expected.map((_, i) => i).sort(() => rand() - 0.5);
      for (const i of order) expect(list.norm(i)).toBe(expected[i]!.norm);
      expect(Array.from({ length: list.count }, (_, i) => list.token(i))).toEqual(expected);
    }
  });
});

describe('PageSupport against a plain search of the whole text', () => {
  const prepare = (s: string) => s.toLowerCase().replace(/ё/g, 'е');
  /** Words that are on, near or off the page: stems, their beginnings, hints, numbers. */
  const rand = prng(8);
  const vocabulary = [...POLITICAL_STEMS, ...JUSTICE_STEMS, 'суд', 'судак', 'политика', 'prison', 'prisoner', '207', '207.31', '1985 г. р', 'born 1985'];
  const pageWords = [...vocabulary.map((w) => w.replace('$', '')), 'Активист', 'ПРОТЕСТ', 'Суд', 'суда', ' ', ' ', '. ', ', ', '\n', '-', 'ё', 'ещё', '1', '.', 'x', 'ab'];
  const randomPage = (words: number) => Array.from({ length: words }, () => pageWords[Math.floor(rand() * pageWords.length)]!).join(rand() < 0.5 ? ' ' : '');
  const hintSets = (n: number) =>
    Array.from({ length: n }, () => Array.from({ length: 1 + Math.floor(rand() * 4) }, () => vocabulary[Math.floor(rand() * vocabulary.length)]!));

  it('gives the answers of containsWord over the whole prepared text, with the whole page or run by run', () => {
    /** Pages where the word-start filters were built (a private field: the test must reach them). */
    let filtered = 0;
    for (let k = 0; k < 300; k++) {
      // Some pages long enough, and with enough misses, that the filters get built.
      const runs = Array.from({ length: 1 + Math.floor(rand() * 6) }, () => randomPage(Math.floor(rand() * (k % 3 ? 30 : 400))));
      const asks = hintSets(40);
      const whole = new PageSupport(runs.join('\n'));
      const byRuns = new PageSupport();
      let seen = '';
      for (const [r, run] of runs.entries()) {
        byRuns.add(run);
        seen += `\n${prepare(run)}`;
        const wholeText = prepare(runs.join('\n'));
        const expect_ = (text: string, words: readonly string[]) => words.some((w) => containsWord(text, w));
        for (const hints of asks.slice(r * 6, r * 6 + 6)) {
          expect(whole.mentionsAny(hints)).toBe(expect_(wholeText, hints));
          expect(byRuns.mentionsAny(hints)).toBe(expect_(seen, hints));
        }
        expect(whole.isPolitical()).toBe(expect_(wholeText, POLITICAL_STEMS));
        expect(byRuns.isPolitical()).toBe(expect_(seen, POLITICAL_STEMS));
        expect(byRuns.touchesProsecution()).toBe(expect_(seen, JUSTICE_STEMS));
      }
      for (const support of [whole, byRuns]) if ((support as unknown as { starts: unknown }).starts) filtered++;
    }
    expect(filtered).toBeGreaterThan(100);
  });
});
