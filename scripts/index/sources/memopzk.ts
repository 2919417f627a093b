/**
 * Memorial (memopzk.org) figurant cards from the WordPress REST list
 * (`/wp-json/wp/v2/figurant?_fields=id,date_gmt,modified_gmt,link,slug,title,class_list`).
 * Term names are not exposed, only slugs in `class_list`; we decode the ones that carry
 * facts: articles (`uk-…`), measure (`repression-…`), stage (`stage-…`), sex and lists.
 * Output is a snapshot-format line so that every source flows through the same build.
 */
import * as v from 'valibot';
import type { Status } from '../../../lib/index-schema';
import type { SnapshotLine } from '../snapshot';
import type { SourceRecord } from './source-record';

export const FigurantSchema = v.object({
  id: v.number(),
  slug: v.string(),
  link: v.pipe(v.string(), v.url()),
  title: v.object({ rendered: v.string() }),
  class_list: v.array(v.string()),
  date_gmt: v.string(),
  modified_gmt: v.string(),
});
export type Figurant = v.InferOutput<typeof FigurantSchema>;

/** GOST-style letters of point slugs (`p-d` → «д»). */
const POINT_LETTERS: Record<string, string> = {
  a: 'а', b: 'б', v: 'в', g: 'г', d: 'д', e: 'е', zh: 'ж', z: 'з', i: 'и', k: 'к', l: 'л', m: 'м', n: 'н', o: 'о', p: 'п', r: 'р', s: 'с', t: 'т', u: 'у', f: 'ф', h: 'х',
};

const isNumber = (t: string | undefined) => t !== undefined && /^\d+$/.test(t);

/**
 * `uk-207-3-ch-2-p-d` → "207.3 ч.2 п.«д»"; `uk-275-cherez-ch-3-st-30` → "30 ч.3, 275";
 * `uk-205-5-chast-neizvestna` → "205.5"; `uk-356-pt-1` → "356 ч.1". Null for `uk-neizvestno`,
 * administrative (`koap-`) and unreadable slugs.
 */
export function decodeArticleSlug(slug: string): string | null {
  if (!slug.startsWith('uk-')) return null;
  const t = slug.slice(3).split('-');
  let i = 0;
  const number: string[] = [];
  while (isNumber(t[i])) number.push(t[i++]!);
  if (!number.length) return null;
  let part: string | null = null;
  let point: string | null = null;
  let modifier: string | null = null;
  while (i < t.length) {
    const token = t[i]!;
    if ((token === 'ch' || token === 'pt') && isNumber(t[i + 1])) {
      const digits: string[] = [];
      i++;
      while (isNumber(t[i])) digits.push(t[i++]!);
      part = digits.join('.');
    } else if (token === 'p' && t[i + 1] && POINT_LETTERS[t[i + 1]!]) {
      point = POINT_LETTERS[t[i + 1]!]!;
      i += 2;
    } else if (token === 'cherez' && t[i + 1] === 'ch' && isNumber(t[i + 2]) && t[i + 3] === 'st' && isNumber(t[i + 4])) {
      // "через ч. 3 ст. 30": attempt (30.3) or preparation (30.1), complicity (33.x).
      modifier = `${t[i + 4]} ч.${t[i + 2]}`;
      i += 5;
    } else if (token === 'chast' && t[i + 1] === 'neizvestna') {
      i += 2;
    } else return null;
  }
  const main = [number.join('.'), part ? `ч.${part}` : null, point ? `п.«${point}»` : null].filter(Boolean).join(' ');
  return modifier ? `${modifier}, ${main}` : main;
}

function terms(classes: readonly string[], prefix: string): string[] {
  return classes.filter((c) => c.startsWith(prefix)).map((c) => c.slice(prefix.length));
}

/**
 * Our status from Memorial's measure and stage. Non-custodial measures count as released
 * (as in the snapshot); an archived card without other signs is unknown.
 */
export function decodeStatus(classes: readonly string[]): Status {
  const measure = terms(classes, 'repression-');
  const stage = terms(classes, 'stage-');
  const lists = terms(classes, 'list-persecuted-');
  if (stage.includes('smert') || lists.includes('list-of-deceased-victims-of-political-persecution')) return 'deceased';
  if (measure.includes('v-rozyske') || measure.some((m) => m.startsWith('zaochnoe'))) return 'fled';
  if (stage.includes('otbyl-nakazanie')) return 'released';
  if (measure.includes('domashnij-arest')) return 'house_arrest';
  if (measure.includes('zaklyuchenie-pod-strazhu')) return 'pretrial';
  if (measure.includes('lishenie-svobody') || measure.includes('pozhiznennoe-lishenie-svobody') || measure.includes('prinud-lechenie-staczionar')) return 'imprisoned';
  if (measure.some((m) => ['prinuditelnye-raboty', 'shtraf', 'podpiska-o-nevyezde', 'net-presledovaniya'].includes(m)) || stage.includes('uslovnoye-nakazanie')) return 'released';
  return 'unknown';
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&nbsp;/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

const GOST: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'j', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't',
  у: 'u', ф: 'f', х: 'h', ц: 'cz', ч: 'ch', ш: 'sh', щ: 'shh', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};
/** Memorial's short region slugs that are not the region's transliterated name. */
const REGION_ALIASES: Record<string, string> = { krym: 'Республика Крым', dagestan: 'Республика Дагестан', chechnya: 'Чеченская Республика', moskva: 'Москва' };

/** A region name as Memorial slugs it: GOST 7.79-B letters, words joined by hyphens. */
export function regionSlug(name: string): string {
  return [...name.toLowerCase()].map((ch) => GOST[ch] ?? (/[a-z0-9]/.test(ch) ? ch : '-')).join('').replace(/-+/g, '-').replace(/^-|-$/g, '');
}

/**
 * `regions-habarovskij-kraj` → «Хабаровский край», using the region names we know (the FSIN
 * directory's); a slug may add words after the name (`kemerovskaya-oblast-kuzbass`).
 */
export function regionFromSlug(slug: string, regions: readonly string[]): string | null {
  if (REGION_ALIASES[slug]) return REGION_ALIASES[slug]!;
  const fits = regions.filter((r) => slug === regionSlug(r) || slug.startsWith(`${regionSlug(r)}-`));
  fits.sort((a, b) => regionSlug(b).length - regionSlug(a).length);
  return fits[0] ?? null;
}

/** One REST card as a source record: the snapshot-format line dated by the card's last change. */
export function figurantRecord(card: Figurant, regions: readonly string[] = []): SourceRecord {
  const line = figurantToLine(card);
  const slug = terms(card.class_list, 'regions-')[0];
  line.region = slug ? regionFromSlug(slug, regions) : null;
  return { source: 'memopzk', asOf: card.modified_gmt.slice(0, 10), line };
}

/** One REST card as a snapshot-format line. */
export function figurantToLine(card: Figurant): SnapshotLine {
  const sex = terms(card.class_list, 'sex-');
  const articles = card.class_list.map(decodeArticleSlug).filter((a): a is string => a !== null);
  const lists = terms(card.class_list, 'list-persecuted-');
  const link = card.link.replace(/^http:/, 'https:');
  return {
    name_ru: decodeEntities(card.title.rendered).trim(),
    name_en: null,
    aliases: [],
    gender: sex.includes('muzhskoj') ? 'm' : sex.includes('zhenskij') ? 'f' : null,
    birth_year: null,
    birth_date: null,
    region: null,
    articles,
    charge_en: null,
    sentence: null,
    sentence_date: null,
    status: decodeStatus(card.class_list),
    status_as_of: card.modified_gmt.slice(0, 10),
    facility: null,
    address_ru: null,
    address_en: null,
    case: null,
    category: null,
    sources: [link],
    notes: `Memorial card ${card.id}; lists: ${lists.join(', ') || 'none'}; region slug: ${terms(card.class_list, 'regions-').join(', ') || 'none'}.`,
  };
}

/** Parses one REST page (a JSON array); throws with the card index and field on a bad card. */
export function parseFigurantPage(json: unknown): Figurant[] {
  const result = v.safeParse(v.array(FigurantSchema), json);
  if (result.success) return result.output;
  const issue = result.issues[0];
  throw new Error(`memopzk REST: ${issue.path?.map((p) => String(p.key)).join('.') ?? ''}: ${issue.message}`);
}
