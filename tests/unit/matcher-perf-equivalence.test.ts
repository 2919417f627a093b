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
  'Бахтин', 'бахтин', 'БАХТИН', 'Bakhtin', 'Yu', 'Zh', 'Kh', 'Ts', 'Ivanov', 'Кара-Мурза', 'Esipenko', 'оглы', 'kyzy',
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
    // 327,680 texts: seconds of work, more on a busy machine.
  }, 60_000);

  it('agrees on texts with more distinct capitalised words than its table of them holds', () => {
    const rand = prng(12);
    const word = () => `${'ABCDEFGHIJKLMNOPQRSTUVWXYZБВГДЖЗКЛМНПРСТ'[Math.floor(rand() * 40)]}${Math.floor(rand() * 1e9).toString(36).replace(/\d/g, 'q')}`;
    for (let k = 0; k < 4; k++) {
      const text = Array.from({ length: 12_000 }, () => (rand() < 0.1 ? word().toUpperCase() : word())).join(' ');
      expect(tokenize(text)).toEqual(referenceTokenize(text));
    }
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

describe('TokenList.readNear against a full read', () => {
  /** A name-word test that says yes to some words: by a hash of the word, and to the corpus's usual names. */
  const someNames = (norm: string) => {
    let h = 7;
    for (let k = 0; k < norm.length; k++) h = (h * 31 + norm.charCodeAt(k)) | 0;
    return (h & 3) === 0 || ['бахтин', 'bakhtin', 'кара-мурза', 'кара', 'ivanov', 'esipenko', 'yu'].includes(norm);
  };

  /**
   * What readNear promises: every token it makes is the token `read` makes at that place, with
   * the same flags, except BREAK_BEFORE set on the first token after a skipped stretch; and it
   * makes every token from the one before each capitalised initial or name word to five after,
   * or to the first after it that is lower case (and not a joining word) or follows a break.
   */
  const JOINERS = new Set(['оглы', 'kyzy']);
  function expectNearMatchesFull(text: string, nameWord: (norm: string) => boolean): void {
    const joinsName = (norm: string) => JOINERS.has(norm);
    const full = tokenize(text);
    const near = new TokenList().readNear(text, nameWord, JOINERS);
    const nearTokens = Array.from({ length: near.count }, (_, i) => near.token(i));
    const indexOf = new Map(full.map((t, i) => [t.start, i]));
    let previous = -1;
    for (const token of nearTokens) {
      const i = indexOf.get(token.start);
      expect(i, `a token at ${token.start} that read() does not make in ${JSON.stringify(text)}`).toBeDefined();
      const expected = full[i!]!;
      const gap = i! !== previous + 1;
      expect(token, JSON.stringify(text)).toEqual({ ...expected, breakBefore: gap ? true : expected.breakBefore });
      previous = i!;
    }
    const made = new Set(nearTokens.map((t) => t.start));
    full.forEach((t, i) => {
      if (!t.capitalised || !(t.initial || nameWord(t.norm))) return;
      for (let k = Math.max(0, i - 1); k <= Math.min(full.length - 1, i + 5); k++) {
        expect(made.has(full[k]!.start), `token ${k} near name word ${i} (${t.norm}) in ${JSON.stringify(text)}`).toBe(true);
        const last = k > i && (full[k]!.breakBefore || (!full[k]!.capitalised && !joinsName(full[k]!.norm)));
        if (last) break;
      }
    });
  }

  it('agrees on the corpus and the seeds', () => {
    for (const text of realTexts) expectNearMatchesFull(text, someNames);
  });

  it('agrees on seeded random texts, with many name words and with none', () => {
    const rand = prng(11);
    for (let k = 0; k < 3000; k++) {
      const text = randomText(rand, 1 + Math.floor(rand() * 80));
      expectNearMatchesFull(text, someNames);
      expectNearMatchesFull(text, () => true);
      expectNearMatchesFull(text, () => false);
    }
  }, 60_000);

  it('skips text with no name word: only initials are made', () => {
    const list = new TokenList().readNear('Один Два три. Четыре пять шесть семь, Восемь', () => false);
    expect(list.count).toBe(0);
    const withName = new TokenList().readNear('один два три Бахтин четыре пять шесть семь восемь девять десять', (n) => n === 'бахтин');
    const norms = (list: TokenList) => Array.from({ length: list.count }, (_, i) => list.norm(i));
    // After the name, up to the first lower-case word: no name goes on through it.
    expect(norms(withName)).toEqual(['три', 'бахтин', 'четыре']);
    const capitals = new TokenList().readNear('один два три Бахтин Четыре Пять Шесть Семь Восемь Девять', (n) => n === 'бахтин');
    expect(norms(capitals)).toEqual(['три', 'бахтин', 'четыре', 'пять', 'шесть', 'семь', 'восемь']);
    const turkic = new TokenList().readNear('и Теймур Рза оглы Мамедов сказал так', (n) => n === 'теймур', new Set(['оглы']));
    expect(norms(turkic)).toEqual(['и', 'теймур', 'рза', 'оглы', 'мамедов', 'сказал']);
    // A joining word is known by its normal form: the page may write ё for е.
    const folded = new TokenList().readNear('и Теймур Рза ёглы Мамедов сказал так', (n) => n === 'теймур', new Set(['еглы']));
    expect(norms(folded)).toEqual(['и', 'теймур', 'рза', 'еглы', 'мамедов', 'сказал']);
    const broken = new TokenList().readNear('и Бахтин. Москва, Тверь', (n) => n === 'бахтин');
    expect(norms(broken)).toEqual(['и', 'бахтин', 'москва']);
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

  /** `text` cut at random places (empty pieces too), as a walk of text nodes hands it over. */
  function* randomPieces(text: string): Generator<string> {
    let at = 0;
    while (at < text.length) {
      const next = Math.min(text.length, at + Math.floor(rand() * rand() * 3000));
      yield text.slice(at, next);
      at = next;
    }
  }

  it('reads a page given as pieces only as far as a question needs', () => {
    const filler = 'обычный текст про погоду и sport news '.repeat(4000);
    let read = 0;
    function* counted(pieces: string[]): Generator<string> {
      for (const piece of pieces) {
        read += piece.length;
        yield piece;
      }
    }
    const pieces = ['Активиста задержали, суд ', ...Array.from({ length: 40 }, () => filler)];
    const support = new PageSupport(counted(pieces));
    expect(read).toBe(0);
    expect(support.aboutProsecution()).toBe(true);
    // One first piece of about 16k characters (and the words around its end) was enough.
    expect(read).toBeLessThan(2 * filler.length);
    // A word that is not there is looked for in all of it.
    expect(support.mentionsAny(['1985 г. р'])).toBe(false);
    expect(read).toBe(pieces.join('').length);
  });

  it('gives the answers of containsWord over the whole prepared text, with the whole page, as pieces or run by run', () => {
    /** Pages where the word-start filters were built (a private field: the test must reach them). */
    let filtered = 0;
    for (let k = 0; k < 300; k++) {
      // Some pages long enough, and with enough misses, that the filters get built.
      const runs = Array.from({ length: 1 + Math.floor(rand() * 6) }, () => randomPage(Math.floor(rand() * (k % 3 ? 30 : 400))));
      const asks = hintSets(40);
      const whole = new PageSupport(runs.join('\n'));
      const byPieces = new PageSupport(randomPieces(runs.join('\n')));
      const byRuns = new PageSupport();
      let seen = '';
      for (const [r, run] of runs.entries()) {
        byRuns.add(run);
        seen += `\n${prepare(run)}`;
        const wholeText = prepare(runs.join('\n'));
        const expect_ = (text: string, words: readonly string[]) => words.some((w) => containsWord(text, w));
        for (const hints of asks.slice(r * 6, r * 6 + 6)) {
          expect(whole.mentionsAny(hints)).toBe(expect_(wholeText, hints));
          expect(byPieces.mentionsAny(hints)).toBe(expect_(wholeText, hints));
          expect(byRuns.mentionsAny(hints)).toBe(expect_(seen, hints));
        }
        expect(whole.isPolitical()).toBe(expect_(wholeText, POLITICAL_STEMS));
        expect(byPieces.touchesProsecution()).toBe(expect_(wholeText, JUSTICE_STEMS));
        expect(byRuns.isPolitical()).toBe(expect_(seen, POLITICAL_STEMS));
        expect(byRuns.touchesProsecution()).toBe(expect_(seen, JUSTICE_STEMS));
      }
      for (const support of [whole, byRuns]) if ((support as unknown as { starts: unknown }).starts) filtered++;
    }
    expect(filtered).toBeGreaterThan(100);
  });

  it('finds words anywhere in a long page, though it prepares the text a piece at a time', () => {
    // Pages far longer than the first prepared piece, the words at the start, at the end, and
    // at every place a piece could end; one page with no space at all.
    const filler = 'обычный текст про погоду и sport news '.repeat(4000);
    const pages = [
      `${filler}политзаключенный`,
      `протест ${filler}`,
      `${filler.slice(0, 16_380)}суд ${filler}`,
      `${filler.slice(0, 16_383)}судак ${filler}суда`,
      `${'x'.repeat(70_000)} activist`,
      `${'я'.repeat(70_000)}активист`,
      filler,
    ];
    const words = ['политзаключ', 'протест', 'суд$', 'суда$', 'activist', 'активист', 'судак', 'погод', 'news'];
    for (const text of pages) {
      const support = new PageSupport(text);
      for (const word of words) expect(support.mentionsAny([word]), `${word} in a page of ${text.length}`).toBe(containsWord(prepare(text), word));
    }
  });
});
