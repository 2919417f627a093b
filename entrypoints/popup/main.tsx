import '@/components/card/card.css';
import '@/components/page-colours.css';
import './style.css';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import bundledIndexJson from '@/data/index.json';
import { Popup } from '@/components/Popup';
import type { PrisonerIndex } from '@/lib/index-schema';
import { loadActiveIndex, type ActiveIndex } from '@/utils/index-store';
import { showOnPage } from '@/components/popup/show-on-page';
import { ask } from '@/utils/messages';
import { EMPTY_STATUS, refreshStatusItem, requestRefresh, updatesConfigured, type RefreshStatus } from '@/utils/refresh';
import { getSettings, resolveLanguage } from '@/utils/settings';

const BUNDLED_INDEX = bundledIndexJson as unknown as PrisonerIndex;

/**
 * The tab the popup is about: the active tab of its window. `?tab=N` names one explicitly
 * (the e2e tests open the popup as a page, which would otherwise be its own active tab).
 */
async function currentTabId(): Promise<number | null> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (openedAsPage() && Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

function openedAsPage(): boolean {
  return new URLSearchParams(location.search).has('tab');
}

function App() {
  const [locale, setLocale] = useState<'en' | 'ru' | null>(null);
  const [active, setActive] = useState<ActiveIndex | null>(null);
  const [status, setStatus] = useState<RefreshStatus>(EMPTY_STATUS);
  const [markedIds, setMarkedIds] = useState<string[] | null>(null);
  const [tabId, setTabId] = useState<number | null>(null);

  const reloadIndex = () => loadActiveIndex(BUNDLED_INDEX, { repair: false }).then(setActive);

  useEffect(() => {
    void getSettings().then((settings) => {
      const lang = resolveLanguage(settings, navigator.language);
      document.documentElement.lang = lang;
      setLocale(lang);
    });
    void reloadIndex();
    void refreshStatusItem.getValue().then(setStatus);
    const unwatch = refreshStatusItem.watch((next) => {
      setStatus(next ?? EMPTY_STATUS);
      if (next?.lastOutcome?.result === 'accepted') void reloadIndex();
    });
    void currentTabId().then(async (id) => {
      setTabId(id);
      if (id === null) return setMarkedIds([]);
      setMarkedIds((await ask({ type: 'getMarked', tabId: id })).ids);
    });
    return unwatch;
  }, []);

  if (!locale || !active) return null;
  return (
    <Popup
      locale={locale}
      active={active}
      status={status}
      markedIds={markedIds}
      updatesConfigured={updatesConfigured()}
      onRefresh={async () => {
        const outcome = await requestRefresh();
        if (outcome.result === 'accepted') await reloadIndex();
        return outcome;
      }}
      onShowOnPage={
        tabId === null
          ? null
          : async (id) => {
              const result = await showOnPage(id, (message) => browser.tabs.sendMessage(tabId, message));
              // The real popup closes so the reader sees the mark; a popup opened as a page stays.
              if (result === 'shown' && !openedAsPage()) window.close();
              return result;
            }
      }
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
      privacyUrl={`${browser.runtime.getURL('/options.html')}#privacy`}
    />
  );
}

render(<App />, document.getElementById('app')!);
