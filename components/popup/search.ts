/**
 * The popup's search over every record, insensitive to script, transliteration and Russian
 * case: each query word is looked up (fuzzily, with fuse.js) among the normalised name forms
 * the index build generated for every record — surname, first name and patronymic in all
 * cases and Latin spellings — so "bakhtin", "Bahtin", "бахтин" and "Бахтину" all reach the
 * same record. Fuse runs over the distinct tokens, not the records, which keeps the list short
 * (one entry per spelling) and lets a multi-word query require every word to match.
 */
import Fuse from 'fuse.js';
import type { PrisonerRecord } from '@/lib/index-schema';
import { normalizeToken } from '@/lib/normalize';

type Field = 'last' | 'first' | 'middle' | 'alias';

interface TokenEntry {
  token: string;
  /** Which records have this token, and as which part of the name. */
  owners: { record: number; field: Field }[];
}

export interface SearchHit {
  record: PrisonerRecord;
  /** 0 is a perfect match; larger is worse. */
  score: number;
  /** Which parts of the name matched, so the result can highlight them. */
  fields: ReadonlySet<Field>;
  /** Normalised query words, for highlighting words outside the generated forms. */
  queryWords: readonly string[];
}

export interface PersonSearch {
  search(query: string, limit?: number): SearchHit[];
  readonly tokenCount: number;
}

/** Splits a name or query into normalised words (keeps hyphenated surnames whole). */
export function nameWords(text: string): string[] {
  return text
    .split(/[\s.,;:()«»"„“”]+/u)
    .map(normalizeToken)
    .filter((w) => w.length > 0);
}

export function createPersonSearch(records: readonly PrisonerRecord[]): PersonSearch {
  const byToken = new Map<string, TokenEntry>();
  const add = (token: string, record: number, field: Field) => {
    let entry = byToken.get(token);
    if (!entry) byToken.set(token, (entry = { token, owners: [] }));
    if (!entry.owners.some((o) => o.record === record && o.field === field)) entry.owners.push({ record, field });
  };
  records.forEach((r, i) => {
    for (const t of r.forms.last) add(t, i, 'last');
    for (const t of r.forms.first) add(t, i, 'first');
    for (const t of r.forms.middle) add(t, i, 'middle');
    // Display names and aliases too: a spelling a source printed may not be a generated form.
    for (const text of [r.name.ru, r.name.en, ...r.aliases]) for (const w of nameWords(text ?? '')) add(w, i, 'alias');
  });
  const entries = [...byToken.values()];
  const fuse = new Fuse(entries, {
    keys: ['token'],
    includeScore: true,
    ignoreLocation: true,
    threshold: 0.34,
    minMatchCharLength: 2,
  });

  return {
    tokenCount: entries.length,
    search(query, limit = 20) {
      const words = [...new Set(nameWords(query))].slice(0, 6);
      if (words.length === 0) return [];
      // For each query word: the best score each record reached, and through which fields.
      let combined: Map<number, { score: number; fields: Set<Field> }> | null = null;
      for (const word of words) {
        const perRecord = new Map<number, { score: number; fields: Set<Field> }>();
        const exact = byToken.get(word);
        const found = exact ? [{ item: exact, score: 0 }, ...fuse.search(word, { limit: 200 })] : fuse.search(word, { limit: 200 });
        for (const { item, score = 1 } of found) {
          // A token that starts with the word (typing in progress) ranks almost like an exact one.
          const adjusted = item.token === word ? 0 : item.token.startsWith(word) ? Math.min(score, 0.05) : score;
          for (const owner of item.owners) {
            const seen = perRecord.get(owner.record);
            if (!seen) perRecord.set(owner.record, { score: adjusted, fields: new Set([owner.field]) });
            else {
              if (adjusted < seen.score) seen.score = adjusted;
              if (adjusted <= seen.score + 0.1) seen.fields.add(owner.field);
            }
          }
        }
        if (combined === null) combined = perRecord;
        else {
          const next = new Map<number, { score: number; fields: Set<Field> }>();
          for (const [record, hit] of combined) {
            const other = perRecord.get(record);
            if (other) next.set(record, { score: hit.score + other.score, fields: new Set([...hit.fields, ...other.fields]) });
          }
          combined = next;
        }
      }
      return [...(combined ?? new Map()).entries()]
        .map(([index, hit]) => ({ record: records[index]!, score: hit.score / words.length, fields: hit.fields, queryWords: words }))
        .sort((a, b) => a.score - b.score || displayName(a.record).localeCompare(displayName(b.record)))
        .slice(0, limit);
    },
  };
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
 * Splits a displayed name into words and separators, marking the words that matched: a word
 * whose normalised form is one of the record's forms for a matched field, or that starts with
 * a query word.
 */
export function highlightName(text: string, hit: Pick<SearchHit, 'record' | 'fields' | 'queryWords'>): NamePart[] {
  const forms = hit.record.forms;
  const matchedForms = new Set<string>();
  if (hit.fields.has('last')) for (const t of forms.last) matchedForms.add(t);
  if (hit.fields.has('first')) for (const t of forms.first) matchedForms.add(t);
  if (hit.fields.has('middle')) for (const t of forms.middle) matchedForms.add(t);
  const parts: NamePart[] = [];
  for (const piece of text.split(/([\s,]+)/u)) {
    if (piece === '') continue;
    const word = normalizeToken(piece);
    const match = word.length > 0 && (matchedForms.has(word) || hit.queryWords.some((q) => q.length >= 2 && word.startsWith(q)));
    const last = parts[parts.length - 1];
    if (last && last.match === match) last.text += piece;
    else parts.push({ text: piece, match });
  }
  return parts;
}
