/**
 * The annotated-source format of the detection corpus (tests/fixtures/corpus/src/*.txt):
 * a small header, a `---` line, then text in which prisoner mentions are written
 * `[[surface|person]]` and other people's names `{{surface|role}}`. See
 * tests/fixtures/corpus/README.md for the full description.
 *
 * This module only parses and strips the markup; resolving people against the snapshot and
 * the index is done by the caller (scripts/corpus/build.ts), so tests can parse in isolation.
 */

export const SITES = ['ovd.info', 'zona.media', 'freedomnews.org.uk', 'memopzk.org'] as const;
export const LANGS = ['ru', 'en'] as const;
export const KINDS = ['news', 'interview', 'court', 'digest', 'letter-appeal', 'unrelated'] as const;
export const ROLES = ['judge', 'lawyer', 'official', 'author', 'relative', 'journalist', 'activist', 'namesake', 'other'] as const;

export type Site = (typeof SITES)[number];
export type Lang = (typeof LANGS)[number];
export type Kind = (typeof KINDS)[number];
export type Role = (typeof ROLES)[number];

export interface Header {
  site: Site;
  lang: Lang;
  kind: Kind;
  /** Free-text remarks for people reading the source (deliberate traps etc.); not exported. */
  notes: string[];
}

/** A marked span, with offsets into the stripped text and the source line it started on. */
export interface RawMention {
  start: number;
  end: number;
  text: string;
  person: string;
  line: number;
}
export interface RawOther {
  start: number;
  end: number;
  text: string;
  role: Role;
  line: number;
}

export interface ParsedSource {
  header: Header;
  text: string;
  mentions: RawMention[];
  others: RawOther[];
}

/** A problem in a source file; `line` is 1-based in the source file. */
export class MarkupError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly problem: string,
  ) {
    super(`${file}:${line}: ${problem}`);
  }
}

const OPENERS = { '[[': ']]', '{{': '}}' } as const;

function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

function parseHeader(file: string, lines: string[]): Header {
  const fields = new Map<string, string>();
  const notes: string[] = [];
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const m = /^([a-z]+):\s*(.*)$/.exec(line);
    if (!m) throw new MarkupError(file, i + 1, `header line is not "key: value": ${JSON.stringify(raw)}`);
    const [, key = '', value = ''] = m;
    if (key === 'note') {
      notes.push(value);
      return;
    }
    if (!['site', 'lang', 'kind'].includes(key)) throw new MarkupError(file, i + 1, `unknown header key "${key}"`);
    if (fields.has(key)) throw new MarkupError(file, i + 1, `header key "${key}" given twice`);
    fields.set(key, value.trim());
  });
  const need = (key: string, list: readonly string[]): string => {
    const value = fields.get(key);
    if (value === undefined) throw new MarkupError(file, 1, `header lacks "${key}:"`);
    if (!list.includes(value)) throw new MarkupError(file, 1, `${key} "${value}" is not one of ${list.join(', ')}`);
    return value;
  };
  const site = need('site', SITES);
  const lang = need('lang', LANGS);
  const kind = need('kind', KINDS);
  if (!isOneOf(SITES, site) || !isOneOf(LANGS, lang) || !isOneOf(KINDS, kind)) throw new Error('unreachable');
  return { site, lang, kind, notes };
}

/**
 * Parses one annotated source. Throws MarkupError (file and line) for a bad header,
 * unbalanced or nested markup, an empty surface, a missing `|`, or an unknown role.
 */
export function parseSource(file: string, source: string): ParsedSource {
  const src = source.replace(/\r\n?/g, '\n');
  const lines = src.split('\n');
  const sep = lines.findIndex((l) => l.trim() === '---');
  if (sep < 0) throw new MarkupError(file, 1, 'no "---" line between header and text');
  const header = parseHeader(file, lines.slice(0, sep));

  const body = lines.slice(sep + 1).join('\n');
  const bodyFirstLine = sep + 2;
  const lineAt = (pos: number): number => {
    let n = bodyFirstLine;
    for (let i = 0; i < pos; i++) if (body.charCodeAt(i) === 10) n++;
    return n;
  };

  let text = '';
  const mentions: RawMention[] = [];
  const others: RawOther[] = [];
  let i = 0;
  while (i < body.length) {
    const two = body.slice(i, i + 2);
    if (two === ']]' || two === '}}') throw new MarkupError(file, lineAt(i), `"${two}" without an opening bracket`);
    if (two !== '[[' && two !== '{{') {
      text += body[i];
      i++;
      continue;
    }
    const close = OPENERS[two];
    const end = body.indexOf(close, i + 2);
    if (end < 0) throw new MarkupError(file, lineAt(i), `"${two}" is never closed with "${close}"`);
    const inner = body.slice(i + 2, end);
    for (const bad of ['[[', '{{', ']]', '}}']) {
      if (inner.includes(bad)) throw new MarkupError(file, lineAt(i), `nested or unbalanced markup inside ${two}…${close}`);
    }
    const parts = inner.split('|');
    if (parts.length !== 2) throw new MarkupError(file, lineAt(i), `expected exactly one "|" in ${two}${inner}${close}`);
    const [surface = '', label = ''] = parts;
    if (surface.trim() === '' || surface !== surface.trim()) {
      throw new MarkupError(file, lineAt(i), `surface text is empty or has spaces at its ends: ${JSON.stringify(surface)}`);
    }
    const key = label.trim();
    if (key === '') throw new MarkupError(file, lineAt(i), `no person or role after "|"`);
    const start = text.length;
    text += surface;
    const span = { start, end: text.length, text: surface, line: lineAt(i) };
    if (two === '[[') {
      mentions.push({ ...span, person: key });
    } else {
      if (!isOneOf(ROLES, key)) throw new MarkupError(file, span.line, `role "${key}" is not one of ${ROLES.join(', ')}`);
      others.push({ ...span, role: key });
    }
    i = end + 2;
  }
  // One trailing newline, whatever the editor left; offsets are unaffected.
  text = text.replace(/\s+$/u, '') + '\n';
  return { header, text, mentions, others };
}

/** Words as a reader counts them: runs of letters or digits. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}
