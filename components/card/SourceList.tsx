import type { PrisonerRecord } from '@/lib/index-schema';
import type { Locale } from '@/lib/i18n-strings';
import { STRINGS } from '@/lib/i18n-strings';
import { formatIsoDate } from '@/lib/format';
import { hostLabel, reportErrorUrl, safeHttpsUrl } from './links';

interface Props {
  record: PrisonerRecord;
  locale: Locale;
}

/** Where every fact on the card comes from, with dates, and the way to say it is wrong. */
export function SourceList({ record, locale }: Props) {
  const s = STRINGS[locale];
  const sources = record.sources.flatMap((src) => {
    const href = safeHttpsUrl(src.url);
    return href ? [{ ...src, href }] : [];
  });
  return (
    <div class="na-sources">
      {sources.length > 0 && (
        <>
          <h3 class="na-label">{s.sources}</h3>
          <ul>
            {sources.map((src) => (
              <li key={src.href}>
                <a href={src.href} target="_blank" rel="noopener noreferrer">
                  {hostLabel(src.href)}
                  <span class="na-visually-hidden"> {s.opensInNewTab}</span>
                </a>
                <span class="na-source-date"> · {src.asOf ? formatIsoDate(src.asOf, locale) : s.sourceUndated}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <a class="na-report" href={reportErrorUrl(record.id)} target="_blank" rel="noopener noreferrer">
        {s.reportError}
        <span class="na-visually-hidden"> {s.opensInNewTab}</span>
      </a>
    </div>
  );
}
