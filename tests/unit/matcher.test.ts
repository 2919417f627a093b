import { describe, expect, it } from 'vitest';
import { createMatcher } from '@/lib/matcher';
import type { MatcherData, MatcherPerson } from '@/lib/matcher-types';

/** A hand-made record: each form list written out as the index build would give it. */
function person(id: string, last: string, first: string, middle = '', extra: Partial<MatcherPerson> = {}): MatcherPerson {
  const list = (s: string) => s.split(/\s+/).filter(Boolean);
  return { id, forms: { last: list(last), first: list(first), middle: list(middle) }, ...extra };
}

const DATA: MatcherData = {
  version: 1,
  people: [
    person(
      'bakhtin',
      'бахтин бахтина бахтину бахтиным бахтине bakhtin bahtin',
      'александр александра александру александром александре aleksandr alexander',
      'сергеевич сергеевича сергеевичу сергеевичем сергеевиче sergeevich sergeyevich',
    ),
    person(
      'ivanov-dmitry',
      'иванов иванова иванову ивановым иванове ivanov',
      'дмитрий дмитрия дмитрию дмитрием дмитрии dmitry dmitri',
      'александрович александровича александровичу александровичем александровиче aleksandrovich',
      { hints: ['207.3', '1999 г. р', 'born 1999'], weakHints: ['москв', 'moscow'] },
    ),
    person('ivanov-oleg', 'иванов иванова иванову ивановым иванове ivanov', 'олег олега олегу олегом олеге oleg'),
    person('petrov-1980', 'петров петрова петрову петровым петрове petrov', 'сергей сергея сергею сергеем сергее sergei sergey'),
    person('petrov-1990', 'петров петрова петрову петровым петрове petrov', 'сергей сергея сергею сергеем сергее sergei sergey'),
    person(
      'kara-murza',
      'кара-мурза кара-мурзы кара-мурзе кара-мурзу кара-мурзой kara-murza',
      'владимир владимира владимиру владимиром владимире vladimir',
      'владимирович владимировича vladimirovich',
    ),
    person('kulkov', 'кулков кулкова кулкову кулковым кулкове kulkov', 'михаил михаила михаилу михаилом михаиле mikhail', '', {
      derivedScript: 'ru',
    }),
    person('esipenko', 'есипенко esipenko yesipenko', 'владислав владислава владиславу владиславом владиславе vladislav'),
    person('abdullaev', 'абдуллаев абдуллаева абдуллаеву абдуллаевым абдуллаеве abdullaev', 'теймур теймура теймуру теймуром теймуре teymur'),
    person('skochilenko', 'скочиленко skochilenko', 'александра александры александре александру александрой alexandra aleksandra'),
    person('shakursky', 'шакурский шакурского шакурскому шакурским шакурском shakursky shakurskiy', 'илья ильи илье илью ильей ilya', '', {
      derivedScript: 'ru',
    }),
  ],
};

const matcher = createMatcher(DATA);
/** Mentions of one text as one page: [text, ids] pairs. */
const find = (text: string, whole?: string) =>
  matcher.find(text, matcher.newPage(whole)).map((m) => [m.text, m.ids.join(',')] as const);

describe('full names in every order', () => {
  it.each([
    ['Александр Бахтин осуждён', 'Александр Бахтин'],
    ['осуждён Бахтин Александр', 'Бахтин Александр'],
    ['Бахтин Александр Сергеевич, 1971 г. р.', 'Бахтин Александр Сергеевич'],
    ['Александр Сергеевич Бахтин', 'Александр Сергеевич Бахтин'],
    ['письмо А. С. Бахтину', 'А. С. Бахтину'],
    ['письмо А.С.Бахтину', 'А.С.Бахтину'],
    ['A. Bakhtin wrote', 'A. Bakhtin'],
    ['подсудимый Бахтин А. С. заявил', 'Бахтин А. С.'],
    ['Aleksandr Sergeevich Bakhtin (born 1971)', 'Aleksandr Sergeevich Bakhtin'],
    ['Alexander Sergeyevich Bakhtin', 'Alexander Sergeyevich Bakhtin'],
    ['Aleksandr S. Bakhtin', 'Aleksandr S. Bakhtin'],
  ])('%s', (text, expected) => {
    expect(find(text)).toEqual([[expected, 'bakhtin']]);
  });

  it('covers exactly the name tokens, also across a line break', () => {
    const text = 'ФКУ СИЗО-2, Бахтину Александру Сергеевичу 1971 г. р.\n  • Бахтин\n    Александр Сергеевич\n    Подробнее';
    const mentions = matcher.find(text, matcher.newPage());
    expect(mentions.map((m) => m.text)).toEqual(['Бахтину Александру Сергеевичу', 'Бахтин\n    Александр Сергеевич']);
    for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('does not join a name across an empty line, a comma or a sentence end', () => {
    expect(find('Бахтин\n\nАлександр')).toEqual([]);
    expect(find('Бахтин, Александр')).toEqual([]);
    expect(find('Это сказал Бахтин. Александр ушёл.')).toEqual([]);
  });

  it('reads ALL-CAPS headlines but never lower-case words', () => {
    expect(find('ДМИТРИЙ ИВАНОВ ОСУЖДЁН')).toEqual([['ДМИТРИЙ ИВАНОВ', 'ivanov-dmitry']]);
    expect(find('дмитрий иванов')).toEqual([]);
    expect(find('владимир кара-мурза')).toEqual([]);
  });

  it('finds hyphenated surnames, also written with another dash or as two words', () => {
    expect(find('Владимир Кара-Мурза')).toEqual([['Владимир Кара-Мурза', 'kara-murza']]);
    expect(find('Владимира Кара‑Мурзы')).toEqual([['Владимира Кара‑Мурзы', 'kara-murza']]);
    expect(find('Vladimir Kara Murza')).toEqual([['Vladimir Kara Murza', 'kara-murza']]);
    expect(find('Кара-Мурза Владимир Владимирович')).toEqual([['Кара-Мурза Владимир Владимирович', 'kara-murza']]);
  });

  it('leaves a possessive ending outside the mark', () => {
    expect(find('Vladimir Kara-Murza’s lawyer')).toEqual([['Vladimir Kara-Murza', 'kara-murza']]);
    expect(find("Aleksandr Bakhtin's flat")).toEqual([['Aleksandr Bakhtin', 'bakhtin']]);
  });

  it('needs first name and surname of the same record', () => {
    expect(find('Олег Бахтин')).toEqual([]);
    expect(find('Александр Иванов')).toEqual([]);
  });
});

describe('short first names and back-transliterated spellings', () => {
  it('reads everyday short forms of the first name in every case', () => {
    expect(find('Саша Скочиленко')).toEqual([['Саша Скочиленко', 'skochilenko']]);
    expect(find('письмо Саше Скочиленко')).toEqual([['Саше Скочиленко', 'skochilenko']]);
    expect(find('Sasha Skochilenko')).toEqual([['Sasha Skochilenko', 'skochilenko']]);
    expect(find('Димы Иванова')).toEqual([['Димы Иванова', 'ivanov-dmitry']]);
  });
  it('a short form is not an initial', () => {
    // С. would be Саша's initial; Скочиленко's first name is Александра.
    expect(find('С. Скочиленко')).toEqual([]);
    expect(find('А. Скочиленко')).toEqual([['А. Скочиленко', 'skochilenko']]);
  });
  it('finds a soft sign the back-transliteration could not know, with low confidence alone', () => {
    const mentions = matcher.find('Михаил Кульков пел.', matcher.newPage());
    expect(mentions.map((m) => [m.text, m.ids, m.confidence])).toEqual([['Михаил Кульков', ['kulkov'], 'low']]);
    // Only for back-transliterated records: Бахтинь is not Бахтин.
    expect(find('Александр Бахтинь')).toEqual([]);
  });
});

describe('spellings the index did not list', () => {
  it('finds other Latin transliterations of the listed ones', () => {
    expect(find('Vladyslav Yesypenko')).toEqual([['Vladyslav Yesypenko', 'esipenko']]);
    expect(find('Dmitriy Ivanov and Dmitrii Ivanov')).toEqual([
      ['Dmitriy Ivanov', 'ivanov-dmitry'],
      ['Dmitrii Ivanov', 'ivanov-dmitry'],
    ]);
  });
  it('does not loosen Cyrillic forms that were read in a source', () => {
    expect(find('Владислав Есыпенко')).toEqual([]);
  });
});

describe('Turkic patronymics', () => {
  it('covers "Рза оглы" in both orders', () => {
    expect(find('Абдуллаев Теймур Рза оглы, 1984 г. р.')).toEqual([['Абдуллаев Теймур Рза оглы', 'abdullaev']]);
    expect(find('Теймур Рза оглы Абдуллаев')).toEqual([['Теймур Рза оглы Абдуллаев', 'abdullaev']]);
    expect(find('Абдуллаев Теймур Рза')).toEqual([['Абдуллаев Теймур', 'abdullaev']]);
  });
});

describe('roles', () => {
  it('a judge or prosecutor with a prisoner’s name is a namesake', () => {
    expect(find('судья Дмитрий Иванов отказал')).toEqual([]);
    expect(find('Judge Dmitry Ivanov refused')).toEqual([]);
    expect(find('journalist Dmitry Ivanov')).toEqual([['Dmitry Ivanov', 'ivanov-dmitry']]);
  });
  it('a role word before a surname alone makes it someone else', () => {
    expect(find('Dmitry Ivanov appealed. Judge Ivanov refused; witness Ivanov lied. Ivanov smiled.')).toEqual([
      ['Dmitry Ivanov', 'ivanov-dmitry'],
      ['Ivanov', 'ivanov-dmitry'],
    ]);
    // "адвокат Иванова" is Ivanov's lawyer: the surname is the prisoner's.
    expect(find('Дмитрий Иванов. Адвокат Иванова подал жалобу.')).toEqual([
      ['Дмитрий Иванов', 'ivanov-dmitry'],
      ['Иванова', 'ivanov-dmitry'],
    ]);
  });
});

describe('patronymics', () => {
  it('a different patronymic means another person', () => {
    expect(find('Дмитрий Петрович Иванов')).toEqual([]);
    expect(find('Иванов Дмитрий Петрович')).toEqual([]);
    expect(find('Иванов Д. П.')).toEqual([]);
  });

  it('a transliteration variant of the right patronymic still matches', () => {
    expect(find('Dmitry Alexandrovich Ivanov')).toEqual([['Dmitry Alexandrovich Ivanov', 'ivanov-dmitry']]);
  });

  it('is allowed, and marked, when the record has none', () => {
    expect(find('Олег Петрович Иванов')).toEqual([['Олег Петрович Иванов', 'ivanov-oleg']]);
    expect(find('Иванову Олегу Петровичу')).toEqual([['Иванову Олегу Петровичу', 'ivanov-oleg']]);
  });

  it('a wrong patronymic after a full naming is not a surname mention either', () => {
    const page = matcher.newPage();
    expect(matcher.find('Дмитрий Иванов', page)).toHaveLength(1);
    expect(matcher.find('Иванов Дмитрий Петрович не связан с делом.', page)).toEqual([]);
  });
});

describe('surname alone and first name alone', () => {
  it('a surname alone is not a mark before the person was named in full', () => {
    expect(find('Бахтин осуждён. Позже Александр Бахтин')).toEqual([['Александр Бахтин', 'bakhtin']]);
  });

  it('after a full naming, later surname mentions resolve to that person', () => {
    expect(find('Dmitry Ivanov was sentenced. Ivanov said; Ivanova wrote')).toEqual([
      ['Dmitry Ivanov', 'ivanov-dmitry'],
      ['Ivanov', 'ivanov-dmitry'],
    ]);
    // иванов is also Oleg Ivanov's surname, but only Dmitry was named on this page.
    expect(find('Дмитрия Иванова осудили. Иванову дали 8,5 лет.')).toEqual([
      ['Дмитрия Иванова', 'ivanov-dmitry'],
      ['Иванову', 'ivanov-dmitry'],
    ]);
  });

  it('coreference spans runs of one page, not a new page', () => {
    const page = matcher.newPage();
    matcher.find('Александр Бахтин', page);
    expect(page.fullyNamed.has('bakhtin')).toBe(true);
    expect(matcher.find('Бахтина этапировали.', page).map((m) => [m.text, m.kind])).toEqual([['Бахтина', 'surname']]);
    expect(matcher.find('Бахтина этапировали.', matcher.newPage())).toEqual([]);
  });

  it('a surname next to another first name or initial is someone else', () => {
    expect(find('Dmitry Ivanov. His father Sergei Ivanov and С. Иванов; Ivanov Sergei')).toEqual([['Dmitry Ivanov', 'ivanov-dmitry']]);
    expect(find('Дмитрий Иванов. Его мать, Ольга Иванова, сказала')).toEqual([['Дмитрий Иванов', 'ivanov-dmitry']]);
  });

  it('a first name alone never marks', () => {
    expect(find('Dmitry Ivanov. We asked Dmitry about it. Apart from Dmitry,')).toEqual([['Dmitry Ivanov', 'ivanov-dmitry']]);
  });
});

describe('namesakes and confidence', () => {
  it('lists every record a full name belongs to', () => {
    const [mention] = matcher.find('Сергей Петров', matcher.newPage());
    expect(mention?.ids.sort()).toEqual(['petrov-1980', 'petrov-1990']);
    expect(find('Petrov Sergei')).toEqual([['Petrov Sergei', 'petrov-1980,petrov-1990']]);
  });

  const confidenceOf = (text: string, whole?: string) => matcher.find(text, matcher.newPage(whole)).map((m) => m.confidence);

  it('a rare name needs only political context', () => {
    expect(confidenceOf('Aleksandr Bakhtin joined the anti-war picket.')).toEqual(['high']);
    expect(confidenceOf('Aleksandr Bakhtin played well on Sunday.')).toEqual(['low']);
    // Justice vocabulary alone is not politics: a city council can go to the arbitration court.
    expect(confidenceOf('Aleksandr Bakhtin said the city will take the contractor to court.')).toEqual(['low']);
  });

  it('a common name needs supporting context', () => {
    const sport = 'Dmitry Ivanov scored twice in the second half and the home crowd cheered.';
    expect(confidenceOf(sport)).toEqual(['low']);
    expect(confidenceOf('Political prisoner Dmitry Ivanov was sentenced to 8.5 years in a penal colony.')).toEqual(['high']);
    // Criminal justice alone is not political prosecution: a bribery trial has it too.
    expect(confidenceOf('Dmitry Ivanov was sentenced to 8.5 years in a penal colony for bribery.')).toEqual(['low']);
    // Politics alone neither: a review may mention protest music.
    expect(confidenceOf('Dmitry Ivanov does not write protest music.')).toEqual(['low']);
    // The person's own article number supports him.
    expect(confidenceOf('Dmitry Ivanov: article 207.3 again.')).toEqual(['high']);
    expect(confidenceOf('Dmitry Ivanov: article 207.31 again.')).toEqual(['low']);
  });

  it('a weak hint (region) supports only together with some prosecution vocabulary', () => {
    expect(confidenceOf('Dmitry Ivanov of Moscow scored.')).toEqual(['low']);
    expect(confidenceOf('Dmitry Ivanov of Moscow was detained.')).toEqual(['high']);
    expect(confidenceOf('Dmitry Ivanov of Kazan was detained.')).toEqual(['low']);
  });

  it('reads the context from the whole page when given', () => {
    const whole = 'Header\nDmitry Ivanov spoke.\nFooter: the anti-war activist was convicted and is in a pretrial detention centre.';
    expect(confidenceOf('Dmitry Ivanov spoke.', whole)).toEqual(['high']);
    expect(confidenceOf('Dmitry Ivanov spoke.')).toEqual(['low']);
  });

  it('without the whole page, support grows with the runs seen so far', () => {
    const page = matcher.newPage();
    expect(matcher.find('Dmitry Ivanov spoke.', page).map((m) => m.confidence)).toEqual(['low']);
    matcher.find('The anti-war activist', page);
    matcher.find('was convicted last year.', page);
    expect(matcher.find('Dmitry Ivanov again.', page).map((m) => m.confidence)).toEqual(['high']);
  });

  it('namesakes are low without context', () => {
    expect(confidenceOf('Сергей Петров забил гол.')).toEqual(['low']);
    expect(confidenceOf('Сергей Петров приговорён к колонии за антивоенные посты.')).toEqual(['high']);
  });

  it('a match on back-transliterated forms is low without context', () => {
    expect(confidenceOf('Илья Шакурский пел.')).toEqual(['low']);
    expect(confidenceOf('Ilya Shakursky sang at the protest.')).toEqual(['high']);
  });
});

describe('contract', () => {
  it('counts its forms', () => {
    expect(matcher.formCount).toBeGreaterThan(50);
  });
  it('refuses a context it did not make', () => {
    expect(() => matcher.find('x', { fullyNamed: new Set<string>() })).toThrow(TypeError);
  });
});
