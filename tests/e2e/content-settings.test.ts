/**
 * The content script follows the reader's settings live (marking per site, mark style,
 * low-confidence matches, language) and answers the popup's "Show on the page".
 */
import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { useExtension, SCREENSHOTS_DIR } from './harness';
import { EXTENSION_DIR, dialog, firstHighlightLines, markPoint, scanState, scrollElement, waitForMarks } from './content-helpers';

const BAKHTIN_PAGE = 'https://en.zona.media/article/2023/08/14/bakhtin/';
const IVANOV_PAGE = 'https://en.ovdinfo.org/save-yourselves-for-better-times-interview-with-dmitry-ivanov/';

const env = useExtension({ viewport: { width: 1280, height: 800 }, extensionDir: EXTENSION_DIR });
afterEach(async () => {
  await setSettings({});
});

const DEFAULTS = { disabledHosts: [], markStyle: 'underline', showLowConfidence: false, refreshIntervalHours: 24, language: 'auto' };

/** Writes the stored settings the way the options page does (current storage version). */
async function setSettings(change: Record<string, unknown>): Promise<void> {
  await env.ext.serviceWorker.evaluate((value) => chrome.storage.local.set({ settings: value, settings$: { v: 2 } }), { ...DEFAULTS, ...change });
}

async function drawn(page: Page): Promise<{ high: string[]; low: string[] }> {
  return page.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    const texts = (name: string) => [...(registry.get(name) ?? [])].map((s) => { const x = document.createRange(); x.setStart(s.startContainer, s.startOffset); x.setEnd(s.endContainer, s.endOffset); return x.toString().replace(/\s+/g, ' ').trim(); });
    return { high: texts('not-alone'), low: texts('not-alone-low') };
  });
}

async function open(url: string, atLeast = 1): Promise<Page> {
  const page = await env.ext.context.newPage();
  await page.goto(url);
  await waitForMarks(page, atLeast);
  return page;
}

describe('settings, live', () => {
  it('switching the site off clears its marks at once, and switching it on marks them again', async () => {
    const page = await open(BAKHTIN_PAGE);
    const before = (await scanState(page)).marks;
    expect(before).toBeGreaterThan(0);
    await setSettings({ disabledHosts: ['en.zona.media'] });
    await expect.poll(async () => (await drawn(page)).high.length).toBe(0);
    expect((await scanState(page)).marks).toBe(0);
    await setSettings({ disabledHosts: [] });
    await expect.poll(async () => (await scanState(page)).marks).toBe(before);
    expect((await drawn(page)).high.length).toBe(before);
    await page.close();
  });

  it('a site switched off at load gets no matcher and no UI, until it is switched on', async () => {
    await setSettings({ disabledHosts: ['en.zona.media'] });
    const page = await env.ext.context.newPage();
    await page.goto(BAKHTIN_PAGE);
    // The content script has read its settings (its one storage read) and stopped there.
    await page.waitForFunction(() => performance.getEntriesByName('not-alone:settings').length > 0);
    await page.waitForTimeout(500);
    const off = await page.evaluate(() => ({
      host: document.querySelector('not-alone-ui') !== null,
      matcher: performance.getEntriesByName('not-alone:matcher-ready').length > 0,
    }));
    expect(off).toEqual({ host: false, matcher: false });
    await setSettings({ disabledHosts: [] });
    await waitForMarks(page, 1);
    expect((await scanState(page)).ids).toContain('bakhtin-aleksandr');
    await page.close();
  });

  it('applies the mark style: underline, background, and an icon badge after every name', async () => {
    const page = await open(BAKHTIN_PAGE);
    const style = () => page.evaluate(() => (document.querySelector('style[data-not-alone="highlights"]') as HTMLStyleElement).textContent ?? '');
    const badges = () => page.evaluate(() => document.querySelector('not-alone-ui')!.shadowRoot!.querySelectorAll('.na-mark-badge').length);
    expect(await style()).toMatch(/::highlight\(not-alone\) \{ text-decoration: underline solid/);
    expect(await badges()).toBe(0);

    await setSettings({ markStyle: 'background' });
    await expect.poll(style).toMatch(/::highlight\(not-alone\) \{ background-color/);

    await setSettings({ markStyle: 'icon' });
    const marks = (await scanState(page)).marks;
    await expect.poll(badges).toBe(marks);
    // Each badge sits at the end of its name, on the same line.
    const p = await markPoint(page, 'Aleksandr Bakhtin');
    await page.waitForTimeout(100);
    const near = await page.evaluate(
      ({ x, y }) =>
        [...document.querySelector('not-alone-ui')!.shadowRoot!.querySelectorAll('.na-mark-badge')]
          .map((b) => b.getBoundingClientRect())
          .filter((r) => Math.abs(r.top + r.height / 2 - y) < 20 && r.left > x)
          .map((r) => Math.round(r.left)),
      p,
    );
    expect(near.length).toBeGreaterThan(0);
    expect(Math.min(...near) - (p.rect.right ?? 0)).toBeLessThan(6);
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'content-mark-style-icon.png') });
    await page.close();
  });

  it('keeps the icon badge at the end of a name inside a box that scrolls on its own', async () => {
    await setSettings({ markStyle: 'icon' });
    const page = await open('https://zona.media/test/scroll-box.html');
    /** How far the badge nearest the name's last line sits from its end, across and down. */
    const offset = async () => {
      const end = (await firstHighlightLines(page, 'not-alone'))?.at(-1);
      if (!end) return null;
      const badges = await page.evaluate(() =>
        [...document.querySelector('not-alone-ui')!.shadowRoot!.querySelectorAll('.na-mark-badge')].map((b) => b.getBoundingClientRect().toJSON() as DOMRect),
      );
      const near = badges.sort((a, b) => Math.hypot(a.left - end.right, a.top - end.top) - Math.hypot(b.left - end.right, b.top - end.top))[0];
      return near ? { dx: Math.round(near.left - end.right), dy: Math.round(near.top - end.top), top: Math.round(end.top) } : null;
    };
    await expect.poll(offset).not.toBeNull();
    const before = (await offset())!;
    expect(Math.abs(before.dx)).toBeLessThan(6);
    expect(Math.abs(before.dy)).toBeLessThan(20);
    await page.evaluate(() => {
      document.getElementById('box')!.scrollTop = 70;
    });
    // The name moved up with the box; its badge went with it.
    await expect.poll(async () => (await offset())!.top).toBeLessThan(before.top - 40);
    await expect.poll(offset).toEqual({ ...before, top: (await offset())!.top });
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'content-mark-style-icon-scroll-box.png') });
    // Scrolled out of the box's view, the name keeps no badge floating over the heading.
    const badgeCount = () => page.evaluate(() => document.querySelector('not-alone-ui')!.shadowRoot!.querySelectorAll('.na-mark-badge').length);
    expect(await badgeCount()).toBe(1);
    await scrollElement(page, 'box', 'end');
    await expect.poll(badgeCount).toBe(0);
    await scrollElement(page, 'box', 'start');
    await expect.poll(badgeCount).toBe(1);
    await page.close();
  });

  it('shows low-confidence matches only when the reader asks for them', async () => {
    const page = await env.ext.context.newPage();
    await page.goto('https://zona.media/test/low-confidence.html');
    await page.waitForFunction(() => (document.querySelector('not-alone-ui') as HTMLElement | null)?.dataset.state === 'ready');
    expect(await drawn(page)).toEqual({ high: [], low: [] });
    await setSettings({ showLowConfidence: true });
    await expect.poll(() => drawn(page)).toEqual({ high: [], low: ['Dmitry Ivanov', 'Ivanov'] });
    await page.close();
  });

  it('speaks the language chosen in the options, whatever the browser’s', async () => {
    await setSettings({ language: 'ru' });
    const page = await open(BAKHTIN_PAGE);
    const p = await markPoint(page, 'Aleksandr Bakhtin');
    await page.mouse.click(p.x, p.y);
    const card = dialog(page);
    await card.locator('h2', { hasText: 'Бахтин Александр Сергеевич' }).waitFor();
    expect(await card.innerText()).toContain('В заключении');
    await page.keyboard.press('Escape');
    // Switched back while the page is open: the next card is in English.
    await setSettings({ language: 'en' });
    await page.waitForTimeout(200);
    await page.mouse.click(p.x, p.y);
    await card.locator('h2', { hasText: 'Aleksandr Bakhtin' }).waitFor();
    expect(await card.innerText()).toContain('In custody');
    await page.close();
  });
});

describe('"Show on the page" from the popup', () => {
  it('scrolls to the person’s first mark, draws it focused and moves the keyboard entry there', async () => {
    const page = await open(IVANOV_PAGE, 5);
    await page.evaluate(() => window.scrollTo(0, 0));
    const tabId = await env.ext.serviceWorker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id, IVANOV_PAGE);
    expect(typeof tabId).toBe('number');

    const popup = await env.ext.openExtensionPage(`popup.html?tab=${tabId}`);
    const show = popup.locator('[data-testid="on-this-page"] [data-show-id="bakhtin-aleksandr"]');
    await show.waitFor();
    await show.click();

    await expect
      .poll(() => page.evaluate(() => [...([...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('not-alone-focus') ?? [])].map((s) => { const x = document.createRange(); x.setStart(s.startContainer, s.startOffset); x.setEnd(s.endContainer, s.endOffset); return x; }))].map((r) => r.toString())))
      .toEqual(['Alexander Bakhtin']);
    const seen = await page.evaluate(() => {
      const r = [...([...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('not-alone-focus') ?? [])].map((s) => { const x = document.createRange(); x.setStart(s.startContainer, s.startOffset); x.setEnd(s.endContainer, s.endOffset); return x; }))][0]!.getBoundingClientRect();
      const proxy = document.querySelector('not-alone-ui')!.shadowRoot!.activeElement as HTMLElement | null;
      return { top: r.top, bottom: r.bottom, height: innerHeight, scrollY, proxy: proxy?.className, name: proxy?.querySelector('.na-proxy-name')?.textContent, ids: proxy?.dataset.ids };
    });
    expect(seen.scrollY).toBeGreaterThan(0);
    expect(seen.top).toBeGreaterThanOrEqual(0);
    expect(seen.bottom).toBeLessThanOrEqual(seen.height);
    expect(seen).toMatchObject({ proxy: 'na-proxy', name: 'Alexander Bakhtin', ids: 'bakhtin-aleksandr' });
    // The popup reported no problem.
    expect(await popup.locator('[role="alert"], [role="status"]').allInnerTexts()).not.toContainEqual(expect.stringMatching(/not found|no answer|не найден/i));
    await popup.close();

    // Someone not on the page: the content script says so.
    const reply = await env.ext.serviceWorker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'focusMark', id: 'nobody-here' }), tabId as number);
    expect(reply).toEqual({ ok: false });
    await page.close();
  });
});
