/**
 * The card about the person (or people) behind one mark. A view only: the content script
 * places it next to the name, the popup shows it in its own page. Every string from a record
 * is rendered as text.
 */
import type { PrisonerRecord } from '@/lib/index-schema';
import type { Locale } from '@/lib/i18n-strings';
import { STRINGS } from '@/lib/i18n-strings';
import { orderedNames } from '@/lib/format';
import { StatusBadge } from './card/StatusBadge';
import { PersonDetails } from './card/PersonDetails';
import { NamesakeList } from './card/NamesakeList';

export type CardContent =
  | { state: 'loading' }
  | { state: 'error' }
  | { state: 'ready'; records: PrisonerRecord[] };

export interface CardProps {
  content: CardContent;
  locale: Locale;
  /** The mark rests on weak evidence (common name, derived spelling): the card says so. */
  lowConfidence?: boolean;
  onClose?: () => void;
  /** For the birthday line; tests pass a fixed day. */
  today?: Date;
  /** id for the dialog's heading, so `aria-labelledby` can point at it. */
  headingId?: string;
  copyText?: (text: string) => Promise<void>;
}

export function Card({ content, locale, lowConfidence = false, onClose, today = new Date(), headingId = 'na-card-title', copyText }: CardProps) {
  const s = STRINGS[locale];
  const records = content.state === 'ready' ? content.records : [];
  const single = records.length === 1 ? records[0] : undefined;
  const names = single ? orderedNames(single.name, locale) : null;
  const otherScript = locale === 'ru' ? 'en' : 'ru';
  const headingText = () => {
    if (names) return names.primary;
    if (records.length > 1) return s.namesakesTitle(records.length);
    return content.state === 'loading' ? s.loading : s.cardLabel;
  };
  return (
    <div class="na-card" lang={locale}>
      <div class="na-header">
        <div class="na-heading">
          <p class="na-kicker">{s.cardLabel}</p>
          <h2 id={headingId} class="na-name" lang={names && single?.name[locale] ? locale : otherScript}>
            {headingText()}
          </h2>
          {names?.secondary && (
            <p class="na-name-alt" lang={otherScript}>
              {names.secondary}
              {single?.birthYear ? <span class="na-muted"> · {s.born(single.birthYear)}</span> : null}
            </p>
          )}
          {names && !names.secondary && single?.birthYear ? <p class="na-name-alt">{s.born(single.birthYear)}</p> : null}
        </div>
        {onClose && (
          // No `title`: it would only repeat the name, read a second time as the description.
          <button type="button" class="na-close" aria-label={s.close} onClick={onClose}>
            <span aria-hidden="true">×</span>
          </button>
        )}
      </div>
      {lowConfidence && content.state === 'ready' && <p class="na-notice na-notice--low">{s.lowConfidence}</p>}
      <div class="na-body">
        {content.state === 'loading' && <div class="na-skeleton" aria-busy="true" aria-label={s.loading} />}
        {content.state === 'error' && <p class="na-notice">{s.loadFailed}</p>}
        {content.state === 'ready' && records.length === 0 && <p class="na-notice">{s.notFound}</p>}
        {single && (
          <>
            <StatusBadge status={single.status} asOf={single.statusAsOf} gender={single.gender} locale={locale} />
            <PersonDetails record={single} locale={locale} today={today} copyText={copyText} />
          </>
        )}
        {records.length > 1 && <NamesakeList records={records} locale={locale} today={today} copyText={copyText} />}
      </div>
    </div>
  );
}
