/**
 * Publishing signed indexes to the harness server, and pressing "Refresh now" in the popup: what
 * the refresh and injection suites share. The e2e build fetches the production index URL (the
 * harness answers it) and trusts the committed TEST key, which signs here.
 */
import { expect } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { parseSigningKey, signBytes } from '../../scripts/index/signing';
import { REPO_ROOT, type ExtensionBrowser, type TestServer } from './harness';

export const INDEX_URL = 'https://not-alone-extension.github.io/index/index.json';
export const SIG_URL = `${INDEX_URL}.sig`;

const TEST_KEY = parseSigningKey(readFileSync(path.join(REPO_ROOT, 'scripts/index/test-keys/TEST-ONLY-signing-key.pkcs8.b64'), 'utf8'));

/** Base64 Ed25519 signature of exactly these bytes with the TEST key. */
export const sign = (body: string | Buffer) => signBytes(typeof body === 'string' ? Buffer.from(body) : body, TEST_KEY);

export interface IndexJson {
  schema: number;
  version: number;
  generatedAt: string;
  records: Record<string, unknown>[];
}
/** The bundled index, as shipped. */
export const BUNDLED = JSON.parse(readFileSync(path.join(REPO_ROOT, 'data/index.json'), 'utf8')) as IndexJson;

/** Serves index.json and a signature (by default, a valid one over exactly these bytes). */
export function publishIndex(server: TestServer, body: string | Buffer, signature = sign(body)): void {
  server.route(INDEX_URL, { body, headers: { 'content-type': 'application/json' } });
  server.route(SIG_URL, { body: signature });
}

/** The popup that `refreshNow` presses in, opened once per suite: tall enough to show the index status. */
export async function openRefreshPopup(ext: ExtensionBrowser): Promise<Page> {
  const popup = await ext.openExtensionPage('popup.html');
  await popup.setViewportSize({ width: 400, height: 700 });
  await popup.locator('#popup-search-input').waitFor();
  return popup;
}

/** Presses "Refresh now" in the popup and waits for the outcome it shows. */
export async function refreshNow(popup: Page): Promise<{ result: string; code: string; text: string }> {
  await popup.evaluate(() => chrome.storage.local.remove('index.refreshStatus'));
  await expect.poll(() => popup.locator('[data-testid="last-check"]').textContent()).toBe('never');
  await popup.getByRole('button', { name: 'Refresh now' }).click();
  const outcome = popup.locator('[data-testid="last-outcome"]');
  await expect.poll(() => outcome.getAttribute('data-result'), { timeout: 45_000, interval: 250 }).not.toBe('');
  await expect.poll(() => popup.getByRole('button', { name: 'Refresh now' }).isEnabled()).toBe(true);
  return {
    result: (await outcome.getAttribute('data-result')) ?? '',
    code: (await outcome.getAttribute('data-code')) ?? '',
    text: await popup.locator('[data-testid="index-status"]').innerText(),
  };
}

/** The version of the index the background matches with, and whether record `id` is in it (asked from an extension page). */
export async function indexInUse(page: Page, id: string): Promise<{ version: number; has: boolean }> {
  return page.evaluate(async (recordId) => {
    // MatcherTables: each person row starts with the record id, then "|" (lib/packed-tables.ts).
    const data = JSON.parse(await chrome.runtime.sendMessage({ type: 'getMatcher' })) as { version: number; people: string[] };
    return { version: data.version, has: data.people.some((row) => row.startsWith(`${recordId}|`)) };
  }, id);
}
