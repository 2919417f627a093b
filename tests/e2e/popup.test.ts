/**
 * The toolbar popup in Chromium with the built extension: search across scripts and
 * transliterations, a result opening the card, the tab's marks, and the badge.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { useExtension, SCREENSHOTS_DIR, E2E_EXTENSION_DIR } from './harness';
import { waitForMarks } from './content-helpers';

const BAKHTIN_PAGE = 'https://en.zona.media/article/2023/08/14/bakhtin/';
const IVANOV_PAGE = 'https://en.ovdinfo.org/save-yourselves-for-better-times-interview-with-dmitry-ivanov/';

const env = useExtension({ viewport: { width: 1280, height: 800 }, extensionDir: E2E_EXTENSION_DIR });

/** The tab id of an open page, asked from the background (it may read the news sites' URLs). */
async function tabIdOf(url: string): Promise<number> {
  const id = await env.ext.serviceWorker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id, url);
  if (typeof id !== 'number') throw new Error(`no tab for ${url}`);
  return id;
}

async function openPopup(tabId?: number): Promise<Page> {
  const popup = await env.ext.openExtensionPage(`popup.html${tabId ? `?tab=${tabId}` : ''}`);
  await popup.setViewportSize({ width: 400, height: 640 });
  await popup.locator('#popup-search-input').waitFor();
  return popup;
}

describe('popup search', () => {
  const results = (popup: Page) => popup.locator('[data-testid="search-results"] .popup-person');

  it.each(['bakhtin', 'Bahtin', 'бахтин', 'Бахтину'])('"%s" finds Aleksandr Bakhtin first, with the match highlighted', async (query) => {
    const popup = await openPopup();
    await popup.locator('#popup-search-input').fill(query);
    const first = results(popup).first();
    await expect.poll(() => first.getAttribute('data-person-id'), { timeout: 5_000 }).toBe('bakhtin-aleksandr');
    const marked = await first.locator('mark').allTextContents();
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.join(' ')).toMatch(/Bakhtin|Бахтин/);
    if (query === 'Бахтину') {
      // The declined surname names one person: no fuzzy neighbours under him.
      expect(await results(popup).evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.personId))).toEqual(['bakhtin-aleksandr']);
      expect(await popup.locator('[data-testid="search-results"]').getAttribute('data-similar')).toBe('false');
      expect(marked).toEqual(['Bakhtin', 'Бахтин']);
      await popup.screenshot({ path: path.join(SCREENSHOTS_DIR, 'popup-search.png') });
    }
    await popup.close();
  });

  it('a typo offers similar names and says that it does', async () => {
    const popup = await openPopup();
    await popup.locator('#popup-search-input').fill('Bakhtni');
    await expect.poll(() => results(popup).first().getAttribute('data-person-id'), { timeout: 5_000 }).toBe('bakhtin-aleksandr');
    expect(await popup.locator('[data-testid="results-summary"]').textContent()).toBe('No exact match — similar names:');
    expect(await popup.locator('[data-testid="results-summary"]').isVisible()).toBe(true);
    expect(await popup.locator('[data-testid="search-results"] mark').count()).toBe(0);
    await popup.screenshot({ path: path.join(SCREENSHOTS_DIR, 'popup-search-similar.png') });
    await popup.close();
  });

  it('works from the keyboard: Down into the results, Enter opens the card, Esc comes back', async () => {
    const popup = await openPopup();
    const input = popup.locator('#popup-search-input');
    await input.click();
    await popup.keyboard.type('Ivanov');
    await expect.poll(() => results(popup).count()).toBeGreaterThan(2);
    const ids = await results(popup).evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.personId));
    const focused = () => popup.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.personId ?? document.activeElement?.id);
    await popup.keyboard.press('ArrowDown');
    expect(await focused()).toBe(ids[0]);
    await popup.keyboard.press('ArrowDown');
    expect(await focused()).toBe(ids[1]);
    await popup.keyboard.press('Enter');
    await popup.locator('[role="dialog"] .na-card').waitFor();
    await popup.keyboard.press('Escape');
    await input.waitFor();
    expect(await focused()).toBe(ids[1]);
    await popup.keyboard.press('Escape');
    expect(await focused()).toBe('popup-search-input');
    await popup.close();
  });

  it('a result opens the same card the page shows, and Back returns to the list', async () => {
    const popup = await openPopup();
    await popup.locator('#popup-search-input').fill('bakhtin');
    await popup.locator('[data-person-id="bakhtin-aleksandr"]').first().click();
    const card = popup.locator('[role="dialog"] .na-card');
    await card.waitFor();
    await expect.poll(() => card.locator('#popup-card-title').textContent()).toBe('Aleksandr Bakhtin');
    const text = await card.innerText();
    expect(text).toContain('Бахтин Александр Сергеевич');
    expect(text).toMatch(/207\.3/);
    await popup.screenshot({ path: path.join(SCREENSHOTS_DIR, 'popup-card.png') });
    await popup.getByRole('button', { name: /Back to the list/ }).click();
    await popup.locator('#popup-search-input').waitFor();
    // Focus goes back to the result that opened the card.
    expect(await popup.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.personId)).toBe('bakhtin-aleksandr');
    await popup.close();
  });
});

describe('in Russian', () => {
  const ru = useExtension({ serverOf: env, lang: 'ru', viewport: { width: 1280, height: 800 }, extensionDir: E2E_EXTENSION_DIR });

  it('names come in Cyrillic first, and the card is in Russian', async () => {
    const popup = await ru.ext.openExtensionPage('popup.html');
    await popup.setViewportSize({ width: 400, height: 640 });
    await popup.locator('#popup-search-input').fill('бах');
    const person = popup.locator('[data-testid="search-results"] [data-person-id="bakhtin-aleksandr"]');
    await person.waitFor();
    expect(await person.locator('.popup-person-name').textContent()).toBe('Бахтин Александр Сергеевич');
    expect(await person.locator('mark').allTextContents()).toEqual(['Бах']);
    expect(await person.locator('.na-badge').textContent()).toBe('В заключении');
    await popup.screenshot({ path: path.join(SCREENSHOTS_DIR, 'popup-search-ru.png') });
    await person.click();
    await popup.locator('[role="dialog"] .na-card').waitFor();
    expect(await popup.locator('#popup-card-title').textContent()).toBe('Бахтин Александр Сергеевич');
    await popup.screenshot({ path: path.join(SCREENSHOTS_DIR, 'popup-card-ru.png') });
    await popup.close();
  });
});

describe('on this page and the badge', () => {
  it('shows the people marked on a tab, and the badge counts them', async () => {
    const page = await env.ext.context.newPage();
    await page.goto(IVANOV_PAGE);
    await waitForMarks(page, 5);
    const tabId = await tabIdOf(IVANOV_PAGE);
    const marked = await env.ext.serviceWorker.evaluate(async (id) => {
      const state = await chrome.storage.session.get('marksByTab');
      return (state.marksByTab as Record<string, string[]>)[id] ?? [];
    }, tabId);
    expect(marked.length).toBeGreaterThanOrEqual(5);
    await expect
      .poll(() => env.ext.serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId))
      .toBe(String(marked.length));

    const popup = await openPopup(tabId);
    const list = popup.locator('[data-testid="on-this-page"]');
    await expect.poll(() => list.locator('[data-testid="marked-count"]').textContent()).toBe(`${marked.length} people marked on this tab`);
    const ids = await list.locator('.popup-person').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.personId));
    expect(ids.sort()).toEqual([...marked].sort());
    expect(ids).toContain('bakhtin-aleksandr');
    await popup.screenshot({ path: path.join(SCREENSHOTS_DIR, 'popup.png') });

    // Navigating the tab away clears its marks and badge.
    await page.goto(BAKHTIN_PAGE);
    await waitForMarks(page, 1);
    await expect.poll(() => env.ext.serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('1');
    await popup.close();
    await page.close();
  });

  it('a tab with nobody marked says so', async () => {
    const page = await env.ext.context.newPage();
    await page.goto('https://freedomnews.org.uk/harness-check.html');
    const tabId = await tabIdOf('https://freedomnews.org.uk/harness-check.html');
    const popup = await openPopup(tabId);
    await expect.poll(() => popup.locator('[data-testid="marked-count"]').textContent()).toBe('Nobody from the index is marked on this tab.');
    await popup.close();
    await page.close();
  });
});
