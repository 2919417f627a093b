/**
 * What the extension sends while a reader browses the supported sites: nothing but the index
 * download. Every request is seen twice — by Playwright (pages and the service worker) and at
 * the harness server (every host resolves to it, so nothing can leave unrecorded) — and any
 * request that is neither a fixture page's own file nor the index URL fails the test.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { useExtension, DEFAULT_EXTENSION_DIR, isBrowserOwnRequest, launchExtension, PAGES_DIR, startServer, E2E_EXTENSION_DIR } from './harness';
import { waitForMarks } from './content-helpers';

const INDEX_URLS = new Set(['https://not-alone-extension.github.io/index/index.json', 'https://not-alone-extension.github.io/index/index.json.sig']);
const PAGES = [
  'https://freedomnews.org.uk/2017/11/24/russia-anarchist-prisoner-dmitry-buchenkov-flees-the-country/',
  'https://en.zona.media/article/2023/08/14/bakhtin/',
  'https://freedomnews.org.uk/2020/02/16/russia-thousands-sign-open-letter-in-solidarity-with-imprisoned-anarchists/',
  'https://en.ovdinfo.org/save-yourselves-for-better-times-interview-with-dmitry-ivanov/',
  'https://en.zona.media/article/2024/11/20/akimushkin/',
];

function fixturePath(url: string): string {
  const u = new URL(url);
  const file = path.join(PAGES_DIR, u.hostname, decodeURIComponent(u.pathname));
  return existsSync(path.join(file, 'index.html')) ? path.join(file, 'index.html') : file;
}
/** The HTML of the pages browsed: a URL written in it is the page's own request, not ours. */
const PAGE_HTML = PAGES.map((url) => readFileSync(fixturePath(url), 'utf8'));

/** A request the fixture page makes itself: one of its files, or a URL its HTML names. */
function isFixtureFile(url: string): boolean {
  return existsSync(fixturePath(url)) || PAGE_HTML.some((html) => html.includes(url));
}

const env = useExtension({
  viewport: { width: 1280, height: 800 },
  extensionDir: E2E_EXTENSION_DIR,
  beforeLaunch(server) {
    server.route('https://not-alone-extension.github.io/index/index.json', { status: 404 });
    server.route('https://not-alone-extension.github.io/index/index.json.sig', { status: 404 });
  },
});

describe('privacy', () => {
  it('browsing the news sites sends nothing but the index download', async () => {
    for (const url of PAGES) {
      const page = await env.ext.context.newPage();
      await page.goto(url);
      await waitForMarks(page, 1);
      // Open a card too: showing a person must not fetch anything either.
      await page.keyboard.press('Tab');
      await page.close();
    }
    // A refresh, so the one allowed request is part of what is checked.
    const popup = await env.ext.openExtensionPage('popup.html');
    await popup.getByRole('button', { name: 'Refresh now' }).click();
    await env.server.waitForRequest((r) => INDEX_URLS.has(r.url), 10_000);
    await new Promise((r) => setTimeout(r, 2_000));
    await popup.close();

    // What Playwright saw: the service worker may only fetch the index; pages may only load
    // their own files and the extension's packaged files.
    const fromWorker = env.ext.browserRequests.filter((r) => r.from === 'service-worker').map((r) => r.url);
    expect(fromWorker.length).toBeGreaterThan(0);
    expect(fromWorker.filter((u) => !INDEX_URLS.has(u))).toEqual([]);
    const fromPages = env.ext.browserRequests.filter((r) => r.from === 'page').map((r) => r.url);
    // Packaged files load from chrome-extension:// (web-accessible ones under a per-session id).
    const unexpected = fromPages.filter((u) => !u.startsWith('chrome-extension://') && !isFixtureFile(u));
    expect(unexpected).toEqual([]);

    // What reached the server, from anyone but Chromium's own services.
    // Chromium asks each visited host for /favicon.ico itself (the tab icon); that is the browser's.
    const browsedHosts = new Set(PAGES.map((u) => new URL(u).hostname));
    const tabIcon = (r: { host: string; path: string }) => browsedHosts.has(r.host) && r.path === '/favicon.ico';
    const atServer = env.server.requests.filter((r) => !isBrowserOwnRequest(r) && !tabIcon(r)).map((r) => r.url.split('?')[0]!);
    expect(atServer.filter((u) => !INDEX_URLS.has(u) && !isFixtureFile(u))).toEqual([]);
    // The index requests carried nothing about the pages just read.
    for (const r of env.server.requests.filter((x) => INDEX_URLS.has(x.url))) {
      expect(r.headers.referer).toBeUndefined();
      expect(r.headers.cookie).toBeUndefined();
      expect(JSON.stringify(r.headers)).not.toMatch(/zona\.media|ovdinfo|freedomnews/);
    }
  });
});

describe('a build that trusts no signing key (the default `npm run build`)', () => {
  it('never contacts the index host, keeps no refresh alarm, and says updates are not configured', async () => {
    const releaseServer = await startServer();
    // No NOT_ALONE_E2E_EXTENSION_DIR here: this is the build made without NOT_ALONE_INDEX_PUBKEY.
    const release = await launchExtension(releaseServer, { viewport: { width: 1280, height: 800 }, extensionDir: DEFAULT_EXTENSION_DIR });
    try {
      const manifest = await release.serviceWorker.evaluate(() => chrome.runtime.getManifest());
      expect(manifest.host_permissions ?? []).not.toContain('https://not-alone-extension.github.io/*');

      const page = await release.context.newPage();
      await page.goto(PAGES[1]!);
      // Still fully usable with the bundled index.
      await waitForMarks(page, 1);
      const popup = await release.openExtensionPage('popup.html');
      const status = popup.locator('[data-testid="index-status"]');
      await expect.poll(() => status.innerText()).toContain('Updates are not configured in this build');
      expect(await status.innerText()).toContain('shipped with the extension');
      expect(await popup.getByRole('button', { name: 'Refresh now' }).count()).toBe(0);
      // Asking the background directly does not fetch either.
      const outcome = await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'refreshNow' }));
      expect(outcome).toMatchObject({ result: 'failed', code: 'no-source' });
      expect(await release.serviceWorker.evaluate(() => chrome.alarms.getAll())).toEqual([]);
      await new Promise((r) => setTimeout(r, 1_000));

      expect(release.browserRequests.filter((r) => r.from === 'service-worker')).toEqual([]);
      expect(releaseServer.requests.filter((r) => r.host === 'not-alone-extension.github.io')).toEqual([]);
    } finally {
      await release.close();
      await releaseServer.close();
    }
  });
});
