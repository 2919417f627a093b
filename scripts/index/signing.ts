/**
 * Ed25519 signing for `npm run index:publish` (Node only). The private key comes from the
 * environment variable NOT_ALONE_INDEX_SIGNING_KEY, in base64, as either
 *   - PKCS#8 DER (48 bytes; `openssl genpkey -algorithm ed25519 -outform DER | base64 -w0`), or
 *   - the raw 32-byte seed.
 */
import { createPrivateKey, createPublicKey, sign, type KeyObject } from 'node:crypto';

/** PKCS#8 header for an Ed25519 private key; the 32-byte seed follows it. */
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export function parseSigningKey(b64: string): KeyObject {
  const der = Buffer.from(b64.trim(), 'base64');
  if (der.length === 32) return createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, der]), format: 'der', type: 'pkcs8' });
  if (der.length === 48 && der.subarray(0, 16).equals(PKCS8_ED25519_PREFIX)) return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  throw new Error('signing key: expected base64 of a 48-byte Ed25519 PKCS#8 DER key or of a 32-byte seed');
}

/** Base64 Ed25519 signature over the exact bytes. */
export function signBytes(bytes: Uint8Array, key: KeyObject): string {
  return sign(null, bytes, key).toString('base64');
}

/** The raw 32-byte public key (base64) that verifies signatures made with this private key. */
export function publicKeyRawB64(key: KeyObject): string {
  const spki = createPublicKey(key).export({ format: 'der', type: 'spki' });
  return spki.subarray(spki.length - 32).toString('base64');
}
