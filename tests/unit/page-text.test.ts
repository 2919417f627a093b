import { beforeEach, describe, expect, it } from 'vitest';
import { fnv1a } from '@/lib/fnv';
import { blockOf, collectFlows, composedContains, findScanRoots, flowRange, FlowWalker, isInsideSkipped, rootsText, TextsHash } from '@/utils/page-text';

function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

const texts = (root: Element) => collectFlows(root).map((f) => f.text.replace(/\s+/g, ' ').trim());

describe('collectFlows', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('joins inline elements of one block into one flow', () => {
    const root = page('<p>Депутат Алексей <b>Горинов</b> и <a href="#"><i>Илья</i> Яшин</a>.</p>');
    expect(texts(root)).toEqual(['Депутат Алексей Горинов и Илья Яшин.']);
  });

  it('keeps a <br> inside the flow as a newline', () => {
    const root = page('<li>Бахтин<br>Александр Сергеевич<br>Подробнее</li>');
    const [flow] = collectFlows(root);
    expect(flow?.text).toBe('Бахтин\nАлександр Сергеевич\nПодробнее');
  });

  it('ends a flow at block boundaries, also inside inline content', () => {
    const root = page('<div>Alexey <p>interrupted</p> Gorinov</div><h2>Title</h2><p>Body</p>');
    expect(texts(root)).toEqual(['Alexey', 'interrupted', 'Gorinov', 'Title', 'Body']);
  });

  it('records which block each flow belongs to', () => {
    const root = page('<section><p id="a">One <em>two</em></p><p id="b">Three</p></section>');
    expect(collectFlows(root).map((f) => f.block.id)).toEqual(['a', 'b']);
  });

  it('skips scripts, styles, code, form fields, editors and our own UI', () => {
    const root = page(`
      <p>Visible Bakhtin</p>
      <script>var name = "Bakhtin";</script><style>.Bakhtin{}</style>
      <pre>Bakhtin in pre</pre><p>inline <code>Bakhtin()</code> code</p>
      <textarea>Бахтин Александр</textarea><input value="Бахтин">
      <select><option>Бахтин</option></select>
      <div contenteditable="true"><p>Editor Bakhtin</p></div>
      <div contenteditable><p>Editor two</p></div>
      <div contenteditable="plaintext-only">Editor three</div>
      <div contenteditable="false">Not an editor</div>
      <div role="textbox">Rich editor</div>
      <div hidden>Hidden Bakhtin</div>
      <not-alone-ui>Our own card</not-alone-ui>
      <template><p>Template Bakhtin</p></template>`);
    expect(texts(root)).toEqual(['Visible Bakhtin', 'inline', 'code', 'Not an editor']);
  });

  it('reads nothing when the root sits inside an editor', () => {
    page('<div contenteditable="true"><p id="inner">Бахтин</p></div>');
    const inner = document.getElementById('inner')!;
    expect(isInsideSkipped(inner)).toBe(true);
    expect(collectFlows(inner)).toEqual([]);
  });

  it('drops flows without letters', () => {
    const root = page('<p>   </p><p>12, 34</p><p>Имя</p>');
    expect(texts(root)).toEqual(['Имя']);
  });

  it('keeps short flows whose one letter is outside a-z and а-я, and drops short ones of signs', () => {
    const root = page('<p>é</p><p>1 Ω</p><p>中</p><p>«—»</p><p>[@]</p><p>~ 12 ~ 34 ~ 56 ~</p><p>* ё</p><p>…</p>');
    expect(texts(root)).toEqual(['é', '1 Ω', '中', '* ё']);
  });

  it('hands out flows one at a time', () => {
    const root = page('<p>A</p><p>B</p><p>C</p>');
    const walker = new FlowWalker(root);
    expect(walker.next()?.text).toBe('A');
    expect(walker.next()?.text).toBe('B');
    expect(walker.next()?.text).toBe('C');
    expect(walker.next()).toBeNull();
  });

  it('goes on past a node the page removed or replaced while the walk was paused', () => {
    const root = page('<p>A</p><p id="b">B</p><p>C</p><p>D</p>');
    const removed = new FlowWalker(root);
    expect(removed.next()?.text).toBe('A');
    document.getElementById('b')!.remove();
    expect([removed.next()?.text, removed.next()?.text, removed.next()]).toEqual(['C', 'D', null]);

    page('<p>A</p><p id="b">B</p><p>C</p><p>D</p>');
    const replaced = new FlowWalker(root);
    expect(replaced.next()?.text).toBe('A');
    const fresh = document.createElement('p');
    fresh.textContent = 'B2';
    document.getElementById('b')!.replaceWith(fresh);
    expect([replaced.next()?.text, replaced.next()?.text, replaced.next()?.text, replaced.next()]).toEqual(['B2', 'C', 'D', null]);

    // Deeper down too: the next paragraph of a section moved out of it, to the end of the page.
    page('<section><p>A</p><p id="b">B</p><p>C</p></section><p>D</p>');
    const moved = new FlowWalker(root);
    expect(moved.next()?.text).toBe('A');
    root.append(document.getElementById('b')!);
    expect([moved.next()?.text, moved.next()?.text, moved.next()?.text, moved.next()]).toEqual(['C', 'D', 'B', null]);
  });

  it('stops at the root even when the root is inline', () => {
    page('<p><span id="s">Inside</span> outside</p>');
    expect(texts(document.getElementById('s')!)).toEqual(['Inside']);
  });
});

describe('flowRange', () => {
  it('maps offsets to a range across text nodes', () => {
    const root = page('<p>Депутат Алексей <b>Горинов</b> осуждён</p>');
    const [flow] = collectFlows(root);
    const start = flow!.text.indexOf('Алексей');
    const end = flow!.text.indexOf(' осуждён');
    const range = flowRange(flow!, start, end)!;
    expect(range.toString()).toBe('Алексей Горинов');
    expect(range.startContainer).toBe(root.querySelector('p')!.firstChild);
    expect(range.endContainer).toBe(root.querySelector('b')!.firstChild);
    expect(range.endOffset).toBe('Горинов'.length);
  });

  it('spans a <br> line break', () => {
    const root = page('<li>• Бахтин<br>Александр Сергеевич<br>Подробнее</li>');
    const [flow] = collectFlows(root);
    const start = flow!.text.indexOf('Бахтин');
    const end = flow!.text.indexOf('\nПодробнее');
    const range = flowRange(flow!, start, end)!;
    expect(range.toString()).toBe('БахтинАлександр Сергеевич');
    expect(range.startOffset).toBe(2);
  });

  it('maps a mention that ends exactly at a node boundary to that node', () => {
    const root = page('<p><span>Ilya</span><span> Shakursky</span>, sentenced</p>');
    const [flow] = collectFlows(root);
    const range = flowRange(flow!, 0, 'Ilya Shakursky'.length)!;
    expect(range.toString()).toBe('Ilya Shakursky');
    expect((range.endContainer as Text).data).toBe(' Shakursky');
  });

  it('returns null for an empty span', () => {
    const root = page('<p>Name</p>');
    const [flow] = collectFlows(root);
    expect(flowRange(flow!, 2, 2)).toBeNull();
  });
});

describe('findScanRoots', () => {
  it('prefers outermost articles, then main, then body', () => {
    page('<nav>Menu</nav><main><article id="a"><article id="inner"></article></article><article id="b"></article></main>');
    expect(findScanRoots().map((e) => e.id)).toEqual(['a', 'b']);
    page('<nav>Menu</nav><main id="m"><p>Text</p></main>');
    expect(findScanRoots().map((e) => e.id)).toEqual(['m']);
    page('<div><p>Text</p></div>');
    expect(findScanRoots()).toEqual([document.body]);
  });
});

describe('TextsHash', () => {
  const hashOf = (texts: string[]) => {
    const hash = new TextsHash();
    for (const t of texts) hash.add(t);
    return hash.value;
  };

  it('is FNV-1a of the texts joined by U+0000, fed one text at a time', () => {
    for (const texts of [[], [''], ['Бахтин'], ['Бахтин', ''], ['', 'Бахтин'], ['Aleksandr', 'Bakhtin', 'и'], ['a\u0000b', 'c']]) {
      expect(hashOf(texts), JSON.stringify(texts)).toBe(fnv1a(texts.join('\u0000')) >>> 0);
    }
    expect(hashOf(['ab', 'c'])).not.toBe(hashOf(['a', 'bc']));
  });

  it('tells different texts apart and is stable', () => {
    expect(hashOf(['Бахтин'])).toBe(hashOf(['Бахтин']));
    expect(hashOf(['Бахтин'])).not.toBe(hashOf(['Бахтина']));
  });
});

describe('open shadow roots', () => {
  function withShadow(): { host: HTMLElement; shadow: ShadowRoot } {
    document.body.innerHTML = '<article><p>Light text</p><x-card id="host"><span slot="who">Aleksandr Bakhtin</span><b>unslotted</b></x-card><div id="closed"></div></article>';
    const host = document.getElementById('host')!;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p id="q">Sentenced: <slot name="who"></slot>.</p><p id="q2">Inside only</p>';
    document.getElementById('closed')!.attachShadow({ mode: 'closed' }).innerHTML = '<p>Closed text</p>';
    return { host, shadow };
  }

  it('reads the rendered content: shadow text and slotted nodes, not unslotted children or closed roots', () => {
    withShadow();
    const seen: ShadowRoot[] = [];
    const walker = new FlowWalker(document.body, (root) => seen.push(root));
    const flows: string[] = [];
    for (let f = walker.next(); f; f = walker.next()) flows.push(f.text);
    expect(flows).toEqual(['Light text', 'Sentenced: Aleksandr Bakhtin.', 'Inside only']);
    expect(seen).toHaveLength(1);
  });

  // (Slotted nodes get their slot's block through `assignedSlot`, which happy-dom lacks: the
  // e2e shadow-root page covers that.)
  it('gives shadow text its shadow block, and contains() across the boundary', () => {
    const { shadow } = withShadow();
    const q = shadow.getElementById('q')!;
    expect(blockOf(shadow.getElementById('q2')!.firstChild!)?.id).toBe('q2');
    expect(composedContains(document.body, q)).toBe(true);
    expect(composedContains(document.getElementById('host')!, q.firstChild!)).toBe(true);
    expect(document.body.contains(q)).toBe(false);
  });

  it('skips a shadow tree inside an editor', () => {
    document.body.innerHTML = '<div contenteditable="true"><x-e id="e"></x-e></div>';
    const shadow = document.getElementById('e')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p id="in">Aleksandr Bakhtin</p>';
    expect(isInsideSkipped(shadow.getElementById('in')!)).toBe(true);
    expect(texts(document.body)).toEqual([]);
  });
});

describe('rootsText', () => {
  it('equals the roots’ textContent joined by line breaks', () => {
    document.body.innerHTML =
      '<article><h1>Алексей <b>Горинов</b></h1><p>Aleksandr<br>Bakhtin <i>and</i> others</p><!-- c --><p>x</p></article>' +
      '<aside>Ilya <span>Shakursky</span></aside>';
    const roots = [document.querySelector('article')!, document.querySelector('aside')!];
    expect([...rootsText(roots)].join('')).toBe(roots.map((r) => r.textContent).join('\n'));
  });
});
