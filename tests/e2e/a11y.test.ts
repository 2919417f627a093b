/**
 * axe-core on the popup (list with marks, search results, the card, a refresh problem) and on
 * the options page, in light and dark colour schemes, in English and Russian: zero violations
 * of WCAG 2.0/2.1/2.2 A and AA rules (colour contrast included).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, summary } from './axe';
import { useExtension, E2E_EXTENSION_DIR } from './harness';
import { waitForMarks } from './content-helpers';

const IVANOV_PAGE = 'https://en.ovdinfo.org/save-yourselves-for-better-times-interview-with-dmitry-ivanov/';
const SCHEMES = ['light', 'dark'] as const;

for (const lang of ['en', 'ru'] as const) {
  describe(`accessibility (${lang})`, () => {
    const env = useExtension({
      lang,
      viewport: { width: 1280, height: 800 },
      extensionDir: E2E_EXTENSION_DIR,
      beforeLaunch(server) {
        // A refresh that fails, so the popup shows its problem line too.
        server.route('https://not-alone-extension.github.io/index/index.json', { status: 404 });
        server.route('https://not-alone-extension.github.io/index/index.json.sig', { status: 404 });
      },
    });
    let tabId: number;

    beforeAll(async () => {
      const article = await env.ext.context.newPage();
      await article.goto(IVANOV_PAGE);
      await waitForMarks(article, 5);
      const id = await env.ext.serviceWorker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id, IVANOV_PAGE);
      if (typeof id !== 'number') throw new Error('no tab for the article');
      tabId = id;
    });

    for (const scheme of SCHEMES) {
      it(`popup, ${scheme}: the tab's marks, a refresh problem, search results and the card`, async () => {
        const popup = await env.ext.openExtensionPage(`popup.html?tab=${tabId}`);
        await popup.emulateMedia({ colorScheme: scheme });
        await popup.setViewportSize({ width: 400, height: 640 });
        await popup.locator('#popup-search-input').waitFor();
        await popup.locator('[data-testid="on-this-page"] .popup-person').first().waitFor();

        await popup.locator('.popup-refresh').click();
        await popup.locator('[data-testid="last-error"]').waitFor({ timeout: 30_000 });
        expect(summary(await axeViolations(popup)), 'list and status').toEqual([]);

        await popup.locator('#popup-search-input').fill(lang === 'ru' ? 'бахтин' : 'bakhtin');
        await popup.locator('[data-testid="search-results"] mark').first().waitFor();
        expect(summary(await axeViolations(popup)), 'search results').toEqual([]);

        await popup.locator('[data-testid="search-results"] .popup-person').first().click();
        await popup.locator('[role="dialog"] .na-card').waitFor();
        expect(summary(await axeViolations(popup)), 'card').toEqual([]);
        await popup.close();
      });

      it(`options page, ${scheme}`, async () => {
        const options = await env.ext.openExtensionPage('options.html');
        await options.emulateMedia({ colorScheme: scheme });
        await options.locator('fieldset').first().waitFor();
        expect(summary(await axeViolations(options))).toEqual([]);
        // After a change (a different one per run, so it is a change), with "Saved" showing.
        await options.locator(`input[name="mark-style"][value="${scheme === 'light' ? 'background' : 'icon'}"]`).check();
        await options.locator('[data-testid="saved"]:not(:empty)').waitFor();
        expect(summary(await axeViolations(options)), 'after a change').toEqual([]);

        // "Other news sites" refusing an address: the error, the field marked invalid.
        await options.locator('#custom-site-input').fill('http://news.example.org/');
        await options.locator('.site-form button[type="submit"]').click();
        await options.locator('#custom-site-note-error:not(:empty)').waitFor();
        expect(summary(await axeViolations(options)), 'a refused address').toEqual([]);
        await options.close();
      });
    }
  });
}
