/**
 * The words of the popup and the options page in English and Russian. A typed table rather
 * than `_locales`, because the reader can choose the language in the options, which
 * `browser.i18n` cannot follow.
 */
import type { RejectionCode } from '@/lib/accept-index';
import type { Locale } from '@/lib/i18n-strings';
import type { SiteProblem } from '@/lib/site-pattern';
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
  // options page: the reader's own news sites
  customSitesHeading: string;
  customSitesHint: string;
  customSitesNone: string;
  customSiteField: string;
  customSiteExample: string;
  customSiteAdd: string;
  customSiteRemove: string;
  /** The Remove button's accessible name: the visible word plus the site. */
  customSiteRemoveLabel: (host: string) => string;
  customSiteProblem: Record<SiteProblem, string>;
  customSiteWaiting: (host: string) => string;
  customSiteDenied: (host: string) => string;
  customSiteFailed: (host: string) => string;
  customSiteAdded: (host: string) => string;
  customSiteRemoved: (host: string) => string;
  customSiteRemoveFailed: (host: string) => string;
  /** The sites are allowed but 'scripting' is not (revoked in the browser): nothing runs there. */
  customSitesNeedAccess: string;
  customSitesAllowAgain: string;
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
  sitesHint: 'Marking works on these news sites and on the ones you add below.',
  customSitesHeading: 'Other news sites',
  customSitesHint:
    'Add a news site you read, and names are marked there too. Your browser asks you to allow access to that one site; you can remove it here at any time. Untick a site to pause marking there.',
  customSitesNone: 'No other sites yet.',
  customSiteField: 'Address of a site or one of its articles',
  customSiteExample: 'https://news.example/2024/an-article',
  customSiteAdd: 'Add site',
  customSiteRemove: 'Remove',
  customSiteRemoveLabel: (host) => `Remove ${host}`,
  customSiteProblem: {
    empty: 'Type the address of a news site, or paste a link to one of its articles.',
    'not-https': 'Only sites whose address starts with https:// can be added.',
    wildcard: 'Add one site at a time, without “*”.',
    'not-public': 'That is the address of a device or a local network, not of a news site.',
    invalid: 'That does not look like a web address. Copy it from the address bar of the site.',
    'built-in': 'Not Alone already works on that site.',
    'already-added': 'That site is already in your list.',
  },
  customSiteWaiting: (host) => `Waiting for your answer to the browser’s question about ${host}…`,
  customSiteDenied: (host) => `Access to ${host} was not allowed, so it was not added.`,
  customSiteFailed: (host) => `Could not add ${host}. Reload this page and try again.`,
  customSiteAdded: (host) => `Added ${host}: names are marked on its pages.`,
  customSiteRemoved: (host) => `Removed ${host}. Its marks are gone from open tabs too.`,
  customSiteRemoveFailed: (host) => `Could not remove ${host}. Reload this page and try again.`,
  customSitesNeedAccess: 'The browser no longer lets Not Alone run on these sites, so nothing is marked there.',
  customSitesAllowAgain: 'Allow again',
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
  sitesHint: 'Расширение работает на этих новостных сайтах и на тех, что вы добавите ниже.',
  customSitesHeading: 'Другие новостные сайты',
  customSitesHint:
    'Добавьте новостной сайт, который вы читаете, — имена будут отмечаться и на нём. Браузер попросит разрешить доступ только к этому сайту; убрать его можно здесь в любой момент. Снимите флажок, чтобы не отмечать имена на сайте.',
  customSitesNone: 'Других сайтов пока нет.',
  customSiteField: 'Адрес сайта или одной из его статей',
  customSiteExample: 'https://news.example/2024/statya',
  customSiteAdd: 'Добавить сайт',
  customSiteRemove: 'Убрать',
  customSiteRemoveLabel: (host) => `Убрать ${host}`,
  customSiteProblem: {
    empty: 'Введите адрес новостного сайта или вставьте ссылку на одну из его статей.',
    'not-https': 'Добавить можно только сайты, адрес которых начинается с https://.',
    wildcard: 'Добавляйте сайты по одному, без «*».',
    'not-public': 'Это адрес устройства или локальной сети, а не новостного сайта.',
    invalid: 'Это не похоже на адрес сайта. Скопируйте его из адресной строки.',
    'built-in': 'Not Alone уже работает на этом сайте.',
    'already-added': 'Этот сайт уже есть в вашем списке.',
  },
  customSiteWaiting: (host) => `Ждём вашего ответа на вопрос браузера о доступе к ${host}…`,
  customSiteDenied: (host) => `Доступ к ${host} не разрешён, поэтому сайт не добавлен.`,
  customSiteFailed: (host) => `Не удалось добавить ${host}. Обновите эту страницу и попробуйте ещё раз.`,
  customSiteAdded: (host) => `Сайт ${host} добавлен: имена на его страницах будут отмечены.`,
  customSiteRemoved: (host) => `Сайт ${host} убран. Отметки исчезли и в уже открытых вкладках.`,
  customSiteRemoveFailed: (host) => `Не удалось убрать ${host}. Обновите эту страницу и попробуйте ещё раз.`,
  customSitesNeedAccess: 'Браузер больше не разрешает Not Alone работать на этих сайтах, поэтому имена там не отмечаются.',
  customSitesAllowAgain: 'Разрешить снова',
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
