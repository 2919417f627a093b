/**
 * A polite HTTP client for the live index build: it says who it is (user agent with name,
 * version and project URL), reads robots.txt once per site and obeys its Disallow/Allow and
 * Crawl-delay, spaces requests to a site by that delay, keeps every response on disk under
 * `.cache/index/` and revalidates it with If-None-Match / If-Modified-Since (so a rerun only
 * downloads what changed), and retries 429 and 5xx answers with exponential backoff,
 * honouring Retry-After.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';

export interface FetcherOptions {
  userAgent: string;
  cacheDir: string;
  /** Delay between requests to one site when robots.txt names none. */
  defaultDelayMs?: number;
  /** Longest crawl delay we accept from robots.txt (a site asking for more is obeyed up to this). */
  maxDelayMs?: number;
  retries?: number;
  backoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface FetchResult {
  url: string;
  status: number;
  body: string;
  /** 'network': downloaded; 'revalidated': 304, body from the cache; 'cache': no request made. */
  from: 'network' | 'revalidated' | 'cache';
}

export class DisallowedError extends Error {}

interface CacheEntry {
  url: string;
  etag: string | null;
  lastModified: string | null;
  /** Caller's tag for the version it holds (e.g. the REST card's modified date). */
  tag: string | null;
  status: number;
  body: string;
}

export interface RobotsRules {
  allow: string[];
  disallow: string[];
  crawlDelaySec: number | null;
}

/**
 * The rules for our user agent: the group naming our product token if there is one, else
 * the `*` group. Longest matching path wins; Allow wins a tie.
 */
export function parseRobots(text: string, productToken: string): RobotsRules {
  const groups: Array<{ agents: string[]; rules: RobotsRules }> = [];
  let current: { agents: string[]; rules: RobotsRules } | null = null;
  let lastWasAgent = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*/, '').trim();
    const m = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const field = m[1]!.toLowerCase();
    const value = m[2]!.trim();
    if (field === 'user-agent') {
      if (!current || !lastWasAgent) {
        current = { agents: [], rules: { allow: [], disallow: [], crawlDelaySec: null } };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current) continue;
    if (field === 'disallow' && value) current.rules.disallow.push(value);
    else if (field === 'allow' && value) current.rules.allow.push(value);
    else if (field === 'crawl-delay' && Number.isFinite(Number(value))) current.rules.crawlDelaySec = Number(value);
  }
  const token = productToken.toLowerCase();
  const mine = groups.find((g) => g.agents.some((a) => a !== '*' && token.startsWith(a)));
  return (mine ?? groups.find((g) => g.agents.includes('*')))?.rules ?? { allow: [], disallow: [], crawlDelaySec: null };
}

function ruleMatches(rule: string, pathAndQuery: string): boolean {
  const anchored = rule.endsWith('$');
  const pattern = (anchored ? rule.slice(0, -1) : rule).split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${pattern}${anchored ? '$' : ''}`).test(pathAndQuery);
}

export function robotsAllows(rules: RobotsRules, pathAndQuery: string): boolean {
  const longest = (list: string[]) => Math.max(-1, ...list.filter((r) => ruleMatches(r, pathAndQuery)).map((r) => r.length));
  const allow = longest(rules.allow);
  const disallow = longest(rules.disallow);
  return disallow < 0 || allow >= disallow;
}

export class PoliteFetcher {
  private readonly robots = new Map<string, Promise<RobotsRules>>();
  private readonly nextSlot = new Map<string, number>();
  private readonly sleep: (ms: number) => Promise<void>;
  readonly counts = { network: 0, revalidated: 0, cache: 0, retries: 0 };

  constructor(private readonly options: FetcherOptions) {
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    mkdirSync(options.cacheDir, { recursive: true });
  }

  private get productToken(): string {
    return this.options.userAgent.split('/')[0]!;
  }

  private cacheFile(url: string): string {
    return path.join(this.options.cacheDir, `${createHash('sha256').update(url).digest('hex').slice(0, 32)}.json`);
  }

  private readCache(url: string): CacheEntry | null {
    const file = this.cacheFile(url);
    if (!existsSync(file)) return null;
    try {
      const entry = JSON.parse(readFileSync(file, 'utf8')) as CacheEntry;
      return entry.url === url ? entry : null;
    } catch {
      return null;
    }
  }

  /** Crawl delay for a site: robots.txt's, capped, or the default. */
  async delayFor(origin: string): Promise<number> {
    const rules = await this.rulesFor(origin);
    const fallback = this.options.defaultDelayMs ?? 1000;
    const asked = rules.crawlDelaySec === null ? fallback : rules.crawlDelaySec * 1000;
    return Math.min(Math.max(asked, 0), this.options.maxDelayMs ?? 60_000);
  }

  private rulesFor(origin: string): Promise<RobotsRules> {
    let rules = this.robots.get(origin);
    if (!rules) {
      rules = this.request(`${origin}/robots.txt`, null, false).then(
        (r) => (r.status >= 200 && r.status < 300 ? parseRobots(r.body, this.productToken) : { allow: [], disallow: [], crawlDelaySec: null }),
        () => ({ allow: [], disallow: [], crawlDelaySec: null }),
      );
      this.robots.set(origin, rules);
    }
    return rules;
  }

  /** Waits until the site's delay has passed since its last answer (requests never overlap). */
  private async waitTurn(origin: string): Promise<void> {
    const wait = (this.nextSlot.get(origin) ?? 0) - Date.now();
    if (wait > 0) await this.sleep(wait);
  }

  private done(origin: string, delayMs: number): void {
    this.nextSlot.set(origin, Date.now() + delayMs);
  }

  /**
   * GET a URL. With `tag`, a cached copy made under the same tag is used without any request
   * (the caller knows from a listing that the page has not changed since).
   */
  async get(url: string, tag: string | null = null): Promise<FetchResult> {
    const cached = this.readCache(url);
    if (cached && tag !== null && cached.tag === tag) {
      this.counts.cache += 1;
      return { url, status: cached.status, body: cached.body, from: 'cache' };
    }
    const { origin, pathname, search } = new URL(url);
    const rules = await this.rulesFor(origin);
    if (!robotsAllows(rules, pathname + search)) throw new DisallowedError(`robots.txt of ${origin} disallows ${pathname}${search}`);
    const result = await this.request(url, cached, true);
    if (result.from === 'network' && result.status >= 200 && result.status < 300) {
      const entry: CacheEntry = { url, etag: result.etag, lastModified: result.lastModified, tag, status: result.status, body: result.body };
      writeFileSync(this.cacheFile(url), JSON.stringify(entry));
    } else if (result.from === 'revalidated' && cached && tag !== cached.tag) {
      writeFileSync(this.cacheFile(url), JSON.stringify({ ...cached, tag }));
    }
    this.counts[result.from] += 1;
    return { url, status: result.status, body: result.body, from: result.from };
  }

  private async request(url: string, cached: CacheEntry | null, polite: boolean): Promise<FetchResult & { etag: string | null; lastModified: string | null }> {
    const origin = new URL(url).origin;
    const headers: Record<string, string> = { 'user-agent': this.options.userAgent, accept: '*/*' };
    if (cached?.etag) headers['if-none-match'] = cached.etag;
    if (cached?.lastModified) headers['if-modified-since'] = cached.lastModified;
    const retries = this.options.retries ?? 4;
    const backoff = this.options.backoffMs ?? 2000;
    for (let attempt = 0; ; attempt++) {
      const delay = polite ? await this.delayFor(origin) : (this.options.defaultDelayMs ?? 1000);
      await this.waitTurn(origin);
      let response: Response | null = null;
      try {
        response = await fetch(url, { headers, redirect: 'follow' });
      } catch (error) {
        this.done(origin, delay);
        if (attempt >= retries) throw new Error(`${(error as Error).message} after ${attempt + 1} attempts`);
      }
      if (response) {
        const body = await response.text();
        this.done(origin, delay);
        if (response.status === 304 && cached) {
          return { url, status: cached.status, body: cached.body, from: 'revalidated', etag: cached.etag, lastModified: cached.lastModified };
        }
        const retryable = response.status === 429 || response.status >= 500;
        if (!retryable || attempt >= retries) {
          return { url, status: response.status, body, from: 'network', etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') };
        }
        const retryAfter = Number(response.headers.get('retry-after'));
        this.counts.retries += 1;
        await this.sleep(Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(retryAfter * 1000, 300_000) : backoff * 2 ** attempt);
        continue;
      }
      this.counts.retries += 1;
      await this.sleep(backoff * 2 ** attempt);
    }
  }
}

/** A progress line per step: done/total, how many came from the cache, and the time left. */
export class Progress {
  private done = 0;
  private cached = 0;
  private readonly started = Date.now();
  constructor(
    private readonly label: string,
    private total: number,
    private readonly write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  ) {}

  setTotal(total: number): void {
    this.total = total;
  }

  tick(fromCache: boolean): void {
    this.done += 1;
    if (fromCache) this.cached += 1;
    const elapsed = Date.now() - this.started;
    const fetched = this.done - this.cached;
    // Cached steps cost nothing; the rest take the time the fetched ones took so far.
    const perFetch = fetched ? elapsed / fetched : 0;
    const etaSec = Math.round(((this.total - this.done) * perFetch) / 1000);
    const eta = etaSec >= 60 ? `${Math.floor(etaSec / 60)}m ${etaSec % 60}s` : `${etaSec}s`;
    this.write(`${this.label}: ${this.done}/${this.total} (${this.cached} unchanged) ETA ${eta}`);
  }
}
