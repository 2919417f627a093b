/**
 * Content script on the news sites, and on the sites the reader added (registered at runtime by
 * utils/custom-sites.ts): loads the matcher (utils/matcher-cache.ts), reads the article, marks
 * prisoners' names with the Highlight API, and shows their card. Follows the reader's settings
 * live: marking per site, mark style, low-confidence matches, language.
 */
import uiCss from './ui.css?inline';
import { render } from 'preact';
import { createMatcher } from '@/lib/matcher';
import type { Matcher, MatcherTables } from '@/lib/matcher-types';
import { NEWS_SITE_MATCHES } from '@/lib/news-sites';
import { ask, isBroadcastMessage, type TabMessage, type TabReplies } from '@/utils/messages';
import { installHighlightStyles, setHighlightStyle } from '@/utils/highlights';
import { OWN_HOST_TAG } from '@/utils/page-text';
import { getSettings, isMarkingEnabled, resolveLanguage, watchSettings, type Settings } from '@/utils/settings';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { App } from './App';
import { PageController, type MarkingOptions, type ScanReport } from './controller';
import { readStart, type StartRead } from './start-read';
import { UiStore } from './ui-store';
import { detectPageTheme } from './page-theme';

export default defineContentScript({
  matches: NEWS_SITE_MATCHES,
  runAt: 'document_idle',
  // Our CSS is bundled into the script and put in the shadow root (`css` below), rather than
  // fetched as a web-accessible file: a file is reachable only from the hosts listed in the
  // manifest, not from a site the reader added, and a listed file lets any page probe for us.
  cssInjectionMode: 'manual',
  // WXT would also window.postMessage a "started" notice, with our extension id in it, to every
  // listener of the page: it tells the page who we are, may throw in a site's message handler,
  // and cost 12–33 ms of the injection task in a trace. Its DOM event for the same is enough.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    performance.mark('not-alone:start');
    // Settings and tables in one storage call: each round trip costs a loading page 5–30 ms. A
    // site switched off at load spends this read and nothing else: no matcher, no UI until it is
    // switched on (and then the tables are read afresh).
    const start = readStart().catch((): StartRead => ({ settings: null, tables: null }));
    let settings = (await start).settings ?? (await getSettings());
    let earlyTables: Promise<string | null> | null = start.then((read) => read.tables);
    performance.mark('not-alone:settings');
    let session: Promise<Session | null> | null = null;
    /** The browser took this site's access back while the page was open: no marking here again. */
    let accessEnded = false;

    const apply = () => {
      if (!ctx.isValid) return;
      const enabled = !accessEnded && isMarkingEnabled(settings, location.hostname);
      if (!session && enabled) session = startSession(ctx, settings, earlyTables ?? readStoredTables());
      earlyTables = null;
      void session?.then((s) => s?.apply(settings, enabled));
    };
    const unwatch = watchSettings((next) => {
      settings = next;
      apply();
    });
    ctx.onInvalidated(unwatch);

    const onAccessEnded = (message: unknown, sender: { id?: string }): Promise<{ stopped: boolean }> | undefined => {
      if (sender.id !== browser.runtime.id || !isBroadcastMessage(message) || message.type !== 'accessEnded') return undefined;
      // Every site pattern has this one form (lib/site-pattern.ts, `sitePattern`).
      const here = location.protocol === 'https:' && message.origins.includes(`https://${location.hostname}/*`);
      if (here && !accessEnded) {
        accessEnded = true;
        apply();
      }
      return Promise.resolve({ stopped: accessEnded });
    };
    browser.runtime.onMessage.addListener(onAccessEnded);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onAccessEnded));
    apply();
  },
});

interface Session {
  /** `enabled`: marking on this page (the site's switch, and whether the site is still allowed). */
  apply(settings: Settings, enabled: boolean): void;
}

function markingOf(settings: Settings, enabled: boolean): MarkingOptions {
  return { enabled, showLowConfidence: settings.showLowConfidence };
}

/** A matcher from the tables' JSON text; from `not-alone:matcher-data` on, all main-thread work. */
function matcherFrom(json: unknown): Matcher {
  if (typeof json !== 'string') throw new TypeError('no matcher tables');
  return createMatcher(JSON.parse(json) as MatcherTables);
}

interface LoadedMatcher {
  matcher: Matcher;
  from: 'storage' | 'background';
}

/**
 * The matcher from the background's stored tables when they fit the index in use (no worker to
 * wake, no round trip), else from the tables the background sends. A stored copy that does not
 * parse is not trusted further: the background answers instead.
 */
async function loadMatcher(storedTables: Promise<string | null>): Promise<LoadedMatcher> {
  const stored = await storedTables;
  if (stored !== null) {
    performance.mark('not-alone:matcher-data');
    try {
      return { matcher: matcherFrom(stored), from: 'storage' };
    } catch (error) {
      performance.clearMarks('not-alone:matcher-data');
      console.warn('[Not Alone] the stored name index is unreadable; asking the background.', error);
    }
  }
  const json = await ask({ type: 'getMatcher' });
  performance.mark('not-alone:matcher-data');
  return { matcher: matcherFrom(json), from: 'background' };
}

/** The background's stored tables, read anew (null when they do not fit the index in use). */
const readStoredTables = (): Promise<string | null> => readStart().then((read) => read.tables, () => null);

async function startSession(ctx: ContentScriptContext, settings: Settings, storedTables: Promise<string | null>): Promise<Session | null> {
  let loaded: LoadedMatcher;
  try {
    loaded = await loadMatcher(storedTables);
  } catch (error) {
    // No index from the background (starting up, or broken): mark nothing rather than guess.
    console.warn('[Not Alone] no name index available; nothing is marked on this page.', error);
    return null;
  }
  const { matcher, from: tablesFrom } = loaded;
  performance.mark('not-alone:matcher-ready');
  if (!ctx.isValid) return null;

  const store = new UiStore({
    locale: resolveLanguage(settings, navigator.language),
    theme: detectPageTheme(document),
    marks: [],
    card: null,
    focusedKey: null,
    markStyle: settings.markStyle,
  });
  let controller: PageController | null = null;
  let highlightStyle: HTMLStyleElement | null = null;

  const ui = await createShadowRootUi(ctx, {
    name: OWN_HOST_TAG,
    css: uiCss,
    position: 'inline',
    anchor: 'body',
    append: 'first',
    onMount(container, _shadow, host) {
      highlightStyle = installHighlightStyles(host, settings.markStyle);
      const root = document.createElement('div');
      container.append(root);
      render(<App store={store} actions={controller!} />, root);
      return root;
    },
    onRemove(root) {
      if (root) render(null, root);
    },
  });

  const host = ui.shadowHost;
  host.dataset.tablesFrom = tablesFrom;
  controller = new PageController({
    matcher,
    store,
    isOwnNode: (node) => node === host || host.contains(node) || node.getRootNode() === ui.shadow,
    fetchRecords: (ids) => ask({ type: 'getRecords', ids }),
    reportMarked: (ids) => void ask({ type: 'marked', ids }).catch(() => {}),
    signal: ctx.signal,
    marking: markingOf(settings, true),
    // Scan state on the host for tests (the page can see our host and highlights anyway).
    onScanned: (report) => publishReport(host, report),
  });
  ui.mount();
  controller.start();

  // The popup's "Show on the page", and a newer index from the background.
  const onMessage = (message: unknown, sender: { id?: string }): Promise<TabReplies['focusMark'] | { ok: boolean }> | undefined => {
    if (sender.id !== browser.runtime.id) return undefined;
    if (isTabMessage(message)) return Promise.resolve({ ok: controller!.showPerson(message.id) });
    if (isBroadcastMessage(message) && message.type === 'indexChanged') return takeUpNewIndex();
    return undefined;
  };
  /** The new index's matcher, then a fresh read of the page; on failure the old one stays. */
  const takeUpNewIndex = async (): Promise<{ ok: boolean }> => {
    try {
      const next = await loadMatcher(readStoredTables());
      if (!ctx.isValid) return { ok: false };
      host.dataset.tablesFrom = next.from;
      controller!.useIndex(next.matcher);
      return { ok: true };
    } catch (error) {
      console.warn('[Not Alone] could not load the new name index; this page keeps the one it has.', error);
      return { ok: false };
    }
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

  // A framework that re-renders <body> may drop our host: put it back, shadow root and all.
  ctx.setInterval(() => {
    if (!host.isConnected && document.body) document.body.prepend(host);
  }, 2000);

  ctx.addEventListener(window, 'wxt:locationchange', () => {
    store.update({ theme: detectPageTheme(document) });
    controller?.navigate();
  });

  return {
    apply(next, enabled) {
      store.update({ locale: resolveLanguage(next, navigator.language), markStyle: next.markStyle });
      if (highlightStyle) setHighlightStyle(highlightStyle, next.markStyle);
      controller?.setMarking(markingOf(next, enabled));
    },
  };
}

function isTabMessage(message: unknown): message is TabMessage {
  const m = message as Partial<TabMessage> | null;
  return typeof m === 'object' && m !== null && m.type === 'focusMark' && typeof m.id === 'string';
}

/** Scan state and work counters as data attributes on our host (the e2e tests read them). */
function publishReport(host: HTMLElement, report: ScanReport): void {
  const d = host.dataset;
  d.marks = String(report.markCount);
  d.people = report.ids.join(' ');
  d.longestSliceMs = String(Math.ceil(report.longestMs));
  d.longestEverMs = report.longestEverMs.toFixed(1);
  d.sliceMs = report.sliceMs.toFixed(1);
  d.publishMs = report.publishMs.toFixed(1);
  d.batches = String(report.batches);
  d.fullScans = String(report.fullScans);
  d.blocksRead = String(report.blocksRead);
  d.flowsMatched = String(report.flowsMatched);
  d.scanTotalMs = report.totalMs.toFixed(1);
  d.state = 'ready';
}
