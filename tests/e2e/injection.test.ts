/**
 * No injection (issue 7, item 4), end to end: a signed, schema-valid index whose strings carry
 * HTML, script URLs and very long unbroken runs is accepted through
 * "Refresh now"; the person it adds is marked on a page and the card shows every one of those
 * strings as literal text, links only to allow-listed https hosts and keeps its layout. Then
 * indexes with a lookalike letter host, bidi control characters, or a `data:` / `javascript:` URL are refused at
 * acceptance, with the reason in the popup, and the previous index stays in use.
 *
 * Runs against the e2e build (TEST public key), like refresh.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { SOURCE_HOSTS, checkUrl } from '../../lib/url-allowlist';
import { useExtension, SCREENSHOTS_DIR, E2E_EXTENSION_DIR } from './harness';
import { dialog, markPoint, scanState, waitForMarks } from './content-helpers';
import { BUNDLED, indexInUse as indexInUseBy, openRefreshPopup, publishIndex, refreshNow as pressRefreshNow, type IndexJson } from './signed-index';

const PAGE_URL = 'https://zona.media/test/injection/';
const HOSTILE_ID = 'testov-hostile';

const ACCEPTED_VERSION = BUNDLED.version + 1;

/** Each would set `window.__pwned` if it were ever parsed as HTML or followed as a link. */
const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=2</script>';
const JS_LINK = '<a href="javascript:window.__pwned=3">x</a>';
const HTML = `${IMG}${SCRIPT}${JS_LINK}`;
/** Right-to-left override, pop; left-to-right, right-to-left and first-strong isolates, pop isolate. */
const RLO = '\u202E';
const PDF = '\u202C';
const ISOLATES = '\u2066\u2067\u2068\u2069';
/** An unbroken run of `n` characters: no space, no hyphen, nothing a line may break at. */
const unbroken = (n: number) => 'Ж'.repeat(n);

const NAME_EN = `Hostile Testov ${IMG}`;
const NAME_RU = `Тестов Хостайл ${JS_LINK} ${SCRIPT}`;
const FACILITY = `${SCRIPT}${unbroken(300 - SCRIPT.length)}`; // the schema's maximum
const ADDRESS_RU = `${HTML} ${unbroken(600 - HTML.length - 1)}`;
const ADDRESS_EN = unbroken(600);
const CHARGE_SUMMARY = `${HTML} ${unbroken(400)}`;
const TRICKY_SOURCE = 'https://memopzk.org/figurant/x/?q=<script>';

/** A person in custody whose every free-text field is hostile, still valid under the schema. */
function hostilePerson(): Record<string, unknown> {
  const base = structuredClone(BUNDLED.records.find((r) => r.id === 'bakhtin-aleksandr')!);
  return {
    ...base,
    id: HOSTILE_ID,
    name: { ru: NAME_RU, en: NAME_EN },
    aliases: [HTML, 'Testov'],
    gender: 'm',
    birthYear: null,
    // No structured charges, so the card shows the summary.
    charges: [],
    chargeSummary: CHARGE_SUMMARY,
    facility: FACILITY,
    address: { ru: ADDRESS_RU, en: ADDRESS_EN },
    case: HTML,
    notes: `${HTML} ${unbroken(2000)}`,
    sources: [
      { url: TRICKY_SOURCE, kind: 'memopzk', asOf: '2026-11-01' },
      { url: 'https://ovd.info/"><img/src=x/onerror=window.__pwned=5>', kind: 'ovd-info', asOf: null },
    ],
    forms: {
      last: ['testov', 'тестов', 'тестова', 'тестову', 'тестовым', 'тестове'],
      first: ['hostile', 'хостайл'],
      middle: [],
    },
  };
}

const indexOf = (version: number, edit?: (hostile: Record<string, unknown>) => void): IndexJson => {
  const hostile = hostilePerson();
  edit?.(hostile);
  return { schema: 1, version, generatedAt: '2027-01-02T03:04:05Z', records: [...structuredClone(BUNDLED.records), hostile] };
};

const env = useExtension({ viewport: { width: 1000, height: 700 }, extensionDir: E2E_EXTENSION_DIR });
let popup: Page;

const publish = (index: IndexJson) => publishIndex(env.server, JSON.stringify(index));

const refreshNow = () => pressRefreshNow(popup);

async function indexInUse(): Promise<{ version: number; hasHostile: boolean }> {
  const { version, has } = await indexInUseBy(popup, HOSTILE_ID);
  return { version, hasHostile: has };
}

beforeAll(async () => {
  popup = await openRefreshPopup(env.ext);
});

describe('a hostile but valid index', () => {
  it('is accepted: its hostile strings pass the schema and its URLs the allow-list', async () => {
    publish(indexOf(ACCEPTED_VERSION));
    const outcome = await refreshNow();
    expect(outcome, outcome.text).toMatchObject({ result: 'accepted' });
    expect(await indexInUse()).toEqual({ version: ACCEPTED_VERSION, hasHostile: true });
  });

  it('the card shows every string as text, links only allow-listed https, keeps its layout', async () => {
    const page = await env.ext.context.newPage();
    await page.goto(PAGE_URL);
    await waitForMarks(page, 1);
    expect((await scanState(page)).ids).toContain(HOSTILE_ID);
    const p = await markPoint(page, 'Hostile Testov');
    await page.mouse.click(p.x, p.y);
    const card = dialog(page);
    await card.waitFor();
    await expect.poll(() => card.locator('h2').textContent()).toBe(NAME_EN);
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'injection-card.png') });

    // Nothing ran, in the page or in our shadow root (also after the screenshot's paint).
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    const markup = await page.evaluate(() => {
      const root = document.querySelector('not-alone-ui')?.shadowRoot;
      return {
        hasRoot: Boolean(root),
        active: root ? root.querySelectorAll('img, script, iframe, object, embed, [onerror]').length : -1,
      };
    });
    expect(markup).toEqual({ hasRoot: true, active: 0 });

    // The HTML is there, as literal text.
    const text = (await card.textContent()) ?? '';
    for (const literal of [IMG, SCRIPT, JS_LINK, NAME_RU, FACILITY, CHARGE_SUMMARY, ADDRESS_RU, ADDRESS_EN]) {
      expect(text, literal.slice(0, 40)).toContain(literal);
    }

    // Every link is https on the allow-list (the same list the acceptance uses).
    const hrefs = await card.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(2);
    for (const href of hrefs) {
      expect(href.startsWith('https://'), href).toBe(true);
      expect(checkUrl(href, SOURCE_HOSTS), href).toMatchObject({ ok: true });
    }
    // The tricky source is linked in its parsed, escaped form, never raw.
    expect(hrefs).toContain(new URL(TRICKY_SOURCE).href);
    expect(hrefs.some((h) => h.includes('<') || h.includes('"'))).toBe(false);

    // The card stays left-to-right whatever the text holds (bidi controls are refused below).
    const direction = await card.evaluate((el) => ({
      card: getComputedStyle(el).direction,
      name: getComputedStyle(el.querySelector('h2')!).direction,
    }));
    expect(direction).toEqual({ card: 'ltr', name: 'ltr' });
    await popup.locator('#popup-search-input').fill('');
  });
});

/** Indexes that must be refused at acceptance, each newer than the one in use. */
const REFUSED: { name: string; edit: (hostile: Record<string, unknown>) => void; code: string; says: string }[] = [
  {
    name: 'a letter link to a lookalike host (Cyrillic "о" in rosuznik.org)',
    edit: (r) => (r.letters = [{ service: 'rosuznik', url: 'https://r\u043esuznik.org/' }]),
    code: 'url-not-allowed',
    says: 'links to a site that is not allowed',
  },
  {
    name: 'a letter link to a lookalike host (allowed name as a subdomain of another)',
    edit: (r) => (r.letters = [{ service: 'lettersnow', url: 'https://lettersnow.org.example.net/en' }]),
    code: 'url-not-allowed',
    says: 'links to a site that is not allowed',
  },
  {
    name: 'a right-to-left override in the name (the card would show it reversed)',
    edit: (r) => (r.name = { ru: `Тестов ${RLO}Хостайл${PDF}`, en: 'Hostile Testov' }),
    code: 'schema',
    says: 'invalid records',
  },
  {
    name: 'bidi isolates in the postal address',
    edit: (r) => (r.address = { ru: `${ISOLATES}143600, Волоколамск`, en: null }),
    code: 'schema',
    says: 'invalid records',
  },
  {
    name: 'a data: URL as a letter link',
    edit: (r) => (r.letters = [{ service: 'fsin-pismo', url: 'data:text/html,<script>window.__pwned=6</script>' }]),
    code: 'schema',
    says: 'invalid records',
  },
  {
    name: 'a javascript: URL as a source',
    edit: (r) => ((r.sources as { url: string }[])[0]!.url = 'javascript:window.__pwned=7'),
    code: 'schema',
    says: 'invalid records',
  },
];

describe('a hostile index that breaks the rules', () => {
  for (const refused of REFUSED) {
    it(`refuses ${refused.name}; the previous index stays`, async () => {
      publish(indexOf(ACCEPTED_VERSION + 1, refused.edit));
      const outcome = await refreshNow();
      expect({ result: outcome.result, code: outcome.code }).toEqual({ result: 'rejected', code: refused.code });
      expect(outcome.text).toContain(refused.says);
      expect(await indexInUse()).toEqual({ version: ACCEPTED_VERSION, hasHostile: true });
    });
  }
});
