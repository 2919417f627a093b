/**
 * Facts Russian prose states in a few fixed shapes: Criminal Code articles («п. «д» ч. 2
 * ст. 207.3 УК РФ»), birth dates («родился 12 марта 1990 года», «1990 года рождения»,
 * «1990 г.р.», «05.08.1999 г. р.») and a verdict's term («приговорил к 6 годам колонии»).
 */
import { parseSentence } from '../../../lib/sentence';
import type { SnapshotLine } from '../snapshot';

const ONE_ARTICLE = /(?:(?<![а-яё])п(?:ункт[а-я]*|\.)\s*«?\s*([а-я])\s*»?\s*,?\s*)?(?:(?<![а-яё])ч(?:аст[а-я]*|\.)\s*(\d+(?:\.\d+)?)\s*)?(?<![а-яё])ст(?:ать[а-я]*|\.)\s*(\d+(?:\.\d+)*)/giu;
/** Our form, as the REST adapter writes it: "207.3 ч.2 п.«д»". */
function formatArticle(article: string, part: string | undefined, point: string | undefined): string {
  return [article, part ? `ч.${part}` : null, point ? `п.«${point.toLowerCase()}»` : null].filter(Boolean).join(' ');
}

/**
 * Articles in one text. A general-part article (30 attempt/preparation, 33 complicity) is
 * joined to the next one as one charge, the way the REST adapter writes it ("30 ч.3, 275").
 * Bare numbers in our own form ("207.3 ч.2") are read as well.
 */
export function parseArticleText(text: string): string[] {
  const found = [...text.matchAll(ONE_ARTICLE)].map((m) => formatArticle(m[3]!, m[2], m[1]));
  if (!found.length) {
    for (const piece of text.split(/[;,\n]/u)) {
      const m = /^\s*(\d{2,3}(?:\.\d+)?)(?:\s*ч\.?\s*(\d+(?:\.\d+)?))?(?:\s*п\.?\s*«?([а-я])»?)?\s*$/u.exec(piece);
      if (m) found.push(formatArticle(m[1]!, m[2], m[3]));
    }
  }
  const out: string[] = [];
  for (let i = 0; i < found.length; i++) {
    const a = found[i]!;
    const general = /^(30|33)\b/.test(a) && found[i + 1];
    if (general) {
      out.push(`${a}, ${found[i + 1]!}`);
      i++;
    } else out.push(a);
  }
  return [...new Set(out)];
}

const MONTHS = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const pad = (n: number) => String(n).padStart(2, '0');

/** Birth date (YYYY-MM-DD) or year (YYYY) the text states; null when it states none. */
export function parseBirth(text: string): { year: number; date: string | null } | null {
  const full = new RegExp(String.raw`родил(?:ся|ась)\s+(\d{1,2})\s+(${MONTHS.join('|')})\s+((?:19|20)\d{2})`, 'iu').exec(text);
  if (full) {
    const month = MONTHS.indexOf(full[2]!.toLowerCase()) + 1;
    return { year: Number(full[3]), date: `${full[3]}-${pad(month)}-${pad(Number(full[1]))}` };
  }
  const dotted = /(\d{2})\.(\d{2})\.((?:19|20)\d{2})\s*г\.?\s*р\./u.exec(text);
  if (dotted) return { year: Number(dotted[3]), date: `${dotted[3]}-${dotted[2]}-${dotted[1]}` };
  const year =
    /родил(?:ся|ась)\s+в\s+((?:19|20)\d{2})\s+году/iu.exec(text) ??
    /((?:19|20)\d{2})\s+года\s+рождения/iu.exec(text) ??
    /((?:19|20)\d{2})\s*г\.?\s*р\./u.exec(text);
  return year ? { year: Number(year[1]), date: null } : null;
}

/** The verdict's term from prose: the clause after «приговорил(а) … к». */
export function sentenceFromProse(text: string): SnapshotLine['sentence'] {
  const m = /приговор\p{L}*[^.]*?\sк\s+([^.]{3,200})/iu.exec(text);
  if (!m) return null;
  const clause = m[1]!.trim();
  const parsed = parseSentence(clause);
  if (parsed.years === null && !parsed.suspended && parsed.regime === null) return null;
  return { text: clause.slice(0, 600), years: parsed.years, months: parsed.months };
}
