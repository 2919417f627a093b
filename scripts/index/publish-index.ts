/**
 * The published index: the built index plus its content hash, serialised once, and a
 * base64 Ed25519 signature over exactly those bytes.
 */
import { checkIndex } from '../../lib/index-schema';
import { indexContentHash, verifyIndexSignature } from '../../lib/signature';
import { serializeIndex } from './build-index';
import { parseSigningKey, publicKeyRawB64, signBytes } from './signing';

export interface Published {
  /** Bytes of dist-index/index.json. */
  json: Uint8Array;
  /** Contents of dist-index/index.json.sig (base64, no newline). */
  signature: string;
  publicKey: string;
  contentHash: string;
}

export async function publishIndex(indexText: string, signingKeyB64: string): Promise<Published> {
  const checked = checkIndex(JSON.parse(indexText));
  if (!checked.ok) throw new Error(`index fails the schema: ${checked.reason}`);
  const parsed = JSON.parse(indexText) as { records: unknown };
  const contentHash = await indexContentHash(parsed.records);
  const { records, schema, version, generatedAt } = checked.index;
  const json = new TextEncoder().encode(serializeIndex({ schema, version, generatedAt, contentHash, records }));
  const key = parseSigningKey(signingKeyB64);
  const signature = signBytes(json, key);
  const publicKey = publicKeyRawB64(key);
  // Never publish something our own verifier would reject.
  if (!(await verifyIndexSignature(json, signature, publicKey))) throw new Error('signature does not verify');
  return { json, signature, publicKey, contentHash };
}
