/**
 * The toolbar popup: search every prisoner in the index, the people marked on the current
 * tab, and the index status with "Refresh now". A chosen person opens the same card the page
 * shows. Everything the popup needs is passed in, so tests can render it without a browser.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { Card } from '@/components/Card';
import type { PrisonerRecord } from '@/lib/index-schema';
import type { Locale } from '@/lib/i18n-strings';
import type { ActiveIndex } from '@/utils/index-store';
import type { RefreshOutcome, RefreshStatus } from '@/utils/refresh';
import { IndexStatus } from './popup/IndexStatus';
import { ResultList } from './popup/ResultList';
import type { ShowOnPageResult } from './popup/show-on-page';
import { createPersonSearch } from './popup/search';
import { UI_STRINGS } from './popup/strings';

export interface PopupProps {
  locale: Locale;
  active: ActiveIndex;
  status: RefreshStatus;
  /** Ids marked on the current tab; null while unknown (or no tab). */
  markedIds: string[] | null;
  /** False in a build that trusts no index signing key (see IndexStatus). */
  updatesConfigured: boolean;
  onRefresh: () => Promise<RefreshOutcome>;
  /** Scrolls the tab to a person's first mark (null when there is no tab to talk to). */
  onShowOnPage: ((id: string) => Promise<ShowOnPageResult>) | null;
  onOpenOptions: () => void;
  privacyUrl: string;
}

const SEARCH_DEBOUNCE_MS = 120;

export function Popup({ locale, active, status, markedIds, updatesConfigured, onRefresh, onShowOnPage, onOpenOptions, privacyUrl }: PopupProps) {
  const s = UI_STRINGS[locale];
  const records = active.index.records;
  const search = useMemo(() => createPersonSearch(records), [records]);
  const byId = useMemo(() => new Map(records.map((r) => [r.id, r])), [records]);
  const [query, setQuery] = useState('');
  const [debounced, setDebounced] = useState('');
  const [open, setOpen] = useState<PrisonerRecord | null>(null);
  const [showProblem, setShowProblem] = useState<string>('');
  const searchInput = useRef<HTMLInputElement>(null);
  const returnFocus = useRef<string | null>(null);

  useEffect(() => {
    const t = setTimeout(() => setDebounced(query), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [query]);

  const hits = useMemo(() => (debounced.trim() ? search.search(debounced, 20) : []), [search, debounced]);
  const marked = useMemo(() => (markedIds ?? []).flatMap((id) => byId.get(id) ?? []), [markedIds, byId]);

  const openCard = (record: PrisonerRecord) => {
    returnFocus.current = record.id;
    setOpen(record);
  };
  const closeCard = () => setOpen(null);
  const showOnPage = onShowOnPage
    ? async (record: PrisonerRecord) => {
        setShowProblem('');
        const result = await onShowOnPage(record.id);
        if (result !== 'shown') setShowProblem(s.showOnPageFailed[result]);
      }
    : undefined;

  useEffect(() => {
    if (open) return;
    // Back from a card: focus returns to the result that opened it.
    const id = returnFocus.current;
    const target = id ? document.querySelector<HTMLElement>(`[data-person-id="${CSS.escape(id)}"]`) : null;
    (target ?? searchInput.current)?.focus();
  }, [open]);

  if (open) {
    return (
      <main class="popup popup--card" lang={locale}>
        <button type="button" class="popup-back" onClick={closeCard} onKeyDown={(e) => e.key === 'Escape' && closeCard()}>
          ← {s.back}
        </button>
        <div class="na-root" onKeyDown={(e) => e.key === 'Escape' && closeCard()}>
          <div role="dialog" aria-labelledby="popup-card-title">
            <Card content={{ state: 'ready', records: [open] }} locale={locale} headingId="popup-card-title" onClose={closeCard} />
          </div>
        </div>
      </main>
    );
  }

  return (
    <main class="popup" lang={locale}>
      <header class="popup-header">
        <h1>{s.title}</h1>
        <nav class="popup-links">
          <a
            href="#"
            onClick={(e) => {
              e.preventDefault();
              onOpenOptions();
            }}
          >
            {s.options}
          </a>
          <a href={privacyUrl} target="_blank" rel="noreferrer">
            {s.privacy}
          </a>
        </nav>
      </header>

      <section class="popup-search" aria-label={s.searchLabel}>
        <label for="popup-search-input" class="visually-hidden">
          {s.searchLabel}
        </label>
        <input
          id="popup-search-input"
          ref={searchInput}
          type="search"
          autoComplete="off"
          spellcheck={false}
          placeholder={s.searchPlaceholder}
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
        {debounced.trim() !== '' && (
          <div class="popup-results" data-testid="search-results">
            <p class="popup-count" role="status">
              {hits.length === 0 ? s.noResults : s.resultsCount(hits.length)}
            </p>
            <ResultList hits={hits} locale={locale} onOpen={openCard} />
          </div>
        )}
      </section>

      <section class="popup-page" aria-labelledby="popup-page-title" data-testid="on-this-page">
        <h2 id="popup-page-title">{s.onThisPage}</h2>
        <p class="popup-count" data-testid="marked-count">
          {marked.length === 0 ? s.onThisPageNone : s.onThisPageCount(marked.length)}
        </p>
        {marked.length > 0 && <ResultList hits={marked.map((record) => ({ record }))} locale={locale} onOpen={openCard} onShowOnPage={showOnPage} />}
        <p class="popup-problem" role="status" data-testid="show-problem">
          {showProblem}
        </p>
      </section>

      <IndexStatus locale={locale} active={active} status={status} updatesConfigured={updatesConfigured} onRefresh={onRefresh} />
    </main>
  );
}
