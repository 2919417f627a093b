/**
 * The matchable name forms of one person: every spelling and case form of the surname, the
 * first name and the patronymic a news text may use, each passed through `normalizeToken`
 * so the matcher compares plain strings. The matcher composes orders and initials itself.
 */
import type { NameForms } from '../../lib/index-schema';
import { normalizeToken } from '../../lib/normalize';
import { caseForms, type Gender } from './declension';
import type { NameParts } from './names';
import { patronymicLatinSpellings } from './patronymics';
import { conventionalSpellings, hasCyrillic, isUkrainian, latinSpellings, surnameEndingVariants, toLatin, ukrainianStyleSurnames, ukrainianToLatin } from './translit';

export interface FormsInput {
  /** Cyrillic name parts (from a source, or back-transliterated when `ruDerived`). */
  ru: NameParts | null;
  ruDerived: boolean;
  /** Latin name parts as a source prints them (null when only a Cyrillic source exists). */
  en: NameParts | null;
  /** Other names from the sources (aliases), already parsed. */
  aliases: NameParts[];
  /** null: unknown, both genders' forms are included. */
  gender: Gender | null;
}

/** A token the schema accepts: lower-case letters, marks and inner hyphens only. */
const TOKEN = /^[\p{Ll}\p{Lo}\p{M}]+(?:-[\p{Ll}\p{Lo}\p{M}]+)*$/u;

const MIXED_SCRIPT = /(?=.*[a-z])(?=.*[\u0400-\u04FF])/u;

class TokenSet {
  private readonly set = new Set<string>();
  add(word: string | null | undefined): void {
    if (!word) return;
    const token = normalizeToken(word);
    // A token mixing scripts (a Russian scheme leaving Ukrainian і in place) is no spelling.
    if (MIXED_SCRIPT.test(token)) return;
    if (token.length >= 2 && token.length <= 60 && TOKEN.test(token)) this.set.add(token);
  }
  addAll(words: Iterable<string>): void {
    for (const w of words) this.add(w);
  }
  sorted(): string[] {
    return [...this.set].sort();
  }
}

function genders(gender: Gender | null): Gender[] {
  return gender ? [gender] : ['m', 'f'];
}

/** Cyrillic case forms of a name part for the given gender(s). */
function cyrillicForms(word: string, role: 'first' | 'middle' | 'last', gender: Gender | null): string[] {
  if (!hasCyrillic(word)) return [];
  return genders(gender).flatMap((g) => caseForms(word, role, g));
}

/**
 * Latin spellings of a Cyrillic nominative under the iuliia schemes, plus conventional
 * first-name spellings, patronymic spellings after the root name, surname ending variants
 * and, for a surname of Ukrainian form, its Ukrainian-style spelling.
 */
function latinFromCyrillic(word: string, role: 'first' | 'middle' | 'last'): string[] {
  if (role === 'middle') return patronymicLatinSpellings(word);
  const spellings = latinSpellings(word);
  if (role === 'first') spellings.push(...conventionalSpellings(word));
  if (role === 'last') {
    const wiki = normalizeToken(toLatin(word));
    spellings.push(...surnameEndingVariants(wiki), ...ukrainianStyleSurnames(word));
  }
  return spellings;
}

/**
 * Forms of a word written in Ukrainian Cyrillic (an alias like «Ніка Білоцерківська»): the
 * word itself and its Ukrainian romanisation. Russian declension rules would glue Russian
 * endings to a Ukrainian stem, and the Russian schemes do not know і, ї, є.
 */
function ukrainianForms(word: string, role: 'first' | 'middle' | 'last'): string[] {
  const latin = normalizeToken(ukrainianToLatin(word));
  return [word, ...(role === 'last' ? surnameEndingVariants(latin) : [latin])];
}

/** Latin forms of a word a source printed in Latin: as printed, and its ending variants for surnames. */
function latinFromSource(word: string, role: 'first' | 'middle' | 'last'): string[] {
  if (hasCyrillic(word)) return [];
  const token = normalizeToken(word);
  return role === 'last' ? surnameEndingVariants(token) : [token];
}

export function buildForms(input: FormsInput): NameForms {
  const last = new TokenSet();
  const first = new TokenSet();
  const middle = new TokenSet();
  const sets = { last, first, middle } as const;

  const addParts = (parts: NameParts, fromSource: boolean) => {
    const roles: Array<['last' | 'first' | 'middle', string[]]> = [
      ['last', [parts.last, ...parts.otherLast]],
      ['first', [...(parts.first ? [parts.first] : []), ...parts.otherFirst]],
      // A multi-word patronymic («Рза оглы») cannot be one token; the matcher does without it.
      ['middle', parts.middle && !/\s/u.test(parts.middle) ? [parts.middle] : []],
    ];
    // One Ukrainian letter makes the whole name Ukrainian («Андрій Городецький»: -цький too).
    const ukrainian = roles.some(([, words]) => words.some(isUkrainian));
    for (const [role, words] of roles) {
      for (const word of words) {
        if (ukrainian && hasCyrillic(word)) {
          sets[role].addAll(ukrainianForms(word, role));
        } else if (hasCyrillic(word)) {
          sets[role].addAll(cyrillicForms(word, role, input.gender));
          // Romanising a guessed Cyrillic name would stack a second guess on the first.
          if (fromSource) sets[role].addAll(latinFromCyrillic(word, role));
        } else {
          sets[role].addAll(latinFromSource(word, role));
        }
      }
    }
  };

  if (input.ru) {
    addParts(input.ru, !input.ruDerived);
    // A derived first name that the table knows still has its conventional spellings.
    if (input.ruDerived) for (const name of [input.ru.first, ...input.ru.otherFirst]) if (name) first.addAll(conventionalSpellings(name));
  }
  if (input.en) addParts(input.en, true);
  for (const alias of input.aliases) addParts(alias, true);

  const forms: NameForms = { last: last.sorted(), first: first.sorted(), middle: middle.sorted() };
  if (input.ruDerived) forms.derived = true;
  return forms;
}
