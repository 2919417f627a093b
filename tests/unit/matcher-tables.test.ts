/**
 * The tables the background builds and sends as JSON text must make the same matcher as the
 * index's forms do: the content script never derives them itself.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMatcherTables, createMatcher } from '@/lib/matcher';
import { toMatcherData } from '@/lib/matcher-data';
import type { MatcherTables } from '@/lib/matcher-types';
import { listField, rowFields, WordOwners } from '@/lib/packed-tables';
import type { PrisonerIndex } from '@/lib/index-schema';

const ROOT = resolve(__dirname, '../..');
const index = JSON.parse(readFileSync(resolve(ROOT, 'data/index.json'), 'utf8')) as PrisonerIndex;
const SEEDS = resolve(ROOT, 'tests/fixtures/seeds');
const seeds = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(resolve(SEEDS, f), 'utf8'));

describe('matcher tables', () => {
  const data = toMatcherData(index);
  const tables = JSON.parse(JSON.stringify(buildMatcherTables(data))) as MatcherTables;

  it('hold every form of the index once, with its people in index order', () => {
    // Exact lists hold the Cyrillic forms; a Latin form is found by its spelling key.
    const cyrillic = (form: string) => /[\u0400-\u04FF]/.test(form);
    const lastForms = new Set(data.people.flatMap((p) => p.forms.last).filter(cyrillic));
    const byLast = new WordOwners(tables.byLast);
    expect(new Set(byLast.keys())).toEqual(lastForms);
    for (const list of [byLast, ...[tables.byFirst, tables.byLastFallback, tables.byFirstFallback].map((p) => new WordOwners(p))]) {
      for (const word of list.keys()) {
        const people = list.get(word)!;
        expect(people.length).toBeGreaterThan(0);
        expect([...people].sort((a, b) => a - b)).toEqual(people);
        expect(new Set(people).size).toBe(people.length);
        for (const p of people) expect(p).toBeLessThan(data.people.length);
      }
    }
    // Every record owns its own surname forms.
    data.people.forEach((record, i) => {
      for (const form of record.forms.last.filter(cyrillic)) expect(byLast.get(form)).toContain(i);
    });
    expect(tables.version).toBe(index.version);
  });

  it('keep of each record what matching reads: id, patronymics, and the letters an initial may be', () => {
    expect(tables.people).toHaveLength(data.people.length);
    data.people.forEach((record, i) => {
      const [id, initials, middle] = rowFields(tables.people[i]!);
      expect(id).toBe(record.id);
      expect(listField(middle!)).toEqual(record.forms.middle);
      // An initial is one letter or a two-letter digraph: exactly the prefixes of the first-name forms.
      const prefixes = new Set(record.forms.first.flatMap((f) => [f.slice(0, 1), f.slice(0, 2)]));
      expect(new Set(listField(initials!))).toEqual(prefixes);
    });
  });

  it('after a JSON round trip, make a matcher that finds what one made from the forms finds, on every seed article', () => {
    const fromData = createMatcher(data);
    const fromTables = createMatcher(tables);
    expect(fromTables.formCount).toBe(fromData.formCount);
    let mentions = 0;
    for (const text of seeds) {
      const paragraphs = text.split(/\n\s*\n/);
      const a = fromData.newPage(text);
      const b = fromTables.newPage(text);
      for (const p of paragraphs) {
        const expected = fromData.find(p, a);
        mentions += expected.length;
        expect(fromTables.find(p, b)).toEqual(expected);
      }
    }
    expect(mentions).toBeGreaterThan(20);
  });
});

describe('tables of another shape', () => {
  it('are refused when the matcher is made, not when a page is read', () => {
    const tables = buildMatcherTables(toMatcherData(index));
    // Format 2 kept whole records as arrays and word lists as [form, people] pairs.
    expect(() => createMatcher({ ...tables, people: [['x', [], [], 0, null, [], []]] } as unknown as MatcherTables)).toThrow(/people is not a list of rows/);
    expect(() => createMatcher({ ...tables, byFirst: [['аббозов', [0]]] } as unknown as MatcherTables)).toThrow(/not a packed word list/);
    expect(() => createMatcher(tables)).not.toThrow();
  });
});
