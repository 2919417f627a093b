/**
 * Content script on the news sites: asks the background for the matcher, reads the article,
 * marks prisoners' names with the Highlight API, and shows their card.
 */
import './ui.css';
import { render } from 'preact';
import { createMatcher } from '@/lib/matcher';
import { pickLocale } from '@/lib/i18n-strings';
import { ask } from '@/utils/messages';
import { installHighlightStyles } from '@/utils/highlights';
import { OWN_HOST_TAG } from '@/utils/page-text';
import { App } from './App';
import { PageController } from './controller';
import { UiStore } from './ui-store';
import { detectPageTheme } from './page-theme';

/**
 * Must equal NEWS_SITES in wxt.config.ts (a unit test checks). Not imported from there: the
 * config module reads process.env and would drag build code into the page.
 */
export const CONTENT_MATCHES = [
  'https://freedomnews.org.uk/*',
  'https://www.freedomnews.org.uk/*',
  'https://ovd.info/*',
  'https://www.ovd.info/*',
  'https://en.ovdinfo.org/*',
  'https://ovdinfo.org/*',
  'https://zona.media/*',
  'https://en.zona.media/*',
];

export default defineContentScript({
  matches: CONTENT_MATCHES,
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  async main(ctx) {
    let matcher;
    try {
      matcher = createMatcher(await ask({ type: 'getMatcher' }));
    } catch (error) {
      // No index from the background (starting up, or broken): mark nothing rather than guess.
      console.warn('[Not Alone] no name index available; nothing is marked on this page.', error);
      return;
    }
    if (!ctx.isValid) return;

    const store = new UiStore({
      locale: pickLocale(navigator.language),
      theme: detectPageTheme(document),
      marks: [],
      card: null,
      focusedKey: null,
    });
    let controller: PageController | null = null;

    const ui = await createShadowRootUi(ctx, {
      name: OWN_HOST_TAG,
      position: 'inline',
      anchor: 'body',
      append: 'first',
      onMount(container, _shadow, host) {
        installHighlightStyles(host);
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
    controller = new PageController({
      matcher,
      store,
      isOwnNode: (node) => node === host || host.contains(node) || node.getRootNode() === ui.shadow,
      fetchRecords: (ids) => ask({ type: 'getRecords', ids }),
      reportMarked: (ids) => void ask({ type: 'marked', ids }).catch(() => {}),
      signal: ctx.signal,
      // Scan state on the host for tests (the page can see our host and highlights anyway).
      onScanned: (count, ids, longestMs) => {
        host.dataset.marks = String(count);
        host.dataset.people = ids.join(' ');
        host.dataset.longestSliceMs = String(Math.ceil(longestMs));
        host.dataset.state = 'ready';
      },
    });
    ui.mount();
    controller.start();

    // A framework that re-renders <body> may drop our host: put it back, shadow root and all.
    ctx.setInterval(() => {
      if (!host.isConnected && document.body) document.body.prepend(host);
    }, 2000);

    ctx.addEventListener(window, 'wxt:locationchange', () => {
      store.update({ theme: detectPageTheme(document) });
      controller?.navigate();
    });
  },
});
