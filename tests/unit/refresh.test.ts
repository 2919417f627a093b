import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadActiveIndex, readPointer } from '@/utils/index-store';
import {
  REFRESH_ALARM,
  RETRY_DELAYS_MS,
  ensureRefreshAlarm,
  recoverInterruptedCheck,
  refreshIfStale,
  refreshIndex,
  refreshStatusItem,
  resetRefreshState,
  type IndexSource,
} from '@/utils/refresh';
import { updateSettings } from '@/utils/settings';
import { encode, sign, TEST_PUBLIC_KEY } from './accept-index.fixtures';
import { BUNDLED, makeIndex, newPerson } from './background.fixtures';

const URL_ = 'https://index.test/index.json';
const source: IndexSource = { url: URL_, publicKey: TEST_PUBLIC_KEY };
type Reply = Response | Error | (() => Promise<Response>);

/** A fetch that answers from a table, records every call and its options. */
function fakeFetch(replies: Record<string, Reply[]>) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const impl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    calls.push({ url, init });
    const queue = replies[url];
    const reply = queue && queue.length > 1 ? queue.shift()! : queue?.[0];
    if (!reply) throw new TypeError('Failed to fetch');
    if (reply instanceof Error) throw reply;
    if (typeof reply === 'function') return reply();
    return reply.clone();
  }) as typeof fetch;
  return { impl, calls };
}

const published = (index: object) => {
  const text = JSON.stringify(index);
  return { [URL_]: [new Response(text)], [`${URL_}.sig`]: [new Response(sign(encode(text)))] };
};
const noSleep = async () => {};
const run = (fetchImpl: typeof fetch, currentVersion = BUNDLED.version) =>
  refreshIndex({ currentVersion, trigger: 'manual', source, fetchImpl, sleep: noSleep });

beforeEach(() => {
  fakeBrowser.reset();
  resetRefreshState();
});

describe('refreshIndex', () => {
  it('stores a valid newer index and records the success', async () => {
    const next = makeIndex(BUNDLED.version + 1, ['bakhtin-aleksandr'], [newPerson()]);
    const { impl, calls } = fakeFetch(published(next));
    expect(await run(impl)).toEqual({ result: 'accepted', version: next.version });
    expect((await loadActiveIndex(BUNDLED, { repair: true })).index.records.map((r) => r.id)).toContain('testova-anna-1990');
    const status = await refreshStatusItem.getValue();
    expect(status.lastOutcome).toMatchObject({ result: 'accepted', trigger: 'manual' });
    expect(status.lastSuccessAt).not.toBeNull();
    expect(status.runningSince).toBeNull();
    // No cookies, no referrer, no cache, no redirects, no custom headers.
    for (const { init } of calls) {
      expect(init).toMatchObject({ cache: 'no-store', credentials: 'omit', referrerPolicy: 'no-referrer', redirect: 'error', method: 'GET' });
      expect(init?.headers).toBeUndefined();
    }
    expect(calls.map((c) => c.url).sort()).toEqual([URL_, `${URL_}.sig`]);
  });

  it('reports "up to date" for the version in use and stores nothing', async () => {
    const { impl } = fakeFetch(published(makeIndex(BUNDLED.version, ['bakhtin-aleksandr'])));
    expect(await run(impl)).toEqual({ result: 'up-to-date', version: BUNDLED.version });
    expect(await readPointer()).toBeNull();
  });

  it('keeps the index in use on a rejection and stores the reason', async () => {
    const first = makeIndex(BUNDLED.version + 1, ['bakhtin-aleksandr']);
    await run(fakeFetch(published(first)).impl);
    const text = JSON.stringify(makeIndex(BUNDLED.version + 2, ['bakhtin-aleksandr'], [newPerson()]));
    const forged = { [URL_]: [new Response(text)], [`${URL_}.sig`]: [new Response(sign(encode(`${text} `)))] };
    resetRefreshState();
    expect(await run(fakeFetch(forged).impl, first.version)).toMatchObject({ result: 'rejected', code: 'bad-signature' });
    expect((await loadActiveIndex(BUNDLED, { repair: true })).index).toEqual(first);
    expect((await refreshStatusItem.getValue()).lastOutcome).toMatchObject({ result: 'rejected', code: 'bad-signature' });
  });

  it('retries a 5xx with backoff, then succeeds', async () => {
    const next = makeIndex(BUNDLED.version + 1, ['bakhtin-aleksandr']);
    const replies = published(next);
    replies[URL_]!.unshift(new Response('busy', { status: 503 }));
    const waits: number[] = [];
    const { impl } = fakeFetch(replies);
    const outcome = await refreshIndex({ currentVersion: BUNDLED.version, trigger: 'alarm', source, fetchImpl: impl, sleep: async (ms) => void waits.push(ms) });
    expect(outcome).toMatchObject({ result: 'accepted' });
    expect(waits).toEqual([RETRY_DELAYS_MS[0]]);
  });

  it('gives up after the last retry on network errors', async () => {
    const { impl, calls } = fakeFetch({});
    expect(await run(impl)).toMatchObject({ result: 'failed', code: 'network' });
    expect(calls.filter((c) => c.url === URL_)).toHaveLength(RETRY_DELAYS_MS.length + 1);
  });

  it('does not retry a 404', async () => {
    const { impl, calls } = fakeFetch({ [URL_]: [new Response('', { status: 404 })], [`${URL_}.sig`]: [new Response('', { status: 404 })] });
    expect(await run(impl)).toMatchObject({ result: 'failed', code: 'http', detail: expect.stringContaining('404') });
    expect(calls.filter((c) => c.url === URL_)).toHaveLength(1);
  });

  it('stops reading a body over the size cap', async () => {
    const { impl } = fakeFetch({ [URL_]: [new Response('x', { headers: { 'content-length': String(100 * 1024 * 1024) } })], [`${URL_}.sig`]: [new Response('x')] });
    expect(await run(impl)).toMatchObject({ result: 'failed', code: 'too-large' });
    const chunk = new Uint8Array(1024 * 1024);
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    resetRefreshState();
    const streaming = fakeFetch({ [URL_]: [async () => new Response(endless)], [`${URL_}.sig`]: [new Response('x')] });
    expect(await run(streaming.impl)).toMatchObject({ result: 'failed', code: 'too-large' });
    expect(sent).toBeLessThan(20 * 1024 * 1024);
  });

  it('reports a build without an index source', async () => {
    expect(await refreshIndex({ currentVersion: 1, trigger: 'manual', source: { url: '', publicKey: '' } })).toMatchObject({ result: 'failed', code: 'no-source' });
  });

  it('shares one check between concurrent calls', async () => {
    const next = makeIndex(BUNDLED.version + 1, ['bakhtin-aleksandr']);
    const { impl, calls } = fakeFetch(published(next));
    const [a, b] = await Promise.all([run(impl), run(impl)]);
    expect(a).toEqual(b);
    expect(calls.filter((c) => c.url === URL_)).toHaveLength(1);
  });
});

describe('interrupted checks', () => {
  it('a new worker records a check the old one left running', async () => {
    await refreshStatusItem.setValue({ lastCheckAt: null, lastSuccessAt: 5, lastOutcome: null, runningSince: 10, runningTrigger: 'manual' });
    await recoverInterruptedCheck(() => 99);
    expect(await refreshStatusItem.getValue()).toMatchObject({
      runningSince: null,
      lastSuccessAt: 5,
      lastCheckAt: 99,
      lastOutcome: { result: 'failed', code: 'interrupted', trigger: 'manual' },
    });
  });
});

describe('schedule', () => {
  it('creates the alarm once and re-creates it when the interval changes', async () => {
    await ensureRefreshAlarm();
    const first = await browser.alarms.get(REFRESH_ALARM);
    await ensureRefreshAlarm();
    expect(await browser.alarms.get(REFRESH_ALARM)).toEqual(first);
    await ensureRefreshAlarm(6);
    expect((await browser.alarms.get(REFRESH_ALARM))?.periodInMinutes).toBe(360);
    expect(await browser.alarms.getAll()).toHaveLength(1);
  });

  it('at browser start refreshes only when the last success is older than the interval', async () => {
    await updateSettings({ refreshIntervalHours: 24 });
    let runs = 0;
    const refresh = async () => void runs++;
    expect(await refreshIfStale(refresh)).toBe(true);
    await refreshStatusItem.setValue({ lastCheckAt: 0, lastSuccessAt: Date.now() - 3_600_000, lastOutcome: null, runningSince: null, runningTrigger: null });
    expect(await refreshIfStale(refresh)).toBe(false);
    expect(await refreshIfStale(refresh, Date.now() + 24 * 3_600_000)).toBe(true);
    expect(runs).toBe(2);
  });
});
