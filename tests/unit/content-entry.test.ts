// @vitest-environment node
import { describe, expect, it } from 'vitest';
import content, { CONTENT_MATCHES } from '@/entrypoints/content/index';
import { NEWS_SITES } from '@/wxt.config';

describe('content script entry', () => {
  it('runs on exactly the news sites of wxt.config, over https only', () => {
    expect(CONTENT_MATCHES).toEqual(NEWS_SITES.map((h) => `https://${h}/*`));
    expect(content.matches).toEqual(CONTENT_MATCHES);
  });

  it('puts its styles in the shadow root, not in the page', () => {
    expect(content.cssInjectionMode).toBe('ui');
  });
});
