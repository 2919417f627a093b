/**
 * The Cyrillic name of a person our sources name only in Latin, guessed by back-
 * transliteration. The main guess (from the main Latin name) becomes name.ru; the other
 * guesses — spellings the Latin leaves open (Kulkov: Кулков or Кульков) and the aliases'
 * names (Emir-Usein Kuku: Эмир-Усеин) — become other surnames and first names, so that
 * their case forms are matchable too. All of it is marked derived by the caller.
 */
import type { NameParts } from './names';
import { firstNameToCyrillic, latinWordToCyrillicVariants } from './translit';

function firstNameGuesses(latin: string): string[] {
  const known = firstNameToCyrillic(latin);
  return known ? [known] : latinWordToCyrillicVariants(latin, 'first');
}

/**
 * Letter groups the English-style romanisation of Russian does not use: an alias with one is
 * spelled the Polish, French or German way (Budenczuk, Kraitchik, Aleksiej), and the rules
 * would turn it into a name no one writes (Буденкзук). Such aliases stay Latin forms only.
 */
const FOREIGN_SPELLING = /cz|sz|rz|tch|ou|w|j|q/i;

function unique(words: string[]): string[] {
  return [...new Set(words)];
}

/** Cyrillic guesses for a Latin-only name and its Latin aliases (already oriented "first, last"). */
export function backTransliterate(en: NameParts, aliases: readonly NameParts[] = []): NameParts {
  const latinAliases = aliases.filter((a) => {
    const words = [a.last, a.first ?? '', ...a.otherLast, ...a.otherFirst].join(' ');
    return !/[\u0400-\u04FF]/u.test(words) && !FOREIGN_SPELLING.test(words);
  });
  const lasts = unique([en.last, ...en.otherLast, ...latinAliases.flatMap((a) => [a.last, ...a.otherLast])].flatMap((w) => latinWordToCyrillicVariants(w)));
  const firstWords = [...(en.first ? [en.first] : []), ...en.otherFirst, ...latinAliases.flatMap((a) => [...(a.first ? [a.first] : []), ...a.otherFirst])];
  const firsts = unique(firstWords.flatMap(firstNameGuesses));
  const first = en.first ? firsts[0]! : null;
  return {
    last: lasts[0]!,
    first,
    middle: null,
    otherLast: lasts.slice(1),
    otherFirst: first ? firsts.slice(1) : firsts,
  };
}
