/**
 * The signed index refresh: download `index.json` and `index.json.sig` from the build-time
 * index URL, run the acceptance rules (lib/accept-index.ts), and store an accepted index
 * atomically (utils/index-store.ts). It runs on the `index-refresh` alarm, at browser start
 * when the last success is older than the interval, and on "Refresh now" in the popup.
 *
 * The requests carry nothing about the reader: no cookies, no referrer, no cache validators,
 * no custom headers, and no redirects to anywhere else.
 */
import { browser, storage } from '#imports';
import { acceptIndex, MAX_INDEX_BYTES, MAX_SIGNATURE_BYTES, type RejectionCode } from '@/lib/accept-index';
import { storeAcceptedIndex, withIndexLock } from './index-store';
import { ask } from './messages';
import { getSettings } from './settings';

declare global {
  interface ImportMetaEnv {
    /** Set by wxt.config.ts from NOT_ALONE_INDEX_URL (or the default). */
    readonly NOT_ALONE_INDEX_URL?: string;
    /** Set by wxt.config.ts from NOT_ALONE_INDEX_PUBKEY; empty when the build trusts no key. */
    readonly NOT_ALONE_INDEX_PUBKEY?: string;
  }
}

export interface IndexSource {
  /** URL of index.json; the signature is fetched from the same URL plus ".sig". */
  url: string;
  /** Base64 of the raw 32-byte Ed25519 public key. */
  publicKey: string;
}

/** The index source this build was made with (wxt.config.ts puts the values in). */
export function builtInIndexSource(): IndexSource {
  return { url: import.meta.env.NOT_ALONE_INDEX_URL ?? '', publicKey: import.meta.env.NOT_ALONE_INDEX_PUBKEY ?? '' };
}

/**
 * Whether this build downloads updates at all. A build made without NOT_ALONE_INDEX_PUBKEY
 * trusts no key: it never fetches, keeps no alarm, and uses the bundled index only.
 */
export function updatesConfigured(source: IndexSource = builtInIndexSource()): boolean {
  return source.url !== '' && source.publicKey !== '';
}

export const REFRESH_ALARM = 'index-refresh';
export const FETCH_TIMEOUT_MS = 10_000;
/** Waits before the second and third attempt; only network errors, timeouts and 5xx retry. */
export const RETRY_DELAYS_MS: readonly number[] = [1_000, 3_000];
/** A check still marked as running after this long was cut short (the worker was stopped). */
export const MAX_REFRESH_MS = FETCH_TIMEOUT_MS * (RETRY_DELAYS_MS.length + 1) + 10_000;

export type RefreshTrigger = 'alarm' | 'startup' | 'manual';
export type FailureCode = 'no-source' | 'http' | 'timeout' | 'network' | 'too-large' | 'storage' | 'interrupted';

export type RefreshOutcome =
  | { result: 'accepted'; version: number }
  | { result: 'up-to-date'; version: number }
  | { result: 'rejected'; code: RejectionCode; detail: string }
  | { result: 'failed'; code: FailureCode; detail: string };

export interface RefreshStatus {
  /** When the last check finished, whatever its result. */
  lastCheckAt: number | null;
  /** When a check last completed cleanly (accepted, or nothing newer published). */
  lastSuccessAt: number | null;
  lastOutcome: (RefreshOutcome & { at: number; trigger: RefreshTrigger }) | null;
  /** Set while a check runs; left behind when the worker was stopped mid-check. */
  runningSince: number | null;
  runningTrigger: RefreshTrigger | null;
}

export const EMPTY_STATUS: RefreshStatus = { lastCheckAt: null, lastSuccessAt: null, lastOutcome: null, runningSince: null, runningTrigger: null };

/** What "Refresh now" answers in a build without updates; nothing is fetched or recorded. */
export const NOT_CONFIGURED: RefreshOutcome = { result: 'failed', code: 'no-source', detail: 'this build trusts no index signing key' };

export const refreshStatusItem = storage.defineItem<RefreshStatus>('local:index.refreshStatus', {
  fallback: EMPTY_STATUS,
  version: 1,
});

/** The popup's "Refresh now": asks the background, which owns the index, to check at once. */
export async function requestRefresh(): Promise<RefreshOutcome> {
  return ask({ type: 'refreshNow' });
}

class DownloadError extends Error {
  constructor(
    readonly code: Exclude<FailureCode, 'no-source' | 'storage' | 'interrupted'>,
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

export interface RefreshOptions {
  currentVersion: number;
  trigger: RefreshTrigger;
  source?: IndexSource;
  fetchImpl?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

let running: Promise<RefreshOutcome> | null = null;

/** Runs one check; a second call while one runs shares its result. */
export function refreshIndex(options: RefreshOptions): Promise<RefreshOutcome> {
  running ??= runRefresh(options).finally(() => (running = null));
  return running;
}

async function runRefresh(options: RefreshOptions): Promise<RefreshOutcome> {
  const now = options.now ?? Date.now;
  await recoverInterruptedCheck();
  await refreshStatusItem.setValue({ ...(await refreshStatusItem.getValue()), runningSince: now(), runningTrigger: options.trigger });
  let outcome: RefreshOutcome;
  try {
    outcome = await checkOnce(options);
  } catch (err) {
    outcome = { result: 'failed', code: 'storage', detail: err instanceof Error ? err.message : String(err) };
  }
  const at = now();
  const previous = await refreshStatusItem.getValue();
  const clean = outcome.result === 'accepted' || outcome.result === 'up-to-date';
  await refreshStatusItem.setValue({
    lastCheckAt: at,
    lastSuccessAt: clean ? at : previous.lastSuccessAt,
    lastOutcome: { ...outcome, at, trigger: options.trigger },
    runningSince: null,
    runningTrigger: null,
  });
  return outcome;
}

async function checkOnce(options: RefreshOptions): Promise<RefreshOutcome> {
  const source = options.source ?? builtInIndexSource();
  if (!source.url || !source.publicKey) return { result: 'failed', code: 'no-source', detail: 'this build has no index URL or public key' };

  let files: { index: Uint8Array; signature: Uint8Array };
  try {
    files = await withRetries(() => downloadPair(source.url, options.fetchImpl ?? fetch), options.sleep ?? sleep);
  } catch (err) {
    if (err instanceof DownloadError) return { result: 'failed', code: err.code, detail: err.message };
    throw err;
  }

  const signature = new TextDecoder().decode(files.signature);
  const accepted = await acceptIndex(files.index, signature, { publicKey: source.publicKey, currentVersion: options.currentVersion });
  if (!accepted.ok) {
    if (accepted.code === 'same-version') return { result: 'up-to-date', version: options.currentVersion };
    return { result: 'rejected', code: accepted.code, detail: accepted.detail };
  }
  await withIndexLock(() => storeAcceptedIndex(accepted.text, accepted.index, (options.now ?? Date.now)()));
  return { result: 'accepted', version: accepted.index.version };
}

async function downloadPair(url: string, fetchImpl: typeof fetch): Promise<{ index: Uint8Array; signature: Uint8Array }> {
  const [index, signature] = await Promise.all([
    download(url, MAX_INDEX_BYTES, fetchImpl),
    download(`${url}.sig`, MAX_SIGNATURE_BYTES, fetchImpl),
  ]);
  return { index, signature };
}

/** One GET with a deadline over the whole body, and a size cap enforced while streaming. */
export async function download(url: string, maxBytes: number, fetchImpl: typeof fetch = fetch): Promise<Uint8Array> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), FETCH_TIMEOUT_MS);
  try {
    const response = await fetchImpl(url, {
      method: 'GET',
      cache: 'no-store',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      redirect: 'error',
      signal: controller.signal,
    });
    if (!response.ok) {
      const retryable = response.status >= 500 || response.status === 429;
      throw new DownloadError('http', `${fileName(url)}: HTTP ${response.status}`, retryable);
    }
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) {
      throw new DownloadError('too-large', `${fileName(url)} declares ${declared} bytes, over the ${maxBytes}-byte limit`, false);
    }
    return await readCapped(response, maxBytes, url, controller);
  } catch (err) {
    if (err instanceof DownloadError) throw err;
    if (controller.signal.aborted) throw new DownloadError('timeout', `${fileName(url)}: no complete answer within ${FETCH_TIMEOUT_MS / 1000} s`, true);
    throw new DownloadError('network', `${fileName(url)}: ${err instanceof Error ? err.message : String(err)}`, true);
  } finally {
    clearTimeout(timer);
  }
}

async function readCapped(response: Response, maxBytes: number, url: string, controller: AbortController): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      controller.abort();
      throw new DownloadError('too-large', `${fileName(url)} is over the ${maxBytes}-byte limit`, false);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

async function withRetries<T>(task: () => Promise<T>, wait: (ms: number) => Promise<void>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await task();
    } catch (err) {
      const delay = RETRY_DELAYS_MS[attempt];
      if (!(err instanceof DownloadError) || !err.retryable || delay === undefined) throw err;
      await wait(delay);
    }
  }
}

function fileName(url: string): string {
  return url.slice(url.lastIndexOf('/') + 1) || url;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Removes the refresh alarm (a build without updates, installed over one with them). */
export async function clearRefreshAlarm(): Promise<void> {
  await browser.alarms.clear(REFRESH_ALARM);
}

/** Creates the refresh alarm unless one with this period exists (a worker restart keeps it). */
export async function ensureRefreshAlarm(intervalHours?: number): Promise<void> {
  const hours = intervalHours ?? (await getSettings()).refreshIntervalHours;
  const periodInMinutes = hours * 60;
  const existing = await browser.alarms.get(REFRESH_ALARM);
  if (existing && existing.periodInMinutes === periodInMinutes) return;
  await browser.alarms.create(REFRESH_ALARM, { delayInMinutes: periodInMinutes, periodInMinutes });
}

/** At browser start: runs `refresh` when the last clean check is older than the interval. */
export async function refreshIfStale(refresh: () => Promise<unknown>, now = Date.now()): Promise<boolean> {
  const [status, settings] = await Promise.all([refreshStatusItem.getValue(), getSettings()]);
  const intervalMs = settings.refreshIntervalHours * 3_600_000;
  if (status.lastSuccessAt !== null && now - status.lastSuccessAt < intervalMs) return false;
  await refresh();
  return true;
}

let recovery: Promise<void> | null = null;
/**
 * Called when a worker starts: no check can be running in a fresh worker, so a `runningSince`
 * left in storage means the previous worker was stopped mid-check. That is recorded as the
 * outcome (nothing was stored: the pointer only moves after a complete, verified download).
 */
export function recoverInterruptedCheck(now = Date.now): Promise<void> {
  recovery ??= (async () => {
    const status = await refreshStatusItem.getValue();
    if (status.runningSince === null) return;
    const at = now();
    await refreshStatusItem.setValue({
      ...status,
      lastCheckAt: at,
      lastOutcome: { result: 'failed', code: 'interrupted', detail: 'the check was cut short (the background was stopped)', at, trigger: status.runningTrigger ?? 'alarm' },
      runningSince: null,
      runningTrigger: null,
    });
  })();
  return recovery;
}

/** For tests: forget that this context already recovered. */
export function resetRefreshState(): void {
  recovery = null;
  running = null;
}

/** True when the status says a check is running but it started too long ago to still be alive. */
export function wasInterrupted(status: RefreshStatus, now = Date.now()): boolean {
  return status.runningSince !== null && now - status.runningSince > MAX_REFRESH_MS;
}
