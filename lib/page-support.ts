/**
 * Whether a page gives context that a common name is meant as the political prisoner:
 * the vocabulary of political prosecution, or words tied to the person (article, birth year;
 * region and case words together with some justice vocabulary). Used by the matcher to set
 * `confidence` on common names and namesakes.
 */
import { FNV_OFFSET, FNV_PRIME, fnv1a } from './fnv';

/**
 * Word lists below: a stem matches at the start of a word; a trailing "$" asks for the whole
 * word ("суд$" is the court, not "судак" or "судейство").
 *
 * Stems that place a page in politics: political prisoners, the articles and labels used
 * against dissent, protest, and the organisations that document it. Lower case, ё→е, matched
 * at the start of a word. ("political" alone is not here: a music review may ask whether an
 * album is political.)
 */
export const POLITICAL_STEMS = [
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
export const JUSTICE_STEMS = [
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

/** What `WORD_CHAR` says of each UTF-16 code unit: 0 not asked yet, 1 no, 2 yes. */
const wordChars = new Uint8Array(0x10000);
function isWordUnit(code: number): boolean {
  let c = wordChars[code]!;
  if (c === 0) {
    c = WORD_CHAR.test(String.fromCharCode(code)) ? 2 : 1;
    wordChars[code] = c;
  }
  return c === 2;
}

const CYRILLIC = /[\u0400-\u04FF]/;
/** Telling the main script needs only a sample of the text. */
const SCRIPT_STRIDE = 4;

/** Bits per filter (2^18 = 32 kB): few false hits even on a 100,000-word page. */
const FILTER_BITS = 18;
/** How many first characters of a word each filter holds: the longest that fits the needle is asked. */
const SHORT_GRAM = 3;
const LONG_GRAM = 6;
/** Building the filters costs about as much as this many searches of the whole text in vain. */
const FILTER_AFTER_SEARCHES = 4;
/** Characters prepared at the first question; each later step prepares as much again as before. */
const FIRST_CHUNK = 16_384;

/**
 * Bloom-style bit sets of how the words of a text begin: the first 3 and the first 6
 * characters at every word boundary (every position after a non-word character, and 0).
 * When a needle's beginning is not in them, the needle starts no word of the text. Fed as
 * the text grows.
 */
class WordStarts {
  private readonly short = new Uint32Array(2 ** FILTER_BITS / 32);
  private readonly long = new Uint32Array(2 ** FILTER_BITS / 32);
  /** The first position whose long gram is not entered yet (its short gram may be: entering twice is harmless). */
  private next = 0;

  /** Enters the positions of `text` from the last call on. */
  update(text: string): void {
    const { short, long } = this;
    const n = text.length;
    let p = this.next;
    // Whether the character before p is a word character.
    let inWord = p > 0 && isWordUnit(text.charCodeAt(p - 1));
    for (; p + SHORT_GRAM <= n; p++) {
      const code = text.charCodeAt(p);
      if (!inWord) {
        let h = Math.imul(FNV_OFFSET ^ code, FNV_PRIME);
        h = Math.imul(h ^ text.charCodeAt(p + 1), FNV_PRIME);
        h = Math.imul(h ^ text.charCodeAt(p + 2), FNV_PRIME);
        let bit = h >>> (32 - FILTER_BITS);
        short[bit >>> 5]! |= 1 << (bit & 31);
        if (p + LONG_GRAM <= n) {
          h = Math.imul(h ^ text.charCodeAt(p + 3), FNV_PRIME);
          h = Math.imul(h ^ text.charCodeAt(p + 4), FNV_PRIME);
          h = Math.imul(h ^ text.charCodeAt(p + 5), FNV_PRIME);
          bit = h >>> (32 - FILTER_BITS);
          long[bit >>> 5]! |= 1 << (bit & 31);
        }
      }
      const c = wordChars[code]!;
      inWord = c === 0 ? isWordUnit(code) : c === 2;
    }
    this.next = Math.max(this.next, n - LONG_GRAM + 1);
  }

  /** False when no word of the text entered starts like `needle`; true when one may. */
  mayStart(needle: string): boolean {
    if (needle.length < SHORT_GRAM) return true;
    const gram = needle.length >= LONG_GRAM ? LONG_GRAM : SHORT_GRAM;
    const bit = fnv1a(needle, 0, gram) >>> (32 - FILTER_BITS);
    const bits = gram === LONG_GRAM ? this.long : this.short;
    return (bits[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }
}

/**
 * The text of one page as seen so far (or the whole page), with remembered answers. Runs
 * added later are searched on their own, so a page fed block by block costs one pass per word.
 *
 * Nothing is done until the matcher asks (most pages name nobody), and then the text is
 * prepared (lower-cased) a piece at a time, as far as a search needs: on a page about
 * prosecution the first stems are found near the top, and the rest of a long page is never
 * lower-cased. A word not found has been searched for in the whole text. When many words turn
 * out not to be on the page, filters of how the page's words begin answer the rest of the "not
 * here" at once, instead of a search of the whole text for each of a hundred stems.
 */
export class PageSupport {
  /** The prepared text (lower case, ё→е): `raw` up to `rawPrepared`. */
  private text = '';
  /** Everything added before the runs in `pending`, and how much of it is prepared. */
  private raw = '';
  private rawPrepared = 0;
  /** Text added but not yet joined to `raw`: the whole page, or runs. */
  private pending: string[] = [];
  /** The rest of the whole page's text, when it was given as pieces: read only as far as asked. */
  private source: Iterator<string> | null = null;
  /** Per stem or hint: -1 when found, else how much of the text was searched without finding it. */
  private readonly searched = new Map<string, number>();
  /** How the words of the prepared text begin: made once searches in vain add up. */
  private starts: WordStarts | null = null;
  /** Characters searched without finding what was looked for. */
  private wasted = 0;
  /** `aboutProsecution()` was true once (and so stays true). */
  private prosecution = false;

  /**
   * `wholePageText`: the page's text, as one string or as pieces that join into it (a walk of
   * the page's text nodes): pieces are read only when a question needs the text they hold, so
   * on a page about prosecution, settled in its first lines, the rest is never read.
   */
  constructor(wholePageText?: string | Iterable<string>) {
    if (typeof wholePageText === 'string') {
      if (wholePageText) this.pending.push(wholePageText);
    } else if (wholePageText) this.source = wholePageText[Symbol.iterator]();
    this.complete = wholePageText !== undefined;
  }

  /** True when the constructor got the whole page, so `add` need not collect runs. */
  readonly complete: boolean;

  /** Adds a run of text the matcher is about to scan (only when the whole page is unknown). */
  add(run: string): void {
    if (this.complete) return;
    // Runs are joined by a line break, so no word runs across two of them.
    this.pending.push(`\n${run}`);
  }

  /** Joins the text added since the last question to `raw`, and prepares a first piece. */
  private catchUp(): void {
    if (this.pending.length > 0) {
      this.raw += this.pending.join('');
      this.pending = [];
    }
    if (this.text.length === 0) this.prepareMore();
  }

  /**
   * Prepares the next piece of `raw` (as long as all prepared so far, at least FIRST_CHUNK),
   * cut after a space or line break, so no word is split and the prepared text ends where no
   * word can. False when everything is prepared.
   */
  private prepareMore(): boolean {
    const want = this.rawPrepared + Math.max(FIRST_CHUNK, this.rawPrepared);
    this.readSource(want + 1);
    if (this.rawPrepared >= this.raw.length) return false;
    let cut = Math.min(this.raw.length, want);
    while (cut < this.raw.length && this.raw.charCodeAt(cut - 1) > 0x20) {
      cut++;
      // A word running past what was read: read on (doubling, so a long one costs no more).
      if (cut === this.raw.length && this.source) this.readSource(cut * 2);
    }
    const raw = this.raw;
    this.text += prepare(raw.slice(this.rawPrepared, cut));
    this.rawPrepared = cut;
    this.starts?.update(this.text);
    return true;
  }

  /** Reads pieces of `source` into `raw` until it holds `length` characters or the source ends. */
  private readSource(length: number): void {
    const source = this.source;
    if (!source || this.raw.length >= length) return;
    const pieces: string[] = [];
    let have = this.raw.length;
    while (have < length) {
      const next = source.next();
      if (next.done) {
        this.source = null;
        break;
      }
      pieces.push(next.value);
      have += next.value.length;
    }
    this.raw += pieces.join('');
  }

  /** Whether `word` is in the text prepared so far (each part of it is searched once per word). */
  private inPrepared(word: string): boolean {
    const upTo = this.searched.get(word) ?? 0;
    if (upTo < 0) return true;
    const text = this.text;
    if (upTo >= text.length) return false;
    // A page with none of a list's words would cost a search of the whole text per word.
    if (!this.starts && this.wasted > FILTER_AFTER_SEARCHES * text.length) {
      this.starts = new WordStarts();
      this.starts.update(text);
    }
    const from = Math.max(0, upTo - word.length);
    const needle = word.endsWith('$') ? word.slice(0, -1) : word;
    if ((!this.starts || this.starts.mayStart(needle)) && containsWord(text, word, from)) {
      this.searched.set(word, -1);
      return true;
    }
    this.wasted += text.length - from;
    this.searched.set(word, text.length);
    return false;
  }

  /** Per word list: true once one of its words was found, else the length of `raw` it was asked at. */
  private readonly lists = new Map<readonly string[], true | number>();

  /** Letters counted so far (every SCRIPT_STRIDE-th character), to tell the page's main script. */
  private latin = 0;
  private cyrillic = 0;
  private countedTo = 0;

  /** Whether the page so far has more Latin than Cyrillic letters. */
  private mostlyLatin(): boolean {
    const text = this.text;
    let p = this.countedTo;
    for (; p < text.length; p += SCRIPT_STRIDE) {
      const code = text.charCodeAt(p);
      if (code >= 0x61 && code <= 0x7a) this.latin++;
      else if (code >= 0x430 && code <= 0x44f) this.cyrillic++;
    }
    this.countedTo = p;
    return this.latin >= this.cyrillic;
  }

  /** Whether any word of the list is on the page; a list is asked again only when text was added. */
  private hasAnyOf(words: readonly string[]): boolean {
    this.catchUp();
    const known = this.lists.get(words);
    if (known === true || known === this.raw.length) return known === true;
    // All the words in the text prepared so far before more is prepared: on a page about
    // prosecution one of them is near the top, and the rest of the page is never read.
    let found = false;
    do {
      // Words in the page's own script first: the answer is the same, but on an English page the
      // first English stem usually settles it, where each Russian stem costs a search in vain.
      const latinFirst = this.mostlyLatin();
      found =
        words.some((word) => CYRILLIC.test(word) !== latinFirst && this.inPrepared(word)) ||
        words.some((word) => CYRILLIC.test(word) === latinFirst && this.inPrepared(word));
    } while (!found && this.prepareMore());
    // Not found means searched for in all of `raw`.
    this.lists.set(words, found || this.raw.length);
    return found;
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
    // Asked for every mark; once true it stays true (text is only ever added).
    if (this.prosecution) return true;
    this.prosecution = this.isPolitical() && this.touchesProsecution();
    return this.prosecution;
  }

  /** Any of the person's hints (article number, birth year, region or case word) is on the page. */
  mentionsAny(hints: readonly string[]): boolean {
    return this.hasAnyOf(hints);
  }
}
