/**
 * The stored copy of the matcher tables: the background writes it, a content script uses it
 * only while it fits the index in use and this build, and otherwise asks the background.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getActiveState, resetActiveState } from '@/entrypoints/background';
import { readStart } from '@/entrypoints/content/start-read';
import { TABLES_FORMAT } from '@/lib/matcher';
import { loadActiveIndex, storeAcceptedIndex } from '@/utils/index-store';
import { storeMatcherTables, type TablesStamp } from '@/utils/matcher-cache';
import { DEFAULT_SETTINGS, SETTINGS_VERSION } from '@/utils/settings';
import { BUNDLED, makeIndex, newPerson } from './background.fixtures';
import { installFakePermissions } from './helpers/fake-permissions';

const stored = async () => fakeBrowser.storage.local.get(['matcher.tables', 'matcher.stamp']);
const tablesOfStart = async () => (await readStart()).tables;

beforeEach(() => {
  fakeBrowser.reset();
  installFakePermissions();
  resetActiveState();
});

describe('the stored matcher tables', () => {
  it('are written by the background once it has the index in use, and read by a page', async () => {
    expect(await tablesOfStart()).toBeNull();
    const state = await getActiveState();
    await vi.waitFor(async () => expect((await stored())['matcher.tables']).toBe(state.matcherJson));
    expect(await tablesOfStart()).toBe(state.matcherJson);
  });

  it('are not used once a newer index is accepted, until the background writes that one', async () => {
    await storeMatcherTables(await loadActiveIndex(BUNDLED, { repair: true }), '{"bundled":true}');
    expect(await tablesOfStart()).toBe('{"bundled":true}');

    const next = makeIndex(BUNDLED.version + 1, ['bakhtin-aleksandr'], [newPerson()]);
    await storeAcceptedIndex(JSON.stringify(next), next);
    expect(await tablesOfStart()).toBeNull();

    const active = await loadActiveIndex(BUNDLED, { repair: true });
    expect(active.source).toBe('downloaded');
    await storeMatcherTables(active, '{"downloaded":true}');
    expect(await tablesOfStart()).toBe('{"downloaded":true}');
  });

  it('are not used when written by another extension version or in another shape', async () => {
    const active = await loadActiveIndex(BUNDLED, { repair: true });
    await storeMatcherTables(active, '{"t":1}');
    const stamp = (await stored())['matcher.stamp'] as TablesStamp;
    expect(stamp).toMatchObject({ format: TABLES_FORMAT, index: 'bundled' });

    await fakeBrowser.storage.local.set({ 'matcher.stamp': { ...stamp, extension: `${stamp.extension}.0` } });
    expect(await tablesOfStart()).toBeNull();
    await fakeBrowser.storage.local.set({ 'matcher.stamp': { ...stamp, format: TABLES_FORMAT - 1 } });
    expect(await tablesOfStart()).toBeNull();
    // Tables without a stamp (a write cut short between the two keys) are not used either.
    await fakeBrowser.storage.local.remove('matcher.stamp');
    expect(await tablesOfStart()).toBeNull();
  });

  it('are rewritten only when they change', async () => {
    const active = await loadActiveIndex(BUNDLED, { repair: true });
    expect(await storeMatcherTables(active, '{"t":1}')).toBe(true);
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    expect(await storeMatcherTables(active, '{"t":1}')).toBe(false);
    expect(set).not.toHaveBeenCalled();
    expect(await storeMatcherTables(active, '{"t":2}')).toBe(true);
    expect((await stored())['matcher.tables']).toBe('{"t":2}');
  });
});

describe('the content script start read', () => {
  it('gets the settings and the tables in one storage call', async () => {
    await storeMatcherTables(await loadActiveIndex(BUNDLED, { repair: true }), '{"t":1}');
    const settings = { ...DEFAULT_SETTINGS, markStyle: 'icon' };
    await fakeBrowser.storage.local.set({ settings, settings$: { v: SETTINGS_VERSION } });
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    expect(await readStart()).toEqual({ settings, tables: '{"t":1}' });
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('leaves settings that await a migration to getSettings()', async () => {
    await fakeBrowser.storage.local.set({ settings: { markStyle: 'icon' }, settings$: { v: 1 } });
    expect((await readStart()).settings).toBeNull();
    await fakeBrowser.storage.local.remove(['settings', 'settings$']);
    expect((await readStart()).settings).toEqual(DEFAULT_SETTINGS);
  });
});
