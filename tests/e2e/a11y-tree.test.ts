/**
 * What a screen reader gets: Chromium's own accessibility tree (DevTools protocol
 * `Accessibility.getFullAXTree`, the tree the platform accessibility APIs are built from) and
 * Playwright's aria snapshots, read while a keyboard user goes through an article, the card,
 * the popup and the options page. Each step asserts the focused element's role and name, the
 * live regions, and the reading order; the snapshots are written to test-results/a11y-tree/
 * (docs/accessibility.md quotes them).
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { useExtension, E2E_EXTENSION_DIR } from './harness';
import { TEST_RESULTS_DIR } from './harness/paths';
import { dialog, markPoint, scanState, waitForMarks } from './content-helpers';

const RECORDINGS_DIR = path.join(TEST_RESULTS_DIR, 'a11y-tree');
/** The keyboard entry's description in English. */
const ARROW_KEYS_EN = 'Enter: details. Down arrow: next name, Up arrow: previous.';

const PAGES = {
  /** Seven people, names split across inline tags. */
  sevenPeople: 'https://freedomnews.org.uk/2020/02/16/russia-thousands-sign-open-letter-in-solidarity-with-imprisoned-anarchists/',
  /** One person in custody, with a postal address and letter services. */
  bakhtin: 'https://en.zona.media/article/2023/08/14/bakhtin/',
};

// ---- reading the accessibility tree -----------------------------------------------------

interface AXValue {
  value?: unknown;
}
interface AXNode {
  nodeId: string;
  ignored: boolean;
  role?: AXValue;
  name?: AXValue;
  description?: AXValue;
  properties?: { name: string; value: AXValue }[];
  parentId?: string;
  childIds?: string[];
}

/** One node as a screen reader would get it: role, name, description and the states we check. */
interface Spoken {
  role: string;
  name: string;
  description: string;
  props: Record<string, unknown>;
}

const spoken = (n: AXNode): Spoken => ({
  role: String(n.role?.value ?? ''),
  name: String(n.name?.value ?? ''),
  description: String(n.description?.value ?? ''),
  props: Object.fromEntries((n.properties ?? []).map((p) => [p.name, p.value.value])),
});

/** The page's accessibility tree through the DevTools protocol (it sees into shadow roots of any mode). */
class AXTree {
  private constructor(private readonly cdp: CDPSession) {}

  static async of(page: Page): Promise<AXTree> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Accessibility.enable');
    return new AXTree(cdp);
  }

  async nodes(): Promise<AXNode[]> {
    const { nodes } = (await this.cdp.send('Accessibility.getFullAXTree')) as unknown as { nodes: AXNode[] };
    return nodes;
  }

  /** The element with keyboard focus (the document itself when nothing inside has it). */
  async focused(): Promise<Spoken> {
    const nodes = await this.nodes();
    const focused = nodes.filter((n) => !n.ignored && n.properties?.some((p) => p.name === 'focused' && p.value.value === true));
    const inner = focused.filter((n) => n.role?.value !== 'RootWebArea');
    const node = inner[inner.length - 1] ?? focused[0];
    if (!node) throw new Error('no focused node in the accessibility tree');
    return spoken(node);
  }

  /** The focused element and its ancestors up to the document, nearest first. */
  async focusedWithAncestors(): Promise<Spoken[]> {
    const nodes = await this.nodes();
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const focused = nodes.filter((n) => !n.ignored && n.role?.value !== 'RootWebArea' && n.properties?.some((p) => p.name === 'focused' && p.value.value === true));
    const chain: Spoken[] = [];
    for (let n = focused[focused.length - 1]; n; n = n.parentId ? byId.get(n.parentId) : undefined) if (!n.ignored) chain.push(spoken(n));
    return chain;
  }

  /** Live regions with the text they hold now (a status's name is empty: its text is its content). */
  async liveRegions(): Promise<{ role: string; live: unknown; atomic: unknown; text: string }[]> {
    const nodes = await this.nodes();
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const textOf = (n: AXNode): string => {
      if (n.role?.value === 'StaticText') return String(n.name?.value ?? '');
      return (n.childIds ?? []).map((id) => byId.get(id)).filter((c): c is AXNode => c !== undefined).map(textOf).join('');
    };
    return nodes
      .filter((n) => !n.ignored && n.properties?.some((p) => p.name === 'live'))
      // Only the region's root (its descendants carry the live properties too).
      .filter((n) => n.properties?.some((p) => p.name === 'live' && p.value.value !== 'off') && !n.properties.some((p) => p.name === 'containerLive' && n.parentId && byId.get(n.parentId)?.properties?.some((q) => q.name === 'live')))
      .map((n) => {
        const p = spoken(n).props;
        return { role: String(n.role?.value), live: p.live, atomic: p.atomic, text: textOf(n).trim() };
      });
  }
}

/** Saves a recording for docs/accessibility.md and returns its lines. */
function record(name: string, text: string): string[] {
  mkdirSync(RECORDINGS_DIR, { recursive: true });
  writeFileSync(path.join(RECORDINGS_DIR, `${name}.txt`), text + '\n');
  return text.split('\n');
}

const say = (s: Spoken) => `${s.role} "${s.name}"${s.description ? ` (${s.description})` : ''}`;

/** The lines (in reading order) that start with each of `expected`, in that order. */
function expectInOrder(lines: string[], expected: (string | RegExp)[]): void {
  let from = 0;
  for (const want of expected) {
    const at = lines.findIndex((line, i) => i >= from && (typeof want === 'string' ? line.trim().startsWith(want) : want.test(line.trim())));
    expect(at, `"${String(want)}" after line ${from} of:\n${lines.join('\n')}`).toBeGreaterThanOrEqual(from);
    from = at + 1;
  }
}

// ---- the browser --------------------------------------------------------------------------

const env = useExtension({ viewport: { width: 1280, height: 800 }, extensionDir: E2E_EXTENSION_DIR });

async function openArticle(url: string, atLeast = 1): Promise<{ page: Page; ax: AXTree }> {
  const page = await env.ext.context.newPage();
  await page.goto(url);
  await waitForMarks(page, atLeast);
  return { page, ax: await AXTree.of(page) };
}

describe('an article page', () => {
  it('one Tab reaches the keyboard entry: a button naming the mark and its place, its keys as the description, in a toolbar inside a landmark that counts the people', async () => {
    const { page, ax } = await openArticle(PAGES.sevenPeople, 7);
    const { marks, ids } = await scanState(page);
    expect(ids.length).toBe(7);
    await page.keyboard.press('Tab');
    const [button, ...ancestors] = await ax.focusedWithAncestors();
    expect(button?.role).toBe('button');
    expect(button?.name).toBe(`Dmitry Pchelintsev, 1 of ${marks}`);
    // The arrow keys are spoken, in words (the visible hint with its arrow symbols is hidden).
    expect(button?.description).toBe(ARROW_KEYS_EN);
    expect(button?.props).toMatchObject({ hasPopup: 'dialog', expanded: false });
    // A toolbar around it: NVDA switches to focus mode when focus lands inside one, so the
    // arrow keys reach the page instead of moving the reading cursor.
    const roles = ancestors.map((a) => a.role);
    const toolbar = ancestors.find((a) => a.role === 'toolbar');
    expect(toolbar?.name).toBe('Marked names');
    expect(roles.indexOf('toolbar'), `toolbar inside the landmark: ${roles.join(' < ')}`).toBeLessThan(roles.indexOf('navigation'));
    const landmark = ancestors.find((a) => a.role === 'navigation');
    expect(landmark?.name).toBe(`Not Alone: 7 political prisoners named on this page, ${marks} mentions`);

    // Arrow keys move the same tab stop; the new button takes focus, so its name is spoken.
    const heard = [`toolbar: ${say(toolbar!)}`, say(button!)];
    await page.keyboard.press('ArrowDown');
    const second = await ax.focused();
    expect(second.name).toBe(`Ilya Shakursky, 2 of ${marks}`);
    expect(second.description).toBe(ARROW_KEYS_EN);
    heard.push(`ArrowDown → ${say(second)}`);
    await page.keyboard.press('End');
    const last = await ax.focused();
    expect(last.role).toBe('button');
    expect(last.name).toMatch(new RegExp(`, ${marks} of ${marks}$`));
    heard.push(`End → ${say(last)}`);
    await page.keyboard.press('ArrowDown');
    const wrapped = await ax.focused();
    expect(wrapped.name, 'down from the last wraps to the first').toBe(button!.name);
    heard.push(`ArrowDown → ${say(wrapped)}`);
    await page.keyboard.press('ArrowUp');
    expect((await ax.focused()).name, 'up from the first wraps to the last').toBe(last.name);
    heard.push(`ArrowUp → ${say(await ax.focused())}`);

    // One tab stop for all the marks: the next Tab leaves our UI for the page.
    await page.keyboard.press('Home');
    await page.keyboard.press('Tab');
    const [next, ...nextAncestors] = await ax.focusedWithAncestors();
    expect(next!.name).not.toMatch(/ of \d+$/);
    expect(nextAncestors.map((a) => a.role)).not.toContain('toolbar');
    heard.push(`Home, Tab → ${say(next!)}`);
    record('article-keyboard-entry', [`landmark: ${say(landmark!)}`, ...heard, '', await page.locator('not-alone-ui').ariaSnapshot()].join('\n'));

    // The marks themselves (CSS highlights) are not in the tree: the article's text reads as before.
    const article = await page.locator('article').ariaSnapshot();
    expect(article).toContain('Arman Sagynbaev 6 years');
    expect(article).not.toMatch(/- mark\b|Not Alone/);
    await page.close();
  });
});

describe('the card', () => {
  it('Enter opens a dialog named after the person; status, sentence, address and letters read in order; copy says "Copied"; Esc returns focus', async () => {
    const { page, ax } = await openArticle(PAGES.bakhtin);
    const { marks } = await scanState(page);
    // What the dialog is called at the moment it takes focus (that is what is spoken first).
    await page.evaluate(() => {
      const root = document.querySelector('not-alone-ui')!.shadowRoot!;
      const log: string[] = [];
      (window as unknown as { focusLog: string[] }).focusLog = log;
      root.addEventListener('focusin', (e) => {
        const el = e.target as HTMLElement;
        const labelledBy = el.getAttribute('aria-labelledby');
        log.push(`${el.getAttribute('role') ?? el.tagName.toLowerCase()} "${labelledBy ? root.getElementById(labelledBy)?.textContent : (el.getAttribute('aria-label') ?? el.textContent)}"`);
      });
    });
    await page.keyboard.press('Tab');
    const entry = await ax.focused();
    expect(entry.name).toBe(`Aleksandr Bakhtin, 1 of ${marks}`);
    await page.keyboard.press('Enter');
    const card = dialog(page);
    await card.locator('.na-status').waitFor();
    const onFocus = await page.evaluate(() => (window as unknown as { focusLog: string[] }).focusLog);
    // Focus is on the dialog, and its name is the person's.
    const opened = await ax.focused();
    expect(opened.role).toBe('dialog');
    expect(opened.name).toBe('Aleksandr Bakhtin');
    expect(opened.props.modal).toBe(false);
    // The first open on a page: the details are not there yet when Enter is pressed. Focus
    // waits for them, so the dialog is never focused while named "Loading…".
    expect(onFocus.filter((f) => f.startsWith('dialog')), onFocus.join(' → ')).toEqual(['dialog "Aleksandr Bakhtin"']);

    // Reading order inside the card.
    const tree = await card.ariaSnapshot();
    const lines = record('card-en', [`focus on open: ${onFocus.join(' → ')}`, `then: ${say(opened)}`, '', tree].join('\n'));
    expectInOrder(lines, [
      '- dialog "Aleksandr Bakhtin"',
      '- heading "Aleksandr Bakhtin" [level=2]',
      '- paragraph: Бахтин Александр Сергеевич',
      '- button "Close"',
      /^- paragraph: In custody as of \d+ \w+ \d{4}$/,
      '- heading "Sentence" [level=3]',
      /^- paragraph: 6 years · handed down /,
      '- heading "Charged under" [level=3]',
      /Art\. 207\.3/,
      '- heading "Held in" [level=3]',
      '- heading "Postal address" [level=3]',
      /^- paragraph: 143600, Московская обл\./,
      '- button "Copy address"',
      '- status',
      '- region "Write a letter"',
      '- link "Write a letter OVD-Info letters (opens in a new tab)"',
      /^- paragraph: "?Prison censors read every letter/,
      '- heading "Sources" [level=3]',
      '- link "Report an error (opens in a new tab)"',
    ]);

    // Tab goes through the card's controls in the same order; nothing is said twice (Close has
    // no title repeating its name as a description).
    const tabs: string[] = [];
    for (const _ of [1, 2, 3]) {
      await page.keyboard.press('Tab');
      tabs.push(say(await ax.focused()));
    }
    expect(tabs).toEqual(['button "Close"', 'button "Copy address"', 'link "Write a letter OVD-Info letters (opens in a new tab)"']);

    // Copy: a polite status says so.
    await env.ext.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(PAGES.bakhtin).origin });
    await page.keyboard.press('Shift+Tab');
    expect((await ax.focused()).name).toBe('Copy address');
    const before = (await ax.liveRegions()).filter((r) => r.role === 'status');
    expect(before).toEqual([{ role: 'status', live: 'polite', atomic: true, text: '' }]);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await ax.liveRegions()).filter((r) => r.role === 'status').map((r) => r.text)).toEqual(['Copied']);
    expect((await ax.focused()).name, 'focus stays on the button').toBe('Copy address');

    // Esc: the card goes and focus is back on the keyboard entry, on the same mark.
    await page.keyboard.press('Escape');
    await expect.poll(() => card.count()).toBe(0);
    const back = await ax.focused();
    expect(back).toMatchObject({ role: 'button', name: entry.name });
    expect(back.props.expanded).toBe(false);
    record('card-en-after', [`Shift+Tab → button "Copy address"`, `Enter → status "Copied"`, `Escape → ${say(back)}`].join('\n'));
    await page.close();
  });

  it('is not modal: Tab past its last link reaches the page with the card still open, and Esc from there closes it and goes back to the entry', async () => {
    const { page, ax } = await openArticle(PAGES.bakhtin);
    await page.keyboard.press('Tab');
    const entry = await ax.focused();
    await page.keyboard.press('Enter');
    await dialog(page).locator('.na-sources').waitFor();
    const inCard = () => page.evaluate(() => document.querySelector('not-alone-ui')?.shadowRoot?.activeElement?.closest('[role="dialog"]') != null);
    const steps: string[] = [];
    for (let i = 0; i < 30 && (steps.length === 0 || (await inCard())); i++) {
      await page.keyboard.press('Tab');
      steps.push(say(await ax.focused()));
    }
    expect(await inCard()).toBe(false);
    expect(steps.at(-2)).toBe('link "Report an error (opens in a new tab)"');
    expect(steps.at(-1)).toBe('link "News"');
    expect(await dialog(page).count(), 'the card stays open').toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog(page).count()).toBe(0);
    expect((await ax.focused()).name).toBe(entry.name);
    record('card-en-tab-out', [...steps.map((s) => `Tab → ${s}`), `Escape → ${say(await ax.focused())}`].join('\n'));
    await page.close();
  });

  it('a hover card leaves focus where it was, and Esc dismisses it with the pointer still on the name (WCAG 1.4.13)', async () => {
    const { page, ax } = await openArticle(PAGES.bakhtin);
    const before = await ax.focused();
    const p = await markPoint(page, 'Aleksandr Bakhtin');
    await page.mouse.move(p.x, p.y);
    await dialog(page).waitFor({ timeout: 2000 });
    expect(await dialog(page).getAttribute('data-opened-by')).toBe('hover');
    expect(await ax.focused()).toEqual(before);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog(page).count()).toBe(0);
    // Still on the name, and no pointer movement: it does not come back by itself.
    await page.waitForTimeout(800);
    expect(await dialog(page).count()).toBe(0);
    await page.close();
  });
});

describe('the popup', () => {
  it('a labelled search field, a polite result count, a named list of buttons, and the card as a dialog with focus coming back', async () => {
    const { page: article } = await openArticle(PAGES.bakhtin);
    const tabId = await env.ext.serviceWorker.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]?.id, PAGES.bakhtin);
    expect(typeof tabId).toBe('number');
    const popup = await env.ext.openExtensionPage(`popup.html?tab=${tabId}`);
    await popup.setViewportSize({ width: 400, height: 640 });
    await popup.locator('[data-testid="on-this-page"] .popup-person').first().waitFor();
    const ax = await AXTree.of(popup);

    // Focus starts in the search field.
    const field = await ax.focused();
    expect(field.role).toBe('searchbox');
    expect(field.name).toBe('Search political prisoners');
    expect(field.description).toMatch(/^All \d+ people in the index, in any spelling\. The down arrow moves to the results, Enter opens a card\.$/);
    // Said once: by the field. Its landmark is a search landmark with no name of its own.
    const [, ...fieldAncestors] = await ax.focusedWithAncestors();
    expect(fieldAncestors.find((a) => a.role === 'search')).toMatchObject({ name: '' });
    const namedSo = (await ax.nodes()).filter((n) => !n.ignored && n.name?.value === 'Search political prisoners' && !['StaticText', 'InlineTextBox'].includes(String(n.role?.value)));
    expect(namedSo.map((n) => n.role?.value)).toEqual(['searchbox']);
    const start = record('popup-start', [`focus: ${say(field)}`, '', await popup.locator('body').ariaSnapshot()].join('\n'));
    // The words appear once in what is read: no landmark name, no label read as a line of text.
    expect(start.filter((line) => line.includes('Search political prisoners')).map((line) => line.trim())).toEqual([
      `focus: ${say(field)}`,
      '- searchbox "Search political prisoners"',
    ]);
    expectInOrder(start, [
      '- heading "Not Alone" [level=1]',
      '- search:',
      '- searchbox "Search political prisoners"',
      '- region "On this page"',
      '- paragraph: 1 person marked on this tab',
      '- button "Aleksandr Bakhtin In custody Бахтин Александр Сергеевич"',
      '- button "Show Aleksandr Bakhtin on the page"',
      '- region "Index"',
      '- button "Refresh now"',
    ]);

    // Typing: the count is a polite live region, and it names the list of results.
    await popup.keyboard.type('Ivanov');
    const results = popup.locator('[data-testid="search-results"] .popup-person');
    await results.first().waitFor();
    const found = await results.count();
    expect(found).toBeGreaterThan(1);
    await expect.poll(async () => (await ax.liveRegions()).map((r) => r.text).filter(Boolean)).toEqual([`${found} people found`]);
    const regions = await ax.liveRegions();
    expect(regions.find((r) => r.text === `${found} people found`)).toMatchObject({ role: 'status', live: 'polite', atomic: true });
    const nodes = await ax.nodes();
    const list = nodes.find((n) => n.role?.value === 'list' && n.name?.value === `${found} people found`);
    expect(list, 'the results list is named by the count').toBeDefined();
    const items = (list!.childIds ?? []).map((id) => nodes.find((n) => n.nodeId === id)).filter((n) => n && !n.ignored);
    expect(items.map((n) => n!.role?.value)).toEqual(Array(found).fill('listitem'));

    // Down arrow: into the results; each is a button named "name, status, other script".
    await popup.keyboard.press('ArrowDown');
    const firstHit = await ax.focused();
    expect(firstHit.role).toBe('button');
    expect(firstHit.name).toMatch(/^\S+ Ivanova? (In custody|In pretrial detention|Released|.+) Иванова? /);
    await popup.keyboard.press('ArrowDown');
    const secondHit = await ax.focused();
    expect(secondHit.role).toBe('button');
    expect(secondHit.name).not.toBe(firstHit.name);
    const person = secondHit.name.split(' ').slice(0, 2).join(' ');

    // Enter: the card. Focus is on the dialog itself, so the person's name is what is heard;
    // "Back to the list" is inside it, the first thing Tab reaches.
    await popup.keyboard.press('Enter');
    await popup.locator('[role="dialog"] .na-card').waitFor();
    const cardOpened = await ax.focused();
    expect(cardOpened).toMatchObject({ role: 'dialog', name: person });
    await popup.keyboard.press('Tab');
    const [backButton, ...backAncestors] = await ax.focusedWithAncestors();
    expect(say(backButton!)).toBe('button "Back to the list"');
    expect(backAncestors.find((a) => a.role === 'dialog')?.name, 'Back is inside the dialog').toBe(person);
    const cardTree = await popup.locator('body').ariaSnapshot();
    const cardLines = record(
      'popup-card',
      [`typed "Ivanov" → status "${found} people found"`, `ArrowDown → ${say(firstHit)}`, `ArrowDown → ${say(secondHit)}`, `Enter → ${say(cardOpened)}`, `Tab → ${say(backButton!)}`, '', cardTree].join('\n'),
    );
    expectInOrder(cardLines, [`- dialog "${person}"`, '- button "Back to the list"', `- heading "${person}" [level=2]`, '- button "Close"', /^- paragraph: .+ as of /]);

    // Enter on Back: back to the list, on the same person.
    await popup.keyboard.press('Enter');
    await results.first().waitFor();
    await expect.poll(async () => say(await ax.focused())).toBe(`button "${secondHit.name}"`);

    // Esc from the dialog does the same.
    await popup.keyboard.press('Enter');
    await expect.poll(async () => say(await ax.focused())).toBe(say(cardOpened));
    await popup.keyboard.press('Escape');
    await results.first().waitFor();
    await expect.poll(async () => say(await ax.focused())).toBe(`button "${secondHit.name}"`);
    await popup.close();
    await article.close();
  });
});

describe('the options page', () => {
  it('every control sits in a named group, the language choices are radio buttons, and a change is announced as "Saved"', async () => {
    const options = await env.ext.openExtensionPage('options.html');
    await options.locator('fieldset').first().waitFor();
    const ax = await AXTree.of(options);
    const tree = await options.locator('body').ariaSnapshot();
    const lines = record('options', tree);
    expectInOrder(lines, [
      '- heading "Not Alone — options" [level=1]',
      '- group "Mark names on"',
      /^- checkbox "Freedom News/,
      '- group "Other news sites"',
      /^- textbox "Address of a site or one of its articles"/,
      '- button "Add site"',
      '- group "How names are marked"',
      /^- radio "Underline"/,
      '- group "Uncertain matches"',
      /^- checkbox "/,
      '- group "Check for a newer index"',
      /^- combobox "Check for a newer index"/,
      '- group "Language"',
      /^- radio "English"/,
      /^- radio "Русский"/,
      '- status',
      '- region "Privacy"',
      // PRIVACY.md as headings and paragraphs, not Markdown source read out sign by sign.
      '- heading "Privacy" [level=2]',
      /^- paragraph: Not Alone sends nothing about you/,
      /^- paragraph:/,
    ]);
    const privacy = lines.slice(lines.findIndex((l) => l.trim().startsWith('- region "Privacy"')));
    expect(privacy.filter((l) => /\*\*|(^|\s)#\s|`/.test(l)), 'Markdown signs in the privacy text').toEqual([]);

    // Tab to the first control; Space changes it; the status says so politely.
    await options.keyboard.press('Tab');
    const first = await ax.focusedWithAncestors();
    expect(first[0]?.role).toBe('checkbox');
    expect(first[0]?.name).toMatch(/^Freedom News/);
    expect(first.find((a) => a.role === 'group')?.name).toBe('Mark names on');
    const checked = first[0]?.props.checked;
    await options.keyboard.press('Space');
    await expect.poll(async () => (await ax.focused()).props.checked).toBe(checked === 'true' ? 'false' : 'true');
    await expect.poll(async () => (await ax.liveRegions()).filter((r) => r.role === 'status').map((r) => r.text)).toContain('Saved');
    // Put it back, so nothing after this test finds a site switched off.
    await options.keyboard.press('Space');
    await expect.poll(async () => (await ax.focused()).props.checked).toBe(checked);
    record('options-after', [`Tab → ${say(first[0]!)} in group "Mark names on", checked=${String(checked)}`, 'Space → status "Saved"'].join('\n'));
    await options.close();
  });
});

describe('in Russian', () => {
  const ru = useExtension({ serverOf: env, lang: 'ru', viewport: { width: 1280, height: 800 }, extensionDir: E2E_EXTENSION_DIR });

  it('the landmark, the keyboard entry and the card are named in Russian; the card is named in Cyrillic', async () => {
    const page = await ru.ext.context.newPage();
    await page.goto(PAGES.sevenPeople);
    await waitForMarks(page, 7);
    const ax = await AXTree.of(page);
    const { marks } = await scanState(page);
    await page.keyboard.press('Tab');
    const [button, ...ancestors] = await ax.focusedWithAncestors();
    // The mark's own text is the page's (English here); the rest is ours.
    expect(button?.name).toBe(`Dmitry Pchelintsev, 1 из ${marks}`);
    expect(button?.description).toBe('Enter — подробности. Стрелка вниз — следующее имя, стрелка вверх — предыдущее.');
    expect(ancestors.find((a) => a.role === 'toolbar')?.name).toBe('Отмеченные имена');
    expect(ancestors.find((a) => a.role === 'navigation')?.name).toBe(`Not Alone: на странице 7 политзаключённых, ${marks} упоминаний`);
    await page.keyboard.press('Enter');
    const card = dialog(page);
    await card.locator('.na-status').waitFor();
    const opened = await ax.focused();
    expect(opened.role).toBe('dialog');
    expect(opened.name).toBe(await card.locator('h2').innerText());
    expect(opened.name).toMatch(/^Пчелинцев Дмитрий/);
    const lines = record('card-ru', [`Tab → ${say(button!)}`, `Enter → ${say(opened)}`, '', await card.ariaSnapshot()].join('\n'));
    expectInOrder(lines, [`- dialog "${opened.name}"`, '- button "Закрыть"', '- heading "Приговор" [level=3]', '- region "Написать письмо"']);
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await ax.focused()).name).toBe(button!.name);
    await page.close();
  });
});
