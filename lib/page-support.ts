/**
 * Whether a page gives context that a common name is meant as the political prisoner:
 * the vocabulary of political prosecution, or words tied to the person (article, birth year;
 * region and case words together with some justice vocabulary). Used by the matcher to set
 * `confidence` on common names and namesakes.
 */

/**
 * Word lists below: a stem matches at the start of a word; a trailing "$" asks for the whole
 * word ("суд$" is the court, not "судак" or "судейство").
 *
 * Stems that place a page in politics: political prisoners, the articles and labels used
 * against dissent, protest, and the organisations that document it. Lower case, ё→е, matched
 * at the start of a word. ("political" alone is not here: a music review may ask whether an
 * album is political.)
 */
const POLITICAL_STEMS = [
  // Russian
  'политзаключ', 'политически мотивир', 'политическ преследов', 'политическое преследов',
  'репресс', 'правозащит', 'антивоен', 'против войны', 'фейк',
  'дискредит', 'экстремис', 'террорис', 'госизмен', 'государственной измен', 'шпионаж',
  'иноагент', 'иностранн агент', 'иностранного агента', 'нежелательн', 'оппозиц', 'протест',
  'митинг', 'пикет', 'активист', 'навальн', 'фбк', 'свидетели иеговы', 'свидетелей иеговы',
  'иегов', 'хизб', 'крымск татар', 'крымскотатар', 'крымская солидарность', 'овд-инфо',
  'росузник', 'диссидент', 'цензур', 'свобод слова', 'обмен заключен', 'обмена заключен',
  'обмене заключен', 'обмену заключен', 'обмен политзаключ',
  // English
  'political prisoner', 'politically motivated', 'political persecution', 'persecution',
  'repression', 'human rights', 'anti-war', 'antiwar', 'fake news', 'fakes', 'discredit',
  'extremis', 'terroris', 'treason', 'espionage', 'foreign agent', 'undesirable', 'opposition',
  'protest', 'picket', 'activist', 'dissident', 'navalny', 'jehovah', 'hizb', 'crimean tatar',
  'crimean solidarity', 'memopzk', 'ovd-info', 'ovdinfo', 'rosuznik', 'censorship',
  'freedom of speech', 'prisoner exchange', 'prisoner swap',
  // Articles of the Criminal Code used against speech, protest, faith and dissent (the bare
  // three-digit ones are left out: "275" or "212" is just a number on most pages)
  '207.3', '280.3', '280.4', '205.2', '205.5', '275.1', '282.1', '282.2', '284.1', '354.1', '330.1',
] as const;

/** Stems of criminal justice: arrest, charge, trial, sentence, custody. */
const JUSTICE_STEMS = [
  // Russian
  'приговор', 'осужд', 'колони', 'сизо', 'уголовн', 'обвиня', 'обвинен', 'задержан', 'арестов',
  'под арест', 'домашн арест', 'лишени свобод', 'заключени', 'суд$', 'суда$', 'суде$', 'судом$',
  'судах$', 'судья', 'судьи', 'судье', 'судебн', 'освобожд', 'вышел на свободу', 'вышла на свободу',
  'преследовани',
  'фсин', 'фсб', 'следовател', 'прокурор', 'адвокат', 'ук рф', 'статье', 'статьи',
  // English
  'sentenced', 'sentence', 'convicted', 'penal colony', 'prison', 'pretrial', 'pre-trial',
  'remand', 'detention', 'custody', 'criminal case', 'criminal code', 'prosecut', 'charged',
  'charges', 'arrested', 'detained', 'jail', 'verdict', 'court', 'investigator', 'lawyer',
  'fsb', 'fsin', 'released from',
] as const;

const WORD_CHAR = /[\p{L}\p{N}]/u;

function prepare(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е');
}

/** True when `word` occurs in `hay` from a word start (ending at a word end too for numbers and "…$"). */
export function containsWord(hay: string, word: string, start = 0): boolean {
  const whole = word.endsWith('$');
  const needle = whole ? word.slice(0, -1) : word;
  if (!needle) return false;
  const numeric = /^[\d.]+$/.test(needle);
  let from = start;
  for (;;) {
    const at = hay.indexOf(needle, from);
    if (at < 0) return false;
    const before = at > 0 ? hay[at - 1]! : ' ';
    const after = hay[at + needle.length] ?? ' ';
    const next = hay[at + needle.length + 1] ?? ' ';
    const startsWord = !WORD_CHAR.test(before) && !(numeric && before === '.');
    // "207" must not match inside "207.3", nor "207.3" inside "207.31".
    const endsWord = numeric ? !(/\d/.test(after) || (after === '.' && /\d/.test(next))) : !whole || !WORD_CHAR.test(after);
    if (startsWord && endsWord) return true;
    from = at + 1;
  }
}

/**
 * The text of one page as seen so far (or the whole page), with remembered answers. Runs
 * added later are searched on their own, so a page fed block by block costs one pass per word.
 */
export class PageSupport {
  private text: string;
  /** Per stem or hint: -1 when found, else how much of the text was searched without finding it. */
  private readonly searched = new Map<string, number>();

  constructor(wholePageText?: string) {
    this.text = wholePageText ? prepare(wholePageText) : '';
    this.complete = wholePageText !== undefined;
  }

  /** True when the constructor got the whole page, so `add` need not collect runs. */
  readonly complete: boolean;

  /** Adds a run of text the matcher is about to scan (only when the whole page is unknown). */
  add(run: string): void {
    if (this.complete) return;
    // Runs are joined by a line break, so no word runs across two of them.
    this.text += `\n${prepare(run)}`;
  }

  private has(word: string): boolean {
    const upTo = this.searched.get(word) ?? 0;
    if (upTo < 0) return true;
    if (upTo >= this.text.length) return false;
    const found = containsWord(this.text, word, Math.max(0, upTo - word.length));
    this.searched.set(word, found ? -1 : this.text.length);
    return found;
  }

  private hasAnyOf(words: readonly string[]): boolean {
    return words.some((word) => this.has(word));
  }

  /** The page speaks of politics: dissent, protest, political prisoners, the articles used. */
  isPolitical(): boolean {
    return this.hasAnyOf(POLITICAL_STEMS);
  }

  /** The page speaks of criminal justice (arrest, trial, sentence, custody…). */
  touchesProsecution(): boolean {
    return this.hasAnyOf(JUSTICE_STEMS);
  }

  /**
   * The page is about political prosecution: both vocabularies appear. Either alone is common
   * elsewhere (a bribery trial, a review of "protest music").
   */
  aboutProsecution(): boolean {
    return this.isPolitical() && this.touchesProsecution();
  }

  /** Any of the person's hints (article number, birth year, region or case word) is on the page. */
  mentionsAny(hints: readonly string[]): boolean {
    return this.hasAnyOf(hints);
  }
}
