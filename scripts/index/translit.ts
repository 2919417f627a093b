/**
 * Script conversion for names: Cyrillic → Latin under the romanisation schemes the press and
 * documents use (iuliia), and a rule-based Latin → Cyrillic back-transliteration for people
 * whom our sources name only in Latin. Back-transliteration is a guess; its results are
 * marked as derived by the caller.
 */
import * as iuliia from 'iuliia';
import { FIRST_NAMES } from './first-names';

/** Schemes whose output (diacritics stripped) is a spelling a reader may actually meet. */
export const LATIN_SCHEMES = {
  wikipedia: iuliia.WIKIPEDIA,
  bgn_pcgn: iuliia.BGN_PCGN,
  icao_doc_9303: iuliia.ICAO_DOC_9303,
  ala_lc: iuliia.ALA_LC,
  scientific: iuliia.SCIENTIFIC,
  telegram: iuliia.TELEGRAM,
  mosmetro: iuliia.MOSMETRO,
} as const;

const CYRILLIC = /[\u0400-\u04FF]/u;

export function hasCyrillic(text: string): boolean {
  return CYRILLIC.test(text);
}

/** The Wikipedia-style romanisation (the one used for ids and derived English names). */
export function toLatin(cyrillic: string): string {
  return iuliia.translate(cyrillic, iuliia.WIKIPEDIA);
}

/** Romanisations of one word under every scheme in LATIN_SCHEMES, in scheme order, raw (not normalised). */
export function latinSpellings(cyrillicWord: string): string[] {
  const out: string[] = [];
  for (const schema of Object.values(LATIN_SCHEMES)) {
    const latin = iuliia.translate(cyrillicWord, schema);
    // Some schemes leave ё or other letters in place; a mixed-script word is no spelling.
    if (!hasCyrillic(latin)) out.push(latin);
  }
  return out;
}

/** Latin spelling (lower case) → Cyrillic first name, from the first-name table. */
const FIRST_NAME_BY_LATIN: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const [cyrillic, latins] of Object.entries(FIRST_NAMES)) {
    for (const latin of latins) if (!map.has(latin.toLowerCase())) map.set(latin.toLowerCase(), cyrillic);
    for (const latin of latinSpellings(cyrillic)) {
      const key = stripDiacritics(latin).toLowerCase();
      if (!map.has(key)) map.set(key, cyrillic);
    }
  }
  return map;
})();

function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/['’ʹʼ]/gu, '');
}

/** The Cyrillic form of a Latin first name when the table knows it. */
export function firstNameToCyrillic(latin: string): string | null {
  return FIRST_NAME_BY_LATIN.get(stripDiacritics(latin).toLowerCase()) ?? null;
}

/** Conventional Latin spellings of a Cyrillic first name (table), empty when unknown. */
export function conventionalSpellings(cyrillicFirstName: string): readonly string[] {
  return FIRST_NAMES[cyrillicFirstName] ?? FIRST_NAMES[cyrillicFirstName.replace(/ё/g, 'е')] ?? [];
}

/** Ending rules, tried in order, applied to the end of a lower-case Latin surname. */
const ENDINGS: Array<[RegExp, string]> = [
  [/(?:tskaya|tskaia|tskaja)$/, 'цкая'],
  [/(?:skaya|skaia|skaja)$/, 'ская'],
  [/(?:tsky|tskiy|tskii|tskij|tski)$/, 'цкий'],
  [/(?:sky|skiy|skii|skij|ski)$/, 'ский'],
  [/(?:aya|aia|aja)$/, 'ая'],
  [/(?:iy|ii|ij)$/, 'ий'],
  [/(?<=[kgh])y$/, 'ий'],
];

/** Letter groups, longest first. */
const GROUPS: Array<[string, string]> = [
  ['shch', 'щ'],
  ['sch', 'щ'],
  ['kh', 'х'],
  ['zh', 'ж'],
  ['tsh', 'тш'],
  ['ts', 'ц'],
  ['tz', 'ц'],
  ['ch', 'ч'],
  ['sh', 'ш'],
  ['ph', 'ф'],
  ['ya', 'я'],
  ['ia', 'я'],
  ['yu', 'ю'],
  ['iu', 'ю'],
  ['yo', 'ё'],
  ['ye', 'е'],
  ['ck', 'к'],
  ['a', 'а'],
  ['b', 'б'],
  ['c', 'к'],
  ['d', 'д'],
  ['e', 'е'],
  ['f', 'ф'],
  ['g', 'г'],
  ['h', 'х'],
  ['i', 'и'],
  ['j', 'дж'],
  ['k', 'к'],
  ['l', 'л'],
  ['m', 'м'],
  ['n', 'н'],
  ['o', 'о'],
  ['p', 'п'],
  ['q', 'к'],
  ['r', 'р'],
  ['s', 'с'],
  ['t', 'т'],
  ['u', 'у'],
  ['v', 'в'],
  ['w', 'в'],
  ['x', 'кс'],
  ['z', 'з'],
];

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

/** Back-transliterates one Latin word (a surname, or a first name the table lacks) by rule. */
export function latinWordToCyrillic(word: string, role: 'last' | 'first' = 'last'): string {
  let rest = stripDiacritics(word).toLowerCase();
  let tail = '';
  for (const [pattern, replacement] of ENDINGS) {
    const m = pattern.exec(rest);
    if (m) {
      tail = replacement;
      rest = rest.slice(0, m.index);
      break;
    }
  }
  // A final consonant + "y" is -ый (Navalny → Навальный).
  // A first name ending in consonant + "y" is -и (Gregory → Грегори).
  if (!tail && /[^aeiouy]y$/.test(rest)) {
    tail = role === 'first' ? 'и' : 'ый';
    rest = rest.slice(0, -1);
  }
  const body = convertGroups(rest);
  return capitalise(body + tail);
}

function convertGroups(latin: string): string {
  let out = '';
  for (let i = 0; i < latin.length; ) {
    const ch = latin[i]!;
    if (ch === '-') {
      out += '-';
      i += 1;
      continue;
    }
    const prev = i > 0 ? latin[i - 1]! : '';
    // "y" alone: й after a vowel, ы between consonants.
    if (ch === 'y' && !['a', 'u', 'o', 'e'].includes(latin[i + 1] ?? '')) {
      out += prev && VOWELS.has(prev) ? 'й' : i === 0 ? 'и' : 'ы';
      i += 1;
      continue;
    }
    // "ye" is е after a vowel or at the start (Yevgeny, Alekseyev), ье after a consonant (Grigoryev).
    if (ch === 'y' && latin[i + 1] === 'e') {
      out += prev && !VOWELS.has(prev) ? 'ье' : 'е';
      i += 2;
      continue;
    }
    // Word-initial e is э (Emil → Эмиль); ye is the е-sound.
    if (ch === 'e' && i === 0) {
      out += 'э';
      i += 1;
      continue;
    }
    // "i" before a vowel after a vowel is й (Aidar → Айдар).
    if (ch === 'i' && prev && VOWELS.has(prev) && !VOWELS.has(latin[i + 1] ?? '')) {
      out += 'й';
      i += 1;
      continue;
    }
    const group = GROUPS.find(([lat]) => latin.startsWith(lat, i));
    if (!group) {
      i += 1;
      continue;
    }
    // "ia"/"iu" only stand for я/ю after a consonant (Poliudova); after a vowel they are и+а.
    if ((group[0] === 'ia' || group[0] === 'iu') && (!prev || VOWELS.has(prev))) {
      out += 'и';
      i += 1;
      continue;
    }
    out += group[1];
    i += group[0].length;
  }
  return out;
}

function capitalise(word: string): string {
  return word
    .split('-')
    .map((part) => (part ? part[0]!.toUpperCase() + part.slice(1) : part))
    .join('-');
}

/**
 * Spelling variants of a Latin surname that English texts use for the same name:
 * -sky/-skiy/-skii/-ski, -y/-iy/-ii, -yev/-iev/-ev, kh/h. Input and output are lower case.
 */
export function surnameEndingVariants(latin: string): string[] {
  const out = new Set<string>([latin]);
  const sky = /(sk|tsk|zk)(?:y|iy|ii|ij|i)$/.exec(latin);
  if (sky) {
    const stem = latin.slice(0, sky.index) + sky[1];
    for (const end of ['y', 'iy', 'ii', 'i']) out.add(stem + end);
  } else {
    const y = /([^aeiouy])(?:y|iy|ii|ij)$/.exec(latin);
    if (y) {
      const stem = latin.slice(0, y.index) + y[1];
      for (const end of ['y', 'iy', 'ii']) out.add(stem + end);
    }
  }
  // -ев after a vowel is written -ev or -yev (Sagynbaev, Sagynbayev); -ьев as -yev or -iev.
  const vowelEv = /([aeiou])(y?)ev(a?)$/.exec(latin);
  if (vowelEv) {
    const stem = latin.slice(0, vowelEv.index) + vowelEv[1];
    const fem = vowelEv[3] ?? '';
    out.add(`${stem}ev${fem}`).add(`${stem}yev${fem}`);
  } else {
    const softEv = /([^aeiouy])[iy]ev(a?)$/.exec(latin);
    if (softEv) {
      const stem = latin.slice(0, softEv.index) + softEv[1];
      const fem = softEv[2] ?? '';
      out.add(`${stem}yev${fem}`).add(`${stem}iev${fem}`);
    }
  }
  for (const form of [...out]) if (form.includes('kh')) out.add(form.replace(/kh/g, 'h'));
  return [...out];
}
