import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  NEWS_SITE_GROUPS,
  SETTINGS_VERSION,
  getSettings,
  settingsItem,
  isMarkingEnabled,
  resolveLanguage,
  sanitizeSettings,
  updateSettings,
  watchSettings,
} from '@/utils/settings';
import { NEWS_SITES } from '@/wxt.config';

beforeEach(() => fakeBrowser.reset());

describe('settings', () => {
  it('starts from the defaults', async () => {
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('stores a change and keeps the other fields', async () => {
    await updateSettings({ markStyle: 'background' });
    await updateSettings({ disabledHosts: ['zona.media'] });
    expect(await getSettings()).toEqual({ ...DEFAULT_SETTINGS, markStyle: 'background', disabledHosts: ['zona.media'] });
  });

  it('replaces invalid stored values with defaults, field by field', () => {
    expect(
      sanitizeSettings({ markStyle: 'blink', refreshIntervalHours: 0.5, language: 'de', showLowConfidence: 'yes', disabledHosts: ['OVD.info', 3, 'ovd.info'] }),
    ).toEqual({ ...DEFAULT_SETTINGS, disabledHosts: ['ovd.info'] });
    expect(sanitizeSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(sanitizeSettings('x')).toEqual(DEFAULT_SETTINGS);
  });

  it('reads a corrupt stored value as defaults rather than failing', async () => {
    await fakeBrowser.storage.local.set({ settings: { markStyle: 42 }, settings$: { v: 1 } });
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('notifies watchers with sanitised settings', async () => {
    const seen: string[] = [];
    const unwatch = watchSettings((s) => seen.push(s.markStyle));
    await updateSettings({ markStyle: 'icon' });
    unwatch();
    await updateSettings({ markStyle: 'underline' });
    expect(seen).toEqual(['icon']);
  });

  it('turns marking off per host', () => {
    const s = { ...DEFAULT_SETTINGS, disabledHosts: ['en.zona.media'] };
    expect(isMarkingEnabled(s, 'en.zona.media')).toBe(false);
    expect(isMarkingEnabled(s, 'EN.ZONA.MEDIA')).toBe(false);
    expect(isMarkingEnabled(s, 'zona.media')).toBe(true);
  });

  it('resolves the language', () => {
    expect(resolveLanguage(DEFAULT_SETTINGS, 'ru-RU')).toBe('ru');
    expect(resolveLanguage(DEFAULT_SETTINGS, 'en-GB')).toBe('en');
    expect(resolveLanguage(DEFAULT_SETTINGS, undefined)).toBe('en');
    expect(resolveLanguage({ ...DEFAULT_SETTINGS, language: 'ru' }, 'en-US')).toBe('ru');
  });

  it('groups exactly the news sites the manifest lists', () => {
    expect(NEWS_SITE_GROUPS.flatMap((g) => g.hosts).sort()).toEqual([...NEWS_SITES].sort());
  });
});

describe('settings migrations', () => {
  /** What storage.local holds for the settings item: the value and its version record. */
  const stored = async () => fakeBrowser.storage.local.get(['settings', 'settings$']);

  it('upgrades a version 1 value to the canonical version 2 shape and saves it', async () => {
    await fakeBrowser.storage.local.set({
      settings: { disabledHosts: ['ZONA.media', 'zona.media', 7], markStyle: 'icon', refreshIntervalHours: '24', oldFlag: true },
      settings$: { v: 1 },
    });
    await settingsItem.migrate();
    expect(await stored()).toEqual({
      settings: { ...DEFAULT_SETTINGS, disabledHosts: ['zona.media'], markStyle: 'icon' },
      settings$: { v: SETTINGS_VERSION },
    });
  });

  it('treats an unknown older shape without a version as version 1 and upgrades it', async () => {
    // No `settings$` at all, and fields this version never had.
    await fakeBrowser.storage.local.set({ settings: { enabled: false, style: 'bold', showLowConfidence: true } });
    await settingsItem.migrate();
    expect(await stored()).toEqual({ settings: { ...DEFAULT_SETTINGS, showLowConfidence: true }, settings$: { v: SETTINGS_VERSION } });
    expect(await getSettings()).toEqual({ ...DEFAULT_SETTINGS, showLowConfidence: true });
  });

  it('leaves a current value alone, and still reads a value from a newer version', async () => {
    const current = { ...DEFAULT_SETTINGS, language: 'ru' };
    await fakeBrowser.storage.local.set({ settings: current, settings$: { v: SETTINGS_VERSION } });
    await settingsItem.migrate();
    expect((await stored()).settings).toEqual(current);

    // After a downgrade the library refuses to migrate down; the reader still gets valid settings.
    await fakeBrowser.storage.local.set({ settings: { ...current, futureField: 1, markStyle: 'sparkles' }, settings$: { v: SETTINGS_VERSION + 1 } });
    await expect(settingsItem.migrate()).rejects.toThrow(/downgrade/);
    expect(await getSettings()).toEqual(current);
  });
});
