/**
 * The card as readers see it: dark scheme, Russian, touch bottom sheet, and a hostile page
 * stylesheet (`html { font-size: 5px }`, aggressive span/div rules) that must not change it.
 * Screenshots go to SCREENSHOTS_DIR and are checked by eye as well as by these assertions.
 */
import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension, REPO_ROOT, SCREENSHOTS_DIR, startServer, type ExtensionBrowser, type LaunchOptions, type TestServer } from './harness';
import { EXTENSION_DIR, dialog, firstHighlightLines, focusedProxy, markPoint, markTexts, scrollElement, waitForMarks } from './content-helpers';

const BAKHTIN = 'https://en.zona.media/article/2023/08/14/bakhtin/';

let server: TestServer | undefined;
let ext: ExtensionBrowser | undefined;

async function launch(opts: LaunchOptions) {
  server = await startServer();
  ext = await launchExtension(server, { ...opts, extensionDir: EXTENSION_DIR });
  return ext;
}

afterEach(async () => {
  await ext?.close();
  await server?.close();
  ext = undefined;
  server = undefined;
});

/** Colour of the card's background, read from the rendered card. */
async function cardBackground(page: Page) {
  return dialog(page).locator('.na-card').evaluate((el) => getComputedStyle(el).backgroundColor);
}

/**
 * A screenshot of `clip` with every highlight of the page taken away for the moment (the
 * registry is the document's, so the page's world reaches ours), then put back.
 */
async function screenshotWithoutHighlights(page: Page, clip: { x: number; y: number; width: number; height: number }): Promise<Buffer> {
  await page.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, unknown> }).highlights;
    (window as unknown as { savedHighlights: [string, unknown][] }).savedHighlights = [...registry];
    registry.clear();
  });
  const shot = await page.screenshot({ clip });
  await page.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, unknown> }).highlights;
    for (const [name, highlight] of (window as unknown as { savedHighlights: [string, unknown][] }).savedHighlights) registry.set(name, highlight);
  });
  return shot;
}

describe('card appearance', () => {
  it('is dark on a page that turns dark with the system scheme', async () => {
    const { context } = await launch({ colorScheme: 'dark', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto('https://zona.media/test/dark-aware.html');
    await waitForMarks(page);
    const p = await markPoint(page, 'Aleksandr Bakhtin');
    await page.mouse.click(p.x, p.y);
    await dialog(page).locator('h2', { hasText: 'Aleksandr Bakhtin' }).waitFor();
    expect(await cardBackground(page)).toBe('rgb(32, 33, 36)');
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'content-card-dark.png') });
  });

  it('stays light on a light page even when the system is dark', async () => {
    const { context } = await launch({ colorScheme: 'dark', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto('https://zona.media/test/plain.html');
    await waitForMarks(page);
    const p = await markPoint(page, 'Aleksandr Bakhtin');
    await page.mouse.click(p.x, p.y);
    await dialog(page).locator('h2', { hasText: 'Aleksandr Bakhtin' }).waitFor();
    expect(await cardBackground(page)).toBe('rgb(255, 255, 255)');
  });

  it('speaks Russian in a Russian browser, with the Cyrillic name first', async () => {
    const { context } = await launch({ lang: 'ru', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(BAKHTIN);
    await waitForMarks(page);
    const p = await markPoint(page, 'Aleksandr Bakhtin', 1);
    await page.mouse.click(p.x, p.y);
    const card = dialog(page);
    await card.locator('h2', { hasText: 'Бахтин Александр Сергеевич' }).waitFor();
    const text = await card.innerText();
    expect(text).toContain('В заключении');
    expect(text).toContain('6 лет');
    expect(text).toContain('Написать письмо');
    expect(text).toContain('Aleksandr Bakhtin');
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'content-card-ru.png') });
  });

  it('keeps marks and the card visible in forced colours (high-contrast mode)', async () => {
    const { context } = await launch({ forcedColors: 'active', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(BAKHTIN);
    await waitForMarks(page);
    expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
    const p = await markPoint(page, 'Aleksandr Bakhtin', 1);
    const clip = { x: p.rect.left - 4, y: p.rect.top - 4, width: p.rect.width + 8, height: p.rect.height + 8 };
    // The same stretch of page with our highlights and without them must differ: the system
    // colours replace ours, and a mark that vanished with them would be no mark at all.
    const marked = await page.screenshot({ clip });
    expect(marked.equals(await screenshotWithoutHighlights(page, clip))).toBe(false);

    await page.mouse.click(p.x, p.y);
    const card = dialog(page).locator('.na-card');
    await dialog(page).locator('h2', { hasText: 'Aleksandr Bakhtin' }).waitFor();
    // Shadows are dropped in forced colours: the card's edge must be a border the mode keeps.
    const edge = await card.evaluate((el) => {
      const s = getComputedStyle(el);
      return { width: s.borderTopWidth, style: s.borderTopStyle };
    });
    expect(edge.style).toBe('solid');
    expect(parseFloat(edge.width)).toBeGreaterThanOrEqual(1);
    // The status badge and the letter button lose their fill: they are outlined instead.
    for (const selector of ['.na-badge', 'a.na-primary']) {
      const style = await card.locator(selector).first().evaluate((el) => getComputedStyle(el).borderTopStyle);
      expect(style, selector).toBe('solid');
    }
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'content-card-forced-colors.png') });
    // The card's end, with the letter links.
    await card.locator('a.na-primary').scrollIntoViewIfNeeded();
    await card.screenshot({ path: path.join(SCREENSHOTS_DIR, 'content-card-forced-colors-letters.png') });
  });

  it('rings the mark the keyboard is on in forced colours, where every highlight looks alike', async () => {
    const { context } = await launch({ forcedColors: 'active', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(BAKHTIN);
    await waitForMarks(page);
    await page.keyboard.press('Tab');
    expect((await focusedProxy(page))?.className).toBe('na-proxy');
    const focusBox = () => firstHighlightLines(page, 'not-alone-focus');
    const ringBoxes = () =>
      page.evaluate(() =>
        [...(document.querySelector('not-alone-ui')?.shadowRoot?.querySelectorAll('.na-focus-ring') ?? [])].map(
          (el) => el.getBoundingClientRect().toJSON() as DOMRect,
        ),
      );
    const expectRingOnFocus = async () => {
      const marks = await focusBox();
      expect(marks?.length).toBeGreaterThan(0);
      await expect.poll(async () => (await ringBoxes()).length).toBe(marks!.length);
      const rings = await ringBoxes();
      rings.forEach((ring, i) => {
        const mark = marks![i]!;
        for (const side of ['left', 'top', 'right', 'bottom'] as const) expect(Math.abs(ring[side] - mark[side]), side).toBeLessThanOrEqual(1);
      });
      const outline = await page.evaluate(() => {
        const el = document.querySelector('not-alone-ui')?.shadowRoot?.querySelector('.na-focus-ring');
        const s = el ? getComputedStyle(el) : null;
        return s && { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
      });
      expect(outline?.style).toBe('solid');
      expect(outline?.width).toBeGreaterThanOrEqual(2);
    };
    await expectRingOnFocus();
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'content-forced-colors-focus.png') });
    // The ring follows the keyboard to the next mark and the page as it scrolls.
    await page.keyboard.press('ArrowDown');
    await expectRingOnFocus();
    await page.mouse.wheel(0, 120);
    await expect.poll(async () => (await ringBoxes())[0]?.top).toBeCloseTo((await focusBox())![0]!.top, 0);
    await expectRingOnFocus();
    // Leaving the keyboard list takes the ring away.
    await page.mouse.click(5, 5);
    await expect.poll(async () => (await ringBoxes()).length).toBe(0);
  });

  it('cuts the forced-colours ring to the box the mark sits in, and drops it when the box scrolls the mark away', async () => {
    const { context } = await launch({ forcedColors: 'active', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto('https://zona.media/test/scroll-box.html');
    await waitForMarks(page);
    await page.keyboard.press('Tab');
    const rings = () =>
      page.evaluate(() => document.querySelector('not-alone-ui')?.shadowRoot?.querySelectorAll('.na-focus-ring').length ?? 0);
    await expect.poll(rings).toBe(1);
    await scrollElement(page, 'box', 'end');
    await expect.poll(rings).toBe(0);
    await scrollElement(page, 'box', 'start');
    await expect.poll(rings).toBe(1);
  });

  it('prints the page as it is: no marks and no card on paper, both back on screen', async () => {
    const { context } = await launch({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(BAKHTIN);
    await waitForMarks(page);
    const p = await markPoint(page, 'Aleksandr Bakhtin', 1);
    await page.mouse.click(p.x, p.y);
    const heading = dialog(page).locator('h2', { hasText: 'Aleksandr Bakhtin' });
    await heading.waitFor();
    const clip = { x: p.rect.left - 4, y: p.rect.top - 4, width: p.rect.width + 8, height: p.rect.height + 8 };

    await page.emulateMedia({ media: 'print' });
    expect(await heading.isVisible()).toBe(false);
    const printed = await page.screenshot({ clip });
    expect(printed.equals(await screenshotWithoutHighlights(page, clip))).toBe(true);

    // The same comparison on screen tells them apart, so the one above can fail.
    await page.emulateMedia({ media: 'screen' });
    expect(await heading.isVisible()).toBe(true);
    const screen = await page.screenshot({ clip });
    expect(screen.equals(await screenshotWithoutHighlights(page, clip))).toBe(false);
  });

  it('opens a bottom sheet on a tap, and the tap does not follow a link around the name', async () => {
    const { context } = await launch({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 780 } });
    const page = await context.newPage();
    await page.goto('https://freedomnews.org.uk/2020/02/16/russia-thousands-sign-open-letter-in-solidarity-with-imprisoned-anarchists/');
    await waitForMarks(page);
    const url = page.url();
    // "Ilya" is a link: the first tap must show the card instead.
    const p = await markPoint(page, 'Ilya Shakursky');
    await page.touchscreen.tap(p.x, p.y);
    const card = dialog(page);
    await card.locator('h2', { hasText: 'Ilya Shakursky' }).waitFor();
    expect(await card.getAttribute('data-opened-by')).toBe('touch');
    const box = (await card.boundingBox())!;
    expect(Math.round(box.x)).toBe(0);
    expect(Math.round(box.width)).toBe(390);
    expect(Math.round(box.y + box.height)).toBe(780);
    expect(page.url()).toBe(url);
    // The tapped name is still visible above the sheet.
    const name = await page.evaluate(() => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      const r = [...([...(registry.get('not-alone-focus') ?? [])].map((s) => { const x = document.createRange(); x.setStart(s.startContainer, s.startOffset); x.setEnd(s.endContainer, s.endOffset); return x; }))][0]!;
      return r.getBoundingClientRect().toJSON() as DOMRect;
    });
    const sheet = (await card.boundingBox())!;
    expect(name.top).toBeGreaterThanOrEqual(0);
    expect(name.bottom).toBeLessThanOrEqual(sheet.y);
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'content-card-touch.png') });
    // Tapping the dimmed page closes it.
    await page.touchscreen.tap(200, 40);
    await expect.poll(() => card.count()).toBe(0);
  });

  it('looks the same on a page with hostile CSS and html { font-size: 5px }', async () => {
    const { context } = await launch({ viewport: { width: 1000, height: 800 } });
    const shots: Buffer[] = [];
    for (const url of ['https://zona.media/test/plain.html', 'https://zona.media/test/hostile-css.html']) {
      const page = await context.newPage();
      await page.goto(url);
      await waitForMarks(page);
      const p = await markPoint(page, 'Aleksandr Bakhtin');
      await page.mouse.click(p.x, p.y);
      const card = dialog(page);
      await card.locator('h2', { hasText: 'Aleksandr Bakhtin' }).waitFor();
      await page.waitForTimeout(200);
      // The card's height follows the room below each name: compare its top part, inset past
      // the rounded corners (the page shows through them).
      const box = (await card.boundingBox())!;
      expect(box.height).toBeGreaterThan(300);
      shots.push(await page.screenshot({ clip: { x: box.x + 6, y: box.y + 6, width: box.width - 12, height: 300 } }));
      if (url.includes('hostile')) await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'content-card-hostile-css.png') });
      await page.close();
    }
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path.join(SCREENSHOTS_DIR, 'content-card-crop-plain.png'), shots[0]!);
    writeFileSync(path.join(SCREENSHOTS_DIR, 'content-card-crop-hostile.png'), shots[1]!);
    expect(shots[1]!.equals(shots[0]!)).toBe(true);
  });
});

describe('SPA navigation', () => {
  it('drops the old page’s marks and reads the new location with a fresh context', async () => {
    const { context } = await launch({});
    const page = await context.newPage();
    await page.goto('https://zona.media/spa/');
    await waitForMarks(page, 2);
    expect(await markTexts(page)).toEqual(['Александра Бахтина', 'Бахтин']);
    await page.click('#next');
    await expect.poll(() => markTexts(page), { timeout: 5000 }).toEqual(['Алексей Горинов']);
  });
});

describe('accessibility', () => {
  it('axe finds no violations in the open card, light and dark, and on the keyboard entry', async () => {
    const { readFileSync } = await import('node:fs');
    const axeSource = readFileSync(path.join(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
    for (const colorScheme of ['light', 'dark'] as const) {
      const { context } = await launch({ colorScheme, viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto(colorScheme === 'dark' ? 'https://zona.media/test/dark-aware.html' : BAKHTIN);
      await waitForMarks(page);
      await page.addScriptTag({ content: axeSource });
      // The keyboard entry, focused (visible).
      await page.keyboard.press('Tab');
      const p = await markPoint(page, 'Aleksandr Bakhtin');
      await page.mouse.click(p.x, p.y);
      await dialog(page).locator('.na-sources').waitFor();
      const violations = await page.evaluate(async () => {
        type Result = { violations: { id: string; nodes: { target: unknown }[] }[]; passes: { id: string }[] };
        const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<Result> } }).axe;
        const result = await axe.run(
          { include: [{ fromShadowDom: ['not-alone-ui', '.na-root'] }] },
          { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } },
        );
        return {
          violations: result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`),
          passes: result.passes.map((p) => p.id),
        };
      });
      expect(violations.violations, colorScheme).toEqual([]);
      // axe really looked at the card: contrast and dialog naming were checked.
      expect(violations.passes).toEqual(expect.arrayContaining(['color-contrast', 'aria-dialog-name', 'target-size']));
      await ext!.close();
      await server!.close();
      ext = undefined;
      server = undefined;
    }
  });
});
