import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkIndex, LETTER_STATUSES } from '../../lib/index-schema';
import { serializeIndex } from '../../scripts/index/build-index';
import { buildFromCommittedSources } from '../../scripts/index/load';
import { buildIndex } from '../../scripts/index/build-index';
import { loadFacilities } from '../../scripts/index/load';
import { PATHS } from '../../scripts/index/paths';
import { parseSnapshot } from '../../scripts/index/snapshot';
import { parseAdditions } from '../../scripts/index/additions';

const built = buildFromCommittedSources();
const snapshotText = readFileSync(PATHS.snapshot, 'utf8');
const snapshotLines = snapshotText.split('\n').filter(Boolean);

describe('index build from the committed sources', () => {
  it('the committed data/index.json is exactly a fresh build', () => {
    const committed = readFileSync(PATHS.index, 'utf8').split('\n');
    const fresh = serializeIndex(built.index).split('\n');
    // Name the first differing line instead of diffing a megabyte.
    const firstDiff = fresh.findIndex((line, i) => line !== committed[i]);
    expect(firstDiff === -1 ? null : `line ${firstDiff + 1}: ${fresh[firstDiff]?.slice(0, 120)}`, 'run npm run index:build').toBeNull();
    expect(committed.length).toBe(fresh.length);
  });

  it('passes the schema and keeps every snapshot person', () => {
    expect(checkIndex(JSON.parse(readFileSync(PATHS.index, 'utf8'))).ok).toBe(true);
    expect(built.index.records).toHaveLength(snapshotLines.length);
    expect(snapshotLines).toHaveLength(680);
  });

  it('does not depend on the order of the snapshot lines', () => {
    const entries = parseSnapshot(snapshotText);
    const reversed = [...entries].reverse();
    const additions = parseAdditions(readFileSync(PATHS.additions, 'utf8'));
    const again = buildIndex({ snapshot: reversed, additions, facilities: loadFacilities(), version: { version: built.index.version, generatedAt: built.index.generatedAt } });
    expect(serializeIndex(again.index)).toBe(serializeIndex(built.index));
  });

  it('gives letter options only to people in custody', () => {
    for (const r of built.index.records) {
      if (LETTER_STATUSES.includes(r.status)) expect(r.letters.map((l) => l.service)).toContain('rosuznik');
      else expect(r.letters).toEqual([]);
    }
  });

  it('links the Memorial card only from a /figurant/ source', () => {
    const withMemorial = built.index.records.filter((r) => r.letters.some((l) => l.service === 'memorial'));
    expect(withMemorial.length).toBeGreaterThan(0);
    for (const r of withMemorial) {
      const url = r.letters.find((l) => l.service === 'memorial')!.url;
      expect(url).toMatch(/^https:\/\/memopzk\.org\/figurant\//);
      expect(r.sources.map((s) => s.url)).toContain(url);
    }
  });

  it('merges the cited additions for Bakhtin and Ivanov', () => {
    const bakhtin = built.index.records.find((r) => r.id === 'bakhtin-aleksandr')!;
    expect(bakhtin.name.ru).toBe('Бахтин Александр Сергеевич');
    expect(bakhtin.birthYear).toBe(1971);
    expect(bakhtin.address.ru).toContain('Волоколамск');
    expect(bakhtin.forms.middle).toContain('сергеевичу');
    expect(bakhtin.letters.map((l) => l.service)).toEqual(['rosuznik', 'lettersnow', 'fsin-pismo']);
    const ivanov = built.index.records.find((r) => r.id === 'ivanov-dmitry')!;
    expect(ivanov.birthDate).toBe('1999-08-05');
    expect(ivanov.address.ru).toMatch(/^125130, г\. Москва/);
    expect(ivanov.forms.middle).toContain('александрович');
  });

  it('stores only https sources and no mirror hosts', () => {
    for (const r of built.index.records) {
      for (const s of r.sources) {
        expect(s.url.startsWith('https://')).toBe(true);
        expect(new URL(s.url).hostname).not.toMatch(/a\.run\.app$/);
      }
    }
    expect(built.report.urls.upgraded).toBeGreaterThan(0);
    expect(built.report.urls.mirrorDuplicates).toBeGreaterThan(0);
  });

  it('marks back-transliterated names as derived, in the name and in the forms', () => {
    const maxim = built.index.records.find((r) => r.id === 'ivankin-maxim')!;
    expect(maxim.name).toEqual({ ru: 'Иванкин Максим', en: 'Maxim Ivankin', derived: 'ru' });
    expect(maxim.forms.derived).toBe(true);
    const navalny = built.index.records.find((r) => r.id === 'navalny-alexei')!;
    expect(navalny.name.derived).toBeUndefined();
    expect(navalny.forms.derived).toBeUndefined();
  });

  it('gives every record a distinct stable slug id', () => {
    const ids = built.index.records.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)+$/);
  });
});

describe('snapshot line validation', () => {
  it('stops at the first bad line with its number, field path and reason', () => {
    const good = snapshotLines[0]!;
    const bad = JSON.stringify({ ...JSON.parse(good), status: 'jailed' });
    expect(() => parseSnapshot([good, good, bad].join('\n'))).toThrow(/line 3: status: /);
    const badSentence = JSON.stringify({ ...JSON.parse(good), sentence: { text: 'x', years: 1, months: 14 } });
    expect(() => parseSnapshot([badSentence].join('\n'))).toThrow(/line 1: sentence\.months: /);
    expect(() => parseSnapshot(`${good}\n{not json`)).toThrow(/line 2: invalid JSON/);
    const extra = JSON.stringify({ ...JSON.parse(good), surprise: 1 });
    expect(() => parseSnapshot(extra)).toThrow(/line 1: surprise: /);
  });
});
