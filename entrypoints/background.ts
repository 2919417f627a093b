/**
 * The background owns the index in use (bundled or downloaded) and answers the content script
 * and the popup (utils/messages.ts). It also keeps the per-tab marks for the toolbar badge, runs
 * the signed index refresh (utils/refresh.ts) and keeps the content script registered on the
 * news sites the reader added (utils/custom-sites.ts).
 *
 * Listeners are registered synchronously in main(), so a stopped service worker that is woken
 * by a message, an alarm or a tab event finds them in place.
 */
import bundledIndexJson from '@/data/index.json';
import type { PrisonerIndex, PrisonerRecord } from '@/lib/index-schema';
import { buildMatcherTables } from '@/lib/matcher';
import { toMatcherData } from '@/lib/matcher-data';
import { addMarks, clearMarks, getMarks } from '@/utils/badge';
import { startInOpenTabs, syncCustomSitesScript } from '@/utils/custom-sites';
import { loadActiveIndex, withIndexLock, type ActiveIndex } from '@/utils/index-store';
import { storeMatcherTables } from '@/utils/matcher-cache';
import { isRequest, type Request, type Response } from '@/utils/messages';
import {
  NOT_CONFIGURED,
  REFRESH_ALARM,
  builtInIndexSource,
  clearRefreshAlarm,
  ensureRefreshAlarm,
  refreshIndex,
  recoverInterruptedCheck,
  refreshIfStale,
  updatesConfigured,
  type IndexSource,
  type RefreshOutcome,
  type RefreshTrigger,
} from '@/utils/refresh';
import { watchSettings } from '@/utils/settings';
import { tellEveryTab } from '@/utils/tab-broadcast';

/** The index shipped in the package; the build (npm run index:build) validated it. */
export const BUNDLED_INDEX = bundledIndexJson as unknown as PrisonerIndex;

/** What the background derives from the index in use, built once per index. */
interface ActiveState {
  active: ActiveIndex;
  /**
   * The matcher's tables as JSON text: one string crosses the message channel much faster than
   * the same data as nested objects, which the channel copies value by value.
   */
  matcherJson: string;
  byId: Map<string, PrisonerRecord>;
}

let state: Promise<ActiveState> | null = null;
/** Settles once the state's matcher tables are in storage (or could not be written). */
let tablesStored: Promise<void> = Promise.resolve();

function deriveState(active: ActiveIndex): ActiveState {
  return {
    active,
    matcherJson: JSON.stringify(buildMatcherTables(toMatcherData(active.index))),
    byId: new Map(active.index.records.map((r) => [r.id, r])),
  };
}

/** The index in use, loaded (and its stored copy checked) on first need after a worker start. */
export function getActiveState(bundled: PrisonerIndex = BUNDLED_INDEX): Promise<ActiveState> {
  if (state) return state;
  const loading = withIndexLock(() => loadActiveIndex(bundled, { repair: true })).then(deriveState);
  state = loading;
  // A failed load (storage unavailable) must not stick: the next message tries again.
  loading.catch(() => {
    if (state === loading) state = null;
  });
  // Pages read the tables from storage from now on; if the copy cannot be written they ask us.
  tablesStored = loading
    .then((s) => withIndexLock(() => storeMatcherTables(s.active, s.matcherJson)))
    .then(
      () => {},
      (err: unknown) => console.warn('Not Alone: could not store the matcher tables', err),
    );
  return loading;
}

/** Forgets the derived state, so the next request reloads the index (after a refresh, in tests). */
export function resetActiveState(): void {
  state = null;
}

export async function handleRequest(
  request: Request,
  sender: { tab?: { id?: number } },
  source: IndexSource = builtInIndexSource(),
): Promise<Response<Request['type']> | undefined> {
  switch (request.type) {
    case 'getMatcher':
      return (await getActiveState()).matcherJson;
    case 'getRecords': {
      const { byId } = await getActiveState();
      const ids = Array.isArray(request.ids) ? request.ids : [];
      return ids.flatMap((id) => byId.get(id) ?? []);
    }
    case 'marked': {
      const tabId = sender.tab?.id;
      if (typeof tabId === 'number' && tabId >= 0 && Array.isArray(request.ids)) await addMarks(tabId, request.ids);
      return { ok: true };
    }
    case 'getMarked':
      return { ids: typeof request.tabId === 'number' ? await getMarks(request.tabId) : [] };
    case 'refreshNow':
      return runRefresh('manual', source).catch((err: unknown): RefreshOutcome => ({ result: 'failed', code: 'storage', detail: String(err) }));
    case 'syncCustomSites':
      return syncCustomSitesScript();
    default:
      return undefined;
  }
}

async function runRefresh(trigger: RefreshTrigger, source: IndexSource): Promise<RefreshOutcome> {
  // A build that trusts no key never fetches: there is nothing it could accept.
  if (!updatesConfigured(source)) return NOT_CONFIGURED;
  const current = await getActiveState();
  const outcome = await refreshIndex({ currentVersion: current.active.index.version, trigger, source });
  if (outcome.result === 'accepted') {
    resetActiveState();
    void announceNewIndex();
  }
  return outcome;
}

/**
 * Open pages match with the new index now, rather than at their next load. They are told once
 * its tables are stored, so each reads them from storage instead of all asking us at once.
 */
async function announceNewIndex(): Promise<void> {
  await getActiveState().then(() => tablesStored, () => {});
  await tellEveryTab({ type: 'indexChanged' });
}

export default defineBackground(() => startBackground(builtInIndexSource()));

/** Registers every listener; `source` is the build's index source (tests pass their own). */
export function startBackground(source: IndexSource): void {
  const updates = updatesConfigured(source);
  // A fresh worker: record a check the previous one did not finish, and make sure the alarm
  // exists (it is kept across worker restarts; this only creates it when missing). A build
  // without updates removes an alarm a previous build with them may have left.
  void recoverInterruptedCheck();
  const scheduleRefresh = (hours?: number) => void (updates ? ensureRefreshAlarm(hours) : clearRefreshAlarm());
  scheduleRefresh();

  // sendResponse + `return true` answers on Chrome and Firefox, with or without the polyfill,
  // and in fakeBrowser tests; unknown messages get no answer so other listeners may reply.
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    if (!isRequest(message)) return false;
    handleRequest(message, sender, source).then(sendResponse, (err: unknown) => {
      console.error('Not Alone: request failed', message.type, err);
      sendResponse(undefined);
    });
    return true;
  });

  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    // A new document or an SPA navigation: the marks of the old page no longer apply.
    if (changeInfo.url !== undefined || changeInfo.status === 'loading') void clearMarks(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => void clearMarks(tabId, { tabClosed: true }));

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REFRESH_ALARM) void runRefresh('alarm', source);
  });
  // The reader's sites: the registered content script follows every grant and revocation,
  // whether made on the options page or in the browser's own settings.
  browser.permissions.onAdded.addListener((added) => {
    void syncCustomSitesScript().then(({ sites, registered }) => {
      // Tabs already open on a newly allowed site get the script now rather than on reload.
      const fresh = added.permissions?.includes('scripting') ? sites : (added.origins ?? []);
      if (registered) return startInOpenTabs(fresh);
    });
  });
  browser.permissions.onRemoved.addListener((removed) => {
    void syncCustomSitesScript();
    // Pages open on those sites stop marking now, not at their next load.
    if (removed.origins?.length) void tellEveryTab({ type: 'accessEnded', origins: removed.origins });
  });

  // Chrome drops alarms on update; re-create on install/update and at every browser start.
  // Registered content scripts persist, but a start is also when to catch up with a grant
  // that changed while the extension was off.
  browser.runtime.onInstalled.addListener(() => {
    scheduleRefresh();
    void syncCustomSitesScript();
    // The first page after an install or update finds this build's matcher tables in storage.
    void getActiveState().catch(() => {});
  });
  browser.runtime.onStartup.addListener(() => {
    scheduleRefresh();
    void syncCustomSitesScript();
    if (updates) void refreshIfStale(() => runRefresh('startup', source));
  });
  // A changed interval takes effect now rather than at the next alarm.
  watchSettings((settings) => scheduleRefresh(settings.refreshIntervalHours));
}
