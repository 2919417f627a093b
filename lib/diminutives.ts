/**
 * Everyday short forms of Russian first names, as the press writes them about people it
 * knows well ("Саша Скочиленко", "Жени Беркович", "Sasha Skochilenko"). The matcher adds
 * them, in all six cases, to the first names of every record whose full first name is here.
 *
 * Only the short forms in general use are listed (not affectionate ones like "Сашенька"),
 * normalised (lower case, ё→е). Keys are full first names in the nominative.
 */
const SHORT_FORMS: Record<string, { ru: string[]; en: string[] }> = {
  александр: { ru: ['саша', 'шура'], en: ['sasha', 'sascha'] },
  александра: { ru: ['саша', 'шура'], en: ['sasha', 'sascha'] },
  алексей: { ru: ['леша', 'алеша'], en: ['lesha', 'lyosha', 'alyosha', 'alesha'] },
  анастасия: { ru: ['настя'], en: ['nastya', 'nastia'] },
  анатолий: { ru: ['толя'], en: ['tolya'] },
  андрей: { ru: ['андрюша'], en: ['andryusha'] },
  анна: { ru: ['аня'], en: ['anya'] },
  артем: { ru: ['тема'], en: ['tyoma'] },
  валентин: { ru: ['валя'], en: ['valya'] },
  валентина: { ru: ['валя'], en: ['valya'] },
  василий: { ru: ['вася'], en: ['vasya'] },
  виктор: { ru: ['витя'], en: ['vitya'] },
  виктория: { ru: ['вика'], en: ['vika'] },
  владимир: { ru: ['володя', 'вова'], en: ['volodya', 'vova'] },
  владислав: { ru: ['влад', 'слава'], en: ['vlad', 'slava'] },
  вячеслав: { ru: ['слава'], en: ['slava'] },
  георгий: { ru: ['гоша', 'жора'], en: ['gosha', 'zhora'] },
  григорий: { ru: ['гриша'], en: ['grisha'] },
  дарья: { ru: ['даша'], en: ['dasha'] },
  дмитрий: { ru: ['дима', 'митя'], en: ['dima', 'mitya'] },
  евгений: { ru: ['женя'], en: ['zhenya', 'zhenia'] },
  евгения: { ru: ['женя'], en: ['zhenya', 'zhenia'] },
  екатерина: { ru: ['катя'], en: ['katya', 'katia'] },
  елена: { ru: ['лена'], en: ['lena'] },
  елизавета: { ru: ['лиза'], en: ['liza'] },
  иван: { ru: ['ваня'], en: ['vanya'] },
  илья: { ru: ['илюша'], en: ['ilyusha'] },
  ирина: { ru: ['ира'], en: ['ira'] },
  константин: { ru: ['костя'], en: ['kostya'] },
  ксения: { ru: ['ксюша'], en: ['ksyusha'] },
  любовь: { ru: ['люба'], en: ['lyuba'] },
  людмила: { ru: ['люда'], en: ['lyuda'] },
  мария: { ru: ['маша'], en: ['masha'] },
  михаил: { ru: ['миша'], en: ['misha'] },
  надежда: { ru: ['надя'], en: ['nadya'] },
  наталья: { ru: ['наташа'], en: ['natasha'] },
  наталия: { ru: ['наташа'], en: ['natasha'] },
  николай: { ru: ['коля'], en: ['kolya'] },
  ольга: { ru: ['оля'], en: ['olya'] },
  павел: { ru: ['паша'], en: ['pasha'] },
  петр: { ru: ['петя'], en: ['petya'] },
  роман: { ru: ['рома'], en: ['roma'] },
  светлана: { ru: ['света'], en: ['sveta'] },
  сергей: { ru: ['сережа'], en: ['seryozha', 'serezha'] },
  софья: { ru: ['соня'], en: ['sonya'] },
  софия: { ru: ['соня'], en: ['sonya'] },
  станислав: { ru: ['стас'], en: ['stas'] },
  татьяна: { ru: ['таня'], en: ['tanya'] },
  федор: { ru: ['федя'], en: ['fedya'] },
  юлия: { ru: ['юля'], en: ['yulya', 'yulia'] },
  юрий: { ru: ['юра'], en: ['yura'] },
  ярослав: { ru: ['слава'], en: ['slava'] },
};

/** The same as a Map: a look-up for a name that has no entry (most) costs less than on an object, and no inherited key can match. */
const SHORT_FORMS_BY_NAME = new Map(Object.entries(SHORT_FORMS));

/** The six cases of a short form: first declension in -а/-я, or a consonant stem (Влад, Стас). */
function caseForms(nominative: string): string[] {
  const stem = nominative.slice(0, -1);
  if (nominative.endsWith('а')) {
    // After ш, ж, ч, щ, к, г, х the genitive is -и, elsewhere -ы; both are harmless to list.
    return [nominative, `${stem}ы`, `${stem}и`, `${stem}е`, `${stem}у`, `${stem}ой`, `${stem}ою`, `${stem}ей`];
  }
  if (nominative.endsWith('я')) return [nominative, `${stem}и`, `${stem}е`, `${stem}ю`, `${stem}ей`, `${stem}ею`];
  return [nominative, `${nominative}а`, `${nominative}у`, `${nominative}ом`, `${nominative}е`];
}

/** Short forms (Russian in all cases, Latin as written) for a record's first-name forms. */
export function shortForms(firstForms: readonly string[]): string[] {
  const out = new Set<string>();
  for (const form of firstForms) {
    const entry = SHORT_FORMS_BY_NAME.get(form);
    if (!entry) continue;
    for (const ru of entry.ru) for (const f of caseForms(ru)) out.add(f);
    for (const en of entry.en) out.add(en);
  }
  return [...out];
}
