// The labelled detection corpora (the main one and the held-out set): labels agree with their
// texts, the outputs are rebuilt from the annotated sources, each is big enough, and every
// labelled person is in the index.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSource, CORPUS_DIR, HELDOUT_DIR, loadIndexNames, loadSnapshot, type LabelsFile } from '../../scripts/corpus/build';
import { countWords, KINDS, LANGS, MarkupError, parseSource, ROLES, SITES } from '../../scripts/corpus/markup';

function loadSet(dir: string) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.labels.json'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.labels\.json$/, '');
      const labels = JSON.parse(readFileSync(join(dir, f), 'utf8')) as LabelsFile;
      const textPath = join(dir, `${name}.txt`);
      const text = existsSync(textPath) ? readFileSync(textPath, 'utf8') : null;
      return { name, labels, text };
    });
}

/** Each set, with how many texts (and of them unrelated ones) it must hold at least. */
const SETS = [
  { set: 'main', dir: CORPUS_DIR, minTexts: 40, minUnrelated: 3 },
  { set: 'held-out', dir: HELDOUT_DIR, minTexts: 20, minUnrelated: 4 },
].map((s) => ({ ...s, corpus: loadSet(s.dir) }));
const corpus = SETS.flatMap((s) => s.corpus.map((c) => ({ ...c, name: `${s.set}/${c.name}` })));

describe('corpus files', () => {
  it.each(corpus)('$name: labels slice its text exactly', ({ labels, text }) => {
    expect(text, 'the .txt next to the labels').not.toBeNull();
    expect(SITES).toContain(labels.site);
    expect(LANGS).toContain(labels.lang);
    expect(KINDS).toContain(labels.kind);
    const spans = [...labels.mentions, ...labels.others].sort((a, b) => a.start - b.start);
    let lastEnd = 0;
    for (const s of spans) {
      expect(s.start, `"${s.text}" starts after the previous span`).toBeGreaterThanOrEqual(lastEnd);
      expect(s.end).toBeGreaterThan(s.start);
      expect(text!.slice(s.start, s.end)).toBe(s.text);
      lastEnd = s.end;
    }
    for (const o of labels.others) expect(ROLES).toContain(o.role);
  });

  it.each(corpus)('$name: has at least 300 words', ({ text }) => {
    expect(countWords(text ?? '')).toBeGreaterThanOrEqual(300);
  });

  it.each(SETS)('$set: has at least $minTexts texts, at least half of them Russian', ({ corpus, minTexts }) => {
    expect(corpus.length).toBeGreaterThanOrEqual(minTexts);
    const russian = corpus.filter((c) => c.labels.lang === 'ru').length;
    expect(russian * 2).toBeGreaterThanOrEqual(corpus.length);
  });

  it.each(SETS)('$set: has unrelated texts where nobody is a prisoner', ({ corpus, minUnrelated }) => {
    const unrelated = corpus.filter((c) => c.labels.kind === 'unrelated');
    expect(unrelated.length).toBeGreaterThanOrEqual(minUnrelated);
    for (const c of unrelated) expect(c.labels.mentions, c.name).toEqual([]);
  });
});

describe('built outputs are up to date with src/', () => {
  const people = loadSnapshot();
  const index = loadIndexNames();
  const sources = SETS.flatMap(({ set, dir }) =>
    readdirSync(join(dir, 'src'))
      .filter((f) => f.endsWith('.txt'))
      .map((file) => ({ set, dir, file })),
  );

  it.each(sources)('$set/$file', ({ set, dir, file }) => {
    const rerun = `rerun npm run corpus:build${set === 'held-out' ? ' -- --heldout' : ''}`;
    const built = buildSource(`src/${file}`, readFileSync(join(dir, 'src', file), 'utf8'), people, index);
    const name = file.replace(/\.txt$/, '');
    expect(readFileSync(join(dir, `${name}.txt`), 'utf8'), rerun).toBe(built.text);
    const onDisk = JSON.parse(readFileSync(join(dir, `${name}.labels.json`), 'utf8')) as unknown;
    expect(onDisk, rerun).toEqual(built.labels);
  });
});

describe('every labelled person is in the index', () => {
  it('data/index.json holds a record for each mention', () => {
    const index = loadIndexNames();
    expect(index, 'data/index.json must exist (npm run index:build), then npm run corpus:build').not.toBeNull();
    const ids = new Set(index!.map((r) => r.id));
    const missing = corpus.flatMap((c) =>
      c.labels.mentions.filter((m) => m.id === null || !ids.has(m.id)).map((m) => `${c.name}: ${m.person} (${m.id})`),
    );
    expect([...new Set(missing)]).toEqual([]);
  });
});

describe('annotated source format', () => {
  const head = 'site: ovd.info\nlang: ru\nkind: news\n---\n';
  const people = loadSnapshot();
  const build = (body: string) => buildSource('x.txt', head + body, people, null);
  const lineOfError = (body: string): number => {
    try {
      build(body);
    } catch (err) {
      if (err instanceof MarkupError) return err.line;
      throw err;
    }
    return -1;
  };

  it('strips markup and keeps offsets into the plain text, also across a line break', () => {
    const r = build('Суд над [[Александром\nБахтиным|Бахтин Александр]]; {{Владимир Путин|official}}; [[Бахтина|Бахтин Александр]].');
    expect(r.text).toBe('Суд над Александром\nБахтиным; Владимир Путин; Бахтина.\n');
    expect(r.labels.mentions.map((m) => r.text.slice(m.start, m.end))).toEqual(['Александром\nБахтиным', 'Бахтина']);
    expect(r.labels.others).toEqual([{ start: 30, end: 44, text: 'Владимир Путин', role: 'official' }]);
  });

  it('accepts an English name key for a Russian surface', () => {
    const r = build('Письма для [[Ильи Яшина|Ilya Yashin]].');
    expect(r.labels.mentions[0]?.person).toBe('Ilya Yashin');
  });

  it('reports errors with the source line', () => {
    expect(lineOfError('строка\n[[Пупкина Васи|Пупкин Вася]]')).toBe(6);
    expect(lineOfError('{{Иван Петров|boss}}')).toBe(5);
    expect(lineOfError('раз\nдва ]] три')).toBe(6);
    expect(lineOfError('[[Бахтина без конца|Бахтин Александр')).toBe(5);
    expect(lineOfError('[[Бахтина [[А.|Бахтин Александр]]')).toBe(5);
    expect(lineOfError('[[Ивана Петрова|Бахтин Александр]]')).toBe(5);
    expect(lineOfError('\n\n[[Бахтину|Бахтин Александр]]')).toBe(7);
    expect(lineOfError('[[Александр Бахтин]]')).toBe(5);
  });

  it('rejects a bad header', () => {
    expect(() => parseSource('x.txt', 'site: example.com\nlang: ru\nkind: news\n---\nтекст')).toThrow(MarkupError);
    expect(() => parseSource('x.txt', 'site: ovd.info\nlang: ru\n---\nтекст')).toThrow(/kind/);
    expect(() => parseSource('x.txt', 'site: ovd.info\nlang: ru\nkind: news\nтекст')).toThrow(/---/);
  });
});
