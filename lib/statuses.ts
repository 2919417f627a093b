/**
 * A record's status, apart from the schema (lib/index-schema.ts) so the card can ask it
 * without bringing the validator into every page's content script.
 */
export const STATUSES = [
  'imprisoned',
  'pretrial',
  'house_arrest',
  'released',
  'fled',
  'exchanged',
  'deceased',
  'unknown',
] as const;
export type Status = (typeof STATUSES)[number];

/** People we can still write to in a Russian facility. Everyone else gets no letter button. */
export const LETTER_STATUSES: readonly Status[] = ['imprisoned', 'pretrial'];
