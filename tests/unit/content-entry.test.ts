// @vitest-environment node
import { describe, expect, it } from 'vitest';
import content from '@/entrypoints/content/index';
import { NEWS_SITES } from '@/lib/news-sites';

describe('content script entry', () => {
  it('runs on exactly the news sites, over https only', () => {
    expect(content.matches).toEqual(NEWS_SITES.map((h) => `https://${h}/*`));
  });

  it('brings its own styles rather than a web-accessible CSS file, which a site the reader added could not load', () => {
    // 'manual': WXT adds no CSS to the manifest or the page; index.tsx hands the inlined ui.css
    // to the shadow root (the e2e looks tests check the card still looks the same).
    expect(content.cssInjectionMode).toBe('manual');
  });
});
