/**
 * `npm run index:publish [-- --in data/index.json --out dist-index]`: writes
 * dist-index/index.json (with contentHash) and dist-index/index.json.sig, signed with the key
 * in NOT_ALONE_INDEX_SIGNING_KEY (see docs/index-publishing.md).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PATHS } from './paths';
import { publishIndex } from './publish-index';

function option(argv: string[], name: string, fallback: string): string {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] ? argv[i + 1]! : fallback;
}

async function main(argv: string[]): Promise<number> {
  const key = process.env.NOT_ALONE_INDEX_SIGNING_KEY;
  if (!key) {
    console.error('index:publish: set NOT_ALONE_INDEX_SIGNING_KEY (base64 Ed25519 PKCS#8 DER or 32-byte seed)');
    return 1;
  }
  const input = option(argv, '--in', PATHS.index);
  const outDir = option(argv, '--out', PATHS.distDir);
  const published = await publishIndex(readFileSync(input, 'utf8'), key);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'index.json'), published.json);
  writeFileSync(path.join(outDir, 'index.json.sig'), published.signature);
  console.log(`wrote ${path.join(outDir, 'index.json')} (${published.json.length} bytes, ${published.contentHash}) and index.json.sig`);
  console.log(`verifies with public key ${published.publicKey}`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(`index:publish failed: ${(error as Error).message}`);
    process.exitCode = 1;
  },
);
