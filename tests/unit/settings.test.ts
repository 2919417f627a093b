import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  NEWS_SITE_GROUPS,
  getSettings,
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
