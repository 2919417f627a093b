import type { Status } from '@/lib/index-schema';
import type { Locale } from '@/lib/i18n-strings';
import { STRINGS } from '@/lib/i18n-strings';
import { formatIsoDate, statusLabel } from '@/lib/format';

interface Props {
  status: Status;
  asOf: string | null;
  gender: 'm' | 'f' | null;
  locale: Locale;
}

/** The person's situation in one glance, with the date the sources say it was so. */
export function StatusBadge({ status, asOf, gender, locale }: Props) {
  return (
    <p class="na-status">
      <span class={`na-badge na-badge--${status}`}>{statusLabel(status, locale, gender)}</span>
      {asOf && <span class="na-asof">{STRINGS[locale].statusAsOf(formatIsoDate(asOf, locale))}</span>}
    </p>
  );
}
