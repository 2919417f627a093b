import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Mention } from '@/lib/matcher-types';
import { loadCorpus, scoreDocument, summarise, type LabelledDoc } from '../../scripts/eval';

const mark = (start: number, end: number, ids: string[], text = ''): Mention => ({ start, end, text, ids, kind: 'full', confidence: 'high' });

// "Alice Smith met Judge Bob Jones. Smith and Carol Ng, who is not in the index."
const DOC: LabelledDoc = {
  name: 'synthetic',
  site: 'ovd.info',
  lang: 'en',
  text: 'Alice Smith met Judge Bob Jones. Smith and Carol Ng, who is not in the index.',
  mentions: [
    { start: 0, end: 11, text: 'Alice Smith', id: 'smith' },
    { start: 33, end: 38, text: 'Smith', id: 'smith' },
    { start: 43, end: 51, text: 'Carol Ng', id: null },
  ],
  others: [{ start: 22, end: 31, text: 'Bob Jones', role: 'judge' }],
};

describe('scoreDocument', () => {
  it('counts a mark overlapping a labelled mention of the same person as correct, even if its span differs', () => {
    const s = scoreDocument(DOC, [mark(0, 11, ['smith']), mark(33, 38, ['smith', 'smith-2'])]);
    expect(s.correct).toBe(2);
    expect(s.falsePositives).toEqual([]);
    expect(s.misses).toEqual([]);
    expect(s.gold).toBe(2);
    expect(s.inexact).toEqual([]);
    const shifted = scoreDocument(DOC, [mark(6, 11, ['smith'])]);
    expect(shifted.correct).toBe(1);
    expect(shifted.inexact).toHaveLength(1);
    expect(shifted.misses.map((m) => m.start)).toEqual([33]);
  });

  it('explains every false positive', () => {
    const s = scoreDocument(DOC, [mark(0, 11, ['jones']), mark(26, 31, ['jones']), mark(43, 51, ['ng-other']), mark(60, 63, ['x'])]);
    expect(s.correct).toBe(0);
    expect(s.falsePositives.map((f) => f.why)).toEqual([
      'wrong person: label says smith',
      'judge: "Bob Jones"',
      'prisoner not in the index: "Carol Ng"',
      'not a labelled name',
    ]);
    expect(s.misses).toHaveLength(2);
  });

  it('counts one label once: a second mark of the same person in it is a span difference', () => {
    const s = scoreDocument(DOC, [mark(0, 5, ['smith']), mark(6, 11, ['smith'])]);
    expect(s.correct).toBe(1);
    expect(s.falsePositives).toHaveLength(0);
    expect(s.inexact).toHaveLength(2);
    // ...but a mark of someone else inside it is a false positive.
    const other = scoreDocument(DOC, [mark(0, 5, ['smith']), mark(6, 11, ['jones'])]);
    expect(other.falsePositives.map((f) => f.why)).toEqual(['wrong person: label says smith']);
  });
});

describe('summarise', () => {
  it('computes precision and recall per mention and per person-page', () => {
    const perfect = scoreDocument(DOC, [mark(0, 11, ['smith']), mark(33, 38, ['smith'])]);
    const noisy = scoreDocument({ ...DOC, name: 'b' }, [mark(0, 11, ['smith']), mark(26, 31, ['jones'])]);
    const sum = summarise([perfect, noisy]);
    expect(sum.docs).toBe(2);
    expect(sum.mention).toEqual({ precision: 3 / 4, recall: 3 / 4, tp: 3, fp: 1, fn: 1 });
    // Pages: smith found on both, jones wrongly marked on the second.
    expect(sum.personPage).toEqual({ precision: 2 / 3, recall: 1, tp: 2, fp: 1, fn: 0 });
  });

  it('is 1/1 on an empty page with no marks', () => {
    const empty = scoreDocument({ ...DOC, mentions: [], others: [] }, []);
    expect(summarise([empty]).mention).toMatchObject({ precision: 1, recall: 1 });
  });
});

describe('loadCorpus', () => {
  const dir = mkdtempSync(join(tmpdir(), 'eval-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads label files with their texts and rejects labels that do not match the text', () => {
    writeFileSync(join(dir, 'a.txt'), DOC.text);
    writeFileSync(join(dir, 'a.labels.json'), JSON.stringify({ site: 'ovd.info', lang: 'en', mentions: DOC.mentions, others: DOC.others }));
    const [doc] = loadCorpus([dir]);
    expect(doc).toMatchObject({ name: 'a', lang: 'en', site: 'ovd.info', text: DOC.text });
    writeFileSync(join(dir, 'b.txt'), 'Someone else entirely.');
    writeFileSync(join(dir, 'b.labels.json'), JSON.stringify({ site: 'ovd.info', lang: 'en', mentions: DOC.mentions, others: [] }));
    expect(() => loadCorpus([dir])).toThrow(/does not match/);
  });
});
