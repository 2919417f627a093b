/**
 * "Other news sites" in Chromium with the built extension: a site the reader adds is asked for
 * at that moment, gets the content script registered at runtime, is marked, and can be removed.
 *
 * What headless Chromium 156 does with the permission prompt (the second test holds it down):
 * `permissions.request()` from a real click opens the browser's dialog, which headless mode
 * shows to nobody and nobody can answer, so the promise stays pending; it is neither granted
 * nor refused. (The same call outside a user gesture is refused at once, "This function must
 * be called during a user gesture"; that is how an `await` before it would show.)
 *
 * So the granted path starts where a reader can also start: the host is approved for the
 * extension in the browser's own extensions page first (chrome://extensions, through
 * `developerPrivate.addHostPermission`, the call behind its Site access controls). That alone
 * grants nothing the extension can use (checked below). Then the options page's real request
 * resolves `true` without a dialog, because the host is already approved and 'scripting'
 * carries no warning. Everything after that is the real thing: the permission events, the
 * background's registration, the content script on the new host, Remove, and the browser's own
 * switch taking access back.
 *
 * Not covered here: the dialog itself, and a reader pressing Allow or Deny in it. The denied
 * branch is tested against a fake permissions API in tests/unit/options.test.tsx.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { axeViolations, summary } from './axe';
import { useExtension, PAGES_DIR, SCREENSHOTS_DIR, type ExtensionBrowser, type TestServer } from './harness';
import { EXTENSION_DIR, dialog, markPoint, markTexts, waitForMarks } from './content-helpers';

/** Sites outside the built-in list, serving built-in sites' fixture articles (see `serveElsewhere`). */
const SITE = 'https://news.example.org/*';
const SITE_PAGE = 'https://news.example.org/2024/05/buchenkov/';
const OTHER = 'https://reader.example.net/*';
const OTHER_PAGE = 'https://reader.example.net/2023/bakhtin/';
const ZONA_PAGE = 'https://en.zona.media/article/2023/08/14/bakhtin/';
/** Long enough for a content script to have started and marked the page, had it run. */
const SETTLE_MS = 3_000;
const FIELD = 'Address of a site or one of its articles';

/**
 * Serves the fixture article at `fixture` (a folder under tests/e2e/fixtures/pages) at `url`,
 * with its masthead's name `from` renamed `to`: the same article on a site the extension does
 * not know.
 */
function serveElsewhere(server: TestServer, url: string, fixture: string, from: string, to: string): void {
  const body = readFileSync(path.join(PAGES_DIR, fixture, 'index.html'), 'utf8').replaceAll(from, to);
  server.route(url, { body, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

const env = useExtension({
  viewport: { width: 1280, height: 900 },
  extensionDir: EXTENSION_DIR,
  beforeLaunch(server) {
    serveElsewhere(server, SITE_PAGE, 'freedomnews.org.uk/2017/11/24/russia-anarchist-prisoner-dmitry-buchenkov-flees-the-country', 'Freedom News', 'Example News');
    serveElsewhere(server, OTHER_PAGE, 'en.zona.media/article/2023/08/14/bakhtin', 'Mediazona', 'The Example Reader');
  },
});

interface Grants {
  origins: string[];
  permissions: string[];
}

/** What the browser has granted the extension, as its service worker sees it. */
async function granted(browser: ExtensionBrowser = env.ext): Promise<Grants> {
  const all = await browser.serviceWorker.evaluate(() => chrome.permissions.getAll());
  return { origins: [...(all.origins ?? [])].sort(), permissions: [...(all.permissions ?? [])].sort() };
}

/** The extension's registered content scripts, or the browser's answer when it may not ask. */
async function registered(browser: ExtensionBrowser = env.ext): Promise<unknown> {
  return browser.serviceWorker.evaluate(async () => {
    try {
      return (await chrome.scripting.getRegisteredContentScripts()).map(({ id, matches, js, runAt, persistAcrossSessions }) => ({ id, matches, js, runAt, persistAcrossSessions }));
    } catch (err) {
      // Without the 'scripting' permission the object may be missing, or every call throws.
      return `unavailable: ${String(err)}`;
    }
  });
}

/** The reader approves `origin` for the extension on chrome://extensions (see the header). */
async function approveInBrowser(origin: string, browser: ExtensionBrowser = env.ext): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(`chrome://extensions/?id=${browser.extensionId}`);
  const error = await page.evaluate(
    ([id, host]) =>
      new Promise<string>((resolve) => {
        const developerPrivate = (chrome as unknown as { developerPrivate: { addHostPermission(id: string, host: string, done: () => void): void } }).developerPrivate;
        developerPrivate.addHostPermission(id, host, () => resolve(chrome.runtime.lastError?.message ?? ''));
      }),
    [browser.extensionId, origin] as const,
  );
  await page.close();
  expect(error, `approving ${origin} on chrome://extensions`).toBe('');
}

/** Whether our content script runs on the page at all. */
const hasOurUi = (page: Page) => page.evaluate(() => document.querySelector('not-alone-ui') !== null);

async function drawnCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    return (registry.get('not-alone')?.size ?? 0) + (registry.get('not-alone-low')?.size ?? 0);
  });
}

async function addSite(options: Page, address: string): Promise<void> {
  await options.getByRole('textbox', { name: FIELD }).fill(address);
  await options.getByRole('button', { name: 'Add site' }).click();
}

const status = (options: Page) => options.getByTestId('custom-site-status');
const listedSites = (options: Page) => options.locator('.custom-site label').allTextContents();
const settle = () => new Promise((r) => setTimeout(r, SETTLE_MS));

describe('other news sites', () => {
  let waitingTab: Page;

  it('asks for nothing at install, and ships no web-accessible file a page could probe for', async () => {
    const manifest = await env.ext.serviceWorker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.permissions).toEqual(['storage', 'alarms']);
    expect(manifest.optional_permissions).toEqual(['scripting']);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(await granted()).toEqual({ origins: [...(manifest.host_permissions ?? [])].sort(), permissions: ['alarms', 'storage'] });

    // On a news site the card's styles are inlined in our shadow root, and no extension file is
    // reachable from the page.
    const zona = await env.ext.context.newPage();
    await zona.goto(ZONA_PAGE);
    await waitForMarks(zona, 1);
    const css = await zona.evaluate(() => [...(document.querySelector('not-alone-ui')?.shadowRoot?.querySelectorAll('style') ?? [])].map((s) => s.textContent ?? '').join('\n'));
    expect(css).toContain('.na-card{');
    for (const file of ['content-scripts/content.css', 'content-scripts/content.js', 'manifest.json']) {
      const reached = await zona.evaluate((url) => fetch(url).then((r) => `HTTP ${r.status}`, () => 'refused'), `chrome-extension://${env.ext.extensionId}/${file}`);
      expect(reached, file).toBe('refused');
    }
    await zona.close();
  });

  it('does not read a site that was not added', async () => {
    waitingTab = await env.ext.context.newPage();
    await waitingTab.goto(SITE_PAGE);
    await settle();
    expect(await hasOurUi(waitingTab)).toBe(false);
    expect(await registered()).toMatch(/^unavailable/);
  });

  it('opens the browser’s prompt on the click and waits for it; a prompt left unanswered adds nothing', async () => {
    const options = await env.ext.openExtensionPage('options.html');
    await options.getByText('No other sites yet.').waitFor();
    await addSite(options, SITE_PAGE);
    await expect.poll(() => status(options).textContent()).toBe('Waiting for your answer to the browser’s question about news.example.org…');
    // Still waiting a while later: no refusal for a missing user gesture, no grant.
    await settle();
    expect(await status(options).textContent()).toBe('Waiting for your answer to the browser’s question about news.example.org…');
    expect(await options.getByRole('alert').textContent()).toBe('');
    expect(await granted()).toEqual({ origins: expect.not.arrayContaining([SITE]), permissions: ['alarms', 'storage'] });

    // Closing the page closes its prompt unanswered.
    await options.close();
    const again = await env.ext.openExtensionPage('options.html');
    await again.getByText('No other sites yet.').waitFor();
    expect(await listedSites(again)).toEqual([]);
    expect((await granted()).origins).not.toContain(SITE);
    expect(await hasOurUi(waitingTab)).toBe(false);
    await again.close();
  });

  it('an added site is marked at once in its open tab and on every page, with the card styled; its switch pauses it', async () => {
    await approveInBrowser(SITE);
    // Approval on chrome://extensions alone gives the extension nothing until it asks.
    expect((await granted()).origins).not.toContain(SITE);

    const options = await env.ext.openExtensionPage('options.html');
    await addSite(options, SITE_PAGE);
    await expect.poll(() => status(options).textContent()).toBe('Added news.example.org: names are marked on its pages.');
    expect(await listedSites(options)).toEqual(['news.example.org']);
    expect(await options.getByRole('textbox', { name: FIELD }).inputValue()).toBe('');
    expect(await granted()).toMatchObject({ origins: expect.arrayContaining([SITE]), permissions: ['alarms', 'scripting', 'storage'] });
    expect(await registered()).toEqual([{ id: 'custom-sites', matches: [SITE], js: ['content-scripts/content.js'], runAt: 'document_idle', persistAcrossSessions: true }]);

    // The tab that was already open gets the script without a reload.
    await waitForMarks(waitingTab, 1);
    expect(await markTexts(waitingTab)).toContain('Dmitry Buchenkov');

    const article = await env.ext.context.newPage();
    await article.goto(SITE_PAGE);
    await waitForMarks(article, 1);
    const p = await markPoint(article, 'Dmitry Buchenkov');
    await article.mouse.click(p.x, p.y);
    const card = dialog(article);
    await card.waitFor();
    // Styled from the inlined CSS: a fixed-width box with its own background, not page text.
    const look = await card.locator('.na-card').evaluate((el) => {
      const cs = getComputedStyle(el);
      return { background: cs.backgroundColor, width: el.getBoundingClientRect().width, radius: cs.borderTopLeftRadius };
    });
    expect(look.background).toBe('rgb(255, 255, 255)');
    expect(look.width).toBeGreaterThan(200);
    expect(look.width).toBeLessThan(600);
    expect(look.radius).not.toBe('0px');
    await article.screenshot({ path: path.join(SCREENSHOTS_DIR, 'custom-site-card.png') });
    await article.keyboard.press('Escape');

    // The per-site switch applies to an added site too, live.
    const siteSwitch = options.getByRole('checkbox', { name: 'news.example.org' });
    await siteSwitch.uncheck();
    await expect.poll(() => drawnCount(article)).toBe(0);
    await siteSwitch.check();
    await expect.poll(() => drawnCount(article)).toBeGreaterThan(0);

    expect(summary(await axeViolations(options)), 'options with a site listed').toEqual([]);
    await options.screenshot({ path: path.join(SCREENSHOTS_DIR, 'options-custom-sites.png'), fullPage: true });
    await article.close();
    await options.close();
  });

  it('Remove takes one site out of the script; the browser’s own switch takes the rest, and the page follows', async () => {
    await approveInBrowser(OTHER);
    const options = await env.ext.openExtensionPage('options.html');
    await addSite(options, 'reader.example.net');
    await expect.poll(() => status(options).textContent()).toBe('Added reader.example.net: names are marked on its pages.');
    expect(await listedSites(options)).toEqual(['news.example.org', 'reader.example.net']);
    expect(await registered()).toMatchObject([{ id: 'custom-sites', matches: [SITE, OTHER] }]);

    await options.getByRole('button', { name: 'Remove news.example.org' }).click();
    await expect.poll(() => status(options).textContent()).toBe('Removed news.example.org. Its marks are gone from open tabs too.');
    expect(await listedSites(options)).toEqual(['reader.example.net']);
    await expect.poll(() => registered()).toMatchObject([{ id: 'custom-sites', matches: [OTHER] }]);
    expect(await granted()).toMatchObject({ origins: expect.not.arrayContaining([SITE]), permissions: ['alarms', 'scripting', 'storage'] });
    // The tab open on it drops its marks now, and a later change of settings does not bring
    // them back.
    await expect.poll(() => drawnCount(waitingTab)).toBe(0);
    await options.getByRole('radio', { name: /Background colour/ }).check();
    await settle();
    expect(await drawnCount(waitingTab)).toBe(0);
    await options.getByRole('radio', { name: /Underline/ }).check();

    await waitingTab.reload({ waitUntil: 'load' });
    await settle();
    expect(await hasOurUi(waitingTab)).toBe(false);
    const other = await env.ext.context.newPage();
    await other.goto(OTHER_PAGE);
    await waitForMarks(other, 1);

    // chrome://extensions: "Automatically allow access on the following sites" off. In Chromium
    // 156 the per-site switches under it are disabled for optional sites; this one withholds
    // every host, the built-in news sites included. Chromium 156 draws it as a switch, 150 as a
    // toggle button.
    const manager = await env.ext.context.newPage();
    await manager.goto(`chrome://extensions/?id=${env.ext.extensionId}`);
    const allowAllName = /Automatically allow access/;
    const allowAll = manager.getByRole('switch', { name: allowAllName }).or(manager.getByRole('button', { name: allowAllName }));
    await allowAll.click();
    // The open options page drops the site by itself; the background unregisters the script and
    // hands 'scripting' back.
    await options.getByText('No other sites yet.').waitFor();
    await expect.poll(async () => (await granted()).permissions).toEqual(['alarms', 'storage']);
    expect((await granted()).origins).toEqual([]);
    // The reader's other site, still open, drops its marks without a reload too.
    await expect.poll(() => drawnCount(other)).toBe(0);
    await other.reload({ waitUntil: 'load' });
    await settle();
    expect(await hasOurUi(other)).toBe(false);

    // Switched back on: the built-in sites return, the reader's site does not come back by itself.
    await allowAll.click();
    await expect.poll(async () => (await granted()).origins).toContain('https://en.zona.media/*');
    expect((await granted()).origins).not.toContain(OTHER);
    await options.reload();
    await options.getByText('No other sites yet.').waitFor();
    const zona = await env.ext.context.newPage();
    await zona.goto(ZONA_PAGE);
    await waitForMarks(zona, 1);
    await Promise.all([zona.close(), other.close(), manager.close(), options.close(), waitingTab.close()]);
  });
});

describe('other news sites, in Russian', () => {
  const ru = useExtension({ serverOf: env, lang: 'ru', viewport: { width: 1280, height: 900 }, extensionDir: EXTENSION_DIR });

  it('refuses a built-in site and adds one, in Russian', async () => {
    const options = await ru.ext.openExtensionPage('options.html');
    const field = options.getByRole('textbox', { name: 'Адрес сайта или одной из его статей' });
    await field.fill('https://ovd.info/news/2024/01/01/x');
    await options.getByRole('button', { name: 'Добавить сайт' }).click();
    await expect.poll(() => options.getByRole('alert').textContent()).toBe('Not Alone уже работает на этом сайте.');
    expect(await field.getAttribute('aria-invalid')).toBe('true');

    await approveInBrowser(SITE, ru.ext);
    await field.fill(SITE_PAGE);
    await options.getByRole('button', { name: 'Добавить сайт' }).click();
    await expect.poll(() => status(options).textContent()).toBe('Сайт news.example.org добавлен: имена на его страницах будут отмечены.');
    expect(await options.getByRole('alert').textContent()).toBe('');
    await options.getByRole('button', { name: 'Убрать news.example.org' }).waitFor();
    await options.screenshot({ path: path.join(SCREENSHOTS_DIR, 'options-custom-sites-ru.png'), fullPage: true });
    await options.close();
  });
});
