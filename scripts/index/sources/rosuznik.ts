/**
 * RosUznik person page (rosuznik.org): `h1` name, then the info block's `div.col-lg-3`
 * items labelled «Год рождения:», «Место нахождения:» (the prison postal address) and one
 * containing «УК» (the article); `div.accordion-body` holds the description. Selectors as
 * documented in the project's source research (RosUznik section).
 */
import { parseArticleText, parseBirth, sentenceFromProse } from './russian-text';
import { withDocument, textOf } from './html';
import { PageShapeError } from './memopzk-page';
import { emptyLine, type SourceRecord } from './source-record';

function labelled(items: string[], label: string): string | null {
  const item = items.find((t) => t.startsWith(label));
  return item ? item.slice(label.length).trim() || null : null;
}

export function parseRosuznikPage(html: string, url: string, asOf: string | null): SourceRecord {
  return withDocument(html, (doc) => {
    const name = textOf(doc.querySelector('h1'));
    if (!name) throw new PageShapeError(`${url}: no name (h1)`);
    const items = [...doc.querySelectorAll('div.col-lg-3')].map(textOf);
    const year = labelled(items, 'Год рождения:');
    const address = labelled(items, 'Место нахождения:');
    const articleItem = items.find((t) => /УК/u.test(t) && !t.startsWith('Место нахождения:'));
    const description = [...doc.querySelectorAll('div.accordion-body')].map(textOf).filter(Boolean).join(' ');

    const line = emptyLine([url]);
    line.name_ru = name;
    const birthYear = year && /^(?:19|20)\d{2}$/.test(year) ? Number(year) : null;
    const birth = parseBirth(description);
    line.birth_year = birthYear ?? birth?.year ?? null;
    line.birth_date = birth && birth.year === line.birth_year ? birth.date : null;
    line.address_ru = address;
    line.articles = articleItem ? parseArticleText(articleItem) : [];
    line.sentence = sentenceFromProse(description);
    line.notes = description ? `RosUznik page: ${description.slice(0, 600)}` : null;
    return { source: 'rosuznik', asOf, line };
  });
}
