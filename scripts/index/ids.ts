/**
 * Record ids: lower-case Latin "surname-firstname" slugs. When two records would share a
 * slug, every one of them gets its birth year, and if that still does not separate them, a
 * short hash of its own content; so ids never depend on the order of the sources.
 */
import { createHash } from 'node:crypto';

export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’ʹʼ`]/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
}

export interface IdCandidate {
  /** "surname-firstname" slug. */
  base: string;
  birthYear: number | null;
  /** Stable text that tells this record apart (names, birth date, first source). */
  fingerprint: string;
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 6);
}

/** Ids for all candidates, in input order. Throws if two records are indistinguishable. */
export function assignIds(candidates: readonly IdCandidate[]): string[] {
  const count = (keys: string[]) => keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>());
  const baseCount = count(candidates.map((c) => c.base));
  const withYear = candidates.map((c) => (baseCount.get(c.base)! > 1 && c.birthYear ? `${c.base}-${c.birthYear}` : c.base));
  const yearCount = count(withYear);
  const ids = candidates.map((c, i) => (yearCount.get(withYear[i]!)! > 1 ? `${withYear[i]}-${shortHash(c.fingerprint)}` : withYear[i]!));
  const finalCount = count(ids);
  const clash = ids.find((id) => finalCount.get(id)! > 1);
  if (clash) throw new Error(`two records cannot be told apart (id "${clash}")`);
  return ids;
}
