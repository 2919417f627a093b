/**
 * The acceptance rules for a downloaded index, in the order they run. The download is treated
 * as hostile: nothing is parsed before the size and the signature check out, and the result is
 * either the index (with the exact text that was signed) or one rejection with its reason.
 */
import { checkIndex, type PrisonerIndex } from './index-schema';
import { indexContentHash, verifyIndexSignature } from './signature';
import { LETTER_HOSTS, SOURCE_HOSTS, checkUrl } from './url-allowlist';

/** 8 MiB: several times today's index, and under Chrome's 10 MB storage.local quota. */
export const MAX_INDEX_BYTES = 8 * 1024 * 1024;
/** An Ed25519 signature is 64 bytes, 88 characters of base64; anything far larger is not one. */
export const MAX_SIGNATURE_BYTES = 1024;

export type RejectionCode =
  | 'too-large'
  | 'bad-signature'
  | 'not-utf8'
  | 'not-json'
  | 'schema'
  | 'bad-content-hash'
  | 'same-version'
  | 'older-version'
  | 'url-not-allowed';

export interface Rejection {
  ok: false;
  code: RejectionCode;
  /** A sentence for people (English), shown in the popup under the localised code. */
  detail: string;
}

export type Acceptance = { ok: true; index: PrisonerIndex; text: string } | Rejection;

export interface AcceptOptions {
  /** Base64 of the raw 32-byte Ed25519 public key the index must be signed with. */
  publicKey: string;
  /** Version of the index in use; only a newer one is accepted. */
  currentVersion: number;
  maxBytes?: number;
}

const reject = (code: RejectionCode, detail: string): Rejection => ({ ok: false, code, detail });

export async function acceptIndex(bytes: Uint8Array, signature: string, options: AcceptOptions): Promise<Acceptance> {
  const maxBytes = options.maxBytes ?? MAX_INDEX_BYTES;
  if (bytes.byteLength > maxBytes) return reject('too-large', `the index is ${bytes.byteLength} bytes, over the ${maxBytes}-byte limit`);

  const sig = signature.trim();
  if (!(await verifySafely(bytes, sig, options.publicKey))) {
    return reject('bad-signature', 'the signature does not verify over the downloaded bytes with the built-in public key');
  }

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return reject('not-utf8', 'the index is not valid UTF-8');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return reject('not-json', `the index is not valid JSON (${err instanceof Error ? err.message : 'parse error'})`);
  }

  const checked = checkIndex(json);
  if (!checked.ok) return reject('schema', `the index does not match the schema: ${checked.reason}`);
  const index = checked.index;
  if (index.contentHash !== undefined) {
    // The hash is over the records exactly as parsed (key order as written), not the schema output.
    const actual = await indexContentHash((json as { records: unknown }).records);
    if (actual !== index.contentHash) return reject('bad-content-hash', 'the records do not match the content hash the file states');
  }

  if (index.version === options.currentVersion) return reject('same-version', `version ${index.version} is already in use`);
  if (index.version < options.currentVersion) {
    return reject('older-version', `version ${index.version} is older than version ${options.currentVersion} in use`);
  }

  const badUrl = findDisallowedUrl(index);
  if (badUrl) return reject('url-not-allowed', badUrl);

  return { ok: true, index, text };
}

/** The first URL in the index that the allow-list refuses, described; null when all pass. */
export function findDisallowedUrl(index: PrisonerIndex): string | null {
  for (const [i, record] of index.records.entries()) {
    for (const source of record.sources) {
      const check = checkUrl(source.url, SOURCE_HOSTS);
      if (!check.ok) return `records.${i} (${record.id}) source: ${check.reason}`;
    }
    for (const letter of record.letters) {
      const check = checkUrl(letter.url, LETTER_HOSTS);
      if (!check.ok) return `records.${i} (${record.id}) letter link: ${check.reason}`;
    }
  }
  return null;
}

async function verifySafely(bytes: Uint8Array, signature: string, publicKey: string): Promise<boolean> {
  if (signature.length === 0 || signature.length > MAX_SIGNATURE_BYTES) return false;
  try {
    return await verifyIndexSignature(bytes, signature, publicKey);
  } catch {
    // A malformed signature or key is a failed verification, not a crash.
    return false;
  }
}
