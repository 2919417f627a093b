/** Reads the committed sources and builds the index from them (shared by the CLIs and tests). */
import { readFileSync } from 'node:fs';
import { parseAdditions } from './additions';
import { buildIndex, type IndexVersion } from './build-index';
import { FacilityDirectory, parseFacilityDirectory } from './facilities';
import { PATHS } from './paths';
import { parseSnapshot } from './snapshot';
import type { SourceRecord } from './sources/source-record';

export function readVersion(file = PATHS.version): IndexVersion {
  const json = JSON.parse(readFileSync(file, 'utf8')) as IndexVersion;
  if (!Number.isInteger(json.version) || typeof json.generatedAt !== 'string') throw new Error(`${file}: expected {version, generatedAt}`);
  return json;
}

export function loadFacilities(file = PATHS.facilities): FacilityDirectory {
  return new FacilityDirectory(parseFacilityDirectory(readFileSync(file, 'utf8')));
}

/** `extra`: records from the live sources, merged into the committed ones. */
export function buildFromCommittedSources(version: IndexVersion = readVersion(), extra: readonly SourceRecord[] = []) {
  const snapshot = parseSnapshot(readFileSync(PATHS.snapshot, 'utf8'), 'data/sources/prisoners-snapshot.jsonl');
  const additions = parseAdditions(readFileSync(PATHS.additions, 'utf8'), 'data/sources/additions.jsonl');
  return buildIndex({ snapshot, additions, facilities: loadFacilities(), version, extra });
}
