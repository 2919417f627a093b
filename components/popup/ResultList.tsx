/** A list of people (search results or the tab's marks); each opens the card. */
import type { PrisonerRecord } from '@/lib/index-schema';
import type { Locale } from '@/lib/i18n-strings';
import { orderedNames, statusLabel } from '@/lib/format';
import { highlightName, type SearchHit } from './search';
import { UI_STRINGS } from './strings';

export interface ResultListProps {
  /** Search hits highlight their match; plain records (the tab's marks) do not. */
  hits: (Pick<SearchHit, 'record'> & Partial<Pick<SearchHit, 'fields' | 'queryWords'>>)[];
  locale: Locale;
  onOpen: (record: PrisonerRecord) => void;
  /** With it, every entry also gets a "show on the page" button (the tab's marks). */
  onShowOnPage?: (record: PrisonerRecord) => void;
}

export function ResultList({ hits, locale, onOpen, onShowOnPage }: ResultListProps) {
  const s = UI_STRINGS[locale];
  return (
    <ul class={onShowOnPage ? 'popup-list popup-list--page' : 'popup-list'}>
      {hits.map((hit) => {
        const { primary, secondary } = orderedNames(hit.record.name, locale);
        return (
          <li key={hit.record.id}>
            <button type="button" class="popup-person" data-person-id={hit.record.id} onClick={() => onOpen(hit.record)}>
              <span class="popup-person-name">
                <Highlighted text={primary} hit={hit} />
              </span>
              {secondary && (
                <span class="popup-person-alt">
                  <Highlighted text={secondary} hit={hit} />
                </span>
              )}
              <span class="popup-person-status">{statusLabel(hit.record.status, locale, hit.record.gender)}</span>
            </button>
            {onShowOnPage && (
              <button
                type="button"
                class="popup-show"
                data-show-id={hit.record.id}
                aria-label={s.showOnPage(primary)}
                title={s.showOnPage(primary)}
                onClick={() => onShowOnPage(hit.record)}
              >
                {s.showOnPageShort}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function Highlighted({ text, hit }: { text: string; hit: ResultListProps['hits'][number] }) {
  if (!hit.fields || !hit.queryWords) return <>{text}</>;
  const parts = highlightName(text, { record: hit.record, fields: hit.fields, queryWords: hit.queryWords });
  return <>{parts.map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : p.text))}</>;
}
