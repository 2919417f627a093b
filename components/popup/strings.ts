/**
 * The words of the popup and the options page in English and Russian. A typed table rather
 * than `_locales`, because the reader can choose the language in the options, which
 * `browser.i18n` cannot follow.
 */
import type { RejectionCode } from '@/lib/accept-index';
import type { Locale } from '@/lib/i18n-strings';
import type { FailureCode, RefreshTrigger } from '@/utils/refresh';
import type { MarkStyle } from '@/utils/settings';

export interface UiStrings {
  title: string;
  searchLabel: string;
  searchPlaceholder: string;
  /** Under the empty search field. */
  searchHint: (records: number) => string;
  noResults: (query: string) => string;
  /** Above fuzzy neighbours, when no name matched what was typed. */
  similarOnly: string;
  resultsCount: (n: number) => string;
  resultsShown: (shown: number, total: number) => string;
  back: string;
  onThisPage: string;
  onThisPageNone: string;
  onThisPageCount: (n: number) => string;
  showOnPage: (name: string) => string;
  showOnPageShort: string;
  showOnPageFailed: Record<'not-found' | 'no-answer', string>;
  indexStatus: string;
  indexVersion: (version: number, date: string) => string;
  indexBundled: string;
  indexDownloaded: string;
  lastCheck: string;
  never: string;
  lastError: string;
  checking: string;
  refreshNow: string;
  /** The status line of a build that trusts no signing key. */
  updatesOff: string;
  outcome: {
    accepted: (version: number) => string;
    upToDate: string;
    rejected: Record<RejectionCode, string>;
    failed: Record<FailureCode, string>;
  };
  trigger: Record<RefreshTrigger, string>;
  options: string;
  privacy: string;
  // options page
  optionsTitle: string;
  sitesHeading: string;
  sitesHint: string;
  markStyleHeading: string;
  markStyle: Record<MarkStyle, string>;
  lowConfidenceHeading: string;
  lowConfidence: string;
  lowConfidenceHint: string;
  refreshHeading: string;
  refreshEvery: (hours: number) => string;
  languageHeading: string;
  languageAuto: string;
  saved: string;
  privacyHeading: string;
}

const pluralRu = (n: number, one: string, few: string, many: string) => {
  const c = new Intl.PluralRules('ru').select(n);
  return c === 'one' ? one : c === 'few' ? few : many;
};

const en: UiStrings = {
  title: 'Not Alone',
  searchLabel: 'Search political prisoners',
  searchPlaceholder: 'Name, in Latin or Cyrillic letters',
  searchHint: (n) => `All ${n} people in the index, in any spelling. The down arrow moves to the results, Enter opens a card.`,
  noResults: (q) => `Nobody in the index is called “${q}”. Check the spelling, or try the surname alone.`,
  similarOnly: 'No exact match — similar names:',
  resultsCount: (n) => (n === 1 ? '1 person found' : `${n} people found`),
  resultsShown: (shown, total) => `The first ${shown} of ${total} people. Type more of the name to narrow it down.`,
  back: 'Back to the list',
  onThisPage: 'On this page',
  onThisPageNone: 'Nobody from the index is marked on this tab.',
  onThisPageCount: (n) => (n === 1 ? '1 person marked on this tab' : `${n} people marked on this tab`),
  showOnPage: (name) => `Show ${name} on the page`,
  showOnPageShort: 'Show',
  showOnPageFailed: {
    'not-found': 'That name is no longer marked on the page.',
    'no-answer': 'The page did not answer. Reload it and try again.',
  },
  indexStatus: 'Index',
  indexVersion: (version, date) => `Version ${version}, ${date}`,
  indexBundled: 'shipped with the extension',
  indexDownloaded: 'downloaded update',
  lastCheck: 'Last check',
  never: 'never',
  lastError: 'Last problem',
  checking: 'Checking for a newer index…',
  refreshNow: 'Refresh now',
  updatesOff: 'Updates are not configured in this build: it uses the index it came with, and never downloads one.',
  outcome: {
    accepted: (v) => `Updated to version ${v}.`,
    upToDate: 'The index is up to date.',
    rejected: {
      'too-large': 'Rejected: the downloaded index is too large.',
      'bad-signature': 'Rejected: the signature does not match. The index may have been tampered with.',
      'not-utf8': 'Rejected: the downloaded index is not readable text.',
      'not-json': 'Rejected: the downloaded index is damaged (not valid JSON).',
      schema: 'Rejected: the downloaded index has invalid records.',
      'bad-content-hash': 'Rejected: the records do not match their checksum.',
      'same-version': 'The index is up to date.',
      'older-version': 'Rejected: the downloaded index is older than the one in use.',
      'url-not-allowed': 'Rejected: the downloaded index links to a site that is not allowed.',
    },
    failed: {
      'no-source': 'Updates are not configured in this build.',
      http: 'The index server answered with an error.',
      timeout: 'The index server did not answer in time.',
      network: 'Could not reach the index server.',
      'too-large': 'Stopped: the downloaded index is too large.',
      storage: 'Could not save the new index.',
      interrupted: 'The last check was cut short.',
    },
  },
  trigger: { alarm: 'scheduled', startup: 'at browser start', manual: 'by you' },
  options: 'Options',
  privacy: 'Privacy',
  optionsTitle: 'Not Alone — options',
  sitesHeading: 'Mark names on',
  sitesHint: 'Marking works only on these news sites.',
  markStyleHeading: 'How names are marked',
  markStyle: { underline: 'Underline', background: 'Background colour', icon: 'Small icon after the name' },
  lowConfidenceHeading: 'Uncertain matches',
  lowConfidence: 'Also mark uncertain matches',
  lowConfidenceHint: 'Common names, or spellings that no source printed. Their card says the match is uncertain.',
  refreshHeading: 'Check for a newer index',
  refreshEvery: (h) => (h % 24 === 0 ? (h === 24 ? 'every day' : `every ${h / 24} days`) : `every ${h} hours`),
  languageHeading: 'Language',
  languageAuto: 'Same as the browser',
  saved: 'Saved',
  privacyHeading: 'Privacy',
};

const ru: UiStrings = {
  title: 'Not Alone',
  searchLabel: 'Поиск политзаключённых',
  searchPlaceholder: 'Имя кириллицей или латиницей',
  searchHint: (n) => `Все ${n} ${pluralRu(n, 'человек', 'человека', 'человек')} из списка, в любом написании. Стрелка вниз — к результатам, Enter открывает карточку.`,
  noResults: (q) => `В списке нет никого с именем «${q}». Проверьте написание или введите только фамилию.`,
  similarOnly: 'Точных совпадений нет — похожие имена:',
  resultsCount: (n) => `${pluralRu(n, 'Нашёлся', 'Нашлось', 'Нашлось')} ${n} ${pluralRu(n, 'человек', 'человека', 'человек')}`,
  resultsShown: (shown, total) => `Первые ${shown} из ${total}. Уточните имя, чтобы сузить поиск.`,
  back: 'Назад к списку',
  onThisPage: 'На этой странице',
  onThisPageNone: 'На этой вкладке никто из списка не отмечен.',
  onThisPageCount: (n) => `На этой вкладке ${pluralRu(n, 'отмечен', 'отмечены', 'отмечено')} ${n} ${pluralRu(n, 'человек', 'человека', 'человек')}`,
  showOnPage: (name) => `Показать на странице: ${name}`,
  showOnPageShort: 'Показать',
  showOnPageFailed: {
    'not-found': 'Это имя на странице больше не отмечено.',
    'no-answer': 'Страница не ответила. Обновите её и попробуйте ещё раз.',
  },
  indexStatus: 'Список',
  indexVersion: (version, date) => `Версия ${version}, ${date}`,
  indexBundled: 'встроенный в расширение',
  indexDownloaded: 'загруженное обновление',
  lastCheck: 'Последняя проверка',
  never: 'не было',
  lastError: 'Последняя проблема',
  checking: 'Проверяем, есть ли новый список…',
  refreshNow: 'Обновить сейчас',
  updatesOff: 'В этой сборке обновления не настроены: она пользуется встроенным списком и ничего не загружает.',
  outcome: {
    accepted: (v) => `Обновлено до версии ${v}.`,
    upToDate: 'Список актуален.',
    rejected: {
      'too-large': 'Отклонено: загруженный список слишком большой.',
      'bad-signature': 'Отклонено: подпись не совпадает. Возможно, список подменили.',
      'not-utf8': 'Отклонено: загруженный список не читается как текст.',
      'not-json': 'Отклонено: загруженный список повреждён (неверный JSON).',
      schema: 'Отклонено: в загруженном списке есть неверные записи.',
      'bad-content-hash': 'Отклонено: записи не совпадают с контрольной суммой.',
      'same-version': 'Список актуален.',
      'older-version': 'Отклонено: загруженный список старше того, что используется.',
      'url-not-allowed': 'Отклонено: в загруженном списке есть ссылка на недопустимый сайт.',
    },
    failed: {
      'no-source': 'В этой сборке обновления не настроены.',
      http: 'Сервер списка ответил ошибкой.',
      timeout: 'Сервер списка не ответил вовремя.',
      network: 'Не удалось связаться с сервером списка.',
      'too-large': 'Остановлено: загруженный список слишком большой.',
      storage: 'Не удалось сохранить новый список.',
      interrupted: 'Последняя проверка была прервана.',
    },
  },
  trigger: { alarm: 'по расписанию', startup: 'при запуске браузера', manual: 'вручную' },
  options: 'Настройки',
  privacy: 'Конфиденциальность',
  optionsTitle: 'Not Alone — настройки',
  sitesHeading: 'Отмечать имена на сайтах',
  sitesHint: 'Расширение работает только на этих новостных сайтах.',
  markStyleHeading: 'Как отмечать имена',
  markStyle: { underline: 'Подчёркивание', background: 'Цветной фон', icon: 'Значок после имени' },
  lowConfidenceHeading: 'Неуверенные совпадения',
  lowConfidence: 'Отмечать и неуверенные совпадения',
  lowConfidenceHint: 'Распространённые имена или написания, которых нет в источниках. Карточка предупреждает, что совпадение неточное.',
  refreshHeading: 'Проверять новый список',
  refreshEvery: (h) =>
    h % 24 === 0
      ? h === 24
        ? 'каждый день'
        : `каждые ${h / 24} ${pluralRu(h / 24, 'день', 'дня', 'дней')}`
      : `каждые ${h} ${pluralRu(h, 'час', 'часа', 'часов')}`,
  languageHeading: 'Язык',
  languageAuto: 'Как в браузере',
  saved: 'Сохранено',
  privacyHeading: 'Конфиденциальность',
};

export const UI_STRINGS: Record<Locale, UiStrings> = { en, ru };

/** A date and time in the reader's locale, e.g. "1 Dec 2026, 21:04". */
export function formatDateTime(ms: number, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}
