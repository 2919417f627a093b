/**
 * The name matcher: finds prisoners' names in page text with token-level hash maps built once
 * from the index forms. One pass over the tokens; at each capitalised word that is an initial or
 * a known first name or surname (one remembered lookup per distinct word) it tries the name
 * orders (First [Patronymic] Last, Last First [Patronymic], Initials Last, Last Initials) for
 * the records that own that word, then a surname alone for people the page already named.
 * Per-record details are built the first time a record is a candidate, so startup stays short.
 *
 * Runs in the content script: no browser APIs, no regex per name.
 */
import { isCommonFirstName, isCommonSurname } from './common-names';
import { shortForms } from './diminutives';
import { spellingKey } from './spelling-key';
import type { Matcher, MatcherData, MatcherPerson, MatcherTables, Mention, PageContext, TableRow } from './matcher-types';
import { fromOneByte, listField, oneByte, packRow, packWords, rowFields, rowId, WordOwners } from './packed-tables';
import { PageSupport } from './page-support';
import { OFFICIAL_WORDS, ROLE_WORDS } from './roles';
import { BREAK_BEFORE, CAPITALISED, INITIAL, TokenList, type WordToken } from './tokenize';

type Script = 'ru' | 'en';

interface Person {
  id: string;
  initials: readonly string[];
  middle: readonly string[];
  /** Surname and first name both on the frequency lists. */
  common: boolean;
  /** Script whose forms were only back-transliterated; 'all' when unknown which. */
  derived: Script | 'all' | null;
  hints: readonly string[];
  weakHints: readonly string[];
  /** Built the first time the person is a candidate on a page: most never are. */
  detail?: PersonDetail;
}

interface PersonDetail {
  middles: ReadonlySet<string>;
  /** Transliteration-tolerant keys of the patronymic forms, per script. */
  middleKeys: Record<Script, ReadonlySet<string>>;
}

/** What the index says about one page word (or two joined by a hyphen). */
interface WordLookup {
  /** The word's fallback key: any Cyrillic word may meet a back-transliterated form. */
  key: string;
  /** Records with this surname form, exactly or by the fallback key. */
  owners: number[] | undefined;
  /** Some record has this first-name form, exactly or by the fallback key. */
  first: boolean;
  /** Those records, exactly or by the fallback key (null when `first` is false). */
  firstOwners: ReadonlySet<number> | null;
  /** It begins a hyphenated surname form (see `hyphenHeads`), exactly or by the fallback key. */
  hyphenHead: boolean;
}

/** How a token in the patronymic slot relates to one record. */
type MiddleVerdict = 'match' | 'allowed' | 'mismatch' | 'none';

const CYRILLIC = /[\u0400-\u04FF]/;
/** Russian and Ukrainian patronymics in any case; Latin nominatives. */
const PATRONYMIC = /(?:ович|евич|ьич|ыч|ич)(?:а|у|ем|е)?$|(?:овн|евн|ичн|івн|ївн)(?:а|ы|е|у|ой|ою|и|і)$|(?:ovich|evich|ovych|evych|yich|ovna|evna|ichna|ivna|yivna)$/;

/** The second word of a Turkic patronymic: "Теймур Рза оглы", "Sevil Rza kyzy". */
const TURKIC_PATRONYMIC = new Set(['оглы', 'оглу', 'кызы', 'гызы', 'улы', 'ogly', 'oglu', 'ogli', 'kyzy', 'qizi', 'gyzy']);

export function isPatronymicShaped(norm: string): boolean {
  return norm.length >= 5 && PATRONYMIC.test(norm);
}

function scriptOf(norm: string): Script {
  return CYRILLIC.test(norm) ? 'ru' : 'en';
}

/** Folds Latin spelling variants of one patronymic together (Sergeyevich/Sergeevich, x/ks). */
function looseKey(norm: string): string {
  if (scriptOf(norm) === 'ru') return norm;
  return norm.replace(/x/g, 'ks').replace(/[yji]e/g, 'e').replace(/[yj]/g, 'i');
}

/**
 * The second key a name form is looked up under, for spellings the index cannot list:
 * - Latin: the spelling key, so Yesypenko finds Esipenko and Iuliia finds Yulia;
 * - Cyrillic, only for back-transliterated forms: without ь, ъ and with э→е, because
 *   "Kulkov" cannot tell that the name is Кульков (such matches rest on derived forms).
 * Returns null for a Cyrillic form that was read in a source: it must match exactly.
 */
function fallbackKey(norm: string, derivedCyrillic: boolean): string | null {
  if (scriptOf(norm) === 'en') return spellingKey(norm);
  return derivedCyrillic ? norm.replace(/[ьъ]/g, '').replace(/э/g, 'е') : null;
}

/** A record's first-name forms with their short forms. */
function withShortForms(first: readonly string[]): string[] {
  return [...first, ...shortForms(first)];
}

function addTo(map: Map<string, number[]>, key: string, person: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [person]);
  else if (list[list.length - 1] !== person) list.push(person);
}

class Page implements PageContext {
  readonly fullyNamed: Set<string>;
  constructor(
    readonly support: PageSupport,
    namedBefore: Iterable<string> = [],
  ) {
    this.fullyNamed = new Set(namedBefore);
  }
}

/**
 * A context for reading one part of `page` again, out of document order (the content script's
 * rescan of a changed block): the same page-wide support (confidence), and as "named in full"
 * only `namedBefore`, the people the page named in full before that part. A surname alone then
 * resolves as it would in a fresh scan of the page in document order.
 */
export function resumePage(page: PageContext, namedBefore: Iterable<string>): PageContext {
  if (!(page instanceof Page)) throw new TypeError('resumePage() needs a context from newPage()');
  return new Page(page.support, namedBefore);
}

interface Found {
  /** Tokens covered; with no ids, tokens of someone else's full name to step over. */
  length: number;
  people: number[];
}

/** Which script of a record's forms was only back-transliterated; 'all' when unknown which. */
function derivedOf(record: MatcherPerson): Script | 'all' | null {
  return record.derivedScript ?? (record.forms.derived ? 'all' : null);
}

/** A record's row; `first` with its short forms, `derived` by `derivedOf`, as the tables' loop made them. */
function tableRow(record: MatcherPerson, first: readonly string[], derived: Script | 'all' | null): string {
  const initials = new Set<string>();
  // Initials come from the full first-name forms only, never from short forms.
  for (const f of record.forms.first) {
    initials.add(f.slice(0, 1));
    if (f.length > 1) initials.add(f.slice(0, 2));
  }
  const common = record.forms.last.some(isCommonSurname) && first.some(isCommonFirstName);
  const row: TableRow = [record.id, [...initials], record.forms.middle, common ? '1' : '', derived ?? '', record.hints ?? [], record.weakHints ?? []];
  return packRow(row);
}

/** A record as the matcher reads it, from its table row. */
function personOf(row: string): Person {
  const [id, initials, middle, common, derived, hints, weakHints] = rowFields(row) as [string, string, string, string, string, string, string];
  return {
    id,
    initials: listField(initials),
    middle: listField(middle),
    common: common === '1',
    derived: derived === '' ? null : (derived as Script | 'all'),
    hints: listField(hints),
    weakHints: listField(weakHints),
  };
}

/** The entries of `map` whose word is Cyrillic. */
function cyrillicOnly(map: ReadonlyMap<string, number[]>): Map<string, number[]> {
  return new Map([...map].filter(([word]) => scriptOf(word) === 'ru'));
}

/** Shape of `MatcherTables`; raise it when that changes, so stored copies of the old shape go unused. */
export const TABLES_FORMAT = 4;

/** The lookup lists a matcher needs, derived from the index's forms (see `MatcherTables`). */
export function buildMatcherTables(data: MatcherData): MatcherTables {
  const byLast = new Map<string, number[]>();
  const byFirst = new Map<string, number[]>();
  const byLastFallback = new Map<string, number[]>();
  const byFirstFallback = new Map<string, number[]>();
  const anyMiddle = new Set<string>();
  /** Latin spelling keys made so far: records repeat forms (every Aleksandr has the same cases). */
  const latinKeys = new Map<string, string>();
  const keyOf = (form: string, derivedRu: boolean): string | null => {
    if (scriptOf(form) !== 'en') return fallbackKey(form, derivedRu);
    let key = latinKeys.get(form);
    if (key === undefined) latinKeys.set(form, (key = spellingKey(form)));
    return key;
  };

  const people = data.people.map((record, index) => {
    const { last, middle } = record.forms;
    // Short forms (Саша, Жени, Sasha) name the person too, but never count as initials.
    const first = withShortForms(record.forms.first);
    for (const m of middle) anyMiddle.add(m);
    const derived = derivedOf(record);
    const derivedRu = derived === 'ru' || derived === 'all';
    for (const form of first) {
      const key = keyOf(form, derivedRu);
      if (key !== null) addTo(byFirstFallback, key, index);
    }
    for (const form of last) {
      const key = keyOf(form, derivedRu);
      if (key !== null) addTo(byLastFallback, key, index);
    }
    for (const form of last) addTo(byLast, form, index);
    for (const form of first) addTo(byFirst, form, index);
    return tableRow(record, first, derived);
  });
  const hyphenHeads = new Set<string>();
  for (const map of [byLast, byLastFallback]) {
    for (const form of map.keys()) {
      for (let at = form.indexOf('-'); at > 0; at = form.indexOf('-', at + 1)) hyphenHeads.add(form.slice(0, at));
    }
  }
  return {
    version: data.version,
    formCount: byLast.size + byFirst.size + anyMiddle.size,
    people,
    // A Latin form is looked up by its spelling key too, which finds everyone the form itself
    // would (`lookup`): the Latin forms need not be listed again.
    byLast: packWords(cyrillicOnly(byLast)),
    byFirst: packWords(cyrillicOnly(byFirst)),
    byLastFallback: packWords(byLastFallback),
    byFirstFallback: packWords(byFirstFallback),
    anyMiddle: [...anyMiddle].map(oneByte),
    hyphenHeads: [...hyphenHeads].map(oneByte),
  };
}

/** Characters after which a word opens a sentence (or a heading, a list item, a quote). */
const SENTENCE_OPENERS = '.!?…\n\r"“”«»„\'‘’—–-:;(*•';

/**
 * A matcher over the index's forms: from `MatcherData` (tests, scripts), or from the tables
 * the background built (the content script), which skips deriving them again.
 */
export function createMatcher(source: MatcherData | MatcherTables): Matcher {
  const tables = 'byLast' in source ? source : buildMatcherTables(source);
  const byLast = new WordOwners(tables.byLast);
  const byFirst = new WordOwners(tables.byFirst);
  const byLastFallback = new WordOwners(tables.byLastFallback);
  const byFirstFallback = new WordOwners(tables.byFirstFallback);
  const anyMiddle = new Set(tables.anyMiddle.map(fromOneByte));
  const hyphenHeads = new Set(tables.hyphenHeads.map(fromOneByte));
  const rows = tables.people;
  if (!Array.isArray(rows) || !rows.every((row) => typeof row === 'string')) throw new TypeError('matcher tables: people is not a list of rows');
  /** Records are read from their rows the first time one is a candidate: most never are on a page. */
  const read: Array<Person | undefined> = [];
  const person = (i: number): Person => (read[i] ??= personOf(rows[i]!));
  /** A record's id alone, from the head of its row: a surname's owners are asked for theirs before anything else. */
  const idsRead: Array<string | undefined> = [];
  const idOf = (i: number): string => (idsRead[i] ??= read[i]?.id ?? fromOneByte(rowId(rows[i]!)));

  function detail(p: Person): PersonDetail {
    if (p.detail) return p.detail;
    const middleKeys: Record<Script, Set<string>> = { ru: new Set(), en: new Set() };
    for (const m of p.middle) middleKeys[scriptOf(m)].add(looseKey(m));
    p.detail = { middles: new Set(p.middle), middleKeys };
    return p.detail;
  }

  function middleVerdict(p: Person, token: WordToken): MiddleVerdict {
    const norm = token.norm;
    const shaped = isPatronymicShaped(norm);
    const { middles, middleKeys } = detail(p);
    if (token.initial) {
      const forms = [...middles].filter((m) => scriptOf(m) === scriptOf(norm));
      if (forms.length === 0) return 'allowed';
      return forms.some((m) => m.startsWith(norm)) ? 'match' : 'mismatch';
    }
    if (middles.has(norm)) return 'match';
    const keys = middleKeys[scriptOf(norm)];
    if (keys.size === 0) return shaped ? 'allowed' : 'none';
    if (keys.has(looseKey(norm))) return 'match';
    return shaped ? 'mismatch' : 'none';
  }

  // Initials are one letter or a two-letter Latin digraph (tokenize.ts), so the row's prefixes answer it.
  const initialFits = (p: Person, initial: string): boolean => p.initials.includes(initial);
  /** Remembered per word: capitalised words repeat across a page and across pages. */
  const lookups = new Map<string, WordLookup>();
  function lookup(norm: string): WordLookup {
    let found = lookups.get(norm);
    if (found === undefined) {
      if (lookups.size > 20_000) lookups.clear();
      const key = fallbackKey(norm, true)!;
      const spelt = oneByte(norm);
      const speltKey = key === norm ? spelt : oneByte(key);
      const exact = byLast.ownersOf(spelt);
      const loose = byLastFallback.ownersOf(speltKey);
      const owners = !loose ? exact : !exact ? loose : [...new Set([...exact, ...loose])];
      const firstExact = byFirst.ownersOf(spelt);
      const firstLoose = byFirstFallback.ownersOf(speltKey);
      const firstOwners = firstExact || firstLoose ? new Set([...(firstExact ?? []), ...(firstLoose ?? [])]) : null;
      found = { key, owners, first: firstOwners !== null, firstOwners, hyphenHead: hyphenHeads.has(norm) || hyphenHeads.has(key) };
      lookups.set(norm, found);
    }
    return found;
  }
  const surnameOwners = (norm: string): number[] | undefined => lookup(norm).owners;
  const firstLike = (norm: string): boolean => lookup(norm).first || isCommonFirstName(norm);

  /**
   * How sure a mark is. Every name needs some support from the page, because a namesake on a
   * page about football or a city council is not the prisoner:
   * - the page is about political prosecution (political and justice vocabulary), or it names
   *   the person's article or birth year, or their region/case words next to either vocabulary;
   * - for a rare name (not common, not shared by several records, not back-transliterated),
   *   political vocabulary alone is enough.
   */
  function confidence(ids: readonly number[], norm: string, page: Page): 'high' | 'low' {
    const support = page.support;
    if (support.aboutProsecution()) return 'high';
    if (ids.some((i) => support.mentionsAny(person(i).hints))) return 'high';
    const political = support.isPolitical();
    if ((political || support.touchesProsecution()) && ids.some((i) => support.mentionsAny(person(i).weakHints))) return 'high';
    // The script of the mention's first word (`norm`): a match on forms derived in it is weaker.
    const script = scriptOf(norm);
    const weak =
      ids.length > 1 ||
      ids.some((i) => {
        const p = person(i);
        return p.common || p.derived === 'all' || p.derived === script;
      });
    return !weak && political ? 'high' : 'low';
  }

  /** The one token list this matcher reads every run into. */
  const list = new TokenList();
  /**
   * A capitalised word `mayStartName` could say yes to: a first name or surname, or the first
   * word of a hyphenated surname. `TokenList.readNear` tokenises only around these.
   */
  const isNameWord = (norm: string): boolean => {
    const word = lookup(norm);
    return word.first || word.owners !== undefined || word.hyphenHead;
  };

  /**
   * Whether a name may start at capitalised, non-initial token i: it is a first name or a
   * surname, alone or hyphen-joined with the next word. Exactly the tokens where `fullAt` or
   * `surnameAt` could find anything, told cheaply.
   */
  function mayStartName(i: number): boolean {
    const word = wordAt(i);
    if (word.first || word.owners) return true;
    const u = i + 1;
    return (
      u < list.count &&
      (list.flags[u]! & (BREAK_BEFORE | CAPITALISED | INITIAL)) === CAPITALISED &&
      word.hyphenHead &&
      surnameOwners(`${list.norm(i)}-${list.norm(u)}`) !== undefined
    );
  }

  /*
   * The state of one `scan`, kept here so the search helpers below are made once per matcher,
   * not once per run of text: the page, and what the index says of the words looked at.
   */
  let page: Page;
  const token = (k: number): WordToken => list.view(k);
  /** What the index says of token k's word, asked once per token. */
  let words: Array<WordLookup | undefined> = [];
  const wordAt = (k: number): WordLookup => (words[k] ??= lookup(list.norm(k)));
  /** The token at k if it is still in the same name run as token `from`. */
  function inRun(from: number, k: number): WordToken | undefined {
    if (k >= list.count) return undefined;
    const flags = list.flags;
    for (let m = from + 1; m <= k; m++) if (flags[m]! & BREAK_BEFORE) return undefined;
    return token(k);
  }
  const nameWord = (t: WordToken | undefined): t is WordToken => t !== undefined && t.capitalised && !t.initial;

  /**
   * Surname readings starting at k (a hyphenated surname may be written as two words), left in
   * `lastLengths`/`lastPeople`; returns how many (0 to 2). Each caller reads them before it asks
   * again.
   */
  const lastLengths = [0, 0];
  const lastPeople: number[][] = [[], []];
  function lastAt(from: number, k: number): number {
    const t = inRun(from, k);
    if (!nameWord(t)) return 0;
    let n = 0;
    const word = wordAt(k);
    const u = inRun(from, k + 1);
    if (nameWord(u) && word.hyphenHead) {
      const joined = surnameOwners(`${t.norm}-${u.norm}`);
      if (joined) {
        lastLengths[n] = 2;
        lastPeople[n++] = joined;
      }
    }
    const single = word.owners;
    if (single) {
      lastLengths[n] = 1;
      lastPeople[n++] = single;
    }
    return n;
  }

  /** A Turkic patronymic ("Рза оглы") at k that fits record p: it covers two tokens. */
  function turkicAt(from: number, k: number, p: Person): boolean {
    const father = inRun(from, k);
    const word = inRun(from, k + 1);
    if (!nameWord(father) || !word || !TURKIC_PATRONYMIC.has(word.norm)) return false;
    const { middles } = detail(p);
    return middles.size === 0 || middles.has(father.norm);
  }

  /** The longest reading per record found by one `fullAt` (a handful at most: a plain list beats a Map). */
  const bestPeople: number[] = [];
  const bestLengths: number[] = [];
  let bestCount = 0;
  function record(p: number, length: number): void {
    let at = 0;
    while (at < bestCount && bestPeople[at] !== p) at++;
    if (at === bestCount) {
      bestPeople[at] = p;
      bestLengths[at] = length;
      bestCount++;
    } else if (bestLengths[at]! < length) bestLengths[at] = length;
  }

  function fullAt(i: number): Found | null {
    bestCount = 0;
    let skip = 0;
    const t = token(i);
    if (!t.initial) {
      // First [Patronymic | middle initial] Last
      const firstWord = wordAt(i);
      if (firstWord.first) {
        const firstOwners = firstWord.firstOwners!;
        for (let r = 0, n = lastAt(i, i + 1); r < n; r++) {
          for (const p of lastPeople[r]!) if (firstOwners.has(p)) record(p, 1 + lastLengths[r]!);
        }
        const mid = inRun(i, i + 1);
        if (mid && mid.capitalised && (mid.initial || anyMiddle.has(mid.norm) || isPatronymicShaped(mid.norm))) {
          for (let r = 0, n = lastAt(i, i + 2); r < n; r++) {
            const length = lastLengths[r]!;
            for (const p of lastPeople[r]!) {
              if (!firstOwners.has(p)) continue;
              const verdict = middleVerdict(person(p), mid);
              if (verdict === 'match' || verdict === 'allowed') record(p, 2 + length);
              else if (verdict === 'mismatch') skip = Math.max(skip, 2 + length);
            }
          }
        }
        // First Father оглы Last
        for (let r = 0, n = lastAt(i, i + 3); r < n; r++) {
          for (const p of lastPeople[r]!) if (firstOwners.has(p) && turkicAt(i, i + 1, person(p))) record(p, 3 + lastLengths[r]!);
        }
      }
      // Last First [Patronymic], Last Initial [Initial]
      for (let r = 0, n = lastAt(i, i); r < n; r++) {
        const lastLength = lastLengths[r]!;
        const lasts = lastPeople[r]!;
        const k = i + lastLength;
        const next = inRun(i, k);
        if (!next || !next.capitalised) continue;
        const mid = inRun(i, k + 1);
        if (!next.initial) {
          const nextWord = wordAt(k);
          if (!nextWord.first) continue;
          for (const p of lasts) {
            if (!nextWord.firstOwners!.has(p)) continue;
            let length = lastLength + 1;
            if (mid && mid.capitalised && !mid.initial) {
              const verdict = middleVerdict(person(p), mid);
              if (verdict === 'mismatch') {
                skip = Math.max(skip, length + 1);
                continue;
              }
              if (verdict !== 'none') length++;
              else if (turkicAt(i, k + 1, person(p))) length += 2;
            }
            record(p, length);
          }
        } else {
          for (const p of lasts) {
            if (!initialFits(person(p), next.norm)) continue;
            let length = lastLength + 1;
            if (mid && mid.initial) {
              const verdict = middleVerdict(person(p), mid);
              if (verdict === 'mismatch') {
                skip = Math.max(skip, length + 1);
                continue;
              }
              length++;
            }
            record(p, length);
          }
        }
      }
    } else {
      // Initial [Initial] Last
      const second = inRun(i, i + 1);
      const k = second?.initial ? i + 2 : i + 1;
      for (let r = 0, n = lastAt(i, k); r < n; r++) {
        const length = lastLengths[r]!;
        for (const p of lastPeople[r]!) {
          if (!initialFits(person(p), t.norm)) continue;
          if (second?.initial && middleVerdict(person(p), second) === 'mismatch') {
            skip = Math.max(skip, k - i + length);
            continue;
          }
          record(p, k - i + length);
        }
      }
    }
    let longest = 0;
    for (let at = 0; at < bestCount; at++) longest = Math.max(longest, bestLengths[at]!);
    if (longest > 0) {
      const found: number[] = [];
      for (let at = 0; at < bestCount; at++) if (bestLengths[at] === longest) found.push(bestPeople[at]!);
      return { length: longest, people: found };
    }
    return skip > 0 ? { length: skip, people: [] } : null;
  }

  /** Whether token `k` opens a sentence or a line: the text before it ends one, or there is none. */
  function sentenceStartAt(k: number): boolean {
    const text = list.text;
    for (let at = list.starts[k]! - 1; at >= 0; at--) {
      const ch = text[at]!;
      if (ch === ' ' || ch === '\u00a0' || ch === '\t') continue;
      // Quotes and dashes open a sentence as often as they sit inside one: count them as openers.
      return SENTENCE_OPENERS.includes(ch);
    }
    return true;
  }

  /** Whether a capitalised word runs straight into token `k` (no punctuation between). */
  function capitalisedBefore(k: number): boolean {
    return k > 0 && !(list.flags[k]! & BREAK_BEFORE) && (list.flags[k - 1]! & CAPITALISED) !== 0;
  }

  /** Whether token `k` is written in capitals throughout ("FSB", "ОВД"): not a first name. */
  function isAcronym(k: number): boolean {
    const raw = list.text.slice(list.starts[k]!, list.ends[k]!);
    return raw.length > 1 && raw === raw.toUpperCase();
  }

  function surnameAt(i: number): Found | null {
    const prev = i > 0 && !(list.flags[i]! & BREAK_BEFORE) ? token(i - 1) : undefined;
    // "Ольга Бахтина", "Sergei Ivanov": a different first name makes it someone else.
    if (prev && prev.capitalised && (prev.initial || firstLike(prev.norm))) return null;
    // "…осуждённых, Лиля Газиева": inside a sentence, a lone capitalised word right before the
    // surname is nearly always a first name the lists do not hold (Лиля, Зиля), so someone else.
    // Not after a run of capitals: in "Владимира Путина Бахтин" the word before is a surname.
    if (prev && prev.capitalised && !sentenceStartAt(i - 1) && !isAcronym(i - 1) && !capitalisedBefore(i - 1)) return null;
    // "judge Ivanov", "свидетель Иванов": someone else with that surname.
    if (prev && ROLE_WORDS.has(prev.norm)) return null;
    for (let r = 0, n = lastAt(i, i); r < n; r++) {
      const length = lastLengths[r]!;
      const lasts = lastPeople[r]!;
      // Most surnames alone are of no one the page named in full: no array for them.
      let named: number[] | null = null;
      for (const p of lasts) if (page.fullyNamed.has(idOf(p))) (named ??= []).push(p);
      if (named === null) continue;
      const next = inRun(i, i + length);
      if (next && next.capitalised && (next.initial || firstLike(next.norm) || isPatronymicShaped(next.norm))) return null;
      return { length, people: named };
    }
    return null;
  }

  /** The mention of tokens from..to of the text `list` holds, naming records `ids`. */
  function mention(from: number, to: number, ids: readonly number[], kind: Mention['kind']): Mention {
    const start = list.starts[from]!;
    const end = list.ends[to]!;
    return {
      start,
      end,
      text: list.text.slice(start, end),
      ids: ids.map(idOf),
      kind,
      confidence: confidence(ids, list.norm(from), page),
    };
  }

  /** Mentions in the tokens of `list`. */
  function scan(context: Page): Mention[] {
    page = context;
    words = [];
    const count = list.count;
    const flags = list.flags;
    const found: Mention[] = [];
    let i = 0;
    while (i < count) {
      const f = flags[i]!;
      if (!(f & CAPITALISED) || (!(f & INITIAL) && !mayStartName(i))) {
        i++;
        continue;
      }
      const full = fullAt(i);
      if (full) {
        const prev = i > 0 && !(f & BREAK_BEFORE) ? token(i - 1) : undefined;
        // "судья Дмитрий Иванов": a namesake on the bench, not the prisoner.
        if (prev && OFFICIAL_WORDS.has(prev.norm)) full.people = [];
        if (full.people.length > 0) {
          found.push(mention(i, i + full.length - 1, full.people, 'full'));
          for (const p of full.people) page.fullyNamed.add(idOf(p));
        }
        i += full.length;
        continue;
      }
      const surname = surnameAt(i);
      if (surname) {
        found.push(mention(i, i + surname.length - 1, surname.people, 'surname'));
        i += surname.length;
        continue;
      }
      i++;
    }
    return found;
  }

  return {
    formCount: tables.formCount,
    newPage(wholePageText?: string | Iterable<string>): PageContext {
      return new Page(new PageSupport(wholePageText));
    },
    find(text: string, context: PageContext): Mention[] {
      if (!(context instanceof Page)) throw new TypeError('find() needs a context from newPage()');
      context.support.add(text);
      // Only the stretches around possible names are tokenised: the scan skips every other word.
      // The one lower-case word a name goes on through: the second word of a Turkic patronymic.
      list.readNear(text, isNameWord, TURKIC_PATRONYMIC);
      return scan(context);
    },
  };
}
