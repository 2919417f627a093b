import { describe, expect, it } from 'vitest';
import { createPersonSearch, highlightName } from '@/components/popup/search';
import { BUNDLED } from './background.fixtures';

const search = createPersonSearch(BUNDLED.records);
const topIds = (q: string, n = 3) => search.search(q, n).map((h) => h.record.id);

describe('popup search', () => {
  it.each(['bakhtin', 'Bahtin', 'бахтин', 'Бахтину', 'BAKHTIN', 'Бахтиным', 'Aleksandr Bakhtin', 'Бахтин Александр', 'Alexander Bakhtin'])(
    '"%s" finds Aleksandr Bakhtin first',
    (q) => expect(topIds(q, 1)).toEqual(['bakhtin-aleksandr']),
  );

  it('finds while typing', () => {
    expect(topIds('bakht', 5)).toContain('bakhtin-aleksandr');
    expect(topIds('Бахт', 5)).toContain('bakhtin-aleksandr');
  });

  it('requires every word of a multi-word query', () => {
    const hits = search.search('Dmitry Ivanov', 50);
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits.slice(0, 3)) expect(`${h.record.name.en} ${h.record.aliases.join(' ')}`.toLowerCase()).toMatch(/dmitr|ivanov/);
    expect(search.search('Bakhtin Zzzzyx')).toEqual([]);
  });

  it('finds nothing for an empty or unrelated query', () => {
    expect(search.search('')).toEqual([]);
    expect(search.search('   ')).toEqual([]);
    expect(search.search('qwxzvb')).toEqual([]);
  });

  it('caps the results', () => {
    expect(search.search('a', 7).length).toBeLessThanOrEqual(7);
  });

  it('highlights the matched surname in both scripts', () => {
    const [hit] = search.search('Бахтину', 1);
    expect(hit).toBeDefined();
    const en = highlightName(hit!.record.name.en!, hit!);
    expect(en.filter((p) => p.match).map((p) => p.text)).toEqual(['Bakhtin']);
    const ru = highlightName(hit!.record.name.ru!, hit!);
    expect(ru.filter((p) => p.match).map((p) => p.text)).toEqual(['Бахтин']);
    expect(ru.map((p) => p.text).join('')).toBe(hit!.record.name.ru);
  });
});
