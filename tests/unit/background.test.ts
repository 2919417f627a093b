import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from '#imports';
import background, { BUNDLED_INDEX, getActiveState, handleRequest, resetActiveState, startBackground } from '@/entrypoints/background';
import { buildMatcherTables } from '@/lib/matcher';
import { toMatcherData } from '@/lib/matcher-data';
import type { MatcherTables } from '@/lib/matcher-types';
import { rowFields } from '@/lib/packed-tables';
import { storeAcceptedIndex } from '@/utils/index-store';
import { TABLES_READ_KEYS, tablesFromRead } from '@/utils/matcher-cache';
import { REFRESH_ALARM, builtInIndexSource, refreshStatusItem, resetRefreshState, type IndexSource } from '@/utils/refresh';
import { updateSettings } from '@/utils/settings';
import { encode, sign, TEST_PUBLIC_KEY } from './accept-index.fixtures';
import { makeIndex, newPerson } from './background.fixtures';
import { installFakePermissions } from './helpers/fake-permissions';

const tab = (id: number) => ({ tab: { id } });
/** A build made with the TEST key injected (as the e2e copy is). */
const keyed: IndexSource = { url: 'https://index.test/index.json', publicKey: TEST_PUBLIC_KEY };
const tick = () => new Promise((r) => setTimeout(r, 10));

afterEach(() => vi.unstubAllGlobals());

beforeEach(() => {
  fakeBrowser.reset();
  // fakeBrowser leaves permissions and scripting out; the background listens to both.
  installFakePermissions();
  resetActiveState();
  resetRefreshState();
});

describe('getMatcher', () => {
  it('answers the matcher data of the bundled index when nothing was downloaded', async () => {
    const json = await handleRequest({ type: 'getMatcher' }, {});
    expect(typeof json).toBe('string');
    expect(JSON.parse(json as string)).toEqual(buildMatcherTables(toMatcherData(BUNDLED_INDEX)));
  });

  it('answers the downloaded index once one newer than the bundled one is stored', async () => {
    const downloaded = makeIndex(BUNDLED_INDEX.version + 1, ['bakhtin-aleksandr'], [newPerson()]);
    await storeAcceptedIndex(JSON.stringify(downloaded), downloaded);
    const data = JSON.parse((await handleRequest({ type: 'getMatcher' }, {})) as string) as MatcherTables;
    expect(data.version).toBe(downloaded.version);
    expect(data.people.map((row) => rowFields(row)[0])).toEqual(['bakhtin-aleksandr', 'testova-anna-1990']);
  });

  it('builds the matcher data once per index, not per request', async () => {
    const first = await handleRequest({ type: 'getMatcher' }, {});
    const second = await handleRequest({ type: 'getMatcher' }, {});
    expect(second).toBe(first);
  });
});

describe('getRecords', () => {
  it('returns the records for known ids in request order and skips unknown ones', async () => {
    const records = (await handleRequest({ type: 'getRecords', ids: ['dmitriev-yury', 'nobody-here', 'bakhtin-aleksandr'] }, {})) as {
      id: string;
    }[];
    const expected = ['dmitriev-yury', 'bakhtin-aleksandr'].filter((id) => BUNDLED_INDEX.records.some((r) => r.id === id));
    expect(records.map((r) => r.id)).toEqual(expected);
    expect(records.length).toBeGreaterThan(0);
  });

  it('tolerates a malformed ids field', async () => {
    expect(await handleRequest({ type: 'getRecords', ids: 'bakhtin-aleksandr' as unknown as string[] }, {})).toEqual([]);
  });
});

describe('marked / getMarked and the badge', () => {
  it('counts distinct people per tab and shows the count on that tab only', async () => {
    await handleRequest({ type: 'marked', ids: ['a-a-a', 'b-b-b'] }, tab(7));
    await handleRequest({ type: 'marked', ids: ['b-b-b', 'c-c-c'] }, tab(7));
    await handleRequest({ type: 'marked', ids: ['a-a-a'] }, tab(8));
    expect(await handleRequest({ type: 'getMarked', tabId: 7 }, {})).toEqual({ ids: ['a-a-a', 'b-b-b', 'c-c-c'] });
    expect(await handleRequest({ type: 'getMarked', tabId: 8 }, {})).toEqual({ ids: ['a-a-a'] });
    expect(await browser.action.getBadgeText({ tabId: 7 })).toBe('3');
    expect(await browser.action.getBadgeText({ tabId: 8 })).toBe('1');
    expect(await browser.action.getBadgeText({})).toBe('');
  });

  it('keeps concurrent reports from the same tab', async () => {
    await Promise.all(['a-a-a', 'b-b-b', 'c-c-c', 'd-d-d'].map((id) => handleRequest({ type: 'marked', ids: [id] }, tab(3))));
    expect(((await handleRequest({ type: 'getMarked', tabId: 3 }, {})) as { ids: string[] }).ids.sort()).toEqual([
      'a-a-a',
      'b-b-b',
      'c-c-c',
      'd-d-d',
    ]);
  });

  it('ignores a report without a sender tab', async () => {
    expect(await handleRequest({ type: 'marked', ids: ['a-a-a'] }, {})).toEqual({ ok: true });
    expect(await handleRequest({ type: 'getMarked', tabId: 0 }, {})).toEqual({ ids: [] });
  });

  it('clears a tab on navigation and on close', async () => {
    background.main();
    await handleRequest({ type: 'marked', ids: ['a-a-a'] }, tab(5));
    await handleRequest({ type: 'marked', ids: ['b-b-b'] }, tab(6));
    await fakeBrowser.tabs.onUpdated.trigger(5, { status: 'loading' }, {} as Browser.tabs.Tab);
    await fakeBrowser.tabs.onRemoved.trigger(6, { windowId: 1, isWindowClosing: false });
    await new Promise((r) => setTimeout(r, 10));
    expect(await handleRequest({ type: 'getMarked', tabId: 5 }, {})).toEqual({ ids: [] });
    expect(await handleRequest({ type: 'getMarked', tabId: 6 }, {})).toEqual({ ids: [] });
    expect(await browser.action.getBadgeText({ tabId: 5 })).toBe('');
  });
});

describe('main()', () => {
  it('answers messages through runtime.onMessage', async () => {
    background.main();
    const json = await browser.runtime.sendMessage({ type: 'getMatcher' });
    expect((JSON.parse(json as string) as { version: number }).version).toBe(BUNDLED_INDEX.version);
  });

  it('creates the refresh alarm, and a second worker start keeps the same one', async () => {
    startBackground(keyed);
    await tick();
    const first = await browser.alarms.get(REFRESH_ALARM);
    expect(first?.periodInMinutes).toBe(24 * 60);
    startBackground(keyed);
    await tick();
    const second = await browser.alarms.get(REFRESH_ALARM);
    expect(second?.scheduledTime).toBe(first?.scheduledTime);
    expect(await browser.alarms.getAll()).toHaveLength(1);
  });

  it('moves the alarm when the refresh interval setting changes', async () => {
    startBackground(keyed);
    await tick();
    await updateSettings({ refreshIntervalHours: 6 });
    await tick();
    expect((await browser.alarms.get(REFRESH_ALARM))?.periodInMinutes).toBe(6 * 60);
    expect(await browser.alarms.getAll()).toHaveLength(1);
  });

  it('"Refresh now" downloads and accepts a newer signed index in a keyed build', async () => {
    const next = makeIndex(BUNDLED_INDEX.version + 1, ['bakhtin-aleksandr'], [newPerson()]);
    const text = JSON.stringify(next);
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(String(url));
      return new Response(String(url).endsWith('.sig') ? sign(encode(text)) : text);
    });
    startBackground(keyed);
    expect(await browser.runtime.sendMessage({ type: 'refreshNow' })).toEqual({ result: 'accepted', version: next.version });
    expect(fetched.sort()).toEqual([keyed.url, `${keyed.url}.sig`]);
    const data = JSON.parse((await handleRequest({ type: 'getMatcher' }, {})) as string) as { version: number };
    expect(data.version).toBe(next.version);
  });

  it('tells open tabs about an accepted index only once its matcher tables are stored', async () => {
    const next = makeIndex(BUNDLED_INDEX.version + 1, ['bakhtin-aleksandr'], [newPerson()]);
    const text = JSON.stringify(next);
    vi.stubGlobal('fetch', async (url: string) => new Response(String(url).endsWith('.sig') ? sign(encode(text)) : text));
    await browser.tabs.create({ url: 'https://ovd.info/' });
    const tabIds = (await browser.tabs.query({})).map((t) => t.id);
    // What a tab told of the change would read from storage at that moment.
    const seenByTab: unknown[] = [];
    vi.spyOn(browser.tabs, 'sendMessage').mockImplementation(async (tabId: number, message: unknown) => {
      const [pointer, stamp, tables] = await Promise.all(TABLES_READ_KEYS.map((key) => storage.getItem(key)));
      const fresh = tablesFromRead(pointer, stamp, tables);
      seenByTab.push({ tabId, message, version: fresh && (JSON.parse(fresh) as { version: number }).version });
    });
    startBackground(keyed);
    await getActiveState();
    expect(await browser.runtime.sendMessage({ type: 'refreshNow' })).toMatchObject({ result: 'accepted' });
    await vi.waitFor(() => expect(seenByTab).toHaveLength(tabIds.length));
    expect(seenByTab).toEqual(tabIds.map((tabId) => ({ tabId, message: { type: 'indexChanged' }, version: next.version })));
  });
});

describe('the index in use', () => {
  it('loads the index lazily and reuses it', async () => {
    const a = await getActiveState();
    const b = await getActiveState();
    expect(a).toBe(b);
    expect(a.active.source).toBe('bundled');
  });
});

describe('a build without a trusted key', () => {
  it('is what a default build is: no key built in', () => {
    // wxt.config.ts has no default key; the unit run builds without NOT_ALONE_INDEX_PUBKEY.
    expect(builtInIndexSource().publicKey).toBe('');
  });

  it('keeps no alarm (and removes one an earlier build left), and never fetches', async () => {
    await browser.alarms.create(REFRESH_ALARM, { periodInMinutes: 60 });
    const fetch = vi.fn(async () => new Response('{}'));
    vi.stubGlobal('fetch', fetch);
    background.main();
    await tick();
    expect(await browser.alarms.getAll()).toEqual([]);
    await updateSettings({ refreshIntervalHours: 6 });
    await tick();
    expect(await browser.alarms.getAll()).toEqual([]);

    expect(await browser.runtime.sendMessage({ type: 'refreshNow' })).toMatchObject({ result: 'failed', code: 'no-source' });
    await fakeBrowser.runtime.onStartup.trigger();
    await tick();
    expect(fetch).not.toHaveBeenCalled();
    // Nothing was attempted, so nothing is recorded either.
    expect((await refreshStatusItem.getValue()).lastCheckAt).toBeNull();
    expect((await getActiveState()).active.source).toBe('bundled');
  });
});
