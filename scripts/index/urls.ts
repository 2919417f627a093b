/**
 * Source URLs as the index stores them: https only (the schema requires it), no trailing dot
 * on the host, and mirror hostnames replaced by the site they mirror. The snapshot README
 * names the mirrors: `*cmgqbwys-bsccljbcrq-ez.a.run.app` is memopzk.org and
 * `*mekodxpr-bsccljbcrq-ez.a.run.app` is ovd.info, with paths that map one to one.
 */

const MIRRORS: Array<{ host: RegExp; canonical: string }> = [
  { host: /^(?:[a-z0-9]+---)?cmgqbwys-bsccljbcrq-ez\.a\.run\.app$/, canonical: 'memopzk.org' },
  { host: /^(?:[a-z0-9]+---)?mekodxpr-bsccljbcrq-ez\.a\.run\.app$/, canonical: 'ovd.info' },
];

/** Hosts that look like mirrors (proxied *.a.run.app) but whose origin we do not know. */
const UNKNOWN_MIRROR = /\.a\.run\.app$/;

export type UrlOutcome =
  | { kind: 'kept'; url: string; upgraded: boolean }
  | { kind: 'mapped'; url: string; from: string }
  | { kind: 'dropped'; from: string; reason: string };

/** Canonical form of one URL, without regard to the other URLs of the record. */
export function canonicalUrl(raw: string): UrlOutcome {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { kind: 'dropped', from: raw, reason: 'not a URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'dropped', from: raw, reason: `scheme ${url.protocol}` };
  const upgraded = url.protocol === 'http:';
  url.protocol = 'https:';
  url.hostname = url.hostname.replace(/\.$/, '');
  if (url.hostname === 'www.memopzk.org') url.hostname = 'memopzk.org';
  const mirror = MIRRORS.find((m) => m.host.test(url.hostname));
  if (mirror) {
    url.hostname = mirror.canonical;
    return { kind: 'mapped', url: url.toString(), from: raw };
  }
  if (UNKNOWN_MIRROR.test(url.hostname)) return { kind: 'dropped', from: raw, reason: 'mirror of an unknown site' };
  return { kind: 'kept', url: url.toString(), upgraded };
}

export interface UrlReport {
  upgraded: number;
  /** Mirror URLs whose canonical URL the record already listed. */
  mirrorDuplicates: number;
  /** Mirror URLs rewritten to the canonical host. */
  mirrorMapped: number;
  dropped: Array<{ url: string; reason: string }>;
}

export function emptyUrlReport(): UrlReport {
  return { upgraded: 0, mirrorDuplicates: 0, mirrorMapped: 0, dropped: [] };
}

/** The record's URLs in canonical form, deduplicated in their original order; counts go into `report`. */
export function canonicalUrls(raws: readonly string[], report: UrlReport): string[] {
  const outcomes = raws.map(canonicalUrl);
  const direct = new Set(outcomes.flatMap((o) => (o.kind === 'kept' ? [o.url] : [])));
  const out: string[] = [];
  for (const o of outcomes) {
    if (o.kind === 'dropped') {
      report.dropped.push({ url: o.from, reason: o.reason });
      continue;
    }
    if (o.kind === 'mapped') {
      if (direct.has(o.url)) {
        report.mirrorDuplicates += 1;
        continue;
      }
      report.mirrorMapped += 1;
    } else if (o.upgraded) report.upgraded += 1;
    if (!out.includes(o.url)) out.push(o.url);
  }
  return out;
}

/** The source family of a URL, for the card and for stats. */
export function sourceKind(url: string): string {
  const host = new URL(url).hostname.replace(/^www\./, '');
  if (host === 'memopzk.org' || host.endsWith('memohrc.org')) return 'memopzk';
  if (host === 'ovd.info' || host === 'ovdinfo.org' || host.endsWith('.ovdinfo.org') || host === 'en.ovdinfo.org') return 'ovd-info';
  if (host === 'rosuznik.org') return 'rosuznik';
  if (host === 'zona.media' || host === 'en.zona.media') return 'mediazona';
  if (host === 'freedomnews.org.uk') return 'freedom-news';
  if (/^(jw-?russia\.(news|org))$/.test(host)) return 'jw-russia';
  if (host === 'crimean-solidarity.org') return 'crimean-solidarity';
  if (host === 'github.com') return 'github';
  return 'press';
}
