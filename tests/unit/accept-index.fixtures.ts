/** Signing for tests, with the committed TEST key pair (scripts/index/test-keys/). */
import { readFileSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { parseSigningKey, publicKeyRawB64, signBytes } from '@/scripts/index/signing';

const dir = 'scripts/index/test-keys';
export const TEST_SIGNING_KEY = parseSigningKey(readFileSync(`${dir}/TEST-ONLY-signing-key.pkcs8.b64`, 'utf8'));
export const TEST_PUBLIC_KEY = readFileSync(`${dir}/TEST-ONLY-public-key.raw.b64`, 'utf8').trim();

export const sign = (bytes: Uint8Array) => signBytes(bytes, TEST_SIGNING_KEY);
export const encode = (text: string) => new TextEncoder().encode(text);

/** A different, freshly generated key pair: its signatures must not verify with the TEST key. */
export function otherKeySign(bytes: Uint8Array): { signature: string; publicKey: string } {
  const { privateKey } = generateKeyPairSync('ed25519');
  return { signature: signBytes(bytes, privateKey), publicKey: publicKeyRawB64(privateKey) };
}
