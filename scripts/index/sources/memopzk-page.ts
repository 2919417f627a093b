/**
 * Memorial person page (`https://memopzk.org/figurant/<slug>/`): the facts the REST list
 * lacks. Selectors as documented in the project's source research (person page section):
 * name `div.human-dossier__name h1`, articles `ul.clause__list li.clause__item span` (without
 * nested `.tooltip-text`), description `div.human-dossier__art` paragraphs (the first may be
 * Memorial's boilerplate about inclusion in the list), and the postal address in the
 * «Написать письмо» modal `div.modal[data-modal="letter"] .modal-content p`. Birth date and
 * sentence are not fields: they are read from the prose.
 */
import { parseBirth, parseArticleText, sentenceFromProse } from './russian-text';
import { withDocument, textOf } from './html';
import { emptyLine, type SourceRecord } from './source-record';

const BOILERPLATE = /^Включение конкретного человека в список/u;
/** The letter address shape: postcode first, the birth year or date at the end. */
const LETTER_ADDRESS = /\d{6},.*(?:19|20)\d{2}\s*г\.?\s*р\./u;

export class PageShapeError extends Error {}

export function parseMemopzkPage(html: string, url: string, asOf: string | null): SourceRecord {
  return withDocument(html, (doc) => {
    const name = textOf(doc.querySelector('div.human-dossier__name h1')) || textOf(doc.querySelector('h1'));
    if (!name) throw new PageShapeError(`${url}: no name (div.human-dossier__name h1)`);
    const articles = [...doc.querySelectorAll('ul.clause__list li.clause__item span')].flatMap((span) => {
      const copy = span.cloneNode(true) as Element;
      for (const tip of copy.querySelectorAll('.tooltip-text')) tip.remove();
      return parseArticleText(textOf(copy));
    });
    const paragraphs = [...doc.querySelectorAll('div.human-dossier__art p')].map(textOf).filter((p) => p && !BOILERPLATE.test(p));
    const description = paragraphs.join(' ');
    const ogDescription = doc.querySelector('meta[property="og:description"]')?.getAttribute('content') ?? '';

    const modal = doc.querySelector('div.modal[data-modal="letter"] .modal-content');
    let address: string | null = null;
    if (modal && /Написать письмо/u.test(textOf(modal))) {
      address = [...modal.querySelectorAll('p')].map(textOf).find((p) => LETTER_ADDRESS.test(p)) ?? null;
    }
    const birth = parseBirth(description) ?? parseBirth(ogDescription) ?? (address ? parseBirth(address) : null);

    const line = emptyLine([url]);
    line.name_ru = name;
    line.articles = [...new Set(articles)];
    line.birth_year = birth?.year ?? null;
    line.birth_date = birth?.date ?? null;
    line.address_ru = address;
    line.sentence = sentenceFromProse(description);
    line.notes = description ? `Memorial page: ${description.slice(0, 600)}` : null;
    return { source: 'memopzk-page', asOf, line };
  });
}
