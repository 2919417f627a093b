/**
 * The card's (and popup's) words in English and Russian. A plain typed table rather than WXT
 * i18n, because content scripts cannot pick a language other than the browser's and the table
 * must be importable from tests and pure code alike.
 */
import type { Status } from './index-schema';

export type Locale = 'en' | 'ru';

/** The reader's language: Russian for any `ru*` tag, English otherwise. */
export function pickLocale(languageTag: string | undefined | null): Locale {
  return languageTag?.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

/** Chooses a plural form with the locale's CLDR rules (ru: one / few / many / other). */
export function pluralForm(count: number, locale: Locale, forms: PluralForms): string {
  const category = new Intl.PluralRules(locale).select(count);
  if (category === 'one') return forms.one;
  if (category === 'few') return forms.few ?? forms.other;
  if (category === 'many') return forms.many ?? forms.other;
  return forms.other;
}

/** English needs `one` and `other`; Russian also `few` and `many` (`other` covers fractions). */
export interface PluralForms {
  one: string;
  few?: string;
  many?: string;
  other: string;
}

export interface Strings {
  status: Record<Status, string>;
  /** Where the language marks gender (Russian past tense), the forms for women. */
  statusFemale: Partial<Record<Status, string>>;
  statusAsOf: (date: string) => string;
  sentence: string;
  sentenceOn: (date: string) => string;
  charges: string;
  chargeUnknownMeaning: string;
  facility: string;
  address: string;
  copy: string;
  copied: string;
  copyFailed: string;
  writeLetter: string;
  letterService: Record<'memorial' | 'rosuznik' | 'lettersnow' | 'fsin-pismo', string>;
  letterRules: string;
  birthdayToday: string;
  birthdayIn: (days: number) => string;
  sources: string;
  sourceUndated: string;
  reportError: string;
  close: string;
  loading: string;
  loadFailed: string;
  notFound: string;
  born: (year: number) => string;
  lowConfidence: string;
  namesakesTitle: (count: number) => string;
  namesakesIntro: (count: number) => string;
  namesakeDetails: string;
  years: PluralForms;
  months: PluralForms;
  /** Name of the landmark around the keyboard entry: distinct people, and how many marks in all. */
  marksOnPage: (people: number, marks: number) => string;
  /** Name of the toolbar inside it that steps through the marks. */
  marksToolbar: string;
  /** Accessible name of one mark's keyboard proxy: the page's own words and the place. */
  markProxy: (name: string, position: number, count: number) => string;
  /** The proxy's description: its keys, in words (a screen reader reads no arrow symbols). */
  markProxyKeys: string;
  /** The visible key hint under the proxy, for sighted keyboard users. */
  markProxyHint: string;
  cardLabel: string;
  opensInNewTab: string;
}

const en: Strings = {
  status: {
    imprisoned: 'In custody',
    pretrial: 'In pretrial detention',
    house_arrest: 'Under house arrest',
    released: 'Released',
    fled: 'Left Russia',
    exchanged: 'Freed in an exchange',
    deceased: 'Died',
    unknown: 'Status unknown',
  },
  statusFemale: {},
  statusAsOf: (date) => `as of ${date}`,
  sentence: 'Sentence',
  sentenceOn: (date) => `handed down ${date}`,
  charges: 'Charged under',
  chargeUnknownMeaning: 'Russian Criminal Code',
  facility: 'Held in',
  address: 'Postal address',
  copy: 'Copy address',
  copied: 'Copied',
  copyFailed: 'Could not copy: select the address and copy it by hand',
  writeLetter: 'Write a letter',
  letterService: {
    memorial: 'Memorial: how to write',
    rosuznik: 'RosUznik letters',
    lettersnow: 'OVD-Info letters',
    'fsin-pismo': 'FSIN-pismo (electronic letter)',
  },
  letterRules:
    'Prison censors read every letter: write about everyday life, books and support, not about the war, politics or the case.',
  birthdayToday: 'Birthday today: a postcard helps',
  birthdayIn: (days) => `Birthday in ${days} ${days === 1 ? 'day' : 'days'}: a postcard helps`,
  sources: 'Sources',
  sourceUndated: 'undated',
  reportError: 'Report an error',
  close: 'Close',
  loading: 'Loading…',
  loadFailed: 'The details could not be loaded.',
  notFound: 'This person is no longer in the index.',
  born: (year) => `born ${year}`,
  lowConfidence: 'Possible match: the name is common and this page says little else about the person. Check before acting.',
  namesakesTitle: (count) => `${count} people with this name`,
  namesakesIntro: (count) => `${count} people in the index share this name. It is not clear which one the page means:`,
  namesakeDetails: 'Details',
  years: { one: 'year', other: 'years' },
  months: { one: 'month', other: 'months' },
  marksOnPage: (people, marks) =>
    `Not Alone: ${people} ${people === 1 ? 'political prisoner' : 'political prisoners'} named on this page, ${marks} ${marks === 1 ? 'mention' : 'mentions'}`,
  marksToolbar: 'Marked names',
  markProxy: (name, position, count) => `${name}, ${position} of ${count}`,
  markProxyKeys: 'Enter: details. Down arrow: next name, Up arrow: previous.',
  markProxyHint: 'Enter: details · ↑ ↓: next name · Esc: close',
  cardLabel: 'Political prisoner',
  opensInNewTab: '(opens in a new tab)',
};

const ru: Strings = {
  status: {
    imprisoned: 'В заключении',
    pretrial: 'В СИЗО до приговора',
    house_arrest: 'Под домашним арестом',
    released: 'На свободе',
    fled: 'Уехал из России',
    exchanged: 'Освобождён при обмене',
    deceased: 'Умер',
    unknown: 'Статус неизвестен',
  },
  statusFemale: { fled: 'Уехала из России', exchanged: 'Освобождена при обмене', deceased: 'Умерла' },
  statusAsOf: (date) => `на ${date}`,
  sentence: 'Приговор',
  sentenceOn: (date) => `вынесен ${date}`,
  charges: 'Статьи',
  chargeUnknownMeaning: 'Уголовный кодекс РФ',
  facility: 'Где находится',
  address: 'Почтовый адрес',
  copy: 'Копировать адрес',
  copied: 'Скопировано',
  copyFailed: 'Не удалось скопировать: выделите адрес и скопируйте вручную',
  writeLetter: 'Написать письмо',
  letterService: {
    memorial: 'Мемориал: как написать',
    rosuznik: 'Письма через «РосУзник»',
    lettersnow: 'Письма через ОВД-Инфо',
    'fsin-pismo': 'ФСИН-письмо (электронное)',
  },
  letterRules:
    'Письма читает цензор: пишите о повседневной жизни, книгах и поддержке, а не о войне, политике или деле.',
  birthdayToday: 'Сегодня день рождения: открытка поможет',
  birthdayIn: (days) =>
    `День рождения через ${days} ${pluralForm(days, 'ru', { one: 'день', few: 'дня', many: 'дней', other: 'дня' })}: открытка поможет`,
  sources: 'Источники',
  sourceUndated: 'без даты',
  reportError: 'Сообщить об ошибке',
  close: 'Закрыть',
  loading: 'Загрузка…',
  loadFailed: 'Не удалось загрузить сведения.',
  notFound: 'Этого человека больше нет в списке.',
  born: (year) => `${year} г. р.`,
  lowConfidence:
    'Возможное совпадение: имя распространённое, а страница почти ничего больше о человеке не сообщает. Проверьте, прежде чем действовать.',
  namesakesTitle: (count) =>
    `${count} ${pluralForm(count, 'ru', { one: 'человек', few: 'человека', many: 'человек', other: 'человека' })} с таким именем`,
  namesakesIntro: (count) =>
    `В списке ${count} ${pluralForm(count, 'ru', { one: 'человек', few: 'человека', many: 'человек', other: 'человека' })} с таким именем. Неясно, о ком из них речь:`,
  namesakeDetails: 'Подробнее',
  years: { one: 'год', few: 'года', many: 'лет', other: 'года' },
  months: { one: 'месяц', few: 'месяца', many: 'месяцев', other: 'месяца' },
  marksOnPage: (people, marks) =>
    `Not Alone: на странице ${people} ${pluralForm(people, 'ru', {
      one: 'политзаключённый',
      few: 'политзаключённых',
      many: 'политзаключённых',
      other: 'политзаключённого',
    })}, ${marks} ${pluralForm(marks, 'ru', { one: 'упоминание', few: 'упоминания', many: 'упоминаний', other: 'упоминания' })}`,
  marksToolbar: 'Отмеченные имена',
  markProxy: (name, position, count) => `${name}, ${position} из ${count}`,
  markProxyKeys: 'Enter — подробности. Стрелка вниз — следующее имя, стрелка вверх — предыдущее.',
  markProxyHint: 'Enter — подробности · ↑ ↓ — следующее имя · Esc — закрыть',
  cardLabel: 'Политзаключённый',
  opensInNewTab: '(откроется в новой вкладке)',
};

export const STRINGS: Record<Locale, Strings> = { en, ru };
