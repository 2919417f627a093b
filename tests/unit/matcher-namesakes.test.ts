/**
 * Pages about someone else who shares a prisoner's common name (issue 5, item 4), against the
 * bundled index: such a match must never be certain without supporting context.
 */
import { describe, expect, it } from 'vitest';
import { createMatcher } from '@/lib/matcher';
import { toMatcherData } from '@/lib/matcher-data';
import { loadIndex } from '../../scripts/detect';

const matcher = createMatcher(toMatcherData(loadIndex()));
const marks = (text: string) => matcher.find(text, matcher.newPage(text)).map((m) => [m.text, m.ids.join(','), m.confidence]);

describe('an unrelated namesake', () => {
  it('a footballer called Dmitry Ivanov is not marked as certain', () => {
    const page = `Dmitry Ivanov scored twice as Zenit beat Spartak 3-1 on Saturday. The midfielder, 24, has now
      scored nine goals this season. "I just tried to help the team," Ivanov told reporters after the match.`;
    const found = marks(page);
    expect(found.length).toBeGreaterThan(0);
    for (const [, , confidence] of found) expect(confidence).toBe('low');
  });

  it('an official called Дмитрий Иванов is not marked as certain', () => {
    const page = `Вице-губернатор Дмитрий Иванов представил проект бюджета области на следующий год.
      По словам Иванова, расходы на дороги вырастут на десять процентов.`;
    const found = marks(page);
    expect(found.length).toBeGreaterThan(0);
    for (const [, , confidence] of found) expect(confidence).toBe('low');
  });

  it('a judge with a prisoner’s name is not marked at all', () => {
    expect(marks('Судья Дмитрий Иванов продлил арест фигуранту дела.')).toEqual([]);
  });

  it('the same name on a page about political prosecution is certain', () => {
    const page = `Политзаключенный Дмитрий Иванов, создатель канала «МГУ против войны», приговорен к 8,5 годам колонии.`;
    expect(marks(page)).toEqual([['Дмитрий Иванов', 'ivanov-dmitry', 'high']]);
  });

  it('the person’s own facts (here his birth year) support a common name', () => {
    const page = `Dmitry Ivanov (born 1999) spoke again on Sunday.`;
    expect(marks(page)).toEqual([['Dmitry Ivanov', 'ivanov-dmitry', 'high']]);
    expect(marks('Dmitry Ivanov (born 1989) spoke again on Sunday.')).toEqual([['Dmitry Ivanov', 'ivanov-dmitry', 'low']]);
    // A bare year is a date, not a birth year.
    expect(marks('Dmitry Ivanov has played here every year since 1999.')).toEqual([['Dmitry Ivanov', 'ivanov-dmitry', 'low']]);
  });

  it('one stray word of court vocabulary is not enough', () => {
    const page = `Dmitry Ivanov scored again; the referee's verdict on the penalty was disputed.`;
    expect(marks(page)).toEqual([['Dmitry Ivanov', 'ivanov-dmitry', 'low']]);
  });

  it('a rare name on a page with no political context is not certain either', () => {
    expect(marks('Aleksandr Bakhtin, a musician, played on Sunday.')).toEqual([['Aleksandr Bakhtin', 'bakhtin-aleksandr', 'low']]);
    expect(marks('Aleksandr Bakhtin, an animal rights activist, played on Sunday.')).toEqual([['Aleksandr Bakhtin', 'bakhtin-aleksandr', 'high']]);
  });
});

describe('someone else with the surname, named by a first name the lists do not hold', () => {
  it('inside a sentence, a capitalised word before the surname makes it another person', () => {
    const page = `Политзаключенный Ильмир Рыскулов осужден по статье 212 УК. На заседание пришла его тетя, Зиля Рыскулова.`;
    expect(marks(page).map(([text]) => text)).toEqual(['Ильмир Рыскулов']);
  });

  it('the surname alone is still his after a sentence opens, and after another person’s full name', () => {
    const page = `Политзаключенный Ильмир Рыскулов осужден по статье 212 УК. Рыскулова защищал адвокат. Слова депутата Ивана Сидорова Рыскулов оспорил.`;
    expect(marks(page).map(([text]) => text)).toEqual(['Ильмир Рыскулов', 'Рыскулова', 'Рыскулов']);
  });
});
