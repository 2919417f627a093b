// The five seed articles are part of the labelled corpus: each annotated source strips back to
// the seed text, and its labels hold the people issue 3 expects on that seed (and nobody else).
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSource, CORPUS_DIR, loadIndexNames, loadSnapshot, SRC_DIR, type LabelsFile } from '../../scripts/corpus/build';

const SEEDS_DIR = resolve(import.meta.dirname, '../fixtures/seeds');

/** Issue 3, "Expected on the seeds": prisoners (snapshot keys), forms that must be labelled, names that must not. */
const EXPECTED: Record<string, { people: string[]; forms?: string[]; notMarked: string[] }> = {
  '000': { people: ['Dmitry Buchenkov'], notMarked: ['Vladimir Putin'] },
  '001': {
    people: ['Aleksandr Bakhtin'],
    forms: ['Aleksandr Bakhtin', 'Bakhtin', 'Aleksandr Sergeevich Bakhtin', 'Бахтину Александру Сергеевичу', 'Бахтин\n    Александр Сергеевич'],
    notMarked: ['Putin', 'Yevhen Synelnykov'],
  },
  '002': {
    people: ['Dmitry Pchelintsev', 'Ilya Shakursky', 'Arman Sagynbaev', 'Andrei Chernov', 'Vasily Kuksov', 'Mikhail Kulkov', 'Maxim Ivankin'],
    notMarked: [],
  },
  '003': {
    people: ['Dmitry Ivanov', 'Andrei Balin', 'Igor Baryshnikov', 'Aleksandr Bakhtin', 'Grigory Melkonyants'],
    forms: ['Dmitry Ivanov', 'Иванов Дмитрий Александрович', 'Dmitry Alexandrovich Ivanov'],
    notMarked: ['Alexandra Astakhova', 'Remarque', 'Shalamov', 'Solzhenitsyn', 'Viktor Frankl', 'Boris Akunin', 'Denis Shedov', 'Dan Storyev', 'Putin'],
  },
  '004': { people: ['Aleksandr Akimushkin'], notMarked: ['Putin'] },
};

const seeds = readdirSync(SEEDS_DIR)
  .filter((f) => /^\d{3}_.*\.txt$/.test(f))
  .sort()
  .map((file) => ({ key: file.slice(0, 3), file }));

describe('seed articles in the corpus', () => {
  const people = loadSnapshot();
  const index = loadIndexNames();

  it('covers all five seeds', () => {
    expect(seeds.map((s) => s.key)).toEqual(Object.keys(EXPECTED));
  });

  it.each(seeds)('$key: the annotated source strips to the seed text', ({ key, file }) => {
    const seed = readFileSync(join(SEEDS_DIR, file), 'utf8');
    const name = `en-seed-${key}`;
    const built = buildSource(`src/${name}.txt`, readFileSync(join(SRC_DIR, `${name}.txt`), 'utf8'), people, index);
    // Every corpus text ends with exactly one newline (markup.ts); the seeds end without one.
    const expected = seed.replace(/\s+$/u, '') + '\n';
    expect(built.text).toBe(expected);
    expect(readFileSync(join(CORPUS_DIR, `${name}.txt`), 'utf8')).toBe(expected);
  });

  it.each(seeds)('$key: labels hold the expected people and names', ({ key }) => {
    const labels = JSON.parse(readFileSync(join(CORPUS_DIR, `en-seed-${key}.labels.json`), 'utf8')) as LabelsFile;
    const want = EXPECTED[key]!;
    expect(new Set(labels.mentions.map((m) => m.person))).toEqual(new Set(want.people));
    const texts = labels.mentions.map((m) => m.text);
    for (const form of want.forms ?? []) expect(texts, form).toContain(form);
    const others = labels.others.map((o) => o.text);
    for (const name of want.notMarked) expect(others, name).toContain(name);
  });
});
