/**
 * `npm run index:stats`: what the bundled index holds — people by status and by source
 * family, how many records have an address, a sentence, articles and a birth year, and how
 * many name forms each person carries.
 */
import { readFileSync } from 'node:fs';
import { checkIndex, type PrisonerIndex } from '../../lib/index-schema';
import { PATHS } from './paths';

export function indexStats(index: PrisonerIndex): string[] {
  const records = index.records;
  const n = records.length;
  const pct = (k: number) => `${k} (${((100 * k) / n).toFixed(1)}%)`;
  const countBy = (keys: string[]) => [...keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>())].sort((a, b) => b[1] - a[1]);
  const lines = [`index version ${index.version} (${index.generatedAt}): ${n} records`, '', 'by status:'];
  for (const [status, k] of countBy(records.map((r) => r.status))) lines.push(`  ${status.padEnd(14)} ${k}`);
  lines.push('', 'by source kind (records citing it at least once):');
  for (const [kind, k] of countBy(records.flatMap((r) => [...new Set(r.sources.map((s) => s.kind))]))) lines.push(`  ${kind.padEnd(20)} ${k}`);
  lines.push('', 'by merged source (records with at least one field from it, per provenance):');
  for (const [source, k] of countBy(records.flatMap((r) => [...new Set(Object.values(r.provenance ?? {}).map((p) => p.source))]))) lines.push(`  ${source.padEnd(20)} ${k}`);
  lines.push('', 'coverage:');
  lines.push(`  postal address    ${pct(records.filter((r) => r.address.ru || r.address.en).length)}`);
  lines.push(`  sentence          ${pct(records.filter((r) => r.sentence).length)}`);
  lines.push(`  articles          ${pct(records.filter((r) => r.charges.length).length)}`);
  lines.push(`  birth year        ${pct(records.filter((r) => r.birthYear !== null).length)}`);
  lines.push(`  facility          ${pct(records.filter((r) => r.facility).length)}`);
  lines.push(`  facility in FSIN directory ${pct(records.filter((r) => r.facilityRef).length)}`);
  lines.push(`  sentence regime   ${pct(records.filter((r) => r.sentence?.regime).length)}`);
  lines.push(`  letter options    ${pct(records.filter((r) => r.letters.length).length)}`);
  lines.push(`  name.ru derived   ${pct(records.filter((r) => r.name.derived === 'ru').length)}`);
  lines.push(`  name.en derived   ${pct(records.filter((r) => r.name.derived === 'en').length)}`);
  const forms = records.map((r) => r.forms.last.length + r.forms.first.length + r.forms.middle.length).sort((a, b) => a - b);
  const total = forms.reduce((a, b) => a + b, 0);
  lines.push('', `name forms per person: average ${(total / n).toFixed(1)}, median ${forms[Math.floor(n / 2)]}, max ${forms[n - 1]}, total ${total}`);
  return lines;
}

const parsed = checkIndex(JSON.parse(readFileSync(PATHS.index, 'utf8')));
if (!parsed.ok) {
  console.error(`data/index.json fails the schema: ${parsed.reason}`);
  process.exitCode = 1;
} else console.log(indexStats(parsed.index).join('\n'));
