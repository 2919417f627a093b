/**
 * Latin spellings of a Russian patronymic. English texts spell a patronymic the way they
 * spell the first name it comes from: Alexandrovich as Alexandr, Alexeyevich as Alexey,
 * Yevgenyevich as Yevgeny. So besides the romanisation schemes, each conventional spelling
 * of the root first name (./first-names.ts) whose stem fits the patronymic gives one or two
 * spellings (Alexander gives none: "Alexanderovich" is no one's spelling).
 */
import { normalizeToken } from '../../lib/normalize';
import { FIRST_NAMES } from './first-names';
import { latinSpellings } from './translit';

/**
 * How a patronymic is built from a first name: the Cyrillic ending after the stem, the
 * first-name ending the stem drops, and the Latin endings of the patronymic and of the name.
 * Ordered so that longer Cyrillic endings are tried first.
 */
interface Pattern {
  /** Patronymic ending after the stem («Алексе|евич»). */
  ending: RegExp;
  /** The root name's ending replaced by that (Алексе|й). */
  nameEnding: string;
  /** Latin endings of the name that stand for `nameEnding` (Alexe|i, Alexe|y). */
  latinNameEndings: readonly string[];
  /** Latin endings of the patronymic. */
  latinEndings: { m: readonly string[]; f: readonly string[] };
}

const PATTERNS: readonly Pattern[] = [
  // Дмитрий → Дмитриевич: "Dmitriyevich", "Dmitrievich".
  { ending: /и(евич|евна)$/u, nameEnding: 'ий', latinNameEndings: ['iy', 'ii', 'y', 'i', 'ij'], latinEndings: { m: ['iyevich', 'ievich'], f: ['iyevna', 'ievna'] } },
  // Юрий → Юрьевич: "Yuryevich", "Yurievich".
  { ending: /ь(евич|евна)$/u, nameEnding: 'ий', latinNameEndings: ['iy', 'ii', 'y', 'i', 'ij'], latinEndings: { m: ['yevich', 'ievich'], f: ['yevna', 'ievna'] } },
  // Алексей → Алексеевич, Николай → Николаевич: "Alexeyevich", "Alexeevich".
  { ending: /(?<=[еа])(евич|евна)$/u, nameEnding: 'й', latinNameEndings: ['i', 'y', 'j'], latinEndings: { m: ['yevich', 'evich'], f: ['yevna', 'evna'] } },
  // Игорь → Игоревич: "Igorevich".
  { ending: /(?<=[^аеиоуыэюя])(евич|евна)$/u, nameEnding: 'ь', latinNameEndings: [''], latinEndings: { m: ['evich'], f: ['evna'] } },
  // Александр → Александрович: "Alexandrovich".
  { ending: /(ович|овна)$/u, nameEnding: '', latinNameEndings: [''], latinEndings: { m: ['ovich'], f: ['ovna'] } },
];

/** Latin stems a Cyrillic stem is spelled with, for checking a name spelling fits (x read as ks). */
function stemSpellings(cyrillicStem: string): Set<string> {
  return new Set(latinSpellings(cyrillicStem).map((l) => normalizeToken(l)));
}

/**
 * Lower-case Latin spellings of a Cyrillic patronymic: the romanisation schemes' spellings
 * and, when the root first name is in the table, its conventional spellings with the
 * patronymic ending.
 */
export function patronymicLatinSpellings(patronymic: string): string[] {
  const out = new Set(latinSpellings(patronymic).map((l) => normalizeToken(l)));
  const lower = patronymic.toLowerCase().replace(/ё/gu, 'е');
  for (const pattern of PATTERNS) {
    const m = pattern.ending.exec(lower);
    if (!m) continue;
    const stem = lower.slice(0, m.index);
    const feminine = m[1]!.endsWith('на');
    const fits = stemSpellings(stem);
    // Михайлович comes from Михаил: the stem in the patronymic differs from the name's.
    const names = Object.keys(FIRST_NAMES).filter((name) => {
      const n = name.toLowerCase().replace(/ё/gu, 'е');
      return n === stem + pattern.nameEnding || (stem.endsWith('йл') && n === `${stem.slice(0, -2)}ил`);
    });
    for (const name of names) {
      for (const spelling of FIRST_NAMES[name]!) {
        const latin = normalizeToken(spelling);
        // "Juri", "Alexej": German-style spellings, not used for patronymics in English.
        if (latin.includes('j')) continue;
        for (const nameEnding of pattern.latinNameEndings) {
          if (!latin.endsWith(nameEnding)) continue;
          const latinStem = latin.slice(0, latin.length - nameEnding.length);
          if (!fits.has(latinStem.replace(/x/g, 'ks')) && !fits.has(latinStem)) continue;
          for (const ending of pattern.latinEndings[feminine ? 'f' : 'm']) out.add(latinStem + ending);
          break;
        }
      }
    }
    break;
  }
  return [...out];
}
