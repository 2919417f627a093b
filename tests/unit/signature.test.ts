import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkIndex } from '../../lib/index-schema';
import { indexContentHash, verifyIndexSignature } from '../../lib/signature';
import { PATHS, ROOT } from '../../scripts/index/paths';
import { publishIndex } from '../../scripts/index/publish-index';
import { parseSigningKey, publicKeyRawB64, signBytes } from '../../scripts/index/signing';

const TEST_KEY = readFileSync(path.join(ROOT, 'scripts/index/test-keys/TEST-ONLY-signing-key.pkcs8.b64'), 'utf8').trim();
const TEST_PUBLIC = readFileSync(path.join(ROOT, 'scripts/index/test-keys/TEST-ONLY-public-key.raw.b64'), 'utf8').trim();
const published = await publishIndex(readFileSync(PATHS.index, 'utf8'), TEST_KEY);

describe('published index signature', () => {
  it('round trip: the published bytes verify with the test public key', async () => {
    expect(published.publicKey).toBe(TEST_PUBLIC);
    expect(await verifyIndexSignature(published.json, published.signature, TEST_PUBLIC)).toBe(true);
  });

  it('fails when one byte is changed', async () => {
    const tampered = published.json.slice();
    const at = tampered.length - 100;
    tampered[at] = tampered[at]! ^ 0x01;
    expect(await verifyIndexSignature(tampered, published.signature, TEST_PUBLIC)).toBe(false);
  });

  it('fails with another key', async () => {
    const other = generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64');
    expect(await verifyIndexSignature(published.json, published.signature, other)).toBe(false);
  });

  it('returns false, never throws, on garbage', async () => {
    const bytes = published.json;
    for (const sig of ['', 'not base64!', 'AAAA', btoa('x'.repeat(64)), published.signature.slice(0, -4)]) {
      await expect(verifyIndexSignature(bytes, sig, TEST_PUBLIC)).resolves.toBe(false);
    }
    for (const key of ['', '@@@@', btoa('short'), btoa('y'.repeat(33))]) {
      await expect(verifyIndexSignature(bytes, published.signature, key)).resolves.toBe(false);
    }
  });

  it('the published file passes the schema and carries a content hash of its records', async () => {
    const parsed = JSON.parse(new TextDecoder().decode(published.json)) as { records: unknown; contentHash: string };
    expect(checkIndex(parsed).ok).toBe(true);
    expect(parsed.contentHash).toBe(published.contentHash);
    expect(await indexContentHash(parsed.records)).toBe(parsed.contentHash);
  });

  it('accepts the signing key as PKCS#8 or as a raw 32-byte seed', () => {
    const pkcs8 = Buffer.from(TEST_KEY, 'base64');
    const seed = pkcs8.subarray(16).toString('base64');
    const message = new TextEncoder().encode('same bytes');
    expect(signBytes(message, parseSigningKey(seed))).toBe(signBytes(message, parseSigningKey(TEST_KEY)));
    expect(publicKeyRawB64(parseSigningKey(seed))).toBe(TEST_PUBLIC);
    expect(() => parseSigningKey(btoa('too short'))).toThrow(/expected base64/);
  });
});
