/**
 * `npm run detect -- [--json] FILE...`: runs the content script's matcher with the bundled
 * index over text files (.txt: the whole file; .html: the body's text) and prints the mentions.
 * With --json, one line per file: {"file", "mentions": [{start, end, text, ids, names, kind, confidence}]}.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Window } from 'happy-dom';
import { htmlText } from '../lib/html-text';
import { checkIndex, type PrisonerIndex, type PrisonerRecord } from '../lib/index-schema';
import { createMatcher } from '../lib/matcher';
import { toMatcherData } from '../lib/matcher-data';
import type { Matcher, Mention } from '../lib/matcher-types';

export const INDEX_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../data/index.json');

export function loadIndex(path = INDEX_PATH): PrisonerIndex {
  const checked = checkIndex(JSON.parse(readFileSync(path, 'utf8')));
  if (!checked.ok) throw new Error(`${path}: ${checked.reason}`);
  return checked.index;
}

/** The text the matcher reads from a file: a .html file's body text, any other file as it is. */
export function readDocumentText(path: string): string {
  const source = readFileSync(path, 'utf8');
  if (!/\.html?$/i.test(path)) return source;
  const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  try {
    const doc = new window.DOMParser().parseFromString(source, 'text/html');
    return htmlText(doc.body as unknown as Node);
  } finally {
    void window.happyDOM.close();
  }
}

/** Mentions in one document's text, as the content script would find them on one page. */
export function detectText(matcher: Matcher, text: string): Mention[] {
  return matcher.find(text, matcher.newPage(text));
}

export interface DetectedMention extends Mention {
  names: Array<{ en: string | null; ru: string | null }>;
}

export function describe(mentions: Mention[], byId: Map<string, PrisonerRecord>): DetectedMention[] {
  return mentions.map((m) => ({
    ...m,
    names: m.ids.map((id) => {
      const name = byId.get(id)?.name;
      return { en: name?.en ?? null, ru: name?.ru ?? null };
    }),
  }));
}

function main(argv: string[]): number {
  const json = argv.includes('--json');
  const files = argv.filter((a) => a !== '--json');
  if (files.length === 0) {
    console.error('usage: npm run detect -- [--json] FILE...');
    return 2;
  }
  const index = loadIndex();
  const matcher = createMatcher(toMatcherData(index));
  const byId = new Map(index.records.map((r) => [r.id, r]));
  let failed = 0;
  for (const file of files) {
    let text: string;
    try {
      text = readDocumentText(file);
    } catch (err) {
      console.error(`${file}: ${(err as Error).message}`);
      failed++;
      continue;
    }
    const mentions = describe(detectText(matcher, text), byId);
    if (json) {
      const out = mentions.map(({ start, end, text: t, ids, names, kind, confidence }) => ({ start, end, text: t, ids, names, kind, confidence }));
      console.log(JSON.stringify({ file, mentions: out }));
      continue;
    }
    console.log(`${file}: ${mentions.length} mention(s)`);
    for (const m of mentions) {
      const who = m.names.map((n) => n.en ?? n.ru).join(' | ');
      const flags = [m.kind, m.confidence === 'low' ? 'LOW confidence' : '', m.ids.length > 1 ? `${m.ids.length} namesakes` : '']
        .filter(Boolean)
        .join(', ');
      console.log(`  ${m.start}-${m.end}  ${JSON.stringify(m.text)}  → ${who}  (${flags})`);
    }
  }
  return failed > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
