/**
 * The bench pages: the five seed articles wrapped in plain article HTML, and two long pages
 * generated deterministically (seeded PRNG) from seed sentences with prisoners' names mixed in.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { PrisonerIndex } from '@/lib/index-schema';

export interface BenchPage {
  name: string;
  html: string;
  words: number;
}

const SEEDS_DIR = path.resolve('tests/fixtures/seeds');

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const countWords = (s: string) => s.split(/\s+/).filter(Boolean).length;

function wrap(title: string, paragraphs: string[]): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/about">About</a></nav></header>
<main><article><h1>${escapeHtml(title)}</h1>
${paragraphs.join('\n')}
</article></main>
<footer><p>Footer links and a copyright line.</p></footer>
</body></html>`;
}

/** mulberry32: small, fast, and the same sequence on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seedTexts(): Array<{ name: string; text: string }> {
  return readdirSync(SEEDS_DIR)
    .filter((f) => /^\d{3}_.*\.txt$/.test(f))
    .sort()
    .map((f) => ({ name: `seed-${f.slice(0, 3)}`, text: readFileSync(path.join(SEEDS_DIR, f), 'utf8') }));
}

export function seedPages(): BenchPage[] {
  return seedTexts().map(({ name, text }) => {
    const blocks = text.split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean);
    const [title = name, ...rest] = blocks;
    // A single line break inside a block stays a line break, as in the article.
    const paragraphs = rest.map((b) => `<p>${escapeHtml(b).replace(/\n/g, '<br>')}</p>`);
    return { name, html: wrap(title, paragraphs), words: countWords(text) };
  });
}

/**
 * About `targetWords` words of article text: paragraphs of 40–160 words drawn from the seeds'
 * sentences, with a prisoner's name (English or Russian, sometimes in bold) in about one piece
 * in eight, which makes about one name per 50 words (2,070 marks on the 100,000-word page, a
 * denser page than most articles), and now and then a link, so text nodes are split by inline
 * tags as on real sites.
 */
export function generatedPage(name: string, targetWords: number, index: PrisonerIndex, seed: number): BenchPage {
  const rand = prng(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const sentences = seedTexts()
    .flatMap(({ text }) => text.split(/(?<=[.!?])\s+|\n+/))
    .map((s) => s.trim())
    .filter((s) => countWords(s) >= 4);
  const names = index.records.flatMap((r) => [r.name.en, r.name.ru].filter((n): n is string => !!n));
  const paragraphs: string[] = [];
  let words = 0;
  while (words < targetWords) {
    const goal = 40 + Math.floor(rand() * 120);
    const parts: string[] = [];
    let inParagraph = 0;
    while (inParagraph < goal && words + inParagraph < targetWords) {
      const r = rand();
      let piece: string;
      if (r < 0.12) {
        const who = escapeHtml(pick(names));
        piece = rand() < 0.3 ? `<b>${who}</b> was named in the court papers.` : `${who} was named in the court papers.`;
      } else if (r < 0.17) {
        piece = `<a href="/news/${Math.floor(rand() * 1e6)}">${escapeHtml(pick(sentences))}</a>`;
      } else {
        piece = escapeHtml(pick(sentences));
      }
      parts.push(piece);
      inParagraph += countWords(piece.replace(/<[^>]+>/g, ' '));
    }
    paragraphs.push(`<p>${parts.join(' ')}</p>`);
    words += inParagraph;
  }
  return { name, html: wrap(`${name}: a long generated article`, paragraphs), words };
}

/** Every page the benchmarks measure, in the order they report them: the seeds, then 10k and 100k words. */
export function benchPages(index: PrisonerIndex): BenchPage[] {
  return [...seedPages(), generatedPage('words-10k', 10_000, index, 10), generatedPage('words-100k', 100_000, index, 100)];
}
