/**
 * The contract between the name matcher (lib/matcher.ts) and its users: the content script,
 * `npm run detect`, `npm run eval` and the benchmarks. All of them run the same matcher.
 */
import type { NameForms } from './index-schema';
import type { PackedWords } from './packed-tables';

/** What the content script needs to find names: ids and name forms only, no card details. */
export interface MatcherPerson {
  id: string;
  forms: NameForms;
  /**
   * Which script of the record's name was only back-transliterated (record.name.derived):
   * a match on forms of that script is less certain. Optional; `forms.derived` without it
   * makes every form count as derived.
   */
  derivedScript?: 'ru' | 'en';
  /**
   * Lower-case numbers or word starts that, found anywhere on the page, support that this
   * person is meant: article numbers ("207.3"), birth year. Optional.
   */
  hints?: string[];
  /**
   * Weaker hints (region stem, words of the case name): they support only together with some
   * prosecution vocabulary on the page. Optional.
   */
  weakHints?: string[];
}

export interface MatcherData {
  /** The index version these forms came from. */
  version: number;
  people: MatcherPerson[];
}

/**
 * What a matcher derives from `MatcherData` before it can match: the name forms and their
 * spelling keys as lookup lists. The background builds them once per index
 * (`buildMatcherTables`) and every page reads them as JSON text at load, so they are packed
 * (lib/packed-tables.ts) so that a page's content script only parses them, and parsing them is
 * little more than copying strings: the word lists are hash tables laid out in text. Deriving
 * them there took 30–40 ms of each page's load.
 */
export interface MatcherTables {
  version: number;
  /** How many name forms the index gives (surnames, first names, patronymics): for the benchmarks. */
  formCount: number;
  /** One row per record, in index order (`TableRow`); a row holds only what matching reads of the record. */
  people: string[];
  /**
   * Form or key → indexes into `people`, in the order the people come. The exact lists hold
   * Cyrillic forms only: a Latin word is found by its spelling key (`byLastFallback`).
   */
  byLast: PackedWords;
  byFirst: PackedWords;
  byLastFallback: PackedWords;
  byFirstFallback: PackedWords;
  /** Every patronymic form of the index (`oneByte` spelling, as all text of the tables). */
  anyMiddle: string[];
  /** The beginnings of hyphenated surnames ("кара" of "кара-мурза"), exactly and by key. */
  hyphenHeads: string[];
}

/**
 * The fields of a record's row, in order (`packRow`): its name forms live in the lookup lists,
 * so a row keeps only what those cannot answer.
 */
export type TableRow = [
  id: string,
  /** The first one and two letters of each first-name form: what an initial of it may be. */
  initials: string[],
  /** Patronymic forms. */
  middle: string[],
  /** '1' when both the surname and the first name are on the frequency lists (see common-names), else ''. */
  common: '1' | '',
  /** Script whose forms were only back-transliterated; 'all' when unknown which; '' when none. */
  derived: 'ru' | 'en' | 'all' | '',
  hints: string[],
  weakHints: string[],
];

export interface Mention {
  /** Offsets in JavaScript string indices into the text passed to `find`. */
  start: number;
  end: number;
  text: string;
  /** Every record this mention may refer to; more than one means namesakes to tell apart. */
  ids: string[];
  /** 'full': first name (or initials) with surname; 'surname': a later surname-only mention. */
  kind: 'full' | 'surname';
  /**
   * 'low' when the page gives too little support that the prisoner is meant: no political or
   * prosecution context (political vocabulary alone is enough for a rare name; a common name,
   * namesakes or back-transliterated spellings need political and justice vocabulary, or the
   * person's article, birth year, region or case on the page).
   */
  confidence: 'high' | 'low';
}

/** What one page has said so far: people named in full, so later surname-only mentions resolve. */
export interface PageContext {
  readonly fullyNamed: ReadonlySet<string>;
}

export interface Matcher {
  /**
   * A fresh context for a new page (or a new SPA location). Pass the page's whole text when you
   * have it: the supporting-context check for common names (`confidence`) then looks at the
   * whole page, not only at the runs passed to `find` so far. As pieces (an iterable whose
   * strings join into the text), it is read only as far as that check needs.
   */
  newPage(wholePageText?: string | Iterable<string>): PageContext;
  /**
   * Finds mentions in one run of text (a block of the page, or a whole file), in order.
   * Runs of one page must be passed in document order with the same context.
   */
  find(text: string, page: PageContext): Mention[];
  /** How many name tokens the matcher holds (for the benchmarks). */
  readonly formCount: number;
}
