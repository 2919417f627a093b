/**
 * Whether a page gives context that a common name is meant as the political prisoner:
 * the vocabulary of political prosecution, or words tied to the person (article, birth year,
 * region, case). Used by the matcher to set `confidence` on common names and namesakes.
 */

/**
 * Stems of prosecution vocabulary, lower case with ё→е, matched at the start of a word.
 * Two different stems on a page count as support: one alone ("court", "arrested") also turns
 * up in pages about sport or business.
 */
const PROSECUTION_STEMS = [
  // Russian
  'политзаключ', 'политическ', 'приговор', 'осужд', 'колони', 'сизо', 'уголовн', 'обвиня',
  'обвинен', 'задержан', 'арестов', 'под арест', 'домашн', 'лишени свобод', 'заключени',
  'преследовани', 'репресси', 'мемориал', 'овд-инфо', 'медиазон', 'фейк', 'дискредитац',
  'экстремис', 'террорис', 'госизмен', 'государственн измен', 'иноагент', 'нежелательн',
  'статье', 'статьи ук', 'ук рф', 'фсин', 'фсб', 'следовател', 'прокурор', 'адвокат',
  // English
  'political prisoner', 'politically motivated', 'sentenced', 'convicted', 'penal colony',
  'prison', 'pretrial', 'pre-trial', 'remand', 'detention', 'custody', 'criminal case',
  'criminal code', 'prosecut', 'charged', 'arrested', 'detained', 'extremis', 'terroris',
  'treason', 'discredit', 'fake news', 'memorial', 'ovd-info', 'ovdinfo', 'mediazona',
  'repression', 'imprison', 'jail', 'verdict', 'investigator', 'lawyer', 'fsb', 'fsin',
] as const;

const WORD_CHAR = /[\p{L}\p{N}]/u;

function prepare(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е');
}

/** True when `needle` occurs in `hay` starting at a word boundary (and, for numbers, ending at one). */
export function containsWord(hay: string, needle: string): boolean {
  if (!needle) return false;
  const numeric = /^[\d.]+$/.test(needle);
  let from = 0;
  for (;;) {
    const at = hay.indexOf(needle, from);
    if (at < 0) return false;
    const before = at > 0 ? hay[at - 1]! : ' ';
    const after = hay[at + needle.length] ?? ' ';
    const next = hay[at + needle.length + 1] ?? ' ';
    const startsWord = !WORD_CHAR.test(before) && !(numeric && before === '.');
    // "207" must not match inside "207.3", nor "207.3" inside "207.31".
    const endsWord = !numeric || !(/\d/.test(after) || (after === '.' && /\d/.test(next)));
    if (startsWord && endsWord) return true;
    from = at + 1;
  }
}

/** The text of one page as seen so far (or the whole page), with cached answers. */
export class PageSupport {
  private text: string;
  private vocabulary: boolean | null = null;
  private readonly hintAnswers = new Map<string, boolean>();

  constructor(wholePageText?: string) {
    this.text = wholePageText ? prepare(wholePageText) : '';
    this.complete = wholePageText !== undefined;
  }

  /** True when the constructor got the whole page, so `add` need not collect runs. */
  readonly complete: boolean;

  /** Adds a run of text the matcher is about to scan (only when the whole page is unknown). */
  add(run: string): void {
    if (this.complete) return;
    this.text += `\n${prepare(run)}`;
    // A "no" may turn into a "yes" with more text; a "yes" stays.
    if (this.vocabulary === false) this.vocabulary = null;
    for (const [hint, found] of this.hintAnswers) if (!found) this.hintAnswers.delete(hint);
  }

  /** At least two different prosecution stems appear on the page. */
  aboutProsecution(): boolean {
    if (this.vocabulary === null) {
      let found = 0;
      for (const stem of PROSECUTION_STEMS) {
        if (containsWord(this.text, stem) && ++found >= 2) break;
      }
      this.vocabulary = found >= 2;
    }
    return this.vocabulary;
  }

  /** Any of the person's hints (article number, birth year, region or case word) is on the page. */
  mentionsAny(hints: readonly string[]): boolean {
    for (const hint of hints) {
      let found = this.hintAnswers.get(hint);
      if (found === undefined) {
        found = containsWord(this.text, hint);
        this.hintAnswers.set(hint, found);
      }
      if (found) return true;
    }
    return false;
  }
}
