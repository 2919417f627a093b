/**
 * A tabular export with the columns OVD-Info-derived lists use (seen in a list builder's
 * code, not in a published file): ФИО, Статьи, СИЗО (актуальное), Колония (актуальная),
 * Где находится, История, Дата рождения (M/D/YYYY), Год рождения. One row per person; the
 * export has no per-row URL, so every record cites the export's own URL.
 */
import type { Status } from '../../../lib/index-schema';
import { parseCsv } from '../csv';
import { parseArticleText } from './russian-text';
import { emptyLine, type SourceRecord } from './source-record';

const REQUIRED = ['ФИО', 'Статьи'];

/** «Где находится» in a few words → our status; unknown for anything else. */
export function statusFromWhere(where: string): Status {
  const w = where.toLowerCase();
  if (/умер|скончал|погиб/u.test(w)) return 'deceased';
  if (/обмен/u.test(w)) return 'exchanged';
  if (/розыск|уехал|эмигр|за рубеж/u.test(w)) return 'fled';
  if (/домашн/u.test(w)) return 'house_arrest';
  if (/сизо/u.test(w)) return 'pretrial';
  if (/колони|тюрьм|(?:^|[^а-я])ик(?:[^а-я]|$)/u.test(w)) return 'imprisoned';
  if (/свобод|освобожд/u.test(w)) return 'released';
  return 'unknown';
}

/** M/D/YYYY → YYYY-MM-DD; null for anything else. */
function usDate(text: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/((?:19|20)\d{2})$/.exec(text.trim());
  if (!m || Number(m[1]) > 12 || Number(m[2]) > 31) return null;
  return `${m[3]}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
}

export function parseTableCsv(csv: string, exportUrl: string, asOf: string | null): SourceRecord[] {
  const [header, ...rows] = parseCsv(csv);
  if (!header) return [];
  const col = new Map(header.map((h, i) => [h.trim(), i]));
  const missing = REQUIRED.filter((c) => !col.has(c));
  if (missing.length) throw new Error(`table export: missing columns ${missing.join(', ')}`);
  const cell = (row: string[], name: string) => {
    const i = col.get(name);
    return i === undefined ? '' : (row[i] ?? '').trim();
  };
  return rows.flatMap((row) => {
    const name = cell(row, 'ФИО');
    if (!name) return [];
    const line = emptyLine([exportUrl]);
    line.name_ru = name.replace(/\s+/gu, ' ');
    line.articles = parseArticleText(cell(row, 'Статьи'));
    const birthDate = usDate(cell(row, 'Дата рождения'));
    const year = cell(row, 'Год рождения');
    line.birth_date = birthDate;
    line.birth_year = birthDate ? Number(birthDate.slice(0, 4)) : /^(?:19|20)\d{2}$/.test(year) ? Number(year) : null;
    // The colony is where a convicted person is now; the SIZO only until then.
    line.facility = cell(row, 'Колония (актуальная)') || cell(row, 'СИЗО (актуальное)') || null;
    line.status = statusFromWhere(cell(row, 'Где находится'));
    line.status_as_of = line.status === 'unknown' ? null : asOf;
    const history = cell(row, 'История');
    line.notes = history ? `Table export: ${history.slice(0, 600)}` : null;
    return [{ source: 'table' as const, asOf, line }];
  });
}
