import type { PrisonerRecord } from '@/lib/index-schema';
import { LETTER_STATUSES } from '@/lib/statuses';
import type { Locale } from '@/lib/i18n-strings';
import { STRINGS } from '@/lib/i18n-strings';
import { formatArticle, formatIsoDate, formatSentence } from '@/lib/format';
import { AddressBlock } from './AddressBlock';
import { LetterSection } from './LetterSection';
import { SourceList } from './SourceList';

interface Props {
  record: PrisonerRecord;
  locale: Locale;
  today: Date;
  copyText?: (text: string) => Promise<void>;
}

/** Everything the card says about one person, below the name and status. */
export function PersonDetails({ record, locale, today, copyText }: Props) {
  const s = STRINGS[locale];
  const sentence = formatSentence(record.sentence, locale);
  const inCustody = LETTER_STATUSES.includes(record.status);
  return (
    <>
      {sentence && (
        <div class="na-fact">
          <h3 class="na-label">{s.sentence}</h3>
          <p>
            {sentence}
            {record.sentenceDate && <span class="na-muted"> · {s.sentenceOn(formatIsoDate(record.sentenceDate, locale))}</span>}
          </p>
        </div>
      )}
      {record.charges.length > 0 && (
        <div class="na-fact">
          <h3 class="na-label">{s.charges}</h3>
          <ul class="na-charges">
            {record.charges.map((c, i) => (
              <li key={`${i}-${c.article}`}>
                <span class="na-article">{formatArticle(c.article, locale)}</span>
                <span class="na-meaning"> — {c[locale] ?? c.en ?? c.ru ?? s.chargeUnknownMeaning}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {record.charges.length === 0 && record.chargeSummary && (
        <div class="na-fact">
          <h3 class="na-label">{s.charges}</h3>
          <p>{record.chargeSummary}</p>
        </div>
      )}
      {inCustody && record.facility && (
        <div class="na-fact">
          <h3 class="na-label">{s.facility}</h3>
          <p>{record.facility}</p>
        </div>
      )}
      {inCustody && <AddressBlock ru={record.address.ru} en={record.address.en} locale={locale} copyText={copyText} />}
      <LetterSection record={record} locale={locale} today={today} />
      <SourceList record={record} locale={locale} />
    </>
  );
}
