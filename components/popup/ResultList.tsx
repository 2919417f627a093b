/**
 * A list of people (search results or the tab's marks); each opens the card. Arrow keys move
 * between the people, Home/End jump to the ends; the list's owner decides what Esc and
 * "up from the first" do (the search list hands focus back to the search field).
 */
import type { TargetedKeyboardEvent } from 'preact';
import type { PrisonerRecord } from '@/lib/index-schema';
import type { Locale } from '@/lib/i18n-strings';
import { orderedNames, statusLabel } from '@/lib/format';
import { highlightName, type SearchHit } from './search';
import { UI_STRINGS } from './strings';

export interface ResultListProps {
  /** Search hits highlight what matched; plain records (the tab's marks) do not. */
  hits: (Pick<SearchHit, 'record'> & Partial<Pick<SearchHit, 'matches'>>)[];
  locale: Locale;
  onOpen: (record: PrisonerRecord) => void;
  /** With it, every entry also gets a "show on the page" button (the tab's marks). */
  onShowOnPage?: (record: PrisonerRecord) => void;
  /** Up from the first person, or Esc: where focus goes instead (the search field). */
  onLeave?: () => void;
  /** A letter typed on a person: the search field takes focus so the letter lands there. */
  onType?: () => void;
  /** id of the line that names the list (the search summary). */
  labelledBy?: string;
}

const PERSON = '.popup-person';

export function ResultList({ hits, locale, onOpen, onShowOnPage, onLeave, onType, labelledBy }: ResultListProps) {
  const s = UI_STRINGS[locale];

  const onKeyDown = (e: TargetedKeyboardEvent<HTMLUListElement>) => {
    const people = [...e.currentTarget.querySelectorAll<HTMLElement>(PERSON)];
    const at = people.indexOf(document.activeElement as HTMLElement);
    if (at < 0) return;
    const focus = (i: number) => {
      e.preventDefault();
      people[Math.max(0, Math.min(people.length - 1, i))]?.focus();
    };
    if (e.key === 'ArrowDown') focus(at + 1);
    else if (e.key === 'ArrowUp') {
      if (at === 0 && onLeave) {
        e.preventDefault();
        onLeave();
      } else focus(at - 1);
    } else if (e.key === 'Home') focus(0);
    else if (e.key === 'End') focus(people.length - 1);
    else if (e.key === 'Escape' && onLeave) {
      e.preventDefault();
      onLeave();
    } else if (onType && (e.key.length === 1 || e.key === 'Backspace') && e.key !== ' ' && !e.ctrlKey && !e.metaKey && !e.altKey) onType();
  };

  return (
    <ul aria-labelledby={labelledBy} class={onShowOnPage ? 'popup-list popup-list--page' : 'popup-list'} onKeyDown={onKeyDown}>
      {hits.map((hit) => {
        const { primary, secondary } = orderedNames(hit.record.name, locale);
        const primaryLang = primaryScript(hit.record.name, locale);
        return (
          <li key={hit.record.id}>
            <button type="button" class="popup-person" data-person-id={hit.record.id} onClick={() => onOpen(hit.record)}>
              <span class="popup-person-name" lang={primaryLang}>
                <Highlighted text={primary} hit={hit} />
              </span>
              <span class={`popup-badge na-badge na-badge--${hit.record.status}`} data-status={hit.record.status}>
                {statusLabel(hit.record.status, locale, hit.record.gender)}
              </span>
              {secondary && (
                <span class="popup-person-alt" lang={primaryLang === 'ru' ? 'en' : 'ru'}>
                  <Highlighted text={secondary} hit={hit} />
                </span>
              )}
            </button>
            {onShowOnPage && (
              <button
                type="button"
                class="popup-show"
                data-show-id={hit.record.id}
                aria-label={s.showOnPage(primary)}
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

/** The script of the name shown first: the reader's, when the record has it. */
function primaryScript(name: PrisonerRecord['name'], locale: Locale): Locale {
  if (locale === 'ru') return name.ru ? 'ru' : 'en';
  return name.en ? 'en' : 'ru';
}

function Highlighted({ text, hit }: { text: string; hit: ResultListProps['hits'][number] }) {
  if (!hit.matches) return <>{text}</>;
  const parts = highlightName(text, { record: hit.record, matches: hit.matches });
  return <>{parts.map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : p.text))}</>;
}
