import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compareRanges, HIGHLIGHT_NAMES, highlightCss, MarkStore, installHighlightStyles, setHighlightStyle } from '@/utils/highlights';
import { collectFlows, flowRange, type TextFlow } from '@/utils/page-text';
import type { Mention } from '@/lib/matcher-types';

/** happy-dom has no Highlight API: a stand-in with the same surface (a Set of ranges). */
class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
  constructor(...ranges: AbstractRange[]) {
    super(ranges);
  }
}

const registry = new Map<string, FakeHighlight>();

beforeEach(() => {
  registry.clear();
  (window as unknown as { Highlight: unknown }).Highlight = FakeHighlight;
  Object.defineProperty(window, 'CSS', { value: { highlights: registry }, configurable: true, writable: true });
  document.body.innerHTML = '';
});
afterEach(() => {
  delete (window as unknown as { Highlight?: unknown }).Highlight;
  Object.defineProperty(window, 'CSS', { value: {}, configurable: true, writable: true });
});

function mention(text: string, flowText: string, confidence: Mention['confidence'] = 'high'): Mention {
  const start = flowText.indexOf(text);
  return { start, end: start + text.length, text, ids: ['x'], kind: 'full', confidence };
}

/** The text under a registered (static) range, read through a live copy. */
function textOf(r: AbstractRange): string {
  const live = document.createRange();
  live.setStart(r.startContainer, r.startOffset);
  live.setEnd(r.endContainer, r.endOffset);
  return live.toString();
}

function markAll(store: MarkStore, names: string[], confidence: Mention['confidence'] = 'high') {
  for (const flow of collectFlows(document.body)) {
    for (const name of names) {
      if (!flow.text.includes(name)) continue;
      const m = mention(name, flow.text, confidence);
      store.add(m, flowRange(flow, m.start, m.end)!, flow.block);
    }
  }
}

describe('MarkStore', () => {
  it('registers its highlights and draws marks by confidence', () => {
    document.body.innerHTML = '<p>Алексей <b>Горинов</b></p><p>Ivan Petrov</p>';
    const store = new MarkStore(window);
    expect(store.canDraw).toBe(true);
    expect([...registry.keys()].sort()).toEqual(Object.values(HIGHLIGHT_NAMES).sort());
    markAll(store, ['Алексей Горинов']);
    markAll(store, ['Ivan Petrov'], 'low');
    expect(registry.get(HIGHLIGHT_NAMES.high)!.size).toBe(1);
    expect(registry.get(HIGHLIGHT_NAMES.low)!.size).toBe(1);
    expect([...registry.get(HIGHLIGHT_NAMES.high)!].map(textOf)).toEqual(['Алексей Горинов']);
    // Nothing registered is a live Range: the page's DOM edits must not have to update them.
    expect([...registry.get(HIGHLIGHT_NAMES.high)!].some((r) => r instanceof Range)).toBe(false);
  });

  it('lists marks in document order whatever order they were added in', () => {
    document.body.innerHTML = '<p id="a">First Name</p><p id="b">Second Name</p>';
    const store = new MarkStore(window);
    markAll(store, ['Second Name']);
    markAll(store, ['First Name']);
    expect(store.all().map((m) => m.text)).toEqual(['First Name', 'Second Name']);
  });

  it('appends the flows of a scan in document order as they come, in the same order a sorted insert gives', () => {
    document.body.innerHTML = '<p>One Name</p><div>Two Name <p>Three Name</p> Four Name</div><p>Five Name and Six Name</p>';
    const names = ['One Name', 'Two Name', 'Three Name', 'Four Name', 'Five Name', 'Six Name'];
    const mentionsOf = (flow: TextFlow) => names.filter((n) => flow.text.includes(n)).map((n) => mention(n, flow.text));
    const sorted = new MarkStore(window);
    const appended = new MarkStore(window);
    for (const flow of collectFlows(document.body)) {
      sorted.addFlow(flow, mentionsOf(flow));
      appended.addFlow(flow, mentionsOf(flow), true);
    }
    expect(appended.all().map((m) => m.text)).toEqual(names);
    expect(appended.all().map((m) => m.text)).toEqual(sorted.all().map((m) => m.text));
    // Without the hint, a flow added out of order still finds its place.
    const late = new MarkStore(window);
    for (const flow of collectFlows(document.body).reverse()) late.addFlow(flow, mentionsOf(flow));
    expect(late.all().map((m) => m.text)).toEqual(names);
  });

  it('keeps reading order when a block in mid-page is marked again, or all blocks are', () => {
    document.body.innerHTML = '<p>One Name</p><div id="mid">Two Name <p>Three Name</p> Four Name</div><p>Five Name</p>';
    const names = ['One Name', 'Two Name', 'Three Name', 'Four Name', 'Five Name'];
    const store = new MarkStore(window);
    markAll(store, names);
    expect(store.all().map((m) => m.text)).toEqual(names);
    const before = store.all().map((m) => m.key);
    // The middle block's own flows (around the nested paragraph) are marked again.
    const mid = document.getElementById('mid')!;
    store.removeOwn(mid);
    for (const flow of collectFlows(mid).filter((f) => f.block === mid)) {
      store.addFlow(flow, ['Two Name', 'Four Name'].filter((n) => flow.text.includes(n)).map((n) => mention(n, flow.text)));
    }
    expect(store.all().map((m) => m.text)).toEqual(names);
    expect(store.all().map((m) => m.key)).not.toEqual(before);
    store.removeWithin(document.body);
    expect(store.all()).toEqual([]);
    markAll(store, names);
    expect(store.all().map((m) => m.text)).toEqual(names);
  });

  it('draws one focused mark at a time, above the others', () => {
    document.body.innerHTML = '<p>One Name and Two Name</p>';
    const store = new MarkStore(window);
    markAll(store, ['One Name', 'Two Name']);
    const [one, two] = store.all();
    store.setFocused(one!);
    store.setFocused(two!);
    const focus = registry.get(HIGHLIGHT_NAMES.focus)!;
    expect(focus.priority).toBeGreaterThan(registry.get(HIGHLIGHT_NAMES.high)!.priority);
    expect([...focus]).toEqual([two!.range]);
    store.setFocused(null);
    expect(focus.size).toBe(0);
  });

  it('prunes marks whose text left the page and reports a block as not intact', () => {
    document.body.innerHTML = '<p id="p">Some Name here</p>';
    const store = new MarkStore(window);
    markAll(store, ['Some Name']);
    const p = document.getElementById('p')!;
    expect(store.blockIntact(p)).toBe(true);
    p.innerHTML = 'Some Name here'; // a framework re-render: same text, new nodes
    expect(store.blockIntact(p)).toBe(false);
    expect(store.pruneDetached()).toBe(1);
    expect(store.all()).toEqual([]);
    expect(registry.get(HIGHLIGHT_NAMES.high)!.size).toBe(0);
  });

  it('removes the marks of a block and its descendants only', () => {
    document.body.innerHTML = '<section id="s"><p>Inner Name</p></section><p>Outer Name</p>';
    const store = new MarkStore(window);
    markAll(store, ['Inner Name', 'Outer Name']);
    store.removeWithin(document.getElementById('s')!);
    expect(store.all().map((m) => m.text)).toEqual(['Outer Name']);
  });

  it('unregisters everything on dispose', () => {
    const store = new MarkStore(window);
    store.dispose();
    expect(registry.size).toBe(0);
  });

  it('keeps marks without drawing when the Highlight API is missing', () => {
    Object.defineProperty(window, 'CSS', { value: {}, configurable: true, writable: true });
    document.body.innerHTML = '<p>Some Name</p>';
    const store = new MarkStore(window);
    expect(store.canDraw).toBe(false);
    markAll(store, ['Some Name']);
    expect(store.all()).toHaveLength(1);
  });

  it('puts the highlight styles inside our own host, not in the page', () => {
    const host = document.createElement('not-alone-ui');
    document.body.append(host);
    const style = installHighlightStyles(host);
    expect(style.parentElement).toBe(host);
    expect(style.textContent).toContain('::highlight(not-alone)');
    expect(document.head.querySelector('style')).toBeNull();
  });
});

describe('MarkStore with static ranges', () => {
  it('marks a flow in one pass with the same boundaries flowRange gives', () => {
    document.body.innerHTML = '<p>Алексей <b>Гори</b>нов и Ivan <i>Petrov</i>, also Some Name.</p>';
    const [flow] = collectFlows(document.body);
    const names = ['Алексей Горинов', 'Ivan Petrov', 'Some Name'];
    const mentions = names.map((n) => mention(n, flow!.text));
    const store = new MarkStore(window);
    expect(store.addFlow(flow!, mentions)).toBe(3);
    const got = store.all().map((m) => [m.range.startContainer, m.range.startOffset, m.range.endContainer, m.range.endOffset]);
    const want = mentions.map((m) => {
      const r = flowRange(flow!, m.start, m.end)!;
      return [r.startContainer, r.startOffset, r.endContainer, r.endOffset];
    });
    expect(got).toEqual(want);
    expect(store.all().map((m) => textOf(m.range))).toEqual(names);
  });

  it('treats a mark whose text node was rewritten as gone, though its node stays', () => {
    document.body.innerHTML = '<p id="p">Some Name here</p>';
    const store = new MarkStore(window);
    markAll(store, ['Some Name']);
    const text = document.getElementById('p')!.firstChild as Text;
    text.data = 'Other words here';
    expect(store.all()).toEqual([]);
    expect(store.blockIntact(document.getElementById('p')!)).toBe(false);
    expect(store.pruneDetached()).toBe(1);
  });

  it('keeps a mark when the page edits text elsewhere in its node', () => {
    document.body.innerHTML = '<p id="p">Some Name here</p>';
    const store = new MarkStore(window);
    markAll(store, ['Some Name']);
    (document.getElementById('p')!.firstChild as Text).appendData(' (updated)');
    expect(store.all().map((m) => m.text)).toEqual(['Some Name']);
  });

  it('gives a live range over a mark on demand, and none for a gone mark', () => {
    document.body.innerHTML = '<p id="p">Some Name here</p>';
    const store = new MarkStore(window);
    markAll(store, ['Some Name']);
    const [mark] = store.all();
    const live = store.liveRange(mark!);
    expect(live).toBeInstanceOf(Range);
    expect(live!.toString()).toBe('Some Name');
    document.getElementById('p')!.textContent = 'gone';
    expect(store.liveRange(mark!)).toBeNull();
  });
});

describe('MarkStore order with removed text', () => {
  it('leaves out marks whose text the page removed, instead of failing to sort', () => {
    document.body.innerHTML = '<p id="a">First Name</p><p id="b">Second Name</p>';
    const store = new MarkStore(window);
    markAll(store, ['First Name', 'Second Name']);
    expect(store.all()).toHaveLength(2);
    document.getElementById('a')!.remove();
    expect(store.all().map((m) => m.text)).toEqual(['Second Name']);
  });
});

describe('MarkStore after an update', () => {
  it('does not remove the highlights a newer copy registered', () => {
    const old = new MarkStore(window);
    const fresh = new MarkStore(window);
    const freshHigh = registry.get(HIGHLIGHT_NAMES.high);
    old.dispose();
    expect(registry.get(HIGHLIGHT_NAMES.high)).toBe(freshHigh);
    fresh.dispose();
    expect(registry.size).toBe(0);
  });
});

describe('marks in shadow trees and removed blocks', () => {
  it('orders marks across shadow roots by their hosts, without throwing', () => {
    document.body.innerHTML = '<p>Before Name</p><div id="h"></div><p>After Name</p>';
    const shadow = document.getElementById('h')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Inner Name</p>';
    const store = new MarkStore(window);
    for (const flow of [...collectFlows(document.body)].reverse()) {
      const name = flow.text.match(/\w+ Name/)![0];
      const m = mention(name, flow.text);
      store.add(m, flowRange(flow, m.start, m.end)!, flow.block);
    }
    expect(store.all().map((m) => m.text)).toEqual(['Before Name', 'Inner Name', 'After Name']);
    const [a, b] = [store.all()[0]!.range, store.all()[1]!.range];
    expect(compareRanges(a, b)).toBeLessThan(0);
    expect(compareRanges(b, a)).toBeGreaterThan(0);
  });

  it('drops a mark whose block the page removed', () => {
    document.body.innerHTML = '<article id="a"><p id="p">Some Name here</p></article>';
    const store = new MarkStore(window);
    markAll(store, ['Some Name']);
    document.getElementById('a')!.removeChild(document.getElementById('p')!);
    expect(store.pruneDetached()).toBe(1);
    expect(store.all()).toEqual([]);
  });
});

describe('highlight styles per mark style', () => {
  it('underlines, colours the background, or leaves room for the badge; focus is drawn in every style', () => {
    expect(highlightCss('underline')).toMatch(/::highlight\(not-alone\) \{ text-decoration: underline solid/);
    expect(highlightCss('background')).toMatch(/::highlight\(not-alone\) \{ background-color/);
    expect(highlightCss('icon')).toMatch(/::highlight\(not-alone\) \{ text-decoration: underline dotted 1px/);
    for (const style of ['underline', 'background', 'icon'] as const) expect(highlightCss(style)).toContain('::highlight(not-alone-focus)');
  });

  it('switches the installed styles in place', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const el = installHighlightStyles(host, 'underline');
    setHighlightStyle(el, 'background');
    expect(el.textContent).toBe(highlightCss('background'));
    expect(host.querySelectorAll('style')).toHaveLength(1);
  });
});
