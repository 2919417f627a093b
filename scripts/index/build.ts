/**
 * `npm run index:build [-- --bump]`: builds data/index.json from the committed sources.
 * Offline and deterministic: version and generation time come from data/index-version.json,
 * which only `--bump` changes (to now, and a version of at least YYYYMMDD00).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { checkIndex } from '../../lib/index-schema';
import { BuildError, serializeIndex } from './build-index';
import { diffIndexes, formatDiff, lossReasons } from './diff';
import { buildFromCommittedSources, readVersion } from './load';
import { PATHS } from './paths';
import { SourceLineError } from './snapshot';

function bumpedVersion(previous: number, now: Date): number {
  const dated = Number(now.toISOString().slice(0, 10).replace(/-/g, '')) * 100;
  return Math.max(previous + 1, dated);
}

function main(argv: string[]): number {
  if (argv.includes('--live')) {
    // Not built yet: the live crawl (issue 4 item 4). Fail loudly rather than build offline.
    console.error('index:build: --live is not implemented yet; run without it to build from data/sources/');
    return 2;
  }
  let version = readVersion();
  if (argv.includes('--bump')) {
    const now = new Date();
    version = { version: bumpedVersion(version.version, now), generatedAt: now.toISOString().replace(/\.\d{3}Z$/, 'Z') };
    writeFileSync(PATHS.version, `${JSON.stringify(version, null, 2)}\n`);
  }
  const { index, report } = buildFromCommittedSources(version);
  const previous = existsSync(PATHS.index) ? checkIndex(JSON.parse(readFileSync(PATHS.index, 'utf8'))) : null;
  if (previous?.ok) {
    const diff = diffIndexes(previous.index, index);
    console.log(`against the previous data/index.json: ${formatDiff(diff).join('\n')}`);
    const losses = lossReasons(previous.index, index, diff);
    if (losses.length && !argv.includes('--force')) {
      console.error(`index:build: refusing to write an index that lost more than 10%: ${losses.join('; ')} (pass --force if this is right)`);
      return 1;
    }
  }
  writeFileSync(PATHS.index, serializeIndex(index));
  const formCounts = index.records.map((r) => r.forms.last.length + r.forms.first.length + r.forms.middle.length);
  console.log(`data/index.json: ${report.records} records, version ${index.version} (${index.generatedAt})`);
  console.log(`names: ${report.derivedRu} Cyrillic back-transliterated, ${report.derivedEn} Latin romanised; additions applied: ${report.additionsApplied}`);
  console.log(
    `sources: ${report.urls.upgraded} http→https, ${report.urls.mirrorDuplicates} mirror duplicates dropped, ${report.urls.mirrorMapped} mirrors mapped to the canonical host, ${report.urls.dropped.length} dropped`,
  );
  for (const d of report.urls.dropped) console.log(`  dropped ${d.url}: ${d.reason}`);
  console.log(`facilities: ${report.facilitiesMatched} matched in the FSIN directory, ${report.facilitiesUnmatched.length} not matched`);
  for (const f of report.facilitiesUnmatched) console.log(`  not matched: ${f}`);
  console.log(`forms per person: average ${(formCounts.reduce((a, b) => a + b, 0) / formCounts.length).toFixed(1)}, max ${Math.max(...formCounts)}`);
  if (report.articlesWithoutMeaning.length) console.log(`articles without a plain meaning: ${report.articlesWithoutMeaning.join('; ')}`);
  for (const c of report.conflicts) console.log(`conflict: ${c}`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (error instanceof SourceLineError || error instanceof BuildError) {
    console.error(`index:build failed: ${error.message}`);
    process.exitCode = 1;
  } else throw error;
}
