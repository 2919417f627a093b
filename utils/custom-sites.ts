/**
 * The reader's own news sites ("Other news sites" on the options page). The browser's grants
 * are the list: a site is one optional host permission, asked for when the reader adds it and
 * given back when they remove it, or when they revoke it in the browser's own settings. Nothing
 * about the sites is stored by us.
 *
 * The background keeps one registered content script (`CUSTOM_SITES_SCRIPT_ID`) whose matches
 * are exactly those sites. Registering needs the optional 'scripting' permission, asked for
 * together with the first site (it adds nothing to the browser's prompt) and handed back when
 * the last site goes. Without it `browser.scripting` does not exist, so every use is guarded.
 */
import { customSitePatterns } from '@/lib/site-pattern';

export const CUSTOM_SITES_SCRIPT_ID = 'custom-sites';
/** The built content script: the same file the manifest runs on the built-in news sites. */
const CONTENT_SCRIPT = '/content-scripts/content.js';
const SCRIPTING = 'scripting';

export interface CustomSites {
  /** Match patterns (`https://host/*`), sorted. */
  sites: string[];
  /** Whether 'scripting' is granted: without it the sites are allowed but nothing runs there. */
  scripting: boolean;
}

export interface CustomSitesSync {
  sites: string[];
  /** The content script is registered for exactly `sites`. */
  registered: boolean;
  /** Why registering failed, when it did. */
  error?: string;
}

/** Host patterns the manifest holds anyway: the news sites and, in a keyed build, the index origin. */
export function includedOrigins(): string[] {
  return browser.runtime.getManifest().host_permissions ?? [];
}

export async function getCustomSites(): Promise<CustomSites> {
  const granted = await browser.permissions.getAll();
  return {
    sites: customSitePatterns(granted.origins ?? [], includedOrigins()),
    scripting: (granted.permissions ?? []).includes(SCRIPTING),
  };
}

/**
 * Asks the browser for access to these sites. Call it synchronously from the click or submit
 * handler: after an `await` the user gesture is gone and the browser refuses the request.
 */
export function requestSiteAccess(patterns: string[]): Promise<boolean> {
  return browser.permissions.request({ permissions: [SCRIPTING], origins: patterns });
}

/** Gives a site's access back; the background follows through `permissions.onRemoved`. */
export async function removeSiteAccess(pattern: string): Promise<void> {
  await browser.permissions.remove({ origins: [pattern] });
}

type Scripting = typeof browser.scripting;

/**
 * `browser.scripting` while the 'scripting' permission is granted, else undefined. The object
 * alone proves nothing: Chromium leaves it in place after the permission is revoked, and then
 * every call throws "not available in this context".
 */
function scriptingApi(granted: boolean): Scripting | undefined {
  const api = (browser as { scripting?: Scripting }).scripting;
  return granted && typeof api?.registerContentScripts === 'function' ? api : undefined;
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Makes the registered content script match the granted sites. One run at a time: the
 * permission events and the options page may ask together, and two registrations of the same
 * id would fail.
 */
export function syncCustomSitesScript(): Promise<CustomSitesSync> {
  const run = queue.then(syncOnce, syncOnce);
  queue = run;
  return run;
}

async function syncOnce(): Promise<CustomSitesSync> {
  let sites: string[] = [];
  try {
    const granted = await getCustomSites();
    sites = granted.sites;
    const scripting = scriptingApi(granted.scripting);
    // Nothing can be registered, and nothing was left registered: the permission goes only
    // after the script is unregistered (below).
    if (!scripting) return { sites, registered: false };

    const [current] = await scripting.getRegisteredContentScripts({ ids: [CUSTOM_SITES_SCRIPT_ID] });
    if (sites.length === 0) {
      if (current) await scripting.unregisterContentScripts({ ids: [CUSTOM_SITES_SCRIPT_ID] });
      // The last site went: 'scripting' is no use without one. Checked again right before,
      // in case a site was added meanwhile.
      if ((await getCustomSites()).sites.length === 0) await browser.permissions.remove({ permissions: [SCRIPTING] });
      return { sites, registered: false };
    }
    if (!current) {
      await scripting.registerContentScripts([
        { id: CUSTOM_SITES_SCRIPT_ID, matches: sites, js: [CONTENT_SCRIPT], runAt: 'document_idle', persistAcrossSessions: true },
      ]);
    } else if (!sameItems(current.matches ?? [], sites)) {
      await scripting.updateContentScripts([{ id: CUSTOM_SITES_SCRIPT_ID, matches: sites, js: [CONTENT_SCRIPT] }]);
    }
    return { sites, registered: true };
  } catch (err) {
    console.warn('[Not Alone] could not register the content script for your sites', err);
    return { sites, registered: false, error: String(err) };
  }
}

/**
 * Starts the content script in tabs already open on newly allowed sites, so the reader need
 * not reload them. Host access to a site is all `tabs.query({ url })` and `executeScript` need.
 * Returns how many tabs it started in.
 */
export async function startInOpenTabs(patterns: string[]): Promise<number> {
  const sites = customSitePatterns(patterns, includedOrigins());
  if (sites.length === 0) return 0;
  const scripting = scriptingApi((await getCustomSites()).scripting);
  if (!scripting) return 0;
  let started = 0;
  const tabs = await browser.tabs.query({ url: sites }).catch(() => []);
  for (const tab of tabs) {
    if (tab.id === undefined) continue;
    try {
      await scripting.executeScript({ target: { tabId: tab.id }, files: [CONTENT_SCRIPT] });
      started += 1;
    } catch {
      // The tab navigated away or shows an error page: it will get the script on its next load.
    }
  }
  return started;
}

function sameItems(a: readonly string[], b: readonly string[]): boolean {
  const sortedB = [...b].sort();
  return a.length === b.length && [...a].sort().every((v, i) => v === sortedB[i]);
}
