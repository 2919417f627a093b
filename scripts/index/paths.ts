/** Where the index pipeline reads and writes, relative to the repository root. */
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const PATHS = {
  snapshot: path.join(ROOT, 'data/sources/prisoners-snapshot.jsonl'),
  additions: path.join(ROOT, 'data/sources/additions.jsonl'),
  facilities: path.join(ROOT, 'data/facilities/sheet-fku.csv'),
  version: path.join(ROOT, 'data/index-version.json'),
  index: path.join(ROOT, 'data/index.json'),
  distDir: path.join(ROOT, 'dist-index'),
};
