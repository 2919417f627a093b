/**
 * Splitting a full name into surname, first name and patronymic. Russian sources write
 * «Фамилия Имя Отчество»; English ones "First [Middle] Last", with a few list-style
 * exceptions ("Gimazidinov Anas") that we recognise by the first-name table.
 */
import { FIRST_NAMES } from './first-names';
import { firstNameToCyrillic, hasCyrillic } from './translit';

export interface NameParts {
  last: string;
  first: string | null;
  /** Patronymic (Cyrillic) or middle name (Latin); null when not given. */
  middle: string | null;
  /** Other surnames or first names given in brackets: «Наумова (Духанина)», "Gabdrakhman (Albert)". */
  otherLast: string[];
  otherFirst: string[];
}

const BRACKETED = /\(([^)]*)\)/gu;

function splitBracketed(text: string): { words: string[]; bracketedAfter: Map<number, string[]> } {
  // Remember after which word a bracketed alternative appears, then drop it from the main name.
  const bracketedAfter = new Map<number, string[]>();
  const words: string[] = [];
  for (const piece of text.replace(BRACKETED, ' ($1) ').split(/\s+/u).filter(Boolean)) {
    if (piece.startsWith('(')) {
      const inner = piece.slice(1).replace(/\)$/, '');
      const list = bracketedAfter.get(words.length - 1) ?? [];
      list.push(inner);
      bracketedAfter.set(words.length - 1, list);
    } else words.push(piece);
  }
  return { words, bracketedAfter };
}

const CYRILLIC_FIRST = new Set(Object.keys(FIRST_NAMES).map((n) => n.toLowerCase().replace(/ё/g, 'е')));

function isKnownCyrillicFirstName(word: string): boolean {
  return CYRILLIC_FIRST.has(word.toLowerCase().replace(/ё/g, 'е'));
}

/** Surname-like Cyrillic endings (Russian and Ukrainian), for telling «Имя Фамилия» from «Фамилия Имя» in aliases. */
const CYRILLIC_SURNAME_END = /(ов|ев|ёв|ин|ын|ова|ева|ина|ына|ский|цкий|ская|цкая|ський|цький|ська|цька|енко|ук|юк|ич|ян|дзе|швили|ий|ый|ая)$/u;

/**
 * «Фамилия Имя [Отчество]». Multi-word Turkic patronymics («Рза оглы») stay in `middle` as written.
 * With `detectOrder`, «Имя Фамилия» is recognised too (aliases are written either way).
 */
export function parseCyrillicName(text: string, detectOrder = false): NameParts | null {
  const { words, bracketedAfter } = splitBracketed(text.trim());
  if (words.length === 0) return null;
  let lastIndex = 0;
  if (detectOrder && words.length === 2) {
    const [a, b] = words as [string, string];
    const aIsFirst = isKnownCyrillicFirstName(a) && !isKnownCyrillicFirstName(b);
    const bLooksSurname = CYRILLIC_SURNAME_END.test(b.toLowerCase()) && !CYRILLIC_SURNAME_END.test(a.toLowerCase());
    if (aIsFirst || bLooksSurname) lastIndex = 1;
  }
  if (lastIndex === 1) {
    return {
      first: words[0]!,
      last: words[1]!,
      middle: null,
      otherFirst: bracketedAfter.get(0) ?? [],
      otherLast: bracketedAfter.get(1) ?? [],
    };
  }
  return {
    last: words[0]!,
    first: words[1] ?? null,
    middle: words.length > 2 ? words.slice(2).join(' ') : null,
    otherLast: bracketedAfter.get(0) ?? [],
    otherFirst: bracketedAfter.get(1) ?? [],
  };
}

/** "First [Middle…] Last", or "Last First" when only the first word looks like a surname (list style). */
export function parseLatinName(text: string): NameParts | null {
  const { words, bracketedAfter } = splitBracketed(text.trim());
  if (words.length === 0) return null;
  if (words.length === 1) return { last: words[0]!, first: null, middle: null, otherLast: [], otherFirst: [] };
  const firstWord = words[0]!;
  const lastWord = words[words.length - 1]!;
  const surnameLike = (w: string) => /(ov|ev|ova|eva|sky|skiy|skaya|enko)$/i.test(w);
  if (words.length === 2 && !firstNameToCyrillic(firstWord) && surnameLike(firstWord) && !surnameLike(lastWord)) {
    return { last: firstWord, first: lastWord, middle: null, otherLast: bracketedAfter.get(0) ?? [], otherFirst: bracketedAfter.get(1) ?? [] };
  }
  return {
    first: firstWord,
    last: lastWord,
    middle: words.length > 2 ? words.slice(1, -1).join(' ') : null,
    otherFirst: bracketedAfter.get(0) ?? [],
    otherLast: bracketedAfter.get(words.length - 1) ?? [],
  };
}

/** Parses an alias in whichever script it is written. */
export function parseAnyName(text: string): NameParts | null {
  return hasCyrillic(text) ? parseCyrillicName(text, true) : parseLatinName(text);
}

/** «Фамилия Имя [Отчество]» from parts. */
export function formatCyrillic(parts: NameParts): string {
  return [parts.last, parts.first, parts.middle].filter(Boolean).join(' ');
}

/** "First [Middle] Last" from parts. */
export function formatLatin(parts: NameParts): string {
  return [parts.first, parts.middle, parts.last].filter(Boolean).join(' ');
}
