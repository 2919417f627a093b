/**
 * What changed between the previous index and a new build, and whether the new one lost too
 * much to publish: more than 10% of the people, or of any tracked field's filled values,
 * usually means a source broke (changed markup, blocked crawler), not that people vanished.
 */
import type { PrisonerIndex, PrisonerRecord } from '../../lib/index-schema';

export interface IndexDiff {
  added: string[];
  removed: string[];
  statusChanged: Array<{ id: string; from: string; to: string }>;
  /** Filled-value counts per tracked field, before and after. */
  fields: Record<string, { before: number; after: number }>;
}

const TRACKED: Record<string, (r: PrisonerRecord) => boolean> = {
  address: (r) => !!(r.address.ru || r.address.en),
  sentence: (r) => r.sentence !== null,
  charges: (r) => r.charges.length > 0,
  birthYear: (r) => r.birthYear !== null,
  facility: (r) => r.facility !== null,
  letters: (r) => r.letters.length > 0,
};

export function diffIndexes(before: PrisonerIndex, after: PrisonerIndex): IndexDiff {
  const old = new Map(before.records.map((r) => [r.id, r]));
  const now = new Map(after.records.map((r) => [r.id, r]));
  const fields: IndexDiff['fields'] = {};
  for (const [name, filled] of Object.entries(TRACKED)) {
    fields[name] = { before: before.records.filter(filled).length, after: after.records.filter(filled).length };
  }
  return {
    added: [...now.keys()].filter((id) => !old.has(id)).sort(),
    removed: [...old.keys()].filter((id) => !now.has(id)).sort(),
    statusChanged: [...now.values()]
      .filter((r) => old.has(r.id) && old.get(r.id)!.status !== r.status)
      .map((r) => ({ id: r.id, from: old.get(r.id)!.status, to: r.status }))
      .sort((a, b) => (a.id < b.id ? -1 : 1)),
    fields,
  };
}

/** Reasons the new index lost more than `maxLoss` (a fraction) of people or field values. */
export function lossReasons(before: PrisonerIndex, after: PrisonerIndex, diff: IndexDiff, maxLoss = 0.1): string[] {
  const reasons: string[] = [];
  const lost = (b: number, a: number) => b > 0 && (b - a) / b > maxLoss;
  if (lost(before.records.length, after.records.length)) reasons.push(`people: ${before.records.length} → ${after.records.length}`);
  for (const [name, { before: b, after: a }] of Object.entries(diff.fields)) if (lost(b, a)) reasons.push(`${name}: ${b} → ${a}`);
  return reasons;
}

export function formatDiff(diff: IndexDiff): string[] {
  const lines = [`added ${diff.added.length}, removed ${diff.removed.length}, status changed ${diff.statusChanged.length}`];
  for (const id of diff.added) lines.push(`  + ${id}`);
  for (const id of diff.removed) lines.push(`  - ${id}`);
  for (const c of diff.statusChanged) lines.push(`  ~ ${c.id}: ${c.from} → ${c.to}`);
  return lines;
}
