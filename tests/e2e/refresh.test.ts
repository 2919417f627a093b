/**
 * The signed refresh against a local index server: the production code, built with its default
 * index URL (https://not-alone-extension.github.io/index/index.json, answered by the harness
 * server) and with the committed TEST public key injected at build time (the e2e copy of the
 * build), and indexes signed here with the TEST private key.
 *
 * First a valid newer index is accepted (a new person appears, on a page already open, on a new
 * page and in the search);
 * then every fault in the matrix is served in turn, "Refresh now" is pressed, and the popup's
 * message and the index in use (still the accepted one, new person included) are checked.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { useExtension, SCREENSHOTS_DIR, E2E_EXTENSION_DIR } from './harness';
import { proxyMarks, waitForMarks } from './content-helpers';
import { BUNDLED, INDEX_URL, indexInUse as indexInUseBy, openRefreshPopup, publishIndex, refreshNow as pressRefreshNow, sign, SIG_URL, type IndexJson } from './signed-index';

const NEW_PERSON_PAGE = 'https://freedomnews.org.uk/test/refresh-new-person.html';

const record = (id: string) => structuredClone(BUNDLED.records.find((r) => r.id === id)!);

/** Someone the bundled index does not have. */
function newPerson(): Record<string, unknown> {
  const r = record('bakhtin-aleksandr');
  return {
    ...r,
    id: 'kvasnevskaya-zinoviya',
    name: { ru: 'Квасневская Зиновия Петровна', en: 'Zinoviya Kvasnevskaya' },
    aliases: [],
    gender: 'f',
    forms: {
      last: ['квасневская', 'квасневской', 'квасневскую', 'kvasnevskaya'],
      first: ['зиновия', 'зиновии', 'зиновию', 'зиновией', 'zinoviya', 'zinovia'],
      middle: ['петровна', 'петровны', 'petrovna'],
    },
  };
}

const ACCEPTED_VERSION = BUNDLED.version + 1;
/** A fresh deep copy each time: the fault cases edit records in place. */
const indexOf = (version: number): IndexJson => ({
  schema: 1,
  version,
  generatedAt: '2027-01-02T03:04:05Z',
  records: [...structuredClone(BUNDLED.records), newPerson()],
});

const env = useExtension({
  viewport: { width: 1280, height: 800 },
  extensionDir: E2E_EXTENSION_DIR,
  beforeLaunch(server) {
    server.route(NEW_PERSON_PAGE, {
      headers: { 'content-type': 'text/html; charset=utf-8' },
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test</title></head><body><article>
      <h1>A court in Kazan</h1><p>The activist Zinoviya Kvasnevskaya was remanded in custody on Tuesday. Kvasnevskaya denies the charges.</p>
      </article></body></html>`,
    });
  },
});
let popup: Page;

const publish = (body: string | Buffer, signature?: string) => publishIndex(env.server, body, signature);
const refreshNow = () => pressRefreshNow(popup);

/** The index the background answers with, and whether the new person is still in it. */
async function indexInUse(): Promise<{ version: number; hasNewPerson: boolean }> {
  const { version, has } = await indexInUseBy(popup, 'kvasnevskaya-zinoviya');
  return { version, hasNewPerson: has };
}

async function expectPreviousIndexKept() {
  expect(await indexInUse()).toEqual({ version: ACCEPTED_VERSION, hasNewPerson: true });
  await popup.reload();
  await expect.poll(() => popup.locator('[data-testid="index-version"]').textContent()).toContain(`Version ${ACCEPTED_VERSION}`);
  expect(await popup.locator('[data-testid="index-version"]').textContent()).toContain('downloaded update');
}

beforeAll(async () => {
  popup = await openRefreshPopup(env.ext);
});

describe('refresh', () => {
  it('the index requests carry no cookies, referrer or identifying headers', async () => {
    publish(JSON.stringify(indexOf(BUNDLED.version)));
    const before = env.server.requests.length;
    const outcome = await refreshNow();
    expect(outcome.result).toBe('up-to-date');
    const requests = env.server.requests.slice(before).filter((r) => r.host === 'not-alone-extension.github.io');
    expect(requests.map((r) => r.path).sort()).toEqual(['/index/index.json', '/index/index.json.sig']);
    for (const r of requests) {
      expect(r.scheme).toBe('https');
      expect(r.headers.cookie).toBeUndefined();
      expect(r.headers.referer).toBeUndefined();
      expect(r.headers['if-none-match']).toBeUndefined();
      expect(r.headers['if-modified-since']).toBeUndefined();
    }
  });

  it('accepts a valid newer index: the new person is found on a page and in the search', async () => {
    // A page open before the refresh: the bundled index does not know her.
    const early = await env.ext.context.newPage();
    await early.goto(NEW_PERSON_PAGE);
    await waitForMarks(early, 0);
    expect(await proxyMarks(early)).toEqual([]);

    publish(JSON.stringify(indexOf(ACCEPTED_VERSION)));
    const outcome = await refreshNow();
    expect(outcome).toMatchObject({ result: 'accepted' });
    expect(outcome.text).toContain(`Updated to version ${ACCEPTED_VERSION}.`);
    expect(await indexInUse()).toEqual({ version: ACCEPTED_VERSION, hasNewPerson: true });

    // The open page takes up the new index without a reload.
    await waitForMarks(early, 1);
    expect((await proxyMarks(early)).flatMap((m) => m.ids)).toContain('kvasnevskaya-zinoviya');
    await early.close();

    const page = await env.ext.context.newPage();
    await page.goto(NEW_PERSON_PAGE);
    await waitForMarks(page, 1);
    expect((await proxyMarks(page)).flatMap((m) => m.ids)).toContain('kvasnevskaya-zinoviya');
    await page.close();
    // The background has stored the new index's tables by now: the next page reads them from
    // storage (stale tables would not know her; unfit ones would send it to the background).
    await expect
      .poll(async () => {
        const next = await env.ext.context.newPage();
        await next.goto(NEW_PERSON_PAGE);
        await waitForMarks(next, 1);
        const seen = {
          from: await next.evaluate(() => (document.querySelector('not-alone-ui') as HTMLElement).dataset.tablesFrom),
          found: (await proxyMarks(next)).some((m) => m.ids.includes('kvasnevskaya-zinoviya')),
        };
        await next.close();
        return seen;
      })
      .toEqual({ from: 'storage', found: true });

    await popup.locator('#popup-search-input').fill('Квасневской');
    await expect.poll(() => popup.locator('.popup-person').first().getAttribute('data-person-id')).toBe('kvasnevskaya-zinoviya');
    await popup.locator('#popup-search-input').fill('');
    await popup.screenshot({ path: path.join(SCREENSHOTS_DIR, 'popup-refresh-accepted.png') });
  });
});

const newerText = () => JSON.stringify(indexOf(ACCEPTED_VERSION + 1));

/** Each fault: what to serve, and the outcome and popup text it must produce. */
const FAULTS: { name: string; serve: () => void; result: string; code: string; says: string; timeout?: number }[] = [
  {
    name: 'bad signature',
    serve: () => publish(newerText(), Buffer.alloc(64, 7).toString('base64')),
    result: 'rejected',
    code: 'bad-signature',
    says: 'the signature does not match',
  },
  {
    name: 'signature of other bytes',
    serve: () => publish(newerText(), sign(JSON.stringify(indexOf(ACCEPTED_VERSION + 2)))),
    result: 'rejected',
    code: 'bad-signature',
    says: 'the signature does not match',
  },
  {
    name: 'truncated body (complete response, half the file)',
    serve: () => {
      const text = newerText();
      publish(text.slice(0, Math.floor(text.length / 2)), sign(text));
    },
    result: 'rejected',
    code: 'bad-signature',
    says: 'the signature does not match',
  },
  {
    name: 'truncated transfer (connection cut mid-body)',
    serve: () => {
      const text = Buffer.from(newerText());
      env.server.route(INDEX_URL, (_req: http.IncomingMessage, res: http.ServerResponse) => {
        res.writeHead(200, { 'content-length': String(text.length), 'content-type': 'application/json' });
        res.write(text.subarray(0, text.length >> 1), () => res.socket?.destroy());
      });
      env.server.route(SIG_URL, { body: sign(text) });
    },
    result: 'failed',
    code: 'network',
    says: 'Could not reach the index server.',
  },
  { name: 'invalid JSON', serve: () => publish('{"schema":1,"version":'), result: 'rejected', code: 'not-json', says: 'not valid JSON' },
  {
    name: 'schema violation',
    serve: () => {
      const index = indexOf(ACCEPTED_VERSION + 1);
      (index.records[0] as { status: string }).status = 'disappeared';
      publish(JSON.stringify(index));
    },
    result: 'rejected',
    code: 'schema',
    says: 'invalid records',
  },
  {
    name: 'older version',
    serve: () => publish(JSON.stringify(indexOf(ACCEPTED_VERSION - 1))),
    result: 'rejected',
    code: 'older-version',
    says: 'older than the one in use',
  },
  {
    name: 'oversized body',
    serve: () => publish(Buffer.alloc(9 * 1024 * 1024, 0x20)),
    result: 'failed',
    code: 'too-large',
    says: 'too large',
  },
  {
    name: 'HTTP 404',
    serve: () => {
      env.server.route(INDEX_URL, { status: 404, body: 'not found' });
      env.server.route(SIG_URL, { status: 404, body: 'not found' });
    },
    result: 'failed',
    code: 'http',
    says: 'answered with an error',
  },
  {
    name: 'HTTP 500 (retried, then given up)',
    serve: () => {
      env.server.route(INDEX_URL, { status: 500, body: 'oops' });
      env.server.route(SIG_URL, { status: 500, body: 'oops' });
    },
    result: 'failed',
    code: 'http',
    says: 'answered with an error',
  },
  {
    name: 'connection refused (reset)',
    serve: () => {
      env.server.route(INDEX_URL, { destroy: true });
      env.server.route(SIG_URL, { destroy: true });
    },
    result: 'failed',
    code: 'network',
    says: 'Could not reach the index server.',
  },
  {
    name: 'non-https URL in a record',
    serve: () => {
      const index = indexOf(ACCEPTED_VERSION + 1);
      (index.records[0] as { sources: { url: string }[] }).sources[0]!.url = 'http://memopzk.org/figurant/x/';
      publish(JSON.stringify(index));
    },
    result: 'rejected',
    code: 'schema',
    says: 'invalid records',
  },
  {
    name: 'letter link to a lookalike host',
    serve: () => {
      const index = indexOf(ACCEPTED_VERSION + 1);
      (index.records[0] as { letters: { service: string; url: string }[] }).letters = [{ service: 'rosuznik', url: 'https://rosuznik.org.letters.example/' }];
      publish(JSON.stringify(index));
    },
    result: 'rejected',
    code: 'url-not-allowed',
    says: 'links to a site that is not allowed',
  },
  {
    name: 'timeout (no answer within 10 s, three attempts)',
    serve: () => {
      env.server.route(INDEX_URL, { delayMs: 15_000, body: newerText() });
      env.server.route(SIG_URL, { body: sign(newerText()) });
    },
    result: 'failed',
    code: 'timeout',
    says: 'did not answer in time',
    timeout: 90_000,
  },
];

describe('fault matrix: the previous index stays in use', () => {
  for (const fault of FAULTS) {
    it(
      fault.name,
      async () => {
        fault.serve();
        const outcome = await refreshNow();
        expect({ result: outcome.result, code: outcome.code }).toEqual({ result: fault.result, code: fault.code });
        expect(outcome.text).toContain(fault.says);
        await expectPreviousIndexKept();
      },
      fault.timeout ?? 60_000,
    );
  }

  it('service worker stopped mid-download', async () => {
    env.server.route(INDEX_URL, { delayMs: 6_000, body: newerText() });
    env.server.route(SIG_URL, { body: sign(newerText()) });
    await popup.evaluate(() => chrome.storage.local.remove('index.refreshStatus'));
    const started = env.server.waitForRequest((r) => r.url === INDEX_URL, 10_000);
    await popup.getByRole('button', { name: 'Refresh now' }).click();
    await started;
    const cdp = await env.ext.context.newCDPSession(popup);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    // Wait past the server's answer: a stopped worker must not have stored anything.
    await new Promise((r) => setTimeout(r, 7_000));
    await popup.reload();
    // Reopening the popup wakes a new worker, which records the cut-short check.
    const outcome = popup.locator('[data-testid="last-outcome"]');
    await expect.poll(() => outcome.getAttribute('data-code'), { timeout: 15_000 }).toBe('interrupted');
    expect(await popup.locator('[data-testid="index-status"]').innerText()).toContain('The last check was cut short.');
    await expectPreviousIndexKept();
    await popup.screenshot({ path: path.join(SCREENSHOTS_DIR, 'popup-refresh-interrupted.png') });
  }, 60_000);

  it('after every fault, a valid newer index is still accepted', async () => {
    publish(newerText());
    expect(await refreshNow()).toMatchObject({ result: 'accepted' });
    expect(await indexInUse()).toEqual({ version: ACCEPTED_VERSION + 1, hasNewPerson: true });
  });
});
