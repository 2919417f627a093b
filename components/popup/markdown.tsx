/**
 * The small part of Markdown our own documents use (PRIVACY.md on the options page): headings,
 * paragraphs, lists, bold, inline code and links. Everything becomes Preact text nodes, never
 * HTML, so a stray `<` in the source is shown as a character. Links are kept only when they go
 * to an https address or a relative one; any other link shows its text alone.
 */
import type { ComponentChildren } from 'preact';

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'strong'; children: Inline[] }
  | { kind: 'link'; href: string; children: Inline[] };

export type Block =
  | { kind: 'heading'; level: number; children: Inline[] }
  | { kind: 'paragraph'; children: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] };

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,9}[.)]\s+(.*)$/;

/** Splits the source into blocks; the lines of a paragraph or list item are joined by a space. */
export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[][] } | null = null;
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', children: parseInline(paragraph.join(' ')) });
    if (list) blocks.push({ kind: 'list', ordered: list.ordered, items: list.items.map((lines) => parseInline(lines.join(' '))) });
    paragraph = [];
    list = null;
  };
  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (line === '') {
      flush();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      blocks.push({ kind: 'heading', level: heading[1]!.length, children: parseInline(heading[2]!) });
      continue;
    }
    const bullet = BULLET.exec(raw);
    const numbered = bullet ? null : NUMBERED.exec(raw);
    const item = bullet ?? numbered;
    if (item) {
      const ordered = numbered !== null;
      if (paragraph.length > 0 || (list && list.ordered !== ordered)) flush();
      list ??= { ordered, items: [] };
      list.items.push([item[1]!.trim()]);
      continue;
    }
    // A line after a list item, before a blank line, continues that item.
    if (list) list.items[list.items.length - 1]!.push(line);
    else paragraph.push(line);
  }
  flush();
  return blocks;
}

/** Bold (`**…**`), code (`` `…` ``), links (`[text](href)`) and backslash escapes; the rest is text. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let plain = '';
  const pushText = () => {
    if (plain) out.push({ kind: 'text', text: plain });
    plain = '';
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length && /[\\`*_[\]()#+\-.!]/.test(text[i + 1]!)) {
      plain += text[i + 1];
      i += 2;
      continue;
    }
    if (c === '`') {
      const end = text.indexOf('`', i + 1);
      if (end > i + 1) {
        pushText();
        out.push({ kind: 'code', text: text.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    if (c === '*' && text[i + 1] === '*') {
      const end = text.indexOf('**', i + 2);
      if (end > i + 2) {
        pushText();
        out.push({ kind: 'strong', children: parseInline(text.slice(i + 2, end)) });
        i = end + 2;
        continue;
      }
    }
    if (c === '[') {
      const link = /^\[([^\]]+)\]\(([^()\s]*)\)/.exec(text.slice(i));
      if (link) {
        pushText();
        const children = parseInline(link[1]!);
        const href = link[2]!;
        if (isAllowedHref(href)) out.push({ kind: 'link', href, children });
        else out.push(...children);
        i += link[0].length;
        continue;
      }
    }
    plain += c;
    i += 1;
  }
  pushText();
  // A refused link leaves its words next to the text around it: one text node, not three.
  return out.reduce<Inline[]>((merged, node) => {
    const last = merged[merged.length - 1];
    if (last?.kind === 'text' && node.kind === 'text') merged[merged.length - 1] = { kind: 'text', text: last.text + node.text };
    else merged.push(node);
    return merged;
  }, []);
}

/**
 * https addresses, and relative ones: no scheme, not protocol-relative. Browsers drop control
 * characters and read `\` as `/` in URLs (so "\x01javascript:" or "/\host" would slip past a
 * plain scheme check): an address with either is refused.
 */
export function isAllowedHref(href: string): boolean {
  if (href === '' || /[\u0000-\u0020\u007f\\]/.test(href)) return false;
  if (/^https:\/\/[^/]/i.test(href)) return true;
  return !/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith('//');
}

export interface MarkdownProps {
  blocks: Block[];
  /** Added to every heading level, so a document's `#` can sit under the page's own heading. */
  headingOffset?: number;
}

export function Markdown({ blocks, headingOffset = 0 }: MarkdownProps) {
  return (
    <>
      {blocks.map((block, i) => {
        if (block.kind === 'paragraph') return <p key={i}>{renderInline(block.children)}</p>;
        if (block.kind === 'list') {
          const items = block.items.map((item, j) => <li key={j}>{renderInline(item)}</li>);
          return block.ordered ? <ol key={i}>{items}</ol> : <ul key={i}>{items}</ul>;
        }
        const Heading = `h${Math.min(6, Math.max(1, block.level + headingOffset))}` as 'h1';
        return <Heading key={i}>{renderInline(block.children)}</Heading>;
      })}
    </>
  );
}

function renderInline(nodes: Inline[]): ComponentChildren {
  return nodes.map((node, i) => {
    if (node.kind === 'text') return node.text;
    if (node.kind === 'code') return <code key={i}>{node.text}</code>;
    if (node.kind === 'strong') return <strong key={i}>{renderInline(node.children)}</strong>;
    return (
      <a key={i} href={node.href}>
        {renderInline(node.children)}
      </a>
    );
  });
}
