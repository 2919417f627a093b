/**
 * The compact part of the index the matcher needs: ids, name forms and a few words that, on a
 * page, support a common name meaning this prisoner (see `MatcherPerson.hints`).
 */
import type { PrisonerIndex, PrisonerRecord } from './index-schema';
import type { MatcherData, MatcherPerson } from './matcher-types';

/** "207.3 ч.2 п.«д»" → "207.3"; "30 ч.1, 278" → "278" (the bare 30 is the attempt article). */
function articleNumbers(article: string): string[] {
  const out: string[] = [];
  for (const match of article.matchAll(/\b(\d{3}(?:\.\d{1,2})?)\b/g)) out.push(match[1]!);
  return out;
}

/** A stem of the region's main word: "Пензенская область" → "пензенск", "Москва" → "москв". */
function regionStem(region: string): string | null {
  const words = region
    .toLowerCase()
    .replace(/ё/g, 'е')
    .split(/[^\p{L}-]+/u)
    .filter((w) => w.length >= 4 && !['область', 'республика', 'край', 'автономный', 'округ', 'город'].includes(w));
  const main = words.sort((a, b) => b.length - a.length)[0];
  if (!main) return null;
  return main.length > 6 ? main.slice(0, -2) : main.slice(0, -1);
}

/** Distinctive capitalised words of a case name: "Network case (Penza/St Petersburg, «Сеть»)". */
function caseWords(caseName: string): string[] {
  const out: string[] = [];
  for (const match of caseName.matchAll(/\p{Lu}[\p{L}-]{3,}/gu)) out.push(match[0].toLowerCase().replace(/ё/g, 'е'));
  return out;
}

/**
 * How a birth year is written next to a name ("1971 г. р.", "born in 1999"); a bare year is
 * too often just a date ("held every year since 2005").
 */
function birthPhrases(record: PrisonerRecord): string[] {
  const out: string[] = [];
  const year = record.birthYear ?? (record.birthDate ? Number(record.birthDate.slice(0, 4)) : null);
  if (year) {
    for (const phrase of ['{} г. р', '{} г.р', '{} года рождения', '{} г. рождения', 'born {}', 'born in {}', 'b. {}', 'родился в {}', 'родилась в {}']) {
      out.push(phrase.replace('{}', String(year)));
    }
  }
  const date = record.birthDate && /^(\d{4})-(\d{2})-(\d{2})$/.exec(record.birthDate);
  if (date) out.push(`${date[3]}.${date[2]}.${date[1]}`);
  return out;
}

/** Article numbers and birth year or date: specific enough to support a common name on their own. */
export function hintsFor(record: PrisonerRecord): string[] {
  const hints = new Set<string>();
  for (const charge of record.charges) for (const n of articleNumbers(charge.article)) hints.add(n);
  for (const phrase of birthPhrases(record)) hints.add(phrase);
  return [...hints];
}

/** Region and case words: common on unrelated pages too ("Moscow", "network"). */
export function weakHintsFor(record: PrisonerRecord): string[] {
  const hints = new Set<string>();
  if (record.region) {
    const stem = regionStem(record.region);
    if (stem) hints.add(stem);
  }
  if (record.case) for (const w of caseWords(record.case)) hints.add(w);
  return [...hints];
}

export function toMatcherData(index: PrisonerIndex): MatcherData {
  const people: MatcherPerson[] = index.records.map((record) => {
    const person: MatcherPerson = { id: record.id, forms: record.forms, hints: hintsFor(record), weakHints: weakHintsFor(record) };
    if (record.name.derived) person.derivedScript = record.name.derived;
    return person;
  });
  return { version: index.version, people };
}
