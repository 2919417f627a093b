import { describe, expect, it } from 'vitest';
import { JUSTICE_STEMS, PageSupport, POLITICAL_STEMS } from '@/lib/page-support';

// The support checks ask the words of the page's main script first; the answer must not depend
// on that order, so a word in the other script is still found.
const englishFiller = 'The weather in the city was mild and the market opened early on Sunday. '.repeat(400);

describe('PageSupport', () => {
  it('finds a Russian stem on a mostly English page', () => {
    const russian = POLITICAL_STEMS.find((s) => /[а-я]/.test(s))!;
    const page = new PageSupport(`${englishFiller} Затем: ${russian}ами назвали троих. ${englishFiller}`);
    expect(page.isPolitical()).toBe(true);
  });

  it('finds an English stem on a mostly Russian page', () => {
    const english = JUSTICE_STEMS.find((s) => /^[a-z]/.test(s))!;
    const russianFiller = 'Погода в городе была тёплой, рынок открылся рано утром в воскресенье. '.repeat(400);
    const page = new PageSupport(`${russianFiller} ${english} ${russianFiller}`);
    expect(page.touchesProsecution()).toBe(true);
  });

  it('says no when neither list has a word on the page, also after many questions', () => {
    const page = new PageSupport(englishFiller);
    for (let i = 0; i < 10; i += 1) {
      expect(page.isPolitical()).toBe(false);
      expect(page.touchesProsecution()).toBe(false);
    }
  });

  it('sees text added run by run when the whole page was not given', () => {
    const page = new PageSupport();
    page.add(englishFiller);
    expect(page.isPolitical()).toBe(false);
    page.add('She was named a political prisoner.');
    expect(page.isPolitical()).toBe(true);
  });
});
