/**
 * Pure formatting for the card and the popup: dates of varying precision, sentence lengths,
 * status labels and birthdays, in English or Russian.
 */
import type { PrisonerRecord, Status } from './index-schema';
import { pluralForm, STRINGS, type Locale } from './i18n-strings';

const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', ru: 'ru-RU' };

/**
 * Formats a source date that may be a year, a month or a day ("2023", "2023-08", "2023-08-11")
 * at the precision it has. Returns the input unchanged if it is not such a date.
 */
export function formatIsoDate(iso: string, locale: Locale): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!match) return iso;
  const [, y, m, d] = match;
  const year = Number(y);
  if (!m) return String(year);
  const date = new Date(Date.UTC(year, Number(m) - 1, d ? Number(d) : 1));
  const options: Intl.DateTimeFormatOptions = d
    ? { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }
    : { month: 'long', year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], options).format(date);
}

/**
 * A sentence length in words: "6 years", "8.5 years", "1 year 8 months", "6 months";
 * «6 лет», «8,5 года», «1 год 8 месяцев». A six-month remainder reads as a half year,
 * the way the press writes it.
 */
export function formatDuration(years: number, months: number, locale: Locale): string {
  const s = STRINGS[locale];
  const number = new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: 1 });
  const part = (n: number, forms: typeof s.years) => `${number.format(n)} ${pluralForm(n, locale, forms)}`;
  if (years > 0 && months === 6) return part(years + 0.5, s.years);
  if (years > 0 && months > 0) return `${part(years, s.years)} ${part(months, s.months)}`;
  if (years > 0) return part(years, s.years);
  return part(months, s.months);
}

/** The sentence as the card shows it: the computed length when known, else the source's words. */
export function formatSentence(sentence: PrisonerRecord['sentence'], locale: Locale): string | null {
  if (!sentence) return null;
  const { years, months } = sentence;
  if ((years ?? 0) > 0 || (months ?? 0) > 0) return formatDuration(years ?? 0, months ?? 0, locale);
  return sentence.text.trim() || null;
}

/** The status badge's words, in the grammatical gender of the person where the language has one. */
export function statusLabel(status: Status, locale: Locale, gender: 'm' | 'f' | null = null): string {
  const s = STRINGS[locale];
  return (gender === 'f' ? s.statusFemale[status] : undefined) ?? s.status[status];
}

/**
 * Days from `today` (local calendar) to the next birthday given as YYYY-MM-DD, or null when
 * the date is not that precise or the birthday is more than `withinDays` away. A 29 February
 * birthday falls on 1 March in other years.
 */
export function daysUntilBirthday(birthDate: string | null, today: Date, withinDays = 30): number | null {
  const match = birthDate ? /^\d{4}-(\d{2})-(\d{2})$/.exec(birthDate) : null;
  if (!match) return null;
  const month = Number(match[1]) - 1;
  const day = Number(match[2]);
  const start = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  const dayMs = 86_400_000;
  for (const year of [today.getFullYear(), today.getFullYear() + 1]) {
    // Date.UTC rolls 29 February over to 1 March in common years.
    const next = Date.UTC(year, month, day);
    const days = Math.round((next - start) / dayMs);
    if (days >= 0) return days <= withinDays ? days : null;
  }
  return null;
}

/** The name in the reader's script first, then the other script when it differs. */
export function orderedNames(name: PrisonerRecord['name'], locale: Locale): { primary: string; secondary: string | null } {
  const first = locale === 'ru' ? (name.ru ?? name.en) : (name.en ?? name.ru);
  const second = locale === 'ru' ? name.en : name.ru;
  const primary = first ?? '';
  return { primary, secondary: second && second !== primary ? second : null };
}

/**
 * A Criminal Code article for the reader: "Art. 207.3 Part 2 (d)" / «ст. 207.3 ч. 2 п. «д»».
 * Sources write it the Russian way ("207.3 ч.2 п.«д»"); English readers get Part/para.
 */
export function formatArticle(article: string, locale: Locale): string {
  const text = article.trim().replace(/^(ст\.|ст|статья|art\.|article)\s*/iu, '');
  if (locale === 'ru') return `ст. ${text.replace(/ч\.\s*/gu, 'ч. ').replace(/п\.\s*/gu, 'п. ')}`;
  const english = text
    .replace(/ч\.\s*(\d+)/gu, 'Part $1')
    .replace(/п\.\s*«?([\p{L}\d]+)»?/gu, '($1)')
    .replace(/\s+/g, ' ');
  return `Art. ${english}`;
}
