/** `npm run detect` as a user runs it: a child process over real files, one JSON line per file. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { htmlText } from '@/lib/html-text';

const ROOT = resolve(import.meta.dirname, '../..');
const SEED = 'tests/fixtures/seeds/001_0454209351fb7270.txt';
const work = mkdtempSync(join(tmpdir(), 'detect-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Line {
  file: string;
  mentions: Array<{ start: number; end: number; text: string; ids: string[]; names: Array<{ en: string | null; ru: string | null }> }>;
}

function detect(...files: string[]): Line[] {
  const run = spawnSync('npx', ['tsx', 'scripts/detect.ts', '--json', ...files], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return run.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Line);
}

describe('npm run detect -- --json', () => {
  const html = join(work, 'page.html');
  writeFileSync(
    html,
    `<!doctype html><html><head><title>Александр Бахтин</title><script>var x = "Александр Бахтин";</script></head>
     <body><h1>Суд над Александром <b>Бахтиным</b></h1>
       <p>Письма для Бахтина</p>
       <div>Александр</div><div>Бахтин</div>
       <p>Бахтин<br>Александр Сергеевич</p></body></html>`,
  );
  const [txtLine, htmlLine] = detect(SEED, html);

  it('prints one line per file with offsets into the whole .txt file', () => {
    const text = readFileSync(resolve(ROOT, SEED), 'utf8');
    expect(txtLine!.file).toBe(SEED);
    expect(txtLine!.mentions.length).toBeGreaterThan(10);
    for (const m of txtLine!.mentions) {
      expect(text.slice(m.start, m.end)).toBe(m.text);
      expect(m.ids).toEqual(['bakhtin-aleksandr']);
      expect(m.names).toEqual([{ en: 'Aleksandr Bakhtin', ru: 'Бахтин Александр Сергеевич' }]);
    }
    expect(txtLine!.mentions.map((m) => m.text)).toContain('Бахтину Александру Сергеевичу');
  });

  it('reads an .html file as its body text: inline tags joined, blocks apart, scripts skipped', () => {
    expect(htmlLine!.file).toBe(html);
    // The two <div>s do not make one full name; the second is a surname-only mention.
    expect(htmlLine!.mentions.map((m) => m.text)).toEqual(['Александром Бахтиным', 'Бахтина', 'Бахтин', 'Бахтин\nАлександр Сергеевич']);
  });
});

describe('htmlText', () => {
  const text = (source: string) => {
    const window = new Window();
    const doc = new window.DOMParser().parseFromString(source, 'text/html');
    return htmlText(doc.body as unknown as Node);
  };
  it('collapses source white space and separates blocks by an empty line', () => {
    expect(text('<p>Дмитрий\n   <i>Иванов</i></p><ul><li>один</li><li>два</li></ul>')).toBe('Дмитрий Иванов\n\nодин\n\nдва');
  });
  it('turns <br> into a single line break and skips style and script', () => {
    expect(text('<div>a<br>b<style>p{}</style><script>1</script></div>')).toBe('a\nb');
  });
});
