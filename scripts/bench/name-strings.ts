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

export interface NameStrings {
  strings: string[];
  /** Before the per-person cap. */
  uncapped: number;
}

export function fullNameStrings(data: MatcherData): NameStrings {
  const all = new Set<string>();
  let uncapped = 0;
  for (const { forms } of data.people) {
    const mine = new Set<string>();
    for (const cyr of [false, true]) {
      const last = forms.last.filter((t) => isCyrillic(t) === cyr).map(titleCase);
      const first = forms.first.filter((t) => isCyrillic(t) === cyr).map(titleCase);
      const middle = forms.middle.filter((t) => isCyrillic(t) === cyr).map(titleCase);
      // Plain pairs first: they are what pages write most, so the cap keeps them.
      for (const f of first) for (const l of last) mine.add(`${f} ${l}`).add(`${l} ${f}`);
      for (const f of first) for (const m of middle) for (const l of last) mine.add(`${f} ${m} ${l}`).add(`${l} ${f} ${m}`);
    }
    uncapped += mine.size;
    let kept = 0;
    for (const s of mine) {
      if (kept++ >= MAX_STRINGS_PER_PERSON) break;
      all.add(s);
    }
  }
  return { strings: [...all], uncapped };
}
