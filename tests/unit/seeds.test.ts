/**
 * The five seed articles against the bundled index (issue 3, "Expected on the seeds"): every
 * listed person marked in every listed form, and nobody else.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMatcher } from '@/lib/matcher';
import { toMatcherData } from '@/lib/matcher-data';
import type { Mention } from '@/lib/matcher-types';
import { detectText, loadIndex } from '../../scripts/detect';

const matcher = createMatcher(toMatcherData(loadIndex()));
const seed = (name: string) => readFileSync(resolve(import.meta.dirname, '../fixtures/seeds', name), 'utf8');

interface SeedExpectation {
  file: string;
  /** Person id → forms that must each be marked for that person at least once. */
  people: Record<string, string[]>;
  /** Names in the text that must not be inside any mark. */
  notMarked: string[];
}

const SEEDS: SeedExpectation[] = [
  {
    file: '000_a14a6b626b35daff.txt',
    people: { 'buchenkov-dmitry': ['Dmitry Buchenkov', 'Buchenkov'] },
    notMarked: ['Vladimir Putin', 'Putin'],
  },
  {
    file: '001_0454209351fb7270.txt',
    people: {
      'bakhtin-aleksandr': [
        'Aleksandr Bakhtin',
        'Bakhtin',
        'Aleksandr Sergeevich Bakhtin',
        'Бахтину Александру Сергеевичу',
        'Бахтин\n    Александр Сергеевич',
      ],
    },
    notMarked: ['Putin', 'Yevhen Synelnykov', 'Synelnykov'],
  },
  {
    file: '002_be6c402e7600f77a.txt',
    people: {
      'pchelintsev-dmitry': ['Dmitry Pchelintsev'],
      'shakursky-ilya': ['Ilya Shakursky'],
      'sagynbaev-arman': ['Arman Sagynbaev'],
      'chernov-andrei': ['Andrei Chernov'],
      'kuksov-vasily': ['Vasily Kuksov'],
      'kulkov-mikhail': ['Mikhail Kulkov'],
      'ivankin-maxim': ['Maxim Ivankin'],
    },
    notMarked: [],
  },
  {
    file: '003_4895be967d3f33a9.txt',
    people: {
      'ivanov-dmitry': ['Dmitry Ivanov', 'Ivanov', 'Иванов Дмитрий Александрович', 'Dmitry Alexandrovich Ivanov'],
      'balin-andrei': ['Andrey Balin', 'Balin'],
      'baryshnikov-igor': ['Igor Baryshnikov', 'Baryshnikov'],
      'bakhtin-aleksandr': ['Alexander Bakhtin', 'Bakhtin'],
      'melkonyants-grigory': ['Grigory Melkonyants'],
    },
    notMarked: [
      'Alexandra Astakhova',
      'Remarque',
      'Shalamov',
      'Solzhenitsyn',
      'Viktor Frankl',
      'Boris Akunin',
      'Denis Shedov',
      'Dan Storyev',
      'Putin',
      'Alexey Gorin',
      'Gorin remains',
    ],
  },
  {
    file: '004_73d50edc8dcf24f7.txt',
    people: { 'akimushkin-aleksandr': ['Aleksandr Akimushkin', 'Akimushkin'] },
    notMarked: ['Putin'],
  },
];

/** Every [start, end) range where `needle` occurs in `text`. */
function occurrences(text: string, needle: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) out.push([at, at + needle.length]);
  return out;
}

describe.each(SEEDS)('seed $file', ({ file, people, notMarked }) => {
  const text = seed(file);
  const mentions: Mention[] = detectText(matcher, text);

  it('offsets point at the marked text', () => {
    for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it.each(Object.entries(people))('marks %s in every listed form', (id, forms) => {
    for (const form of forms) {
      const hit = mentions.find((m) => m.text === form && m.ids.includes(id));
      expect(hit, `"${form}" as ${id}`).toBeDefined();
      expect(hit?.ids, `"${form}" has no namesakes`).toEqual([id]);
      expect(hit?.confidence).toBe('high');
    }
  });

  it('marks nobody else', () => {
    const expected = new Set(Object.keys(people));
    const strangers = mentions.filter((m) => m.ids.some((id) => !expected.has(id)));
    expect(strangers.map((m) => `${m.text} → ${m.ids.join(',')}`)).toEqual([]);
    for (const name of notMarked) {
      for (const [start, end] of occurrences(text, name)) {
        const overlapping = mentions.filter((m) => m.start < end && start < m.end);
        expect(overlapping.map((m) => m.text), `"${name}" at ${start}`).toEqual([]);
      }
    }
  });

  it('never marks a first name alone', () => {
    for (const m of mentions) expect(m.text).toMatch(/\p{L}{2,}[\s.]+\p{L}|^\p{Lu}\p{L}+$/u);
    const bare = mentions.filter((m) => m.kind === 'surname' && /^(Dmitry|Aleksandr|Alexander|Александр)$/.test(m.text));
    expect(bare).toEqual([]);
  });
});
