/**
 * "Other news sites" on the options page: the sites the reader added, each with its marking
 * switch and a Remove button, and the field to add one.
 *
 * `useCustomSites` holds the state and talks to the browser: the list is what the browser has
 * granted (utils/custom-sites.ts), so a site revoked in the browser's own settings disappears
 * here too. `CustomSitesSection` is the view.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Locale } from '@/lib/i18n-strings';
import { parseSiteInput, patternHost, sitePattern, type SiteProblem } from '@/lib/site-pattern';
import { getCustomSites, includedOrigins, removeSiteAccess, requestSiteAccess, type CustomSites } from '@/utils/custom-sites';
import { ask } from '@/utils/messages';
import { getSettings, updateSettings } from '@/utils/settings';
import { UI_STRINGS } from '../popup/strings';

/** What the section says after the reader's last action. */
export type SiteNote =
  | { kind: 'problem'; problem: SiteProblem }
  | { kind: 'waiting' | 'denied' | 'failed' | 'added' | 'removed' | 'remove-failed'; host: string };

export interface CustomSitesState {
  /** The reader's sites, as host names, sorted. */
  hosts: string[];
  /** The sites are allowed but 'scripting' is not (revoked in the browser): nothing runs there. */
  needsAccess: boolean;
  note: SiteNote | null;
  /**
   * Adds the site of a typed address; true once it is added. Asks the browser before anything
   * is awaited, so call it straight from the submit handler.
   */
  add(input: string): Promise<boolean>;
  remove(host: string): Promise<void>;
  /** Asks again for every listed site (and 'scripting'); straight from a click, like `add`. */
  allowAgain(): void;
}

/** The section's state; null until the browser's grants are read. */
export function useCustomSites(): CustomSitesState | null {
  const [granted, setGranted] = useState<CustomSites | null>(null);
  const [note, setNote] = useState<SiteNote | null>(null);
  const asking = useRef(false);

  const reload = () =>
    getCustomSites().then(setGranted, (err: unknown) => {
      console.warn('[Not Alone] could not read the granted sites', err);
    });
  useEffect(() => {
    void reload();
    // A grant or revocation made elsewhere: the browser's settings, another options tab.
    const onChange = () => void reload();
    browser.permissions.onAdded.addListener(onChange);
    browser.permissions.onRemoved.addListener(onChange);
    return () => {
      browser.permissions.onAdded.removeListener(onChange);
      browser.permissions.onRemoved.removeListener(onChange);
    };
  }, []);
  if (!granted) return null;

  /** Asks the browser for `patterns`, synchronously; then lets the background register the script. */
  const askFor = (patterns: string[], host: string): Promise<boolean> => {
    asking.current = true;
    let request: Promise<boolean>;
    try {
      request = requestSiteAccess(patterns);
    } catch (err) {
      request = Promise.reject(err);
    }
    setNote({ kind: 'waiting', host });
    return request
      .then(async (allowed) => {
        if (!allowed) {
          setNote({ kind: 'denied', host });
          return false;
        }
        const synced = await ask({ type: 'syncCustomSites' });
        await reload();
        const running = synced.registered && patterns.every((p) => synced.sites.includes(p));
        setNote({ kind: running ? 'added' : 'failed', host });
        return running;
      })
      .catch((err: unknown) => {
        console.warn('[Not Alone] could not add the site', err);
        setNote({ kind: 'failed', host });
        return false;
      })
      .finally(() => (asking.current = false));
  };

  const sites = granted.sites;
  const hosts = sites.flatMap((p) => patternHost(p) ?? []);
  // "Added X" is stale once X was revoked elsewhere, and "Removed X" once X is back. ("Allow
  // again" names every site, joined with commas, which no host name contains.)
  const noteHosts = note && note.kind !== 'problem' ? note.host.split(', ') : [];
  const stale =
    (note?.kind === 'added' && !noteHosts.every((h) => hosts.includes(h))) || (note?.kind === 'removed' && noteHosts.some((h) => hosts.includes(h)));
  return {
    hosts,
    needsAccess: sites.length > 0 && !granted.scripting,
    note: stale ? null : note,
    add(input) {
      if (asking.current) return Promise.resolve(false);
      const parsed = parseSiteInput(input, { included: includedOrigins(), added: sites });
      if (!parsed.ok) {
        setNote({ kind: 'problem', problem: parsed.problem });
        return Promise.resolve(false);
      }
      return askFor([parsed.pattern], parsed.host);
    },
    async remove(host) {
      try {
        await removeSiteAccess(sitePattern(host));
      } catch (err) {
        // The browser keeps the site, and the list still shows it.
        console.warn('[Not Alone] could not remove the site', err);
        setNote({ kind: 'remove-failed', host });
        return;
      }
      setNote({ kind: 'removed', host });
      await reload();
      await ask({ type: 'syncCustomSites' }).catch(() => {});
      // A paused site that is gone leaves no trace in the settings either.
      const { disabledHosts } = await getSettings();
      if (disabledHosts.includes(host)) await updateSettings({ disabledHosts: disabledHosts.filter((h) => h !== host) });
    },
    allowAgain() {
      if (!asking.current) void askFor(sites, hosts.join(', '));
    },
  };
}

export interface CustomSitesSectionProps {
  locale: Locale;
  state: CustomSitesState;
  isEnabled: (host: string) => boolean;
  setEnabled: (host: string, on: boolean) => void;
}

export function CustomSitesSection({ locale, state, isEnabled, setEnabled }: CustomSitesSectionProps) {
  const s = UI_STRINGS[locale];
  const [draft, setDraft] = useState('');
  const field = useRef<HTMLInputElement>(null);
  const { note } = state;
  const noteText = note && (note.kind === 'problem' ? s.customSiteProblem[note.problem] : noteWords(s, note.kind)(note.host));
  const isError = note !== null && ['problem', 'denied', 'failed', 'remove-failed'].includes(note.kind);

  const submit = (e: Event) => {
    e.preventDefault();
    // `add` asks the browser before it awaits anything: the submit's user gesture is still on.
    void state.add(draft).then((added) => added && setDraft(''));
  };

  return (
    <fieldset>
      <legend>{s.customSitesHeading}</legend>
      <p class="hint" id="custom-sites-hint">
        {s.customSitesHint}
      </p>
      {state.hosts.length === 0 ? (
        <p class="hint">{s.customSitesNone}</p>
      ) : (
        <ul class="custom-sites">
          {state.hosts.map((host) => (
            <li key={host} class="custom-site">
              <label class="row">
                <input type="checkbox" name={`site-custom-${host}`} checked={isEnabled(host)} onChange={(e) => setEnabled(host, e.currentTarget.checked)} />
                <span>{host}</span>
              </label>
              <button
                type="button"
                class="secondary"
                aria-label={s.customSiteRemoveLabel(host)}
                onClick={() => {
                  // The row is about to go: keep the keyboard in the section.
                  field.current?.focus();
                  void state.remove(host);
                }}
              >
                {s.customSiteRemove}
              </button>
            </li>
          ))}
        </ul>
      )}
      {state.needsAccess && (
        <p class="notice">
          {s.customSitesNeedAccess}{' '}
          <button type="button" class="secondary" onClick={() => state.allowAgain()}>
            {s.customSitesAllowAgain}
          </button>
        </p>
      )}
      <form class="site-form" onSubmit={submit} noValidate>
        <label for="custom-site-input">{s.customSiteField}</label>
        <div class="site-form-row">
          <input
            ref={field}
            id="custom-site-input"
            name="custom-site"
            type="text"
            inputMode="url"
            autocomplete="off"
            spellcheck={false}
            placeholder={s.customSiteExample}
            value={draft}
            onInput={(e) => setDraft(e.currentTarget.value)}
            aria-invalid={note?.kind === 'problem' ? 'true' : undefined}
            aria-describedby={note?.kind === 'problem' ? 'custom-site-note-error' : 'custom-sites-hint'}
          />
          <button type="submit">{s.customSiteAdd}</button>
        </div>
      </form>
      {/* Both live regions are always in the page, so what lands in them is announced. */}
      <p id="custom-site-note-error" class="error" role="alert">
        {isError ? noteText : ''}
      </p>
      <p class="hint site-status" role="status" data-testid="custom-site-status">
        {!isError && noteText ? noteText : ''}
      </p>
    </fieldset>
  );
}

function noteWords(s: (typeof UI_STRINGS)[Locale], kind: Exclude<SiteNote['kind'], 'problem'>): (host: string) => string {
  switch (kind) {
    case 'waiting':
      return s.customSiteWaiting;
    case 'denied':
      return s.customSiteDenied;
    case 'failed':
      return s.customSiteFailed;
    case 'added':
      return s.customSiteAdded;
    case 'removed':
      return s.customSiteRemoved;
    case 'remove-failed':
      return s.customSiteRemoveFailed;
  }
}
