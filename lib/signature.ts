/**
 * Verification of the published index: an Ed25519 signature (base64) over the exact bytes of
 * index.json, checked with a raw 32-byte public key (base64). WebCrypto only, so the same
 * code runs in the extension (Chrome, Firefox) and in Node 20. Signing happens only in
 * scripts/index/signing.ts.
 *
 * Every input may be hostile: anything malformed is a failed verification, never a throw.
 */

function base64ToBytes(b64: string): Uint8Array | null {
  const clean = b64.trim();
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) return null;
  try {
    const binary = atob(clean);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

/** WebCrypto wants a BufferSource backed by a plain ArrayBuffer. */
function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy.buffer;
}

/** True only if `signatureB64` is a valid Ed25519 signature of `bytes` under the given public key. */
export async function verifyIndexSignature(bytes: Uint8Array, signatureB64: string, publicKeyB64Raw32: string): Promise<boolean> {
  const signature = base64ToBytes(signatureB64);
  const publicKey = base64ToBytes(publicKeyB64Raw32);
  if (!signature || signature.length !== 64 || !publicKey || publicKey.length !== 32) return false;
  try {
    const key = await crypto.subtle.importKey('raw', toArrayBuffer(publicKey), { name: 'Ed25519' }, false, ['verify']);
    return await crypto.subtle.verify({ name: 'Ed25519' }, key, toArrayBuffer(signature), toArrayBuffer(bytes));
  } catch {
    return false;
  }
}

/** Hex SHA-256 of the bytes (the index's `contentHash` is "sha256-" + this over its records). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', toArrayBuffer(bytes)));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The content hash of an index: SHA-256 of `JSON.stringify(records)` where `records` is the
 * array exactly as parsed from the file (key order as written). A reader recomputes it to
 * check that the records were not altered after the hash was taken.
 */
export async function indexContentHash(records: unknown): Promise<string> {
  return `sha256-${await sha256Hex(new TextEncoder().encode(JSON.stringify(records)))}`;
}
