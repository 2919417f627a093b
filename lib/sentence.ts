/**
 * A sentence as sources write it ("8.5 years in a penal colony", «6 лет колонии общего
 * режима», "20 months", "2 years suspended", "11 years in absentia") → the term in years and
 * months, the regime, and whether it is suspended or in absentia. Pure; no guessing: a range
 * ("between 5 and 7 years"), a bound ("up to 3.5 years") or a vague term ("almost 3 years")
 * gives no term rather than a wrong one.
 */

export const REGIMES = ['general', 'strict', 'special', 'settlement', 'prison', 'juvenile', 'life'] as const;
export type Regime = (typeof REGIMES)[number];

export interface ParsedSentence {
  years: number | null;
  months: number | null;
  regime: Regime | null;
  suspended: boolean;
  inAbsentia: boolean;
}

const NUMBER = String.raw`(\d+(?:[.,]5)?)`;
const YEARS = String.raw`(?:years?|yrs?|лет|год(?:ами|ам|а)?)`;
const MONTHS = String.raw`(?:months?|месяц(?:ами|ам|ев|а)?|мес\.?)`;
/** "6 years 4 months", "5.5 years", "20 months", «3 года 6 месяцев». */
const DURATION = new RegExp(String.raw`(?:${NUMBER}[\s-]*${YEARS}(?:\s*(?:and\s+|и\s+)?(\d{1,2})[\s-]*${MONTHS})?|(\d{1,3})[\s-]*${MONTHS})`, 'iu');
/** The later of two terms is the one in force: "reduced on appeal to 5 years 7 months". */
const REVISED = new RegExp(String.raw`(?:reduced|increased|raised|replaced|снижен\S*|увеличен\S*|смягч\S*|ужесточ\S*)[^;,]*?\s(?:to|до)\s+(?=\d)|new sentence\s+|новый приговор\S*\s+`, 'giu');
/** Words that make the number not a term we can state. */
const UNCERTAIN = /\b(?:between|up to|almost|about|around|over)\b|(?:^|\s)(?:от\s+\d[^;]*\s+до\s+\d|до\s+\d|почти|около)/iu;

function parseDuration(text: string): { years: number; months: number } | null {
  const m = DURATION.exec(text);
  if (!m) return null;
  if (m[3] !== undefined) {
    const total = Number(m[3]);
    return { years: Math.floor(total / 12), months: total % 12 };
  }
  const value = Number(m[1]!.replace(',', '.'));
  const years = Math.floor(value);
  const months = Math.round((value - years) * 12) + (m[2] ? Number(m[2]) : 0);
  if (months > 11) return null;
  return { years, months };
}

function regimeOf(text: string): Regime | null {
  const t = text.toLowerCase();
  if (/life imprisonment|пожизненн/u.test(t)) return 'life';
  if (/colony-settlement|settlement colony|колони[яи][- ]поселени/u.test(t)) return 'settlement';
  if (/juvenile|воспитательн/u.test(t)) return 'juvenile';
  if (/special[- ]regime|особого режима|особый режим/u.test(t)) return 'special';
  if (/strict[- ]regime|strict regime|maximum[- ]security|high[- ]security colony|harsh[- ]regime|строгого режима|строгий режим/u.test(t)) return 'strict';
  if (/general[- ](?:regime|security)|общего режима|общий режим/u.test(t)) return 'general';
  if (/(?:high-security |maximum-security )?prison\b|тюрьм/u.test(t) && !/first \d|первые/u.test(t)) return 'prison';
  return null;
}

export function parseSentence(text: string): ParsedSentence {
  // Bracketed asides give history or courts, not the term in force ("(appeal replaced a
  // suspended sentence)"); only "in absentia" is as often written in brackets as not.
  const main = text.replace(/\([^)]*\)/gu, ' ');
  const suspended = /\bsuspended\b|условн/iu.test(main);
  const inAbsentia = /\bin absentia\b|заочн/iu.test(text);
  const regime = regimeOf(main);
  const result: ParsedSentence = { years: null, months: null, regime, suspended, inAbsentia };
  let term: string = main;
  const revisions = [...main.matchAll(REVISED)];
  const last = revisions[revisions.length - 1];
  if (last) term = main.slice(last.index + last[0].length);
  else if (UNCERTAIN.test(main.split(/[;,+]/u)[0] ?? '')) return result;
  const duration = parseDuration(term);
  if (duration) {
    result.years = duration.years;
    result.months = duration.months;
  }
  return result;
}
