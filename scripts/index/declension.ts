/**
 * Russian case forms of name parts, on top of `petrovich`, with the corrections it needs for
 * names that do not decline (Науменко, Черных, Гулиа, a woman named Шевчук) and for double
 * surnames (Кара-Мурза, where the press declines either both parts or only the last one).
 */
import petrovich from 'petrovich';

export type Gender = 'm' | 'f';
type Role = 'first' | 'middle' | 'last';

const CASES = ['genitive', 'dative', 'accusative', 'instrumental', 'prepositional'] as const;

/**
 * Surnames that keep one form in every case: endings in -о/-е/-и/-у/-ю/-ы/-э (Науменко,
 * Дурново, Кулиджанов's -и names), -их/-ых (Черных), a vowel before final -а (Гулиа), and
 * any woman's surname ending in a consonant or -ь/-й (Шевчук, Зинич).
 */
export function isIndeclinableSurname(surname: string, gender: Gender): boolean {
  const s = surname.toLowerCase();
  if (/[оеиуюыэ]$/u.test(s)) return true;
  if (/(их|ых)$/u.test(s)) return true;
  if (/[аеиоуыэюя]а$/u.test(s)) return true;
  if (gender === 'f' && /[бвгджзйклмнпрстфхцчшщь]$/u.test(s)) return true;
  return false;
}

/** First names that keep one form: foreign names ending in a vowel other than -а/-я (Нури, Ремзи). */
function isIndeclinableFirstName(name: string, gender: Gender): boolean {
  const s = name.toLowerCase();
  if (/[оеиуюыэ]$/u.test(s)) return true;
  if (gender === 'f' && /[бвгджзйклмнпрстфхцчшщ]$/u.test(s)) return true;
  return false;
}

function inflectWord(word: string, role: Role, gender: Gender): string[] {
  const g = gender === 'm' ? 'male' : 'female';
  const indeclinable = role === 'last' ? isIndeclinableSurname(word, gender) : role === 'first' && isIndeclinableFirstName(word, gender);
  if (indeclinable) return [word];
  const forms = [word];
  for (const gcase of CASES) {
    const form = petrovich[g][role][gcase](word);
    if (form) forms.push(form);
  }
  return forms;
}

/**
 * Nominative plus the five oblique cases of one name part, for one gender. A hyphenated part
 * yields the whole word with every part declined and with only the last part declined.
 */
export function caseForms(word: string, role: Role, gender: Gender): string[] {
  const parts = word.split('-');
  if (parts.length === 1) return unique(inflectWord(word, role, gender));
  const perPart = parts.map((part) => caseFormsByCase(part, role, gender));
  const out: string[] = [word];
  for (let c = 0; c <= CASES.length; c++) {
    out.push(perPart.map((forms) => forms[c] ?? forms[0]!).join('-'));
    out.push([...parts.slice(0, -1), perPart[perPart.length - 1]![c] ?? parts[parts.length - 1]!].join('-'));
  }
  return unique(out);
}

/** Forms indexed by case (0 = nominative); a single entry when the word does not decline. */
function caseFormsByCase(word: string, role: Role, gender: Gender): string[] {
  return inflectWord(word, role, gender);
}

/** Gender from the patronymic (-ич/-на), else from the first name's ending; null when unclear. */
export function detectGender(first: string | null, middle: string | null): Gender | null {
  if (middle) {
    const m = middle.toLowerCase();
    if (/(ич|оглы|улы)$/u.test(m)) return 'm';
    if (/(на|кызы|гызы)$/u.test(m)) return 'f';
  }
  if (first) {
    const f = first.toLowerCase();
    if (MALE_A_NAMES.has(f)) return 'm';
    if (/[ая]$/u.test(f)) return 'f';
    if (/[бвгджзйклмнпрстфхцчшщ]$/u.test(f)) return 'm';
  }
  return null;
}

/** Male first names that end in -а/-я. */
const MALE_A_NAMES = new Set(['никита', 'илья', 'фома', 'кузьма', 'лука', 'савва', 'муса', 'риза', 'яхья', 'иса', 'хамза', 'мустафа']);

function unique(list: string[]): string[] {
  return [...new Set(list)];
}
