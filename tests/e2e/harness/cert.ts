/**
 * A self-signed certificate for the test server, made with openssl on first use and cached.
 * Chromium runs with --ignore-certificate-errors, so the names in it are only for humans
 * reading a handshake; it is regenerated when older than a week.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { CERT_DIR } from './paths';

const MAX_AGE_MS = 7 * 24 * 3600 * 1000;
const NAMES = ['freedomnews.org.uk', 'ovd.info', 'ovdinfo.org', 'zona.media'];

export interface TlsCert {
  key: Buffer;
  cert: Buffer;
}

export function loadTestCert(): TlsCert {
  const keyFile = path.join(CERT_DIR, 'key.pem');
  const certFile = path.join(CERT_DIR, 'cert.pem');
  const fresh = existsSync(keyFile) && existsSync(certFile) && Date.now() - statSync(certFile).mtimeMs < MAX_AGE_MS;
  if (!fresh) makeCert(keyFile, certFile);
  return { key: readFileSync(keyFile), cert: readFileSync(certFile) };
}

function makeCert(keyFile: string, certFile: string): void {
  mkdirSync(CERT_DIR, { recursive: true });
  // Write under a unique name and rename, so two test processes never read a half-written pair.
  const tmp = path.join(CERT_DIR, `tmp-${process.pid}-${Date.now()}`);
  mkdirSync(tmp);
  try {
    const san = ['localhost', ...NAMES, ...NAMES.map((n) => `*.${n}`)].map((n) => `DNS:${n}`).join(',');
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '30', '-keyout', path.join(tmp, 'key.pem'),
        '-out', path.join(tmp, 'cert.pem'), '-subj', '/CN=not-alone-e2e', '-addext', `subjectAltName=${san},IP:127.0.0.1`],
      { stdio: 'pipe' },
    );
    renameSync(path.join(tmp, 'key.pem'), keyFile);
    renameSync(path.join(tmp, 'cert.pem'), certFile);
  } catch (err) {
    throw new Error(`could not make the e2e TLS certificate with openssl: ${(err as Error).message}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
