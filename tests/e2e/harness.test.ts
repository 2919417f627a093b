// Smoke test of the e2e harness itself, against the real build in .output/chrome-mv3:
// the recording server, the host mapping, the extension's service worker and its manifest.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useExtension, isBrowserOwnRequest, launchExtension, type ExtensionBrowser } from './harness';

// The sites of issue 3, written out here so the test checks the config rather than echoing it.
const NEWS_HOSTS = [
  'freedomnews.org.uk',
  'www.freedomnews.org.uk',
  'ovd.info',
  'www.ovd.info',
  'en.ovdinfo.org',
  'ovdinfo.org',
  'zona.media',
  'en.zona.media',
];

describe('e2e harness', () => {
  const env = useExtension();

  it('serves a fixture over https at a real news host and records the request', async () => {
    const page = await env.ext.context.newPage();
    const res = await page.goto('https://freedomnews.org.uk/harness-check');
    expect(res?.status()).toBe(200);
    expect(new URL(page.url()).protocol).toBe('https:');
    await expect(page.locator('#harness-check').innerText()).resolves.toBe('Harness check');
    const seen = env.server.requests.find((r) => r.host === 'freedomnews.org.uk' && r.path === '/harness-check');
    expect(seen).toMatchObject({ scheme: 'https', method: 'GET' });
    expect(seen?.headers['sec-fetch-dest']).toBe('document');
    await page.close();
  });

  it('answers 404 for a path with no fixture, and canned routes take precedence', async () => {
    const page = await env.ext.context.newPage();
    expect((await page.goto('https://zona.media/no-such-article'))?.status()).toBe(404);
    env.server.route('https://zona.media/no-such-article', { status: 200, body: '<p id="canned">canned</p>', headers: { 'content-type': 'text/html' } });
    expect((await page.goto('https://zona.media/no-such-article'))?.status()).toBe(200);
    await expect(page.locator('#canned').innerText()).resolves.toBe('canned');
    env.server.route('https://zona.media/broken', { destroy: true });
    await expect(page.goto('https://zona.media/broken')).rejects.toThrow(/ERR_/);
    await page.close();
    env.server.clearRoutes();
    const fresh = await env.ext.context.newPage();
    expect((await fresh.goto('https://zona.media/no-such-article'))?.status()).toBe(404);
    await fresh.close();
  });

  it('starts the extension service worker', async () => {
    expect(env.ext.extensionId).toMatch(/^[a-p]{32}$/);
    const id = await env.ext.serviceWorker.evaluate(() => chrome.runtime.id);
    expect(id).toBe(env.ext.extensionId);
  });

  it('has only the storage and alarms permissions and https host access to the news sites', async () => {
    const manifest = await env.ext.serviceWorker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.manifest_version).toBe(3);
    expect([...(manifest.permissions ?? [])].sort()).toEqual(['alarms', 'storage']);
    // What a site the reader adds may ask for (tests/e2e/custom-sites.test.ts); none of it is granted at start.
    expect(manifest.optional_permissions ?? []).toEqual(['scripting']);
    expect(manifest.optional_host_permissions ?? []).toEqual(['https://*/*']);
    const granted = await env.ext.serviceWorker.evaluate(() => chrome.permissions.getAll());
    expect([...(granted.permissions ?? [])].sort()).toEqual(['alarms', 'storage']);
    expect([...(granted.origins ?? [])].sort()).toEqual([...(manifest.host_permissions ?? [])].sort());
    for (const p of manifest.host_permissions ?? []) expect(p).toMatch(/^https:\/\/[a-z0-9.-]+\/\*$/);
    const hosts = (manifest.host_permissions ?? []).map((p: string) => new URL(p.replace('/*', '/')).host);
    for (const h of NEWS_HOSTS) expect(hosts).toContain(h);
  });

  it('injects the content script on the https pages of every news site, and nowhere else', async () => {
    const manifest = await env.ext.serviceWorker.evaluate(() => chrome.runtime.getManifest());
    const matches = (manifest.content_scripts ?? []).flatMap((c) => c.matches ?? []);
    expect([...new Set(matches)].sort()).toEqual(NEWS_HOSTS.map((h) => `https://${h}/*`).sort());
  });

  it('tells extension requests from page requests and from the browser’s own', async () => {
    const page = await env.ext.context.newPage();
    await page.goto('https://freedomnews.org.uk/harness-check');
    await page.evaluate(() => fetch('https://page-probe.example.net/p.json').catch(() => null));
    await env.ext.serviceWorker.evaluate(() => fetch('https://worker-probe.example.org/w.json').catch(() => null));
    const fromWorker = env.ext.browserRequests.find((r) => r.url === 'https://worker-probe.example.org/w.json');
    const fromPage = env.ext.browserRequests.find((r) => r.url === 'https://page-probe.example.net/p.json');
    expect(fromWorker).toMatchObject({ from: 'service-worker' });
    expect(fromWorker?.initiatorUrl).toContain(`chrome-extension://${env.ext.extensionId}/`);
    expect(fromPage).toMatchObject({ from: 'page', initiatorUrl: 'https://freedomnews.org.uk/harness-check' });
    // The server saw both, with the Host header naming the host asked for.
    const onServer = await env.server.waitForRequest((r) => r.host === 'worker-probe.example.org');
    expect(onServer.headers.host).toBe('worker-probe.example.org');
    expect(isBrowserOwnRequest(onServer)).toBe(false);
    expect(isBrowserOwnRequest({ host: 'accounts.google.com' })).toBe(true);
    expect(env.ext.browserRequests.some((r) => isBrowserOwnRequest({ host: new URL(r.url).hostname }))).toBe(false);
    await page.close();
  });

  it('launches with another UI language and removes the profile on close', async () => {
    const ru = await launchExtension(env.server, { lang: 'ru' });
    try {
      // chrome.i18n.getUILanguage() in the worker says en-US even so; the messages are what count.
      const description = (b: ExtensionBrowser) => b.serviceWorker.evaluate(() => chrome.i18n.getMessage('extDescription'));
      await expect(description(ru)).resolves.toMatch(/[а-яё]/i);
      await expect(description(env.ext)).resolves.not.toMatch(/[а-яё]/i);
    } finally {
      await ru.close();
    }
    expect(existsSync(ru.userDataDir)).toBe(false);
  });
});
