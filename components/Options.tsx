/**
 * The options page: where marking is on, how marks look, uncertain matches, the refresh
 * interval and the language. Every change is saved at once; the content scripts and the
 * background follow through `watchSettings`.
 */
import type { Locale } from '@/lib/i18n-strings';
import {
  LANGUAGE_SETTINGS,
  MARK_STYLES,
  NEWS_SITE_GROUPS,
  REFRESH_INTERVAL_CHOICES,
  type Settings,
} from '@/utils/settings';
import { UI_STRINGS } from './popup/strings';

export interface OptionsProps {
  locale: Locale;
  settings: Settings;
  onChange: (change: Partial<Settings>) => void;
  /** The text of PRIVACY.md, shown as it is. */
  privacyText: string;
}

export function Options({ locale, settings, onChange, privacyText }: OptionsProps) {
  const s = UI_STRINGS[locale];
  const siteEnabled = (hosts: readonly string[]) => hosts.every((h) => !settings.disabledHosts.includes(h));
  const setSite = (hosts: readonly string[], on: boolean) => {
    const others = settings.disabledHosts.filter((h) => !hosts.includes(h));
    onChange({ disabledHosts: on ? others : [...others, ...hosts] });
  };
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
        <legend>{s.lowConfidence}</legend>
        <label class="row">
          <input
            type="checkbox"
            name="low-confidence"
            checked={settings.showLowConfidence}
            onChange={(e) => onChange({ showLowConfidence: e.currentTarget.checked })}
          />
          <span>{s.lowConfidenceHint}</span>
        </label>
      </fieldset>

      <fieldset>
        <legend>{s.refreshHeading}</legend>
        <label class="row">
          <select
            name="refresh-interval"
            aria-label={s.refreshHeading}
            value={String(settings.refreshIntervalHours)}
            onChange={(e) => onChange({ refreshIntervalHours: Number(e.currentTarget.value) })}
          >
            {intervals.map((h) => (
              <option key={h} value={String(h)}>
                {s.refreshEvery(h)}
              </option>
            ))}
          </select>
        </label>
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

      <section id="privacy" aria-labelledby="privacy-title">
        <h2 id="privacy-title">{s.privacyHeading}</h2>
        <div class="privacy-text" lang="en">
          {privacyText}
        </div>
      </section>
    </main>
  );
}
