/**
 * The popup's search over every record, insensitive to script, transliteration and Russian
 * case. Each query word is looked up among the normalised name forms the index build generated
 * for every record (surname, first name and patronymic in all cases and Latin spellings), so
 * "bakhtin", "бахтин" and "Бахтину" all reach the same record.
 *
 * Two tiers, because a reader who types a name expects that person, not lookalikes:
 * 1. every query word equals a name form, or is the start of one (typing in progress);
 * 2. only when tier 1 finds nobody: forms fuse.js finds close to the word (Bitap over the
 *    distinct forms), for typos such as "Bakhtni" or part of a double surname ("Murza").
 *    The popup labels these as similar names. Fuse scores a word by its errors per letter,
 *    so names tie often ("Bakthin" is two errors from both Bakhtin and Kondrakhin); the edit
 *    distance breaks those ties. On the 680-record index (about 6,200 forms) a fuse lookup
 *    took 10–15 ms per word on a busy 2-core machine, which is why tier 1 does not use it.
 * A multi-word query needs every word to match the same record, in any order.
 */
import Fuse, { type IFuseOptions } from 'fuse.js';
import type { PrisonerRecord } from '@/lib/index-schema';
import { normalizeToken } from '@/lib/normalize';

/** Which part of the name a form belongs to; `alias` is a word of a printed name that no generated form covers. */
export type NameField = 'last' | 'first' | 'middle' | 'alias';

/** How a query word met a name form. */
export type MatchKind = 'exact' | 'prefix' | 'similar';

export interface WordMatch {
  /** The normalised query word. */
  word: string;
  /** The record's normalised form it met. */
  token: string;
  field: NameField;
  kind: MatchKind;
  /** 0 is best; used for ordering only. */
  cost: number;
  /** Edit distance from the word to the form (0 when exact): breaks ties between equal costs. */
  edits: number;
}

export interface SearchHit {
  record: PrisonerRecord;
  /** One match per query word. */
  matches: readonly WordMatch[];
  /** Sum of the words' costs: lower ranks first. */
  score: number;
  /** Sum of the words' edit distances: fewer ranks first among equal scores. */
  edits: number;
}

export interface SearchResult {
  hits: SearchHit[];
  /** How many records matched before the limit was applied. */
  total: number;
  /** True when nothing matched exactly or as a prefix and `hits` are fuzzy neighbours. */
  similar: boolean;
}

export interface PersonSearch {
  search(query: string, limit?: number): SearchResult;
  readonly tokenCount: number;
}

/** A surname match ranks above a first-name one, which ranks above a patronymic. */
const FIELD_COST: Record<NameField, number> = { last: 0, alias: 0.02, first: 0.1, middle: 0.2 };
const KIND_COST: Record<MatchKind, number> = { exact: 0, prefix: 0.5, similar: 1 };
/** Queries are names: more words than a full name with a double surname are noise. */
const MAX_QUERY_WORDS = 6;
/** Fuzzy matching on one or two letters returns noise. */
const MIN_FUZZY_LENGTH = 3;
/** Longer than any name part (and than Bitap's 32-letter pattern): not worth a fuzzy scan. */
const MAX_FUZZY_LENGTH = 32;
/** Scores closer than this are equal (sums of fractions in different orders). */
const SAME_SCORE = 1e-9;
/**
 * Fuse over single normalised words. Its score is errors per letter of the query word, so the
 * threshold allows one typo in 3–5 letters, two in 6–8, three in 9–11. The word may meet the
 * form anywhere (a typo in the first letter, or the end of a long surname), and forms are
 * already lower case with one word each, so case folding and field-length norms add nothing.
 */
const FUSE_OPTIONS: IFuseOptions<string> = {
  includeScore: true,
  threshold: 0.35,
  ignoreLocation: true,
  minMatchCharLength: MIN_FUZZY_LENGTH,
  isCaseSensitive: true,
  ignoreFieldNorm: true,
  shouldSort: false,
};
/** Fuzzy neighbours much worse than the best one are not worth showing. */
const SIMILAR_SPREAD = 0.2;
const MAX_SIMILAR = 8;

/** Splits a name or query into normalised words (keeps hyphenated surnames whole). */
export function nameWords(text: string): string[] {
  return text
    .split(/[\s.,;:()«»"„“”]+/u)
    .map(normalizeToken)
    .filter((w) => w.length > 0);
}

interface Owner {
  record: number;
  field: NameField;
}

export function createPersonSearch(records: readonly PrisonerRecord[]): PersonSearch {
  const owners = new Map<string, Owner[]>();
  records.forEach((r, i) => {
    const own = new Set<string>();
    const add = (token: string, field: NameField) => {
      let list = owners.get(token);
      if (!list) owners.set(token, (list = []));
      if (!list.some((o) => o.record === i && o.field === field)) list.push({ record: i, field });
      own.add(token);
    };
    for (const t of r.forms.last) add(t, 'last');
    for (const t of r.forms.first) add(t, 'first');
    for (const t of r.forms.middle) add(t, 'middle');
    // Printed names and aliases may hold a spelling no form covers; the rest are already owned.
    for (const text of [r.name.ru, r.name.en, ...r.aliases]) {
      for (const w of nameWords(text ?? '')) if (!own.has(w)) add(w, 'alias');
    }
  });
  const sorted = [...owners.keys()].sort();
  // Built on the first typo: most searches never need it.
  let fuse: Fuse<string> | null = null;
  const similarForms = (word: string) => (fuse ??= new Fuse(sorted, FUSE_OPTIONS)).search(word);

  /** Best match of one word per record, from exact and prefix forms (and fuzzy ones if asked). */
  const matchWord = (word: string, withSimilar: boolean): Map<number, WordMatch> => {
    const best = new Map<number, WordMatch>();
    const offer = (token: string, kind: MatchKind, extra: number, edits: number) => {
      for (const { record, field } of owners.get(token) ?? []) {
        const match: WordMatch = { word, token, field, kind, cost: KIND_COST[kind] + FIELD_COST[field] + extra, edits };
        const seen = best.get(record);
        if (!seen || byCostThenEdits(match, seen) < 0) best.set(record, match);
      }
    };
    offer(word, 'exact', 0, 0);
    // Forms that start with the word: a contiguous run of the sorted list.
    for (let i = lowerBound(sorted, word); i < sorted.length && sorted[i]!.startsWith(word); i++) {
      const token = sorted[i]!;
      // A shorter completion is the likelier one ("bakh" → Bakhov before Bakhtiyarov).
      if (token !== word) offer(token, 'prefix', Math.min(token.length - word.length, 20) * 0.005, token.length - word.length);
    }
    if (withSimilar && word.length >= MIN_FUZZY_LENGTH && word.length <= MAX_FUZZY_LENGTH) {
      for (const { item, score = 1 } of similarForms(word)) if (item !== word) offer(item, 'similar', score, editDistance(word, item));
    }
    return best;
  };

  const combine = (words: string[], withSimilar: boolean): SearchHit[] => {
    let byRecord: Map<number, WordMatch[]> | null = null;
    for (const word of words) {
      const found = matchWord(word, withSimilar);
      const next = new Map<number, WordMatch[]>();
      if (byRecord === null) for (const [record, m] of found) next.set(record, [m]);
      else
        for (const [record, ms] of byRecord) {
          const m = found.get(record);
          if (m) next.set(record, [...ms, m]);
        }
      byRecord = next;
      if (byRecord.size === 0) break;
    }
    return [...(byRecord ?? new Map<number, WordMatch[]>())].map(([index, matches]) => ({
      record: records[index]!,
      matches,
      score: matches.reduce((sum, m) => sum + m.cost, 0),
      edits: matches.reduce((sum, m) => sum + m.edits, 0),
    }));
  };

  const rank = (a: SearchHit, b: SearchHit) =>
    byCostThenEdits({ cost: a.score, edits: a.edits }, { cost: b.score, edits: b.edits }) ||
    displayName(a.record).localeCompare(displayName(b.record));

  return {
    tokenCount: sorted.length,
    search(query, limit = 20) {
      const words = [...new Set(nameWords(query))].slice(0, MAX_QUERY_WORDS);
      if (words.length === 0) return { hits: [], total: 0, similar: false };
      const direct = combine(words, false).sort(rank);
      if (direct.length > 0) return { hits: direct.slice(0, limit), total: direct.length, similar: false };
      const similar = combine(words, true).sort(rank);
      const best = similar[0]?.score ?? 0;
      const close = similar.filter((h) => h.score <= best + SIMILAR_SPREAD).slice(0, MAX_SIMILAR);
      return { hits: close.slice(0, limit), total: close.length, similar: close.length > 0 };
    },
  };
}

/** Orders by cost, then (when the costs are equal) by fewer edits. */
function byCostThenEdits(a: { cost: number; edits: number }, b: { cost: number; edits: number }): number {
  return Math.abs(a.cost - b.cost) > SAME_SCORE ? a.cost - b.cost : a.edits - b.edits;
}

function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Optimal string alignment distance (insertions, deletions, substitutions, swaps of two
 * neighbouring letters: "Bakthin" is one edit from "Bakhtin"). Stops early and returns
 * `max + 1` once the distance is sure to exceed `max`.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  let before: number[] = [];
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const same = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + same);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      row.push(d);
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    before = prev;
    prev = row;
  }
  return prev[b.length]!;
}

function displayName(record: PrisonerRecord): string {
  return record.name.en ?? record.name.ru ?? record.id;
}

/** A piece of a displayed name, marked when it is the part that matched the query. */
export interface NamePart {
  text: string;
  match: boolean;
}

/**
 * Splits a displayed name into pieces, marking only what matched:
 * - a word met exactly: that word, and the same name part in the other script (the query
 *   "Бахтину" marks both "Бахтин" and "Bakhtin": it is the same surname);
 * - a word typed in part: the typed letters at the start of the words that begin with them;
 * - a fuzzy neighbour: nothing (it did not match; the popup says the names are only similar).
 */
export function highlightName(text: string, hit: Pick<SearchHit, 'record' | 'matches'>): NamePart[] {
  const forms = hit.record.forms;
  const exactForms = new Set<string>();
  const prefixes: string[] = [];
  for (const m of hit.matches) {
    if (m.kind === 'exact') {
      exactForms.add(m.token);
      if (m.field !== 'alias') for (const t of forms[m.field]) exactForms.add(t);
    } else if (m.kind === 'prefix') prefixes.push(m.word);
  }
  const parts: NamePart[] = [];
  const push = (piece: string, match: boolean) => {
    if (piece === '') return;
    const last = parts[parts.length - 1];
    if (last && last.match === match) last.text += piece;
    else parts.push({ text: piece, match });
  };
  for (const piece of text.split(/([\s,]+)/u)) {
    const word = normalizeToken(piece);
    if (word.length > 0 && exactForms.has(word)) {
      push(piece, true);
      continue;
    }
    const prefix = word.length > 0 ? longest(prefixes.filter((p) => word.startsWith(p))) : null;
    if (prefix) {
      const cut = typedLength(piece, prefix);
      push(piece.slice(0, cut), true);
      push(piece.slice(cut), false);
    } else push(piece, false);
  }
  return parts;
}

function longest(words: string[]): string | null {
  return words.reduce<string | null>((a, w) => (a === null || w.length > a.length ? w : a), null);
}

/** How many characters of `piece` spell the normalised `prefix` (normalising may drop some, such as accents). */
function typedLength(piece: string, prefix: string): number {
  for (let k = 1; k <= piece.length; k++) if (normalizeToken(piece.slice(0, k)).length >= prefix.length) return k;
  return piece.length;
}
