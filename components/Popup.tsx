/**
 * The toolbar popup: search every prisoner in the index, the people marked on the current
 * tab, and the index status with "Refresh now". A chosen person opens the same card the page
 * shows. Everything the popup needs is passed in, so tests can render it without a browser.
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { Card } from '@/components/Card';
import type { PrisonerRecord } from '@/lib/index-schema';
import type { Locale } from '@/lib/i18n-strings';
import type { ActiveIndex } from '@/utils/index-store';
import type { RefreshOutcome, RefreshStatus } from '@/utils/refresh';
import { IndexStatus } from './popup/IndexStatus';
import { ResultList } from './popup/ResultList';
import type { ShowOnPageResult } from './popup/show-on-page';
import { createPersonSearch, type SearchResult } from './popup/search';
import { UI_STRINGS, type UiStrings } from './popup/strings';

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

/** How many results the list shows; the count line says when there are more. */
const RESULT_LIMIT = 20;

export function Popup({ locale, active, status, markedIds, updatesConfigured, onRefresh, onShowOnPage, onOpenOptions, privacyUrl }: PopupProps) {
  const s = UI_STRINGS[locale];
  const records = active.index.records;
  const search = useMemo(() => createPersonSearch(records), [records]);
  const byId = useMemo(() => new Map(records.map((r) => [r.id, r])), [records]);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<PrisonerRecord | null>(null);
  const [showProblem, setShowProblem] = useState<string>('');
  const searchInput = useRef<HTMLInputElement>(null);
  const resultList = useRef<HTMLDivElement>(null);
  const cardDialog = useRef<HTMLDivElement>(null);
  const returnFocus = useRef<string | null>(null);

  // No debounce: a keystroke's search takes well under a frame on the bundled index.
  const result = useMemo(() => (query.trim() ? search.search(query, RESULT_LIMIT) : null), [search, query]);
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
  const focusSearch = () => searchInput.current?.focus();

  // A layout effect: focus moves in the same task as the view changes, so nothing (a screen
  // reader, a key pressed at once) ever meets the focus fallen to the page's body in between.
  useLayoutEffect(() => {
    if (open) {
      cardDialog.current?.focus();
      // Esc goes back to the list wherever focus is inside the card.
      const onKey = (e: KeyboardEvent) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        closeCard();
      };
      document.addEventListener('keydown', onKey);
      return () => document.removeEventListener('keydown', onKey);
    }
    // Back from a card: focus returns to the result that opened it.
    const id = returnFocus.current;
    const target = id ? document.querySelector<HTMLElement>(`[data-person-id="${CSS.escape(id)}"]`) : null;
    (target ?? searchInput.current)?.focus();
    return undefined;
  }, [open]);

  const onSearchKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' && result && result.hits.length > 0) {
      e.preventDefault();
      resultList.current?.querySelector<HTMLElement>('.popup-person')?.focus();
    } else if (e.key === 'Enter' && result?.hits[0]) {
      e.preventDefault();
      openCard(result.hits[0].record);
    } else if (e.key === 'Escape' && query !== '') {
      // Clears the field; with an empty field Esc is left to the browser (it closes the popup).
      e.preventDefault();
      setQuery('');
    }
  };

  if (open) {
    // Back is inside the dialog, and the dialog itself takes focus: entering the card says
    // whose card it is ("Aleksandr Bakhtin, dialog"), and Tab then reaches Back first.
    return (
      <main class="popup popup--card" lang={locale}>
        <div class="na-root">
          <div role="dialog" aria-labelledby="popup-card-title" tabIndex={-1} ref={cardDialog} class="popup-dialog">
            <button type="button" class="popup-back" onClick={closeCard}>
              <span aria-hidden="true">← </span>
              {s.back}
            </button>
            <Card content={{ state: 'ready', records: [open] }} locale={locale} headingId="popup-card-title" onClose={closeCard} />
          </div>
        </div>
      </main>
    );
  }

  return (
    <main class="popup na-root" lang={locale}>
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

      {/*
        Said once: a search landmark with no name of its own, and a field named by aria-label
        (a visually hidden <label> would also be read as a line of text in browse mode).
      */}
      <section class="popup-search" role="search">
        <input
          id="popup-search-input"
          ref={searchInput}
          type="search"
          aria-label={s.searchLabel}
          autoComplete="off"
          spellcheck={false}
          placeholder={s.searchPlaceholder}
          aria-describedby="popup-search-hint"
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={onSearchKey}
        />
        <p id="popup-search-hint" class={result ? 'visually-hidden' : 'popup-hint'}>
          {s.searchHint(records.length)}
        </p>
        {/* Always in the tree, so screen readers announce each new summary. */}
        <p
          id="popup-results-summary"
          class={result && !(result.hits.length === 1 && !result.similar) ? 'popup-count' : 'visually-hidden'}
          role="status"
          data-testid="results-summary"
        >
          {result ? summarize(result, query, s) : ''}
        </p>
        {result && result.hits.length > 0 && (
          <div class="popup-results" data-testid="search-results" data-similar={result.similar ? 'true' : 'false'} ref={resultList}>
            <ResultList hits={result.hits} locale={locale} onOpen={openCard} onLeave={focusSearch} onType={focusSearch} labelledBy="popup-results-summary" />
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

/** The line above the results: why these people, and how many when that helps. */
function summarize(result: SearchResult, query: string, s: UiStrings): string {
  if (result.hits.length === 0) return s.noResults(query.trim());
  if (result.similar) return s.similarOnly;
  if (result.total > result.hits.length) return s.resultsShown(result.hits.length, result.total);
  return s.resultsCount(result.total);
}
