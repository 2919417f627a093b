import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background, { BUNDLED_INDEX, getActiveState, handleRequest, resetActiveState } from '@/entrypoints/background';
import { toMatcherData } from '@/lib/matcher-data';
import { storeAcceptedIndex } from '@/utils/index-store';
import { REFRESH_ALARM, resetRefreshState } from '@/utils/refresh';
import { makeIndex, newPerson } from './background.fixtures';

const tab = (id: number) => ({ tab: { id } });

beforeEach(() => {
  fakeBrowser.reset();
  resetActiveState();
  resetRefreshState();
});

describe('getMatcher', () => {
  it('answers the matcher data of the bundled index when nothing was downloaded', async () => {
    const data = await handleRequest({ type: 'getMatcher' }, {});
    expect(data).toEqual(toMatcherData(BUNDLED_INDEX));
  });

  it('answers the downloaded index once one newer than the bundled one is stored', async () => {
    const downloaded = makeIndex(BUNDLED_INDEX.version + 1, ['bakhtin-aleksandr'], [newPerson()]);
    await storeAcceptedIndex(JSON.stringify(downloaded), downloaded);
    const data = (await handleRequest({ type: 'getMatcher' }, {})) as ReturnType<typeof toMatcherData>;
    expect(data.version).toBe(downloaded.version);
    expect(data.people.map((p) => p.id)).toEqual(['bakhtin-aleksandr', 'testova-anna-1990']);
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
    const data = await browser.runtime.sendMessage({ type: 'getMatcher' });
    expect((data as { version: number }).version).toBe(BUNDLED_INDEX.version);
  });

  it('creates the refresh alarm, and a second worker start keeps the same one', async () => {
    background.main();
    await new Promise((r) => setTimeout(r, 10));
    const first = await browser.alarms.get(REFRESH_ALARM);
    expect(first?.periodInMinutes).toBe(24 * 60);
    background.main();
    await new Promise((r) => setTimeout(r, 10));
    const second = await browser.alarms.get(REFRESH_ALARM);
    expect(second?.scheduledTime).toBe(first?.scheduledTime);
    expect(await browser.alarms.getAll()).toHaveLength(1);
  });

  it('loads the index lazily and reuses it', async () => {
    const a = await getActiveState();
    const b = await getActiveState();
    expect(a).toBe(b);
    expect(a.active.source).toBe('bundled');
  });
});
