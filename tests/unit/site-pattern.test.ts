// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { NEWS_SITE_MATCHES } from '@/lib/news-sites';
import { customSitePatterns, parseSiteInput, patternHost, sitePattern } from '@/lib/site-pattern';

const INDEX_ORIGIN = 'https://not-alone-extension.github.io/*';
const context = { included: [...NEWS_SITE_MATCHES, INDEX_ORIGIN], added: ['https://meduza.io/*'] };
const parse = (input: string) => parseSiteInput(input, context);

describe('parseSiteInput', () => {
  it('reduces a bare host or any https address on the site to one exact-host pattern', () => {
    const cases: [string, string][] = [
      ['news.example.org', 'news.example.org'],
      ['  News.Example.ORG  ', 'news.example.org'],
      ['news.example.org/', 'news.example.org'],
      ['https://news.example.org', 'news.example.org'],
      ['https://news.example.org/2024/05/some-article?utm_source=x#comments', 'news.example.org'],
      ['HTTPS://www.News.example.org/a', 'www.news.example.org'],
      ['news.example.org/some/article', 'news.example.org'],
      ['news.example.org:8443/path', 'news.example.org'],
      ['https://reader:secret@news.example.org/', 'news.example.org'],
      ['news.example.org.', 'news.example.org'],
      ['https:news.example.org', 'news.example.org'],
      // International names become punycode, as the browser matches them.
      ['https://пример.рф/новости', 'xn--e1afmkfd.xn--p1ai'],
      ['m.zona.media', 'm.zona.media'],
    ];
    for (const [input, host] of cases) {
      expect(parse(input), input).toEqual({ ok: true, host, pattern: `https://${host}/*` });
    }
  });

  it('refuses every scheme but https', () => {
    for (const input of ['http://news.example.org/a', 'ftp://news.example.org', 'file:///home/me/a.html', 'chrome://extensions', 'javascript:alert(1)', 'data:text/html,hi', 'about:blank', 'mailto:editor@news.example.org', 'ws://news.example.org']) {
      expect(parse(input), input).toEqual({ ok: false, problem: 'not-https' });
    }
  });

  it('refuses wildcards, also when percent-encoded', () => {
    for (const input of ['*.example.org', 'https://*.example.org/*', '*', 'https://%2A.example.org/', 'news.*.org']) {
      expect(parse(input), input).toEqual({ ok: false, problem: 'wildcard' });
    }
  });

  it('refuses IP addresses, localhost and local names: devices, not news sites', () => {
    for (const input of ['127.0.0.1', 'https://192.168.1.1/admin', '0x7f.1', '[::1]', 'https://[2001:db8::1]/', 'localhost', 'localhost:3000', 'app.localhost', 'printer.local', 'intranet', 'router.home.arpa', 'svc.internal']) {
      expect(parse(input), input).toEqual({ ok: false, problem: 'not-public' });
    }
  });

  it('refuses what is not an address at all', () => {
    for (const input of ['news example org', 'https://', 'news..example.org', '-news.example.org', 'news.example.org-', `${'a'.repeat(64)}.org`, `${'abc.'.repeat(64)}org`, '"><img src=x>']) {
      expect(parse(input), input).toEqual({ ok: false, problem: 'invalid' });
    }
  });

  it('says empty for an empty field', () => {
    expect(parse('')).toEqual({ ok: false, problem: 'empty' });
    expect(parse('   \t')).toEqual({ ok: false, problem: 'empty' });
  });

  it('refuses the built-in news sites and the index origin, and a site already added', () => {
    for (const input of ['zona.media', 'https://en.zona.media/article/2023/08/14/bakhtin/', 'www.ovd.info', 'FreedomNews.org.uk', 'not-alone-extension.github.io']) {
      expect(parse(input), input).toEqual({ ok: false, problem: 'built-in' });
    }
    expect(parse('https://meduza.io/feature/2024/01/01/x')).toEqual({ ok: false, problem: 'already-added' });
  });
});

describe('customSitePatterns', () => {
  it('keeps the granted exact-host https patterns, without the manifest’s own, sorted and once', () => {
    const granted = [...NEWS_SITE_MATCHES, INDEX_ORIGIN, 'https://novaya.example/*', 'https://meduza.io/*', 'https://meduza.io/*'];
    expect(customSitePatterns(granted, [...NEWS_SITE_MATCHES, INDEX_ORIGIN])).toEqual(['https://meduza.io/*', 'https://novaya.example/*']);
  });

  it('leaves out broad grants and anything not made by sitePattern', () => {
    const granted = ['https://*/*', '<all_urls>', '*://*/*', 'https://*.example.org/*', 'http://news.example.org/*', 'https://news.example.org/path/*', 'https://127.0.0.1/*', 'https://news.example.org/*'];
    expect(customSitePatterns(granted, NEWS_SITE_MATCHES)).toEqual(['https://news.example.org/*']);
  });

  it('round-trips with sitePattern and patternHost', () => {
    expect(patternHost(sitePattern('news.example.org'))).toBe('news.example.org');
    expect(patternHost('https://news.example.org/a/*')).toBeNull();
    expect(customSitePatterns([], NEWS_SITE_MATCHES)).toEqual([]);
  });
});
