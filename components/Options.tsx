/**
 * The options page: where marking is on, the news sites the reader added, how marks look,
 * uncertain matches, the refresh interval and the language. Every change is saved at once; the
 * content scripts and the background follow through `watchSettings` (and, for added sites, the
 * browser's permission events).
 *
 * `OptionsPage` is the page itself (reads, watches and saves the stored settings); `Options`
 * is its view, given the settings and a change callback.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Locale } from '@/lib/i18n-strings';
import {
  LANGUAGE_SETTINGS,
  MARK_STYLES,
  NEWS_SITE_GROUPS,
  REFRESH_INTERVAL_CHOICES,
  getSettings,
  resolveLanguage,
  updateSettings,
  watchSettings,
  type Settings,
} from '@/utils/settings';
import { CustomSitesSection, useCustomSites, type CustomSitesState } from './options/CustomSites';
import { Markdown, parseMarkdown } from './popup/markdown';
import { UI_STRINGS } from './popup/strings';

export interface OptionsPageProps {
  privacyText: string;
  /** The browser's language, for the 'auto' setting. */
  browserLanguage: string | undefined;
  /** False in a build that trusts no index signing key: the refresh interval does nothing there. */
  updatesConfigured: boolean;
}

export function OptionsPage({ privacyText, browserLanguage, updatesConfigured }: OptionsPageProps) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [savedAt, setSavedAt] = useState(0);
  const customSites = useCustomSites();
  useEffect(() => {
    void getSettings().then(setSettings);
    // Another options tab (or a migration) may change them too.
    return watchSettings(setSettings);
  }, []);
  const locale = settings ? resolveLanguage(settings, browserLanguage) : null;
  useEffect(() => {
    if (locale) document.documentElement.lang = locale;
  }, [locale]);
  useEffect(() => {
    if (settings && location.hash === '#privacy') document.getElementById('privacy')?.scrollIntoView();
  }, [settings !== null]);
  if (!settings || !locale) return null;
  return (
    <Options
      locale={locale}
      settings={settings}
      privacyText={privacyText}
      updatesConfigured={updatesConfigured}
      customSites={customSites}
      saved={savedAt > 0}
      onChange={(change) =>
        void updateSettings(change).then((next) => {
          setSettings(next);
          setSavedAt(Date.now());
        })
      }
    />
  );
}

export interface OptionsProps {
  locale: Locale;
  settings: Settings;
  onChange: (change: Partial<Settings>) => void;
  /** The text of PRIVACY.md (Markdown), shown as headings, paragraphs and lists. */
  privacyText: string;
  updatesConfigured: boolean;
  /** "Other news sites"; left out while the browser's grants are being read. */
  customSites?: CustomSitesState | null;
  /** A change was saved (announced once, politely). */
  saved?: boolean;
}

export function Options({ locale, settings, onChange, privacyText, updatesConfigured, customSites = null, saved = false }: OptionsProps) {
  const s = UI_STRINGS[locale];
  const siteEnabled = (hosts: readonly string[]) => hosts.every((h) => !settings.disabledHosts.includes(h));
  const setSite = (hosts: readonly string[], on: boolean) => {
    const others = settings.disabledHosts.filter((h) => !hosts.includes(h));
    onChange({ disabledHosts: on ? others : [...others, ...hosts] });
  };
  // The section has its own heading in the reader's language: the document's title is dropped,
  // and its other headings go one level down, under that h2.
  const privacyBlocks = useMemo(() => {
    const blocks = parseMarkdown(privacyText);
    return blocks[0]?.kind === 'heading' && blocks[0].level === 1 ? blocks.slice(1) : blocks;
  }, [privacyText]);
  const intervals = REFRESH_INTERVAL_CHOICES.includes(settings.refreshIntervalHours)
    ? REFRESH_INTERVAL_CHOICES
    : [...REFRESH_INTERVAL_CHOICES, settings.refreshIntervalHours].sort((a, b) => a - b);

  return (
    <main class="options" lang={locale}>
      <h1>{s.optionsTitle}</h1>

      <fieldset>
        <legend>{s.sitesHeading}</legend>
        <p class="hint">{s.sitesHint}</p>
        {NEWS_SITE_GROUPS.map((group) => (
          <label key={group.id} class="row">
            <input
              type="checkbox"
              name={`site-${group.id}`}
              checked={siteEnabled(group.hosts)}
              onChange={(e) => setSite(group.hosts, e.currentTarget.checked)}
            />
            <span>
              {group.name} <span class="hint">({group.hosts.filter((h) => !h.startsWith('www.')).join(', ')})</span>
            </span>
          </label>
        ))}
      </fieldset>

      {customSites && (
        <CustomSitesSection
          locale={locale}
          state={customSites}
          isEnabled={(host) => siteEnabled([host])}
          setEnabled={(host, on) => setSite([host], on)}
        />
      )}

      <fieldset>
        <legend>{s.markStyleHeading}</legend>
        {MARK_STYLES.map((style) => (
          <label key={style} class="row">
            <input type="radio" name="mark-style" value={style} checked={settings.markStyle === style} onChange={() => onChange({ markStyle: style })} />
            <span class={`sample sample--${style}`}>{s.markStyle[style]}</span>
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>{s.lowConfidenceHeading}</legend>
        <label class="row">
          <input
            type="checkbox"
            name="low-confidence"
            aria-describedby="low-confidence-hint"
            checked={settings.showLowConfidence}
            onChange={(e) => onChange({ showLowConfidence: e.currentTarget.checked })}
          />
          <span>{s.lowConfidence}</span>
        </label>
        <p id="low-confidence-hint" class="hint">
          {s.lowConfidenceHint}
        </p>
      </fieldset>

      <fieldset>
        <legend id="refresh-heading">{s.refreshHeading}</legend>
        <select
          name="refresh-interval"
          aria-labelledby="refresh-heading"
          aria-describedby={updatesConfigured ? undefined : 'refresh-off'}
          value={String(settings.refreshIntervalHours)}
          onChange={(e) => onChange({ refreshIntervalHours: Number(e.currentTarget.value) })}
        >
          {intervals.map((h) => (
            <option key={h} value={String(h)}>
              {s.refreshEvery(h)}
            </option>
          ))}
        </select>
        {!updatesConfigured && (
          <p id="refresh-off" class="hint">
            {s.updatesOff}
          </p>
        )}
      </fieldset>

      <fieldset>
        <legend>{s.languageHeading}</legend>
        {LANGUAGE_SETTINGS.map((lang) => (
          <label key={lang} class="row">
            <input type="radio" name="language" value={lang} checked={settings.language === lang} onChange={() => onChange({ language: lang })} />
            <span lang={lang === 'auto' ? undefined : lang}>{lang === 'auto' ? s.languageAuto : lang === 'en' ? 'English' : 'Русский'}</span>
          </label>
        ))}
      </fieldset>

      <p class="saved" role="status" data-testid="saved">
        {saved ? s.saved : ''}
      </p>

      <section id="privacy" aria-labelledby="privacy-title">
        <h2 id="privacy-title">{s.privacyHeading}</h2>
        <div class="privacy-text" lang="en">
          <Markdown blocks={privacyBlocks} headingOffset={1} />
        </div>
      </section>
    </main>
  );
}
