// @vitest-environment node
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIndex } from '../../lib/index-schema';
import { parseRobots, PoliteFetcher, robotsAllows, DisallowedError } from '../../scripts/index/fetcher';
import { crawlLive } from '../../scripts/index/live';
import { buildFromCommittedSources } from '../../scripts/index/load';
import { ROOT } from '../../scripts/index/paths';

const fixture = (p: string) => readFileSync(path.join(ROOT, 'tests/fixtures/sources', p), 'utf8');

describe('robots.txt', () => {
  it('uses our group or *, longest rule wins, reads Crawl-delay', () => {
    const rules = parseRobots('User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\nCrawl-delay: 10\n\nUser-agent: OtherBot\nDisallow: /\n', 'NotAloneIndexBuilder');
    expect(rules.crawlDelaySec).toBe(10);
    expect(robotsAllows(rules, '/figurant/x/')).toBe(true);
    expect(robotsAllows(rules, '/wp-admin/x')).toBe(false);
    expect(robotsAllows(rules, '/wp-admin/admin-ajax.php')).toBe(true);
    expect(robotsAllows(parseRobots('User-agent: notaloneindexbuilder\nDisallow: /\n', 'NotAloneIndexBuilder'), '/a')).toBe(false);
  });
});

describe('live crawl against a local server', () => {
  let server: Server;
  let base = '';
  let cacheDir = '';
  const log: Array<{ path: string; at: number; ua: string; inm: string | null }> = [];
  let failNext503 = 1;
  const route = (req: IncomingMessage): { status: number; body: string; headers?: Record<string, string> } => {
    const url = new URL(req.url!, base);
    if (url.pathname === '/robots.txt') return { status: 200, body: 'User-agent: *\nDisallow: /private/\nCrawl-delay: 0.05\n' };
    if (url.pathname === '/wp-json/wp/v2/figurant') {
      if (url.searchParams.get('page') !== '1') return { status: 400, body: '{"code":"rest_post_invalid_page_number"}' };
      const cards = (JSON.parse(fixture('memopzk/figurants.json')) as Array<{ link: string }>).map((c) => ({ ...c, link: c.link.replace('https://memopzk.org', base) }));
      return { status: 200, body: JSON.stringify(cards) };
    }
    if (url.pathname.startsWith('/figurant/')) return { status: 200, body: fixture('memopzk-page/person.html'), headers: { etag: '"m1"' } };
    if (url.pathname === '/prisoner' && url.searchParams.get('page') === '1') return { status: 200, body: '<h3><a href="/prisoner/primerova">Примерова</a></h3><h3><a href="/private/x">hidden</a></h3>' };
    if (url.pathname === '/prisoner') return { status: 200, body: '<h3><a href="/prisoner/primerova">Примерова</a></h3>' };
    if (url.pathname === '/prisoner/primerova') {
      if (failNext503 > 0) {
        failNext503 -= 1;
        return { status: 503, body: 'busy' };
      }
      if (req.headers['if-none-match'] === '"r1"') return { status: 304, body: '' };
      return { status: 200, body: fixture('rosuznik/person.html'), headers: { etag: '"r1"' } };
    }
    return { status: 404, body: 'not found' };
  };

  beforeAll(async () => {
    cacheDir = mkdtempSync(path.join(os.tmpdir(), 'index-cache-'));
    server = createServer((req, res) => {
      log.push({ path: req.url!, at: Date.now(), ua: String(req.headers['user-agent']), inm: (req.headers['if-none-match'] as string | undefined) ?? null });
      const r = route(req);
      res.writeHead(r.status, { 'content-type': 'text/plain; charset=utf-8', ...r.headers });
      res.end(r.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.close();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  const crawl = (lines: string[]) =>
    crawlLive({
      fetcher: new PoliteFetcher({ userAgent: 'NotAloneIndexBuilder/0.1.0 (+https://example.org/project)', cacheDir, defaultDelayMs: 5, backoffMs: 10 }),
      regions: [],
      memopzkBase: base,
      rosuznikBase: base,
      write: (l) => lines.push(l),
    });

  it('honours robots.txt, retries a 503, prints progress, and feeds the same adapters and merge', async () => {
    const lines: string[] = [];
    const { records, errors } = await crawl(lines);
    expect(log.every((r) => r.ua.startsWith('NotAloneIndexBuilder/0.1.0 (+https://'))).toBe(true);
    expect(log.filter((r) => r.path === '/robots.txt')).toHaveLength(1);
    expect(log.some((r) => r.path.startsWith('/private/'))).toBe(false);
    expect(errors).toEqual([expect.stringMatching(/robots\.txt .* disallows \/private\/x/)]);
    // Crawl-delay 0.05 s between requests after robots.txt was read.
    const after = log.slice(1).map((r) => r.at);
    const gaps = after.slice(1).map((t, i) => t - after[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(45);
    expect(log.filter((r) => r.path === '/prisoner/primerova')).toHaveLength(2);
    expect(lines.some((l) => /^memopzk person pages: \d+\/5 \(0 unchanged\) ETA \d+s$/.test(l))).toBe(true);
    expect(lines).toContain('rosuznik person pages: 2/2 (0 unchanged) ETA 0s');
    expect(records.map((r) => r.source).sort()).toEqual(['memopzk', 'memopzk', 'memopzk', 'memopzk', 'memopzk', 'memopzk', 'memopzk', 'memopzk-page', 'memopzk-page', 'memopzk-page', 'memopzk-page', 'memopzk-page', 'rosuznik']);

    const { index, report } = buildFromCommittedSources(undefined, records);
    expect(checkIndex(index).ok).toBe(true);
    expect(index.records.length).toBeGreaterThan(680);
    const primerova = index.records.find((r) => r.name.ru === 'Примерова Анна Сергеевна')!;
    expect(primerova.facilityRef).toEqual({ type: 'СИЗО', number: '1', region: 'Пензенская область', postcode: '440039' });
    expect(primerova.provenance?.['*']?.source).toBe('rosuznik');
    expect(report.merge.bySource.rosuznik).toMatchObject({ read: 1 });
  });

  it('a rerun reuses unchanged Memorial pages without a request and revalidates the rest (304)', async () => {
    const mark = log.length;
    const lines: string[] = [];
    await crawl(lines);
    const rerun = log.slice(mark);
    expect(rerun.some((r) => r.path.startsWith('/figurant/'))).toBe(false);
    const rosuznik = rerun.filter((r) => r.path === '/prisoner/primerova');
    expect(rosuznik).toHaveLength(1);
    expect(rosuznik[0]!.inm).toBe('"r1"');
    expect(lines).toContain('memopzk person pages: 5/5 (5 unchanged) ETA 0s');
    expect(lines, lines.join('\n')).toContain('rosuznik person pages: 2/2 (1 unchanged) ETA 0s');
  });

  it('refuses a disallowed URL', async () => {
    const fetcher = new PoliteFetcher({ userAgent: 'NotAloneIndexBuilder/0.1.0 (+https://example.org/project)', cacheDir, defaultDelayMs: 1 });
    await expect(fetcher.get(`${base}/private/y`)).rejects.toBeInstanceOf(DisallowedError);
  });
});
