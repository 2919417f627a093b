/**
 * The options page in Chromium with the built extension: a site switched off there is not
 * marked after the reader reloads it, and is marked again once switched back on.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { useExtension, SCREENSHOTS_DIR, E2E_EXTENSION_DIR } from './harness';
import { waitForMarks } from './content-helpers';

const ZONA_PAGE = 'https://en.zona.media/article/2023/08/14/bakhtin/';
/** Long enough for the content script to have marked the page, had it been allowed to. */
const SETTLE_MS = 3_000;

const env = useExtension({ viewport: { width: 1280, height: 800 }, extensionDir: E2E_EXTENSION_DIR });

/** Drawn marks (both confidence levels) and what the content script reports on its host. */
async function marksOn(page: Page): Promise<{ drawn: number; reported: number }> {
  return page.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    const drawn = (registry.get('not-alone')?.size ?? 0) + (registry.get('not-alone-low')?.size ?? 0);
    const host = document.querySelector('not-alone-ui') as HTMLElement | null;
    return { drawn, reported: Number(host?.dataset.marks ?? 0) };
  });
}

async function storedDisabledHosts(options: Page): Promise<string[]> {
  return options.evaluate(async () => ((await chrome.storage.local.get('settings')).settings as { disabledHosts?: string[] } | undefined)?.disabledHosts ?? []);
}

describe('options: marking per site', () => {
  it('a site switched off is not marked after a reload, and is marked again when switched on', async () => {
    const article = await env.ext.context.newPage();
    await article.goto(ZONA_PAGE);
    await waitForMarks(article, 1);
    expect((await marksOn(article)).drawn).toBeGreaterThan(0);

    const options = await env.ext.openExtensionPage('options.html');
    const mediazona = options.getByRole('checkbox', { name: /Mediazona/ });
    expect(await mediazona.isChecked()).toBe(true);
    await mediazona.uncheck();
    await expect.poll(() => storedDisabledHosts(options)).toEqual(expect.arrayContaining(['zona.media', 'en.zona.media']));
    await options.screenshot({ path: path.join(SCREENSHOTS_DIR, 'options.png'), fullPage: true });

    await article.reload({ waitUntil: 'load' });
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    expect(await marksOn(article)).toEqual({ drawn: 0, reported: 0 });

    // Other sites are untouched.
    const other = await env.ext.context.newPage();
    await other.goto('https://freedomnews.org.uk/2017/11/24/russia-anarchist-prisoner-dmitry-buchenkov-flees-the-country/');
    await waitForMarks(other, 1);
    await other.close();

    await mediazona.check();
    await expect.poll(() => storedDisabledHosts(options)).toEqual([]);
    await article.reload({ waitUntil: 'load' });
    await waitForMarks(article, 1);
    expect((await marksOn(article)).drawn).toBeGreaterThan(0);
    await options.close();
    await article.close();
  });
});
