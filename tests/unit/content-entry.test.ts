// @vitest-environment node
import { describe, expect, it } from 'vitest';
import content from '@/entrypoints/content/index';
import { NEWS_SITES } from '@/lib/news-sites';

describe('content script entry', () => {
  it('runs on exactly the news sites, over https only', () => {
    expect(content.matches).toEqual(NEWS_SITES.map((h) => `https://${h}/*`));
  });

  it('puts its styles in the shadow root, not in the page', () => {
    expect(content.cssInjectionMode).toBe('ui');
  });
});
