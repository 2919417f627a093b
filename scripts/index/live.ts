/**
 * The live crawl behind `npm run index:build -- --live`: Memorial's REST list, then the
 * person pages of people in custody (reused from the cache while the card's modification
 * date is unchanged), RosUznik's list and person pages, and optionally a tabular export.
 * Everything goes through the same adapters as the fixtures, then the same merge and build.
 */
import { LETTER_STATUSES } from '../../lib/index-schema';
import { DisallowedError, Progress, type PoliteFetcher } from './fetcher';
import { figurantRecord, parseFigurantPage } from './sources/memopzk';
import { parseMemopzkPage } from './sources/memopzk-page';
import { withDocument } from './sources/html';
import { parseRosuznikPage } from './sources/rosuznik';
import type { SourceRecord } from './sources/source-record';
import { parseTableCsv } from './sources/table-csv';

export interface LiveOptions {
  fetcher: PoliteFetcher;
  regions: readonly string[];
  memopzkBase?: string;
  rosuznikBase?: string;
  /** URL of a tabular export (ФИО, Статьи, …); skipped when null. */
  tableUrl?: string | null;
  /** Stop after this many list pages per source (tests, trial runs). */
  maxPages?: number;
  write?: (line: string) => void;
}

export interface LiveResult {
  records: SourceRecord[];
  /** Pages that failed; the build goes on without them and the loss guard decides. */
  errors: string[];
}

const today = () => new Date().toISOString().slice(0, 10);
const REST_FIELDS = '_fields=id,date_gmt,modified_gmt,link,slug,title,class_list';

export async function crawlLive(options: LiveOptions): Promise<LiveResult> {
  const { fetcher } = options;
  const memopzk = options.memopzkBase ?? 'https://memopzk.org';
  const rosuznik = options.rosuznikBase ?? 'https://rosuznik.org';
  const maxPages = options.maxPages ?? 500;
  const records: SourceRecord[] = [];
  const errors: string[] = [];
  const attempt = async <T>(what: string, run: () => Promise<T>): Promise<T | null> => {
    try {
      return await run();
    } catch (error) {
      errors.push(`${what}: ${(error as Error).message}`);
      if (error instanceof DisallowedError) return null;
      return null;
    }
  };

  // Memorial REST list: pages until WordPress answers 400 (past the last page) or an empty page.
  const list = new Progress('memopzk list pages', 1, options.write);
  const cards: ReturnType<typeof parseFigurantPage> = [];
  for (let page = 1; page <= maxPages; page++) {
    const url = `${memopzk}/wp-json/wp/v2/figurant?per_page=100&page=${page}&orderby=modified&order=desc&${REST_FIELDS}`;
    const r = await attempt(url, () => fetcher.get(url));
    if (!r || r.status === 400) break;
    if (r.status !== 200) {
      errors.push(`${url}: HTTP ${r.status}`);
      break;
    }
    const batch = parseFigurantPage(JSON.parse(r.body));
    list.setTotal(page + (batch.length === 100 ? 1 : 0));
    list.tick(r.from !== 'network');
    if (!batch.length) break;
    cards.push(...batch);
    if (batch.length < 100) break;
  }
  const listed = cards.map((card) => ({ card, record: figurantRecord(card, options.regions) }));
  records.push(...listed.map((l) => l.record));

  // Person pages only for people in custody: the address and term matter for them, and
  // Memorial's 10-second crawl delay makes all 7,000 cards a day's crawl.
  const inCustody = listed.filter((l) => [...LETTER_STATUSES, 'house_arrest'].includes(l.record.line.status));
  const pages = new Progress('memopzk person pages', inCustody.length, options.write);
  for (const { card, record } of inCustody) {
    const url = card.link;
    const r = await attempt(url, () => fetcher.get(url, card.modified_gmt));
    pages.tick(r !== null && r.from !== 'network');
    if (r?.status === 200) {
      const page = await attempt(url, async () => parseMemopzkPage(r.body, record.line.sources[0]!, card.modified_gmt.slice(0, 10)));
      if (page) records.push(page);
    } else if (r) errors.push(`${url}: HTTP ${r.status}`);
  }

  // RosUznik: list pages `?page=N` (person links are `h3 > a`), then each person page.
  const links: string[] = [];
  for (let page = 1; page <= maxPages; page++) {
    const url = `${rosuznik}/prisoner?page=${page}`;
    const r = await attempt(url, () => fetcher.get(url));
    if (!r || r.status !== 200) break;
    const found = withDocument(r.body, (doc) => [...doc.querySelectorAll('h3 > a[href]')].map((a) => new URL(a.getAttribute('href')!, url).toString()));
    const fresh = found.filter((l) => !links.includes(l));
    if (!fresh.length) break;
    links.push(...fresh);
  }
  const people = new Progress('rosuznik person pages', links.length, options.write);
  for (const url of links) {
    const r = await attempt(url, () => fetcher.get(url));
    people.tick(r !== null && r.from !== 'network');
    if (r?.status === 200) {
      const page = await attempt(url, async () => parseRosuznikPage(r.body, url.replace(/^http:/, 'https:'), today()));
      if (page) records.push(page);
    } else if (r) errors.push(`${url}: HTTP ${r.status}`);
  }

  if (options.tableUrl) {
    const r = await attempt(options.tableUrl, () => fetcher.get(options.tableUrl!));
    if (r?.status === 200) records.push(...parseTableCsv(r.body, options.tableUrl, today()));
    else if (r) errors.push(`${options.tableUrl}: HTTP ${r.status}`);
  }
  return { records, errors };
}
