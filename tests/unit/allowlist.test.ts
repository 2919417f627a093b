import { describe, expect, it } from 'vitest';
import { LETTER_HOSTS, SOURCE_HOSTS, checkUrl, isAllowedUrl } from '@/lib/url-allowlist';

describe('allowed', () => {
  it.each([
    'https://memopzk.org/figurant/bakhtin-aleksandr-sergeevich/',
    'https://rosuznik.org/',
    'https://en.ovdinfo.org/some-page',
    'https://ovd.info/letters',
    'https://lettersnow.org/',
    'https://fsin-pismo.ru/',
    'https://zona.media/article/2024/01/01/x',
    'https://en.zona.media/article',
    'https://freedomnews.org.uk/2020/02/16/x/',
    'https://www.kommersant.ru/doc/1',
    'https://MEMOPZK.ORG/figurant/',
  ])('%s', (url) => expect(checkUrl(url)).toMatchObject({ ok: true }));

  it('returns the normalised href', () => {
    expect(checkUrl('https://MemoPZK.org/a b'.replace(' ', '%20'))).toEqual({ ok: true, href: 'https://memopzk.org/a%20b' });
  });
});

describe('refused', () => {
  it.each([
    ['http://memopzk.org/', 'not https'],
    ['javascript:alert(1)', 'not https'],
    ['data:text/html,<script>alert(1)</script>', 'not https'],
    ['JaVaScRiPt:alert(1)//https://memopzk.org/', 'not https'],
    ['https://evil.example/', 'not on the allow-list'],
    ['https://memopzk.org.evil.example/', 'not on the allow-list'],
    ['https://evilmemopzk.org/', 'not on the allow-list'],
    ['https://memopzk.org@evil.example/', 'credentials'],
    ['https://user:pw@memopzk.org/', 'credentials'],
    ['https://memopzk.org:8443/', 'port'],
    // Cyrillic "о" in memopzk: the parser turns it into punycode.
    ['https://memopzk.оrg/', 'internationalised'],
    ['https://mеmopzk.org/', 'internationalised'],
    ['https://xn--memopzk-9ng.org/', 'internationalised'],
    ['https://memopzk.org./', 'not on the allow-list'],
    ['https://127.0.0.1/', 'not on the allow-list'],
    [' https://memopzk.org/', 'spaces'],
    ['https://memopzk.org/\u202Egro.live', 'direction'],
    ['https://evil.example\\@memopzk.org/', 'spaces, control'],
    ['//memopzk.org/', 'not a valid URL'],
    ['', 'not a URL'],
  ])('%s', (url, reason) => {
    const check = checkUrl(url);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toContain(reason);
  });

  it('refuses non-strings and very long URLs', () => {
    expect(isAllowedUrl(undefined)).toBe(false);
    expect(isAllowedUrl({ href: 'https://memopzk.org/' })).toBe(false);
    expect(isAllowedUrl(`https://memopzk.org/${'a'.repeat(3000)}`)).toBe(false);
  });

  it('letter links only go to letter services', () => {
    expect(isAllowedUrl('https://meduza.io/x', LETTER_HOSTS)).toBe(false);
    expect(isAllowedUrl('https://meduza.io/x', SOURCE_HOSTS)).toBe(true);
    expect(isAllowedUrl('https://rosuznik.org/x', LETTER_HOSTS)).toBe(true);
  });
});

describe('the lists', () => {
  it('hold plain lower-case ASCII hosts with no duplicates', () => {
    for (const host of SOURCE_HOSTS) expect(host).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    expect(new Set(SOURCE_HOSTS).size).toBe(SOURCE_HOSTS.length);
  });
});
