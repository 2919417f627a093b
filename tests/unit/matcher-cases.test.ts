/**
 * Russian declension against the bundled index: each person in all six cases, in sentences
 * that need that case, name first and surname first. The forms come from the index build
 * (petrovich), so this checks the index and the matcher together.
 */
import { describe, expect, it } from 'vitest';
import { createMatcher } from '@/lib/matcher';
import { toMatcherData } from '@/lib/matcher-data';
import { loadIndex } from '../../scripts/detect';

const matcher = createMatcher(toMatcherData(loadIndex()));

/** A sentence frame per case; {} is where the name goes. */
const FRAMES = [
  ['nominative', 'В суде выступил {} с последним словом.'],
  ['genitive', 'Приговор для {} оглашён в понедельник.'],
  ['dative', 'Напишите письмо {} в колонию.'],
  ['accusative', 'Суд признал {} виновным.'],
  ['instrumental', 'Встреча с {} прошла в СИЗО.'],
  ['prepositional', 'Мы рассказали о {} в прошлом выпуске.'],
] as const;

/** Person id → [first name, surname] in the six cases, in the order of FRAMES. */
const PEOPLE: Record<string, Array<[string, string]>> = {
  // -ов / -ев, male
  'pchelintsev-dmitry': [
    ['Дмитрий', 'Пчелинцев'],
    ['Дмитрия', 'Пчелинцева'],
    ['Дмитрию', 'Пчелинцеву'],
    ['Дмитрия', 'Пчелинцева'],
    ['Дмитрием', 'Пчелинцевым'],
    ['Дмитрии', 'Пчелинцеве'],
  ],
  // -ова, female
  'ivanova-olga': [
    ['Ольга', 'Иванова'],
    ['Ольги', 'Ивановой'],
    ['Ольге', 'Ивановой'],
    ['Ольгу', 'Иванову'],
    ['Ольгой', 'Ивановой'],
    ['Ольге', 'Ивановой'],
  ],
  // -ин, male
  'bakhtin-aleksandr': [
    ['Александр', 'Бахтин'],
    ['Александра', 'Бахтина'],
    ['Александру', 'Бахтину'],
    ['Александра', 'Бахтина'],
    ['Александром', 'Бахтиным'],
    ['Александре', 'Бахтине'],
  ],
  // -ина, female
  'karelina-ksenia': [
    ['Ксения', 'Карелина'],
    ['Ксении', 'Карелиной'],
    ['Ксении', 'Карелиной'],
    ['Ксению', 'Карелину'],
    ['Ксенией', 'Карелиной'],
    ['Ксении', 'Карелиной'],
  ],
  // -ский, male
  'baranovsky-roman': [
    ['Роман', 'Барановский'],
    ['Романа', 'Барановского'],
    ['Роману', 'Барановскому'],
    ['Романа', 'Барановского'],
    ['Романом', 'Барановским'],
    ['Романе', 'Барановском'],
  ],
  // -ская, female
  'baranovskaya-valentina': [
    ['Валентина', 'Барановская'],
    ['Валентины', 'Барановской'],
    ['Валентине', 'Барановской'],
    ['Валентину', 'Барановскую'],
    ['Валентиной', 'Барановской'],
    ['Валентине', 'Барановской'],
  ],
  // indeclinable -ко
  'kolchenko-alexander': [
    ['Александр', 'Кольченко'],
    ['Александра', 'Кольченко'],
    ['Александру', 'Кольченко'],
    ['Александра', 'Кольченко'],
    ['Александром', 'Кольченко'],
    ['Александре', 'Кольченко'],
  ],
  // indeclinable -ых
  'lesnykh-yegor': [
    ['Егор', 'Лесных'],
    ['Егора', 'Лесных'],
    ['Егору', 'Лесных'],
    ['Егора', 'Лесных'],
    ['Егором', 'Лесных'],
    ['Егоре', 'Лесных'],
  ],
  // hyphenated, first part indeclinable
  'kara-murza-vladimir': [
    ['Владимир', 'Кара-Мурза'],
    ['Владимира', 'Кара-Мурзы'],
    ['Владимиру', 'Кара-Мурзе'],
    ['Владимира', 'Кара-Мурзу'],
    ['Владимиром', 'Кара-Мурзой'],
    ['Владимире', 'Кара-Мурзе'],
  ],
  // a female surname that does not decline
  'gen-irina': [
    ['Ирина', 'Ген'],
    ['Ирины', 'Ген'],
    ['Ирине', 'Ген'],
    ['Ирину', 'Ген'],
    ['Ириной', 'Ген'],
    ['Ирине', 'Ген'],
  ],
};

const cases = Object.entries(PEOPLE).flatMap(([id, forms]) =>
  FRAMES.map(([caseName, frame], i) => ({ id, caseName, first: forms[i]![0], last: forms[i]![1], frame })),
);

describe.each(cases)('$id, $caseName', ({ id, first, last, frame }) => {
  it.each([`${first} ${last}`, `${last} ${first}`])('finds "%s"', (name) => {
    const text = frame.replace('{}', name);
    const mentions = matcher.find(text, matcher.newPage());
    expect(mentions.map((m) => [m.text, m.ids])).toEqual([[name, [id]]]);
  });
});

describe('surname alone after a full mention, in another case', () => {
  it.each(Object.entries(PEOPLE))('%s', (id, forms) => {
    const page = matcher.newPage();
    const [first, last] = forms[0]!;
    expect(matcher.find(`${first} ${last} задержан.`, page).map((m) => m.ids)).toEqual([[id]]);
    const oblique = forms[4]![1];
    expect(matcher.find(`Свидание с ${oblique} не дали.`, page).map((m) => [m.text, m.kind, m.ids])).toEqual([[oblique, 'surname', [id]]]);
  });
});
