import Fuse from 'fuse.js';
import { describe, expect, it, vi } from 'vitest';
import { createPersonSearch, editDistance, highlightName, type SearchHit } from '@/components/popup/search';
import { BUNDLED } from './background.fixtures';

const BAKHTIN = 'bakhtin-aleksandr';
const search = createPersonSearch(BUNDLED.records);
const ids = (q: string, n = 20) => search.search(q, n).hits.map((h) => h.record.id);
const marked = (text: string, hit: SearchHit) =>
  highlightName(text, hit)
    .filter((p) => p.match)
    .map((p) => p.text);

describe('popup search: exact and prefix matches', () => {
  it.each([
    'bakhtin',
    'BAKHTIN',
    'Bahtin', // a generated transliteration of Бахтин, so an exact form, not a typo
    'бахтин',
    'Бахтину',
    'Бахтиным',
    'Aleksandr Bakhtin',
    'Bakhtin Aleksandr',
    'alexander bakhtin',
    'Бахтин Александр',
    'Бахтину Александру Сергеевичу',
    'Бахтин А. С.',
  ])('"%s" finds Aleksandr Bakhtin and nobody else', (q) => {
    const result = search.search(q);
    expect(result.similar).toBe(false);
    expect(result.hits.map((h) => h.record.id)).toEqual([BAKHTIN]);
    expect(result.total).toBe(1);
  });

  it('a patronymic alone finds the people who carry it, every one an exact match', () => {
    const result = search.search('Сергеевич');
    expect(result.similar).toBe(false);
    expect(result.hits.map((h) => h.record.id)).toContain(BAKHTIN);
    for (const h of result.hits) expect(h.record.forms.middle).toContain('сергеевич');
  });

  it('ё and е are the same letter', () => {
    const withYo = ids('Фёдор');
    expect(withYo.length).toBeGreaterThan(0);
    expect(ids('Федор')).toEqual(withYo);
    for (const id of withYo) expect(BUNDLED.records.find((r) => r.id === id)!.forms.first).toContain('федор');
  });

  it('finds while the name is being typed, in either script', () => {
    for (const q of ['bakh', 'бах', 'Bakht', 'Бахт']) {
      const result = search.search(q);
      expect(result.similar, q).toBe(false);
      expect(ids(q), q).toContain(BAKHTIN);
      for (const h of result.hits) expect(h.matches.every((m) => m.kind === 'prefix' || m.kind === 'exact'), q).toBe(true);
    }
  });

  it('ranks an exact surname above a completion of the same letters', () => {
    const hits = search.search('Ivanov').hits;
    const exact = hits.filter((h) => h.matches[0]!.kind === 'exact');
    expect(exact.length).toBeGreaterThan(1);
    expect(hits.slice(0, exact.length)).toEqual(exact);
  });

  it('needs every word of a multi-word query to match the same person', () => {
    const hits = search.search('Dmitry Ivanov').hits;
    expect(hits.map((h) => h.record.id)).toContain('ivanov-dmitry');
    for (const h of hits) expect(h.matches.map((m) => m.word)).toEqual(['dmitry', 'ivanov']);
    expect(search.search('Bakhtin Zzzzyx').hits).toEqual([]);
  });

  it('counts all the matches but returns only the limit', () => {
    const result = search.search('a', 7);
    expect(result.hits.length).toBe(7);
    expect(result.total).toBeGreaterThan(7);
  });

  it('finds nothing for an empty or unrelated query', () => {
    for (const q of ['', '   ', 'qwxzvb', '...']) expect(search.search(q)).toEqual({ hits: [], total: 0, similar: false });
  });
});

describe('popup search: typos fall back to similar names', () => {
  it.each(['Bakhtni', 'Bakthin', 'Бахтинн', 'Бахтен', 'Aleksandr Bakhtni'])('"%s" offers Aleksandr Bakhtin first, flagged as similar', (q) => {
    const result = search.search(q);
    expect(result.similar).toBe(true);
    expect(result.hits[0]?.record.id).toBe(BAKHTIN);
  });

  it('never mixes similar names into exact results', () => {
    const result = search.search('Бахтину');
    expect(result.hits.flatMap((h) => h.matches).every((m) => m.kind === 'exact')).toBe(true);
  });

  it('does not guess from one or two letters', () => {
    expect(search.search('qz').hits).toEqual([]);
  });

  it('editDistance counts a swap of neighbours as one edit', () => {
    expect(editDistance('bakthin', 'bakhtin')).toBe(1);
    expect(editDistance('bakhtin', 'bakhtin')).toBe(0);
    expect(editDistance('bahtin', 'bakhtin')).toBe(1);
    expect(editDistance('kondrakhin', 'bakhtin')).toBeGreaterThan(2);
    expect(editDistance('kondrakhin', 'bakhtin', 2)).toBe(3);
  });
});

describe('popup search: the similar tier is fuse.js, ties broken by edit distance', () => {
  it('asks fuse only when nothing matches exactly or as a prefix', () => {
    const lookups = vi.spyOn(Fuse.prototype, 'search');
    try {
      const fresh = createPersonSearch(BUNDLED.records);
      fresh.search('Bakhtin');
      fresh.search('бах');
      expect(lookups).not.toHaveBeenCalled();
      expect(fresh.search('Bakhtni').hits[0]?.record.id).toBe(BAKHTIN);
      expect(lookups).toHaveBeenCalledWith('bakhtni');
    } finally {
      lookups.mockRestore();
    }
  });

  it('finds the end of a double surname, which is far from it in edit distance', () => {
    // Fuse (Bitap) meets "murza" inside "kara-murza"; by edits alone "murtaza" is much closer.
    expect(editDistance('murza', 'murtaza')).toBeLessThan(editDistance('murza', 'kara-murza'));
    const result = search.search('Murza');
    expect(result.similar).toBe(true);
    expect(result.hits[0]?.record.id).toBe('kara-murza-vladimir');
    expect(ids('Kara Murza')[0]).toBe('kara-murza-vladimir');
  });

  it('among equal fuse scores, the fewer edits rank first, whatever the alphabet says', () => {
    const hits = search.search('Murza').hits;
    const at = (id: string) => hits.findIndex((h) => h.record.id === id);
    const murtaza = hits[at('murtaza-seyran')]!;
    const murasov = hits[at('murasov-rustem')]!;
    expect(murtaza.score).toBeCloseTo(murasov.score, 9);
    expect(murtaza.edits).toBeLessThan(murasov.edits);
    // "Rustem Murasov" sorts before "Seyran Murtaza": only the edit distance puts Murtaza first.
    expect(murasov.record.name.en!.localeCompare(murtaza.record.name.en!)).toBeLessThan(0);
    expect(at('murtaza-seyran')).toBeLessThan(at('murasov-rustem'));
  });

  it('"Bakthin" ties Bakhtin with Kondrakhin in fuse; one swap of letters decides', () => {
    const hits = search.search('Bakthin').hits;
    const kondrakhin = hits.find((h) => h.record.id === 'kondrakhin-denis');
    expect(hits[0]?.record.id).toBe(BAKHTIN);
    expect(kondrakhin?.score).toBeCloseTo(hits[0]!.score, 9);
    expect(hits[0]!.edits).toBe(1);
  });
});

describe('popup search: highlighting marks only what matched', () => {
  const bakhtin = BUNDLED.records.find((r) => r.id === BAKHTIN)!;
  const only = (q: string) => {
    const [hit] = search.search(q).hits;
    expect(hit?.record.id).toBe(BAKHTIN);
    return hit!;
  };

  it('a declined surname marks the surname in both scripts, and nothing else', () => {
    const hit = only('Бахтину');
    expect(marked(bakhtin.name.en!, hit)).toEqual(['Bakhtin']);
    expect(marked(bakhtin.name.ru!, hit)).toEqual(['Бахтин']);
    expect(
      highlightName(bakhtin.name.ru!, hit)
        .map((p) => p.text)
        .join(''),
    ).toBe(bakhtin.name.ru);
  });

  it('a full name marks first name and surname, not the patronymic', () => {
    const hit = only('alexander bakhtin');
    expect(marked(bakhtin.name.ru!, hit)).toEqual(['Бахтин', 'Александр']);
    expect(marked(bakhtin.name.en!, hit)).toEqual(['Aleksandr', 'Bakhtin']);
  });

  it('a typed start marks just those letters, in the script they were typed in', () => {
    const hit = search.search('бах').hits.find((h) => h.record.id === BAKHTIN)!;
    expect(marked(bakhtin.name.ru!, hit)).toEqual(['Бах']);
    expect(marked(bakhtin.name.en!, hit)).toEqual([]);
  });

  it('a similar name is not highlighted', () => {
    const hit = search.search('Bakhtni').hits[0]!;
    expect(marked(bakhtin.name.en!, hit)).toEqual([]);
    expect(marked(bakhtin.name.ru!, hit)).toEqual([]);
  });

});
