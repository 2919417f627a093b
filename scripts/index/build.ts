/**
 * `npm run index:build [-- --bump] [-- --live [--table URL] [--max-pages N]] [-- --report FILE] [-- --force]`:
 * builds data/index.json from the committed sources, offline and deterministic: version and
 * generation time come from data/index-version.json, which only `--bump` changes (to now,
 * and a version of at least YYYYMMDD00). `--live` also crawls the real sources (./live.ts)
 * and merges them in; `--report FILE` writes the merge report (conflicts, ambiguous
 * namesakes, counts by source) as JSON.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkIndex } from '../../lib/index-schema';
import { BuildError, checkIndexUrls, serializeIndex } from './build-index';
import { diffIndexes, formatDiff, lossReasons } from './diff';
import { PoliteFetcher } from './fetcher';
import { crawlLive } from './live';
import { buildFromCommittedSources, loadFacilities, readVersion } from './load';
import { PATHS, ROOT } from './paths';
import { SourceLineError } from './snapshot';
import type { SourceRecord } from './sources/source-record';

function bumpedVersion(previous: number, now: Date): number {
  const dated = Number(now.toISOString().slice(0, 10).replace(/-/g, '')) * 100;
  return Math.max(previous + 1, dated);
}

function option(argv: string[], name: string): string | null {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] ? argv[i + 1]! : null;
}

/** "NotAloneIndexBuilder/0.1.0 (+URL)": the project URL must be set, sites need a contact. */
function userAgent(): string {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string; homepage?: string };
  const url = process.env.NOT_ALONE_PROJECT_URL ?? pkg.homepage;
  if (!url) throw new BuildError('--live needs the project URL for the user agent: set "homepage" in package.json or NOT_ALONE_PROJECT_URL');
  return `NotAloneIndexBuilder/${pkg.version} (+${url})`;
}

async function liveRecords(argv: string[]): Promise<SourceRecord[]> {
  const fetcher = new PoliteFetcher({ userAgent: userAgent(), cacheDir: path.join(ROOT, '.cache/index'), defaultDelayMs: 2000 });
  const regions = [...new Set(loadFacilities().facilities.map((f) => f.region))];
  const maxPages = option(argv, '--max-pages');
  const { records, errors } = await crawlLive({ fetcher, regions, tableUrl: option(argv, '--table'), maxPages: maxPages ? Number(maxPages) : undefined });
  console.log(`live: ${records.length} source records; requests: ${fetcher.counts.network} downloaded, ${fetcher.counts.revalidated} unchanged (304), ${fetcher.counts.cache} reused without a request, ${fetcher.counts.retries} retries`);
  for (const e of errors) console.log(`  failed: ${e}`);
  return records;
}

async function main(argv: string[]): Promise<number> {
  const extra = argv.includes('--live') ? await liveRecords(argv) : [];
  let version = readVersion();
  if (argv.includes('--bump')) {
    const now = new Date();
    version = { version: bumpedVersion(version.version, now), generatedAt: now.toISOString().replace(/\.\d{3}Z$/, 'Z') };
    writeFileSync(PATHS.version, `${JSON.stringify(version, null, 2)}\n`);
  }
  const { index, report } = buildFromCommittedSources(version, extra);
  // The extension refuses an index with a URL off its allow-list: never write one.
  checkIndexUrls(index);
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
  for (const [source, c] of Object.entries(report.merge.bySource)) {
    console.log(`merge ${source}: ${c.read} read, ${c.merged} merged into existing people, ${c.added} new people, ${c.ambiguous} ambiguous`);
  }
  if (report.merge.scriptsFilled) console.log(`merge: ${report.merge.scriptsFilled} Cyrillic names filled in from a source`);
  for (const a of report.merge.ambiguous) console.log(`ambiguous: ${a}`);
  for (const c of report.conflicts) console.log(`conflict: ${c}`);
  const reportFile = option(argv, '--report');
  if (reportFile) {
    writeFileSync(reportFile, `${JSON.stringify({ merge: report.merge, conflicts: report.conflicts, facilitiesUnmatched: report.facilitiesUnmatched }, null, 2)}\n`);
    console.log(`report written to ${reportFile}`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    if (error instanceof SourceLineError || error instanceof BuildError) {
      console.error(`index:build failed: ${error.message}`);
      process.exitCode = 1;
    } else throw error;
  },
);
