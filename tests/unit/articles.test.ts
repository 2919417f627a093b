import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeArticle, parseArticleRefs } from '../../lib/articles';
import { PATHS } from '../../scripts/index/paths';

describe('article meanings', () => {
  it('has a plain meaning in both languages for every article in the snapshot', () => {
    const articles = new Set<string>();
    for (const line of readFileSync(PATHS.snapshot, 'utf8').split('\n').filter(Boolean)) {
      for (const a of (JSON.parse(line) as { articles: string[] }).articles) articles.add(a);
    }
    expect(articles.size).toBeGreaterThan(50);
    const missing = [...articles].filter((a) => !describeArticle(a));
    expect(missing).toEqual([]);
    for (const a of articles) {
      const m = describeArticle(a)!;
      expect(m.en.length).toBeGreaterThan(3);
      expect(m.ru).toMatch(/[а-я]/);
    }
  });

  it('uses part and point meanings where they exist', () => {
    expect(describeArticle('207.3 ч.2 п.«д»')!.en).toBe("spreading 'fake news' about the army out of 'political hatred'");
    expect(describeArticle('207.3')!.en).toBe("spreading 'fake news' about the army");
    expect(describeArticle('280.3 ч.1')!.en).toBe("repeatedly 'discrediting' the armed forces");
    expect(describeArticle('275')!.en).toBe('high treason');
    expect(describeArticle('212 ч.2')!.ru).toBe('участие в «массовых беспорядках»');
  });

  it('reads attempt, preparation and complicity articles as modifiers', () => {
    expect(describeArticle('30 ч.3, 212 ч.1')!.en).toBe("attempted: organising 'mass riots'");
    expect(describeArticle('33 ч.4, 236 ч.1')!.ru).toMatch(/^подстрекательство: /);
    expect(parseArticleRefs('30 ч.3, 228.1 ч.4 п.«г»')).toEqual([
      { article: '30', part: '3', point: null },
      { article: '228.1', part: '4', point: 'г' },
    ]);
  });

  it('returns null for articles it does not know or cannot read', () => {
    expect(describeArticle('999')).toBeNull();
    expect(describeArticle('статья про что-то')).toBeNull();
    expect(describeArticle('30 ч.9, 275')).toBeNull();
  });
});
