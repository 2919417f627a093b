/**
 * HTML parsing for the page adapters (Node, build time only): happy-dom with scripts, script
 * files and style sheets disabled, so a hostile page is only ever read as markup.
 */
import { Window } from 'happy-dom';

export function withDocument<T>(html: string, read: (doc: Document) => T): T {
  const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  try {
    const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
    return read(doc);
  } finally {
    void window.happyDOM.close();
  }
}

/** Text of an element with white space collapsed; '' for a missing element. */
export function textOf(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/gu, ' ').trim();
}
