/**
 * Which letter services can reach a person. Only people in custody (LETTER_STATUSES) get any;
 * FSIN-pismo only when we matched their facility in the FSIN directory, because it delivers
 * only to facilities it serves.
 */
import { LETTER_STATUSES, type LetterOption, type Status } from '../../lib/index-schema';

export const LETTER_SERVICE_URLS = {
  rosuznik: 'https://rosuznik.org/',
  lettersnow: 'https://lettersnow.org/en',
  'fsin-pismo': 'https://fsin-pismo.ru/client/app/letter/create',
} as const;

/** The person's own Memorial card (memopzk.org/figurant/…), if a source links it. */
export function memorialPage(urls: readonly string[]): string | null {
  return urls.find((u) => /^https:\/\/(?:www\.)?memopzk\.org\/figurant\/[^/?#]+\/?$/.test(u)) ?? null;
}

export function letterOptions(status: Status, urls: readonly string[], facilityMatched: boolean): LetterOption[] {
  if (!LETTER_STATUSES.includes(status)) return [];
  const options: LetterOption[] = [];
  const memorial = memorialPage(urls);
  if (memorial) options.push({ service: 'memorial', url: memorial });
  options.push({ service: 'rosuznik', url: LETTER_SERVICE_URLS.rosuznik });
  options.push({ service: 'lettersnow', url: LETTER_SERVICE_URLS.lettersnow });
  if (facilityMatched) options.push({ service: 'fsin-pismo', url: LETTER_SERVICE_URLS['fsin-pismo'] });
  return options;
}
