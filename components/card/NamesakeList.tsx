import { useState } from 'preact/hooks';
import type { PrisonerRecord } from '@/lib/index-schema';
import type { Locale } from '@/lib/i18n-strings';
import { STRINGS } from '@/lib/i18n-strings';
import { formatArticle, orderedNames } from '@/lib/format';
import { StatusBadge } from './StatusBadge';
import { PersonDetails } from './PersonDetails';

interface Props {
  records: PrisonerRecord[];
  locale: Locale;
  today: Date;
  copyText?: (text: string) => Promise<void>;
}

/** What tells one namesake from another: birth year, region, case, articles. */
function distinguishing(record: PrisonerRecord, locale: Locale): string {
  const s = STRINGS[locale];
  const parts = [
    record.birthYear ? s.born(record.birthYear) : null,
    record.region,
    record.case,
    record.charges.length > 0 ? record.charges.map((c) => formatArticle(c.article, locale)).join(', ') : null,
  ];
  return parts.filter(Boolean).join(' · ');
}

/**
 * Several people share the name on the page. We never guess which one is meant: all are
 * listed with what sets them apart, and the reader opens the one they recognise.
 */
export function NamesakeList({ records, locale, today, copyText }: Props) {
  const s = STRINGS[locale];
  const [openId, setOpenId] = useState<string | null>(null);
  return (
    <div class="na-namesakes">
      <p class="na-notice">{s.namesakesIntro(records.length)}</p>
      <ul>
        {records.map((r) => {
          const names = orderedNames(r.name, locale);
          const expanded = openId === r.id;
          const panelId = `na-namesake-${r.id}`;
          return (
            <li key={r.id} class="na-namesake">
              <p class="na-namesake-name">
                {names.primary}
                {names.secondary && <span class="na-muted"> · {names.secondary}</span>}
              </p>
              <p class="na-namesake-facts">{distinguishing(r, locale)}</p>
              <StatusBadge status={r.status} asOf={r.statusAsOf} gender={r.gender} locale={locale} />
              <button
                type="button"
                class="na-button na-button--quiet"
                aria-expanded={expanded}
                aria-controls={panelId}
                onClick={() => setOpenId(expanded ? null : r.id)}
              >
                {s.namesakeDetails}
              </button>
              {expanded && (
                <div id={panelId} class="na-namesake-details">
                  <PersonDetails record={r} locale={locale} today={today} copyText={copyText} />
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
