import type { LetterOption, PrisonerRecord } from '@/lib/index-schema';
import { LETTER_STATUSES } from '@/lib/statuses';
import type { Locale } from '@/lib/i18n-strings';
import { STRINGS } from '@/lib/i18n-strings';
import { daysUntilBirthday } from '@/lib/format';
import { safeHttpsUrl } from './links';

/** Services in the order we offer them: the one that delivers most directly first. */
const SERVICE_ORDER: LetterOption['service'][] = ['lettersnow', 'rosuznik', 'fsin-pismo', 'memorial'];

interface Props {
  record: PrisonerRecord;
  locale: Locale;
  today: Date;
}

/** True when someone can still receive letters in a Russian facility. */
export function canWriteTo(record: PrisonerRecord): boolean {
  return LETTER_STATUSES.includes(record.status);
}

/**
 * "Write a letter": one primary action, the other services beside it, a reminder of what the
 * censor lets through, and the birthday when it is close. Nothing for people not in custody.
 */
export function LetterSection({ record, locale, today }: Props) {
  if (!canWriteTo(record)) return null;
  const s = STRINGS[locale];
  const options = [...record.letters]
    .filter((o) => safeHttpsUrl(o.url))
    .sort((a, b) => SERVICE_ORDER.indexOf(a.service) - SERVICE_ORDER.indexOf(b.service));
  const days = daysUntilBirthday(record.birthDate, today);
  if (options.length === 0 && days === null) return null;
  const [primary, ...others] = options;
  return (
    <section class="na-letters" aria-label={s.writeLetter}>
      {days !== null && <p class="na-birthday">{days === 0 ? s.birthdayToday : s.birthdayIn(days)}</p>}
      {primary && (
        <a class="na-primary" href={safeHttpsUrl(primary.url)!} target="_blank" rel="noopener noreferrer">
          {s.writeLetter}
          <span class="na-primary-service">{s.letterService[primary.service]}</span>
          <span class="na-visually-hidden"> {s.opensInNewTab}</span>
        </a>
      )}
      {others.length > 0 && (
        <ul class="na-letter-others">
          {others.map((o) => (
            <li key={o.service + o.url}>
              <a href={safeHttpsUrl(o.url)!} target="_blank" rel="noopener noreferrer">
                {s.letterService[o.service]}
                <span class="na-visually-hidden"> {s.opensInNewTab}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
      <p class="na-rules">{s.letterRules}</p>
    </section>
  );
}
