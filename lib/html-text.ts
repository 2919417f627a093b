/**
 * The readable text of an HTML body for `npm run detect` and `npm run eval`: text nodes in
 * document order, white space collapsed as a browser renders it, `<br>` as a line break and an
 * empty line between block elements, so a name never runs from one paragraph into the next
 * (the matcher treats an empty line as a break) but does run across a `<br>`.
 *
 * Takes any DOM node (a browser's or happy-dom's), so it has no dependency of its own.
 */

const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CAPTION', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER',
  'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT',
  'TH', 'THEAD', 'TR', 'UL',
]);
/** Elements whose text is not page prose. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'HEAD', 'TITLE']);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

export function htmlText(root: Node): string {
  const parts: string[] = [];
  const walk = (node: Node, pre: boolean): void => {
    if (node.nodeType === TEXT_NODE) {
      const data = node.nodeValue ?? '';
      parts.push(pre ? data : data.replace(/[ \t\n\r\f]+/g, ' '));
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) {
      for (const child of Array.from(node.childNodes)) walk(child, pre);
      return;
    }
    const tag = (node as Element).tagName.toUpperCase();
    if (SKIPPED.has(tag)) return;
    if (tag === 'BR') {
      parts.push('\n');
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) parts.push('\n\n');
    for (const child of Array.from(node.childNodes)) walk(child, pre || tag === 'PRE');
    if (block) parts.push('\n\n');
  };
  walk(root, false);
  // Tidy: spaces around line breaks, and no more than one empty line in a row.
  return parts
    .join('')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
