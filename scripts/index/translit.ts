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

/** Back-transliterates one Latin word (a surname, or a first name the table lacks) by rule: the likeliest guess. */
export function latinWordToCyrillic(word: string, role: 'last' | 'first' = 'last'): string {
  return latinWordToCyrillicVariants(word, role)[0]!;
}

/**
 * A letter the Latin spelling leaves ambiguous: a Latin "l" before a consonant or at the end
 * may be ль (Kulkov is Кульков); a vowel + "i" may be й or и (Usein is Усеин, Aidar Айдар);
 * an initial "e" of a surname may be э or е (Egorov is Егоров, Ersh Эрш).
 */
type Ambiguity = 'soft' | 'i' | 'e';

/** Spellings tried when a word has ambiguous letters, in order; the first is the plain guess. */
const AMBIGUITY_SETS: ReadonlyArray<ReadonlySet<Ambiguity>> = [
  new Set<Ambiguity>(),
  new Set<Ambiguity>(['soft']),
  new Set<Ambiguity>(['i']),
  new Set<Ambiguity>(['e']),
];

/**
 * The rule-based Cyrillic guesses for one Latin word: the plain guess first, then at most
 * three alternatives, each resolving one kind of ambiguous letter the other way (all its
 * occurrences at once, so a long name does not multiply into dozens of spellings).
 */
export function latinWordToCyrillicVariants(word: string, role: 'last' | 'first' = 'last'): string[] {
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
  const segments = convertGroups(rest, tail);
  const out: string[] = [];
  for (const resolved of AMBIGUITY_SETS) {
    // First names the table lacks and that start with "E" are mostly Эмир, Эльдар, Эрик: no е- guess.
    if (role === 'first' && resolved.has('e')) continue;
    const body = segments.map((seg) => (seg.ambiguity && resolved.has(seg.ambiguity) ? seg.alternative! : seg.text)).join('');
    const spelling = capitalise(body + tail);
    if (!out.includes(spelling)) out.push(spelling);
  }
  return out;
}

interface Segment {
  text: string;
  ambiguity?: Ambiguity;
  alternative?: string;
}

const CONSONANT_START = /^[бвгджзклмнпрстфхцчшщ]/u;

function convertGroups(latin: string, tail: string): Segment[] {
  const out: Segment[] = [];
  const push = (text: string) => out.push({ text });
  for (let i = 0; i < latin.length; ) {
    const ch = latin[i]!;
    if (ch === '-') {
      push('-');
      i += 1;
      continue;
    }
    const prev = i > 0 ? latin[i - 1]! : '';
    const next = latin[i + 1] ?? '';
    const wordStart = i === 0 || prev === '-';
    // "y" alone: й after a vowel, ы between consonants.
    if (ch === 'y' && !['a', 'u', 'o', 'e'].includes(next)) {
      push(prev && VOWELS.has(prev) ? 'й' : wordStart ? 'и' : 'ы');
      i += 1;
      continue;
    }
    // "ye" is е after a vowel or at the start (Yevgeny, Alekseyev), ье after a consonant (Grigoryev).
    if (ch === 'y' && next === 'e') {
      push(prev && prev !== '-' && !VOWELS.has(prev) ? 'ье' : 'е');
      i += 2;
      continue;
    }
    // Word-initial e is э (Emil → Эмиль), or е in a name like Egorov (where "Ye-" was not written).
    if (ch === 'e' && wordStart) {
      out.push({ text: 'э', ambiguity: 'e', alternative: 'е' });
      i += 1;
      continue;
    }
    // "i" after a vowel, not before one, is й (Aidar → Айдар) or и (Usein → Усеин); after "y" (й) it is и.
    if (ch === 'i' && prev && prev !== 'y' && VOWELS.has(prev) && !VOWELS.has(next)) {
      out.push({ text: 'й', ambiguity: 'i', alternative: 'и' });
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
      push('и');
      i += 1;
      continue;
    }
    // "l" before a consonant, or closing the word, may hide a soft sign (Kulkov → Кульков).
    if (group[0] === 'l') {
      const after = latin.slice(i + 1);
      const beforeConsonant = after ? /^[bcdfghkmnpqrstvwxz]/.test(after) : tail ? CONSONANT_START.test(tail) : true;
      if (beforeConsonant) {
        out.push({ text: 'л', ambiguity: 'soft', alternative: 'ль' });
        i += 1;
        continue;
      }
    }
    push(group[1]);
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

/** Letters only Ukrainian uses (і, ї, є, ґ): a word with one is Ukrainian, not Russian. */
const UKRAINIAN_ONLY = /[іїєґІЇЄҐ]/u;

export function isUkrainian(word: string): boolean {
  return UKRAINIAN_ONLY.test(word);
}

/** Ukrainian national romanisation (KMU 2010): [word-initial, elsewhere]. */
const UKRAINIAN_LATIN: Record<string, readonly [string, string]> = {
  а: ['a', 'a'], б: ['b', 'b'], в: ['v', 'v'], г: ['h', 'h'], ґ: ['g', 'g'], д: ['d', 'd'], е: ['e', 'e'],
  є: ['ye', 'ie'], ж: ['zh', 'zh'], з: ['z', 'z'], и: ['y', 'y'], і: ['i', 'i'], ї: ['yi', 'i'], й: ['y', 'i'],
  к: ['k', 'k'], л: ['l', 'l'], м: ['m', 'm'], н: ['n', 'n'], о: ['o', 'o'], п: ['p', 'p'], р: ['r', 'r'],
  с: ['s', 's'], т: ['t', 't'], у: ['u', 'u'], ф: ['f', 'f'], х: ['kh', 'kh'], ц: ['ts', 'ts'], ч: ['ch', 'ch'],
  ш: ['sh', 'sh'], щ: ['shch', 'shch'], ь: ['', ''], ю: ['yu', 'iu'], я: ['ya', 'ia'],
};

/** A Ukrainian word in KMU 2010 romanisation, capitalised as given ("Білоцерківська" → "Bilotserkivska"). */
export function ukrainianToLatin(word: string): string {
  let out = '';
  const lower = word.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    const ch = lower[i]!;
    const wordStart = i === 0 || lower[i - 1] === '-';
    // "зг" is written "zgh" so it does not read as "zh".
    if (ch === 'г' && lower[i - 1] === 'з') {
      out += 'gh';
      continue;
    }
    const latin = UKRAINIAN_LATIN[ch];
    const piece = latin ? latin[wordStart ? 0 : 1] : /['’ʼ]/u.test(ch) ? '' : ch;
    out += word[i] !== ch && piece ? piece[0]!.toUpperCase() + piece.slice(1) : piece;
  }
  return out;
}

/** Endings of surnames of Ukrainian form (Есипенко, Литвинчук, Мельничук, Гаврилюк). */
const UKRAINIAN_SURNAME = /(?:енко|ук|юк)$/u;

/**
 * Ukrainian-style Latin spellings of a Russian-spelled surname of Ukrainian form, as the press
 * writes people from Ukraine and Crimea (Есипенко → Yesypenko): the Russian spelling read
 * with Ukrainian letter values (initial е is є, и and ы are "y"). Empty for other surnames.
 * Lower case.
 */
export function ukrainianStyleSurnames(russianSurname: string): string[] {
  const s = russianSurname.toLowerCase().replace(/ё/gu, 'е');
  if (!UKRAINIAN_SURNAME.test(s) || isUkrainian(s)) return [];
  const asUkrainian = s.replace(/^е/u, 'є').replace(/ы/gu, 'и').replace(/э/gu, 'е').replace(/ъ/gu, '');
  return [ukrainianToLatin(asUkrainian)];
}
