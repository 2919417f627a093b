/**
 * The full-name strings the baselines (one regex, mark.js) search for: what our matcher would
 * accept as a full name, spelled out. The matcher pairs any first-name form with any surname
 * form of the same script, in both orders, with or without a patronymic; that cross product is
 * written out here, capped per person so one name with many spellings does not dominate.
 */
import type { MatcherData } from '@/lib/matcher-types';

export const MAX_STRINGS_PER_PERSON = 120;

const isCyrillic = (s: string) => /[\u0400-\u04FF]/.test(s);

/** "бахтин" → "Бахтин", "petrov-vodkin" → "Petrov-Vodkin". */
function titleCase(token: string): string {
  return token
    .split('-')
    .map((p) => p.charAt(0).toLocaleUpperCase('ru') + p.slice(1))
    .join('-');
}

function interleave(lists: string[][]): string[] {
  const out: string[] = [];
  const longest = Math.max(0, ...lists.map((l) => l.length));
  for (let k = 0; k < longest; k++) for (const list of lists) if (k < list.length) out.push(list[k]!);
  return out;
}

export interface NameStrings {
  strings: string[];
  /** Before the per-person cap. */
  uncapped: number;
}

/**
 * Ordered round-robin across people (everyone's first string, then everyone's second…), so a
 * prefix of the list, which is all mark.js can take, still covers every person's main forms.
 */
export function fullNameStrings(data: MatcherData): NameStrings {
  const perPerson: string[][] = [];
  let uncapped = 0;
  for (const { forms } of data.people) {
    const pairs: string[][] = [];
    const withMiddle: string[][] = [];
    for (const cyr of [false, true]) {
      const last = forms.last.filter((t) => isCyrillic(t) === cyr).map(titleCase);
      const first = forms.first.filter((t) => isCyrillic(t) === cyr).map(titleCase);
      const middle = forms.middle.filter((t) => isCyrillic(t) === cyr).map(titleCase);
      pairs.push(first.flatMap((f) => last.flatMap((l) => [`${f} ${l}`, `${l} ${f}`])));
      withMiddle.push(first.flatMap((f) => middle.flatMap((m) => last.flatMap((l) => [`${f} ${m} ${l}`, `${l} ${f} ${m}`]))));
    }
    // Plain pairs first, Latin and Cyrillic alternating: what pages write most survives the cap.
    const mine = new Set([...interleave(pairs), ...interleave(withMiddle)]);
    uncapped += mine.size;
    perPerson.push([...mine].slice(0, MAX_STRINGS_PER_PERSON));
  }
  return { strings: [...new Set(interleave(perPerson))], uncapped };
}
