/**
 * The reader's settings, stored in `storage.local` and read by the content script, the popup,
 * the options page and the background. Every read goes through `sanitizeSettings`, so a value
 * written by an older (or newer, after a downgrade) version can never break a reader.
 */
import { storage } from '#imports';

export type MarkStyle = 'underline' | 'background' | 'icon';
export type LanguageSetting = 'auto' | 'en' | 'ru';

export interface Settings {
  /** Host names where marking is off. An off-list, so a newly supported site starts on. */
  disabledHosts: string[];
  markStyle: MarkStyle;
  /** Mark mentions the matcher rates 'low' confidence (common names, derived spellings). */
  showLowConfidence: boolean;
  /** Hours between background index refreshes. */
  refreshIntervalHours: number;
  /** 'auto' follows the browser's language. */
  language: LanguageSetting;
}

export const MARK_STYLES: readonly MarkStyle[] = ['underline', 'background', 'icon'];
export const LANGUAGE_SETTINGS: readonly LanguageSetting[] = ['auto', 'en', 'ru'];
/** The refresh intervals the options page offers, in hours. */
export const REFRESH_INTERVAL_CHOICES: readonly number[] = [6, 12, 24, 72, 168];

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  disabledHosts: [],
  markStyle: 'underline',
  showLowConfidence: false,
  refreshIntervalHours: 24,
  language: 'auto',
});

/** The news sites, grouped the way the options page shows them (one switch per site). */
export const NEWS_SITE_GROUPS: readonly { id: string; name: string; hosts: readonly string[] }[] = [
  { id: 'freedomnews', name: 'Freedom News', hosts: ['freedomnews.org.uk', 'www.freedomnews.org.uk'] },
  { id: 'ovdinfo', name: 'OVD-Info', hosts: ['ovd.info', 'www.ovd.info', 'en.ovdinfo.org', 'ovdinfo.org'] },
  { id: 'mediazona', name: 'Mediazona', hosts: ['zona.media', 'en.zona.media'] },
];

/**
 * Stored settings versions. @wxt-dev/storage keeps the version of the stored value beside it
 * (`settings$`) and, on the first read after an update, runs `SETTINGS_MIGRATIONS[n]` for every
 * version above the stored one, in order, then saves the result. A value with no version (or
 * written before versions existed) counts as version 1.
 *
 * | version | shape |
 * |---|---|
 * | 1 | the fields of `Settings` as the options page wrote them, not checked on write |
 * | 2 | the same fields, canonical: hosts lower-cased and de-duplicated, every invalid or missing field at its default, unknown fields dropped |
 *
 * To change the shape: bump SETTINGS_VERSION, add `SETTINGS_MIGRATIONS[new]` (previous shape →
 * new shape; it must accept anything, since storage may hold any value), add a row here and a
 * test in tests/unit/settings.test.ts. Reads still go through `sanitizeSettings`, so a value
 * from a newer version (after a downgrade, which the library refuses to migrate) stays readable.
 */
export const SETTINGS_VERSION = 2;

export const SETTINGS_MIGRATIONS: Record<number, (stored: unknown) => unknown> = {
  2: (v1) => sanitizeSettings(v1),
};

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: SETTINGS_MIGRATIONS,
});

/** Keeps every known field that has a valid value and fills the rest from the defaults. */
export function sanitizeSettings(raw: unknown): Settings {
  const o = (raw !== null && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const hosts = Array.isArray(o.disabledHosts)
    ? o.disabledHosts.filter((h): h is string => typeof h === 'string' && h.length > 0 && h.length < 254)
    : DEFAULT_SETTINGS.disabledHosts;
  const interval = o.refreshIntervalHours;
  return {
    disabledHosts: [...new Set(hosts.map((h) => h.toLowerCase()))],
    markStyle: MARK_STYLES.includes(o.markStyle as MarkStyle) ? (o.markStyle as MarkStyle) : DEFAULT_SETTINGS.markStyle,
    showLowConfidence: typeof o.showLowConfidence === 'boolean' ? o.showLowConfidence : DEFAULT_SETTINGS.showLowConfidence,
    // Any whole number of hours from 1 to 30 days; the alarm API cannot go below 30 s anyway.
    refreshIntervalHours:
      typeof interval === 'number' && Number.isInteger(interval) && interval >= 1 && interval <= 720
        ? interval
        : DEFAULT_SETTINGS.refreshIntervalHours,
    language: LANGUAGE_SETTINGS.includes(o.language as LanguageSetting) ? (o.language as LanguageSetting) : DEFAULT_SETTINGS.language,
  };
}

/** Storage keys of the settings and of the version @wxt-dev/storage keeps beside them. */
export const SETTINGS_READ_KEYS = ['local:settings', 'local:settings$'] as const;

/**
 * The settings from a storage read of SETTINGS_READ_KEYS made together with other keys (the
 * content script's one read at start); null when the stored value still awaits a migration,
 * which only `getSettings` runs.
 */
export function settingsFromRead(value: unknown, meta: unknown): Settings | null {
  if (value === null || value === undefined) return sanitizeSettings(DEFAULT_SETTINGS);
  const version = (meta as { v?: unknown } | null)?.v;
  return version === SETTINGS_VERSION ? sanitizeSettings(value) : null;
}

export async function getSettings(): Promise<Settings> {
  return sanitizeSettings(await settingsItem.getValue());
}

/** Merges a change into the stored settings and returns the result. */
export async function updateSettings(change: Partial<Settings>): Promise<Settings> {
  const next = sanitizeSettings({ ...(await getSettings()), ...change });
  await settingsItem.setValue(next);
  return next;
}

/** Calls `onChange` with the sanitised settings whenever they change; returns the unwatch function. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => onChange(sanitizeSettings(value)));
}

/** Whether marks are shown on a page of this host. */
export function isMarkingEnabled(settings: Settings, hostname: string): boolean {
  return !settings.disabledHosts.includes(hostname.toLowerCase());
}

/** The UI language: the setting, or the browser's language when the setting is 'auto'. */
export function resolveLanguage(settings: Settings, browserLanguage: string | undefined): 'en' | 'ru' {
  if (settings.language !== 'auto') return settings.language;
  return browserLanguage?.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}
