/**
 * The content script's page logic in happy-dom with the real matcher on a two-person index:
 * scanning, incremental rescans, editors, the keyboard path, stale card replies and SPA resets.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMatcher } from '@/lib/matcher';
import type { MatcherData } from '@/lib/matcher-types';
import type { PrisonerRecord } from '@/lib/index-schema';
import { PageController } from '@/entrypoints/content/controller';
import { UiStore } from '@/entrypoints/content/ui-store';
import { sparseRecord } from './helpers/records';

const DATA: MatcherData = {
  version: 1,
  people: [
    {
      id: 'gorinov-alexei',
      forms: {
        last: ['gorinov', 'горинов', 'горинова', 'горинову', 'гориновым', 'горинове'],
        first: ['alexei', 'alexey', 'aleksei', 'алексей', 'алексея', 'алексею', 'алексеем', 'алексее'],
        middle: [],
      },
      hints: ['207.3'],
    },
    {
      id: 'bakhtin-aleksandr',
      forms: {
        last: ['bakhtin', 'бахтин', 'бахтина', 'бахтину', 'бахтиным', 'бахтине'],
        first: ['aleksandr', 'alexander', 'александр', 'александра', 'александру', 'александром', 'александре'],
        middle: ['сергеевич', 'сергеевича', 'сергеевичу', 'sergeevich'],
      },
      hints: ['207.3'],
    },
  ],
};

function record(id: string, en: string): PrisonerRecord {
  return sparseRecord({ id, name: { ru: null, en }, status: 'imprisoned', sources: [{ url: 'https://example.org/', kind: 'press', asOf: null }] });
}

let abort: AbortController;
let host: HTMLElement;

function setup(
  html: string,
  fetchRecords = vi.fn(async (ids: string[]) => ids.map((id) => record(id, id))),
  marking?: { enabled: boolean; showLowConfidence: boolean },
  data: MatcherData = DATA,
) {
  document.body.innerHTML = `<not-alone-ui id="host"></not-alone-ui><main><article>${html}</article></main>`;
  host = document.getElementById('host')!;
  const store = new UiStore({ locale: 'en', theme: null, marks: [], card: null, focusedKey: null });
  const reportMarked = vi.fn();
  const controller = new PageController({
    matcher: createMatcher(data),
    store,
    isOwnNode: (n) => n === host || host.contains(n),
    fetchRecords,
    reportMarked,
    signal: abort.signal,
    marking,
  });
  controller.start();
  return { controller, store, reportMarked, fetchRecords };
}

const texts = (store: UiStore) => store.state.marks.map((m) => m.text);

beforeEach(() => {
  abort = new AbortController();
});
afterEach(() => {
  abort.abort();
  document.body.innerHTML = '';
});

describe('PageController', () => {
  it('marks full names split across tags and later surnames, and reports who is marked', async () => {
    const { controller, store, reportMarked } = setup(
      '<p>Депутат Алексей <b>Горинов</b> осуждён по статье 207.3.</p><p>Горинов не признал вину.</p><p>Бахтин упомянут без имени.</p>',
    );
    await controller.settled();
    expect(texts(store)).toEqual(['Алексей Горинов', 'Горинов']);
    expect(reportMarked).toHaveBeenLastCalledWith(['gorinov-alexei']);
  });

  it('reads nothing in editors, fields, code or our own UI', async () => {
    const { controller, store } = setup(
      '<textarea>Алексей Горинов</textarea><div contenteditable="true">Алексей Горинов</div><pre>Алексей Горинов</pre><p>Статья 207.3.</p>',
    );
    host.textContent = 'Алексей Горинов';
    await controller.settled();
    expect(texts(store)).toEqual([]);
  });

  it('picks up added paragraphs and text edits, but ignores mutations in our own host', async () => {
    const { controller, store } = setup('<p id="p">Статья 207.3.</p>');
    await controller.settled();
    expect(texts(store)).toEqual([]);
    const added = document.createElement('p');
    added.textContent = 'Суд приговорил Александра Бахтина.';
    document.querySelector('article')!.append(added);
    await vi.waitFor(() => expect(texts(store)).toEqual(['Александра Бахтина']));
    (document.getElementById('p')!.firstChild as Text).data = 'Алексей Горинов, статья 207.3.';
    await vi.waitFor(() => expect(texts(store)).toEqual(['Алексей Горинов', 'Александра Бахтина']));
    host.append(document.createTextNode('Aleksandr Bakhtin'));
    await new Promise((r) => setTimeout(r, 100));
    await controller.settled();
    expect(texts(store)).toEqual(['Алексей Горинов', 'Александра Бахтина']);
  });

  it('re-marks a paragraph that a framework re-rendered with the same text', async () => {
    const { controller, store } = setup('<p id="p">Алексей <b>Горинов</b>, статья 207.3.</p>');
    await controller.settled();
    const before = store.state.marks[0]!.key;
    document.getElementById('p')!.innerHTML = 'Алексей <b>Горинов</b>, статья 207.3.';
    await vi.waitFor(() => expect(store.state.marks[0]?.key).not.toBe(before));
    expect(texts(store)).toEqual(['Алексей Горинов']);
    const range = controller.rangeOf(store.state.marks[0]!.key)!;
    expect(range.startContainer.isConnected).toBe(true);
  });

  it('keeps a surname alone unmarked after a re-render when the full name comes only later', async () => {
    const { controller, store } = setup('<p id="early">Горинов не признал вину.</p><p>Депутат Алексей Горинов осуждён по статье 207.3.</p>');
    await controller.settled();
    expect(texts(store)).toEqual(['Алексей Горинов']);
    const before = store.state.marks[0]!.key;
    // A framework re-renders the early paragraph with a small change: it is read again.
    document.getElementById('early')!.innerHTML = 'Горинов <i>не</i> признал вину полностью.';
    await new Promise((r) => setTimeout(r, 100));
    await controller.settled();
    expect(texts(store)).toEqual(['Алексей Горинов']);
    expect(store.state.marks[0]!.key).toBe(before);
  });

  it('after a rescan, marks a later surname alone only while an earlier block names the person in full', async () => {
    const { controller, store } = setup('<p id="first">Депутат Алексей Горинов осуждён по статье 207.3.</p><p>Горинов не признал вину.</p>');
    await controller.settled();
    expect(texts(store)).toEqual(['Алексей Горинов', 'Горинов']);
    // The full name leaves the first paragraph: the later surname alone no longer resolves.
    document.getElementById('first')!.textContent = 'Депутат осуждён по статье 207.3.';
    await vi.waitFor(() => expect(texts(store)).toEqual([]));
    // And it comes back: so does the later mark.
    document.getElementById('first')!.textContent = 'Депутат Алексей Горинов осуждён по статье 207.3.';
    await vi.waitFor(() => expect(texts(store)).toEqual(['Алексей Горинов', 'Горинов']));
  });

  it('cuts a batch of slow flows into slices: a match that outlasts the slice is followed by a pause', async () => {
    // A clock that only the matcher moves: each flow costs 20 ms, more than a slice's budget.
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    const events: string[] = [];
    const g = globalThis as { scheduler?: unknown };
    const had = Object.hasOwn(g, 'scheduler');
    const saved = g.scheduler;
    g.scheduler = { yield: async () => void events.push('pause') };
    try {
      const real = createMatcher(DATA);
      const matcher = Object.create(real, {
        find: {
          value: (text: string, page: unknown) => {
            clock += 20;
            events.push('find');
            return real.find(text, page as never);
          },
        },
      });
      document.body.innerHTML = `<main><article>${'<p>Алексей Горинов, статья 207.3.</p>'.repeat(6)}</article></main>`;
      const store = new UiStore({ locale: 'en', theme: null, marks: [], card: null, focusedKey: null });
      const controller = new PageController({ matcher, store, isOwnNode: () => false, fetchRecords: vi.fn(), reportMarked: vi.fn(), signal: abort.signal });
      controller.start();
      await vi.waitFor(() => expect(store.state.marks).toHaveLength(6));
      await controller.settled();
      const finds = events.filter((e) => e === 'find').length;
      expect(finds).toBe(6);
      // No two matches in one slice.
      expect(events.join(' ')).not.toContain('find find');
    } finally {
      if (had) g.scheduler = saved;
      else delete g.scheduler;
      vi.restoreAllMocks();
    }
  });

  it('publishes nothing after a batch that changed no mark', async () => {
    document.body.innerHTML = '<header id="clock">12:00</header><main><article><p>Алексей Горинов, статья 207.3.</p></article></main>';
    const store = new UiStore({ locale: 'en', theme: null, marks: [], card: null, focusedKey: null });
    const batches: number[] = [];
    const controller = new PageController({
      matcher: createMatcher(DATA),
      store,
      isOwnNode: () => false,
      fetchRecords: vi.fn(),
      reportMarked: vi.fn(),
      signal: abort.signal,
      onScanned: (report) => batches.push(report.batches),
    });
    controller.start();
    await vi.waitFor(() => expect(texts(store)).toEqual(['Алексей Горинов']));
    await controller.settled();
    const published = store.state.marks;
    const seen = batches.length;
    // A clock outside the article ticks: each tick is a batch, and none changes a mark.
    for (const time of ['12:01', '12:02']) {
      document.getElementById('clock')!.textContent = time;
      await vi.waitFor(() => expect(batches.length).toBeGreaterThan(seen + (time === '12:01' ? 0 : 1)));
    }
    expect(store.state.marks).toBe(published);
    // A name added in the article is published as before.
    document.querySelector('article')!.insertAdjacentHTML('beforeend', '<p>Суд над Александром Бахтиным.</p>');
    await vi.waitFor(() => expect(texts(store)).toEqual(['Алексей Горинов', 'Александром Бахтиным']));
  });

  it('opens a card from the keyboard and drops a stale reply for a card already replaced', async () => {
    let releaseFirst: (r: PrisonerRecord[]) => void = () => {};
    const fetchRecords = vi
      .fn<(ids: string[]) => Promise<PrisonerRecord[]>>()
      .mockImplementationOnce(() => new Promise((resolve) => (releaseFirst = resolve)))
      .mockImplementationOnce(async (ids) => ids.map((id) => record(id, 'Second reply')));
    const { controller, store } = setup('<p>Алексей Горинов и Александр Бахтин, статья 207.3.</p>', fetchRecords);
    await controller.settled();
    const [gorinov, bakhtin] = store.state.marks;
    controller.openFromKeyboard(gorinov!.key);
    expect(store.state.card?.content.state).toBe('loading');
    controller.openFromKeyboard(bakhtin!.key);
    await vi.waitFor(() => expect(store.state.card?.content.state).toBe('ready'));
    releaseFirst([record('gorinov-alexei', 'Late first reply')]);
    await new Promise((r) => setTimeout(r, 10));
    const card = store.state.card!;
    expect(card.markKey).toBe(bakhtin!.key);
    expect(card.content.state === 'ready' && card.content.records.map((r) => r.name.en)).toEqual(['Second reply']);
    expect(card.openedBy).toBe('keyboard');
  });

  it('takes up a newer index while the page is open: new people marked, kept records asked again', async () => {
    let status: PrisonerRecord['status'] = 'imprisoned';
    const fetchRecords = vi.fn(async (ids: string[]) => ids.map((id) => ({ ...record(id, id), status })));
    const onlyGorinov: MatcherData = { ...DATA, people: DATA.people.filter((p) => p.id === 'gorinov-alexei') };
    const { controller, store } = setup('<p>Алексей Горинов и Александр Бахтин, статья 207.3.</p>', fetchRecords, undefined, onlyGorinov);
    await controller.settled();
    expect(texts(store)).toEqual(['Алексей Горинов']);
    const shownStatus = () => (store.state.card?.content.state === 'ready' ? store.state.card.content.records[0]?.status : undefined);
    controller.openFromKeyboard(store.state.marks[0]!.key);
    await vi.waitFor(() => expect(shownStatus()).toBe('imprisoned'));
    controller.closeCard(false);
    // Opened again: the kept record serves, nothing is asked.
    controller.openFromKeyboard(store.state.marks[0]!.key);
    expect(shownStatus()).toBe('imprisoned');
    expect(fetchRecords).toHaveBeenCalledTimes(1);

    status = 'released';
    controller.useIndex(createMatcher(DATA));
    expect(store.state.card).toBeNull();
    await vi.waitFor(() => expect(texts(store)).toEqual(['Алексей Горинов', 'Александр Бахтин']));
    controller.openFromKeyboard(store.state.marks[0]!.key);
    await vi.waitFor(() => expect(shownStatus()).toBe('released'));
    expect(fetchRecords).toHaveBeenCalledTimes(2);
  });

  it('closes the card on Escape', async () => {
    const { controller, store } = setup('<p>Алексей Горинов, статья 207.3.</p>');
    await controller.settled();
    controller.openFromKeyboard(store.state.marks[0]!.key);
    expect(store.state.card).not.toBeNull();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(store.state.card).toBeNull();
  });

  it('starts over on SPA navigation and stops on invalidation', async () => {
    const { controller, store } = setup('<p id="p">Алексей Горинов, статья 207.3.</p>');
    await controller.settled();
    expect(texts(store)).toEqual(['Алексей Горинов']);
    document.querySelector('article')!.innerHTML = '<p>Бахтин без имени. Александр Бахтин, статья 207.3.</p>';
    controller.navigate();
    await vi.waitFor(() => expect(texts(store)).toEqual(['Александр Бахтин']));
    abort.abort();
    document.querySelector('article')!.innerHTML = '<p>Алексей Горинов, статья 207.3.</p>';
    await new Promise((r) => setTimeout(r, 150));
    expect(texts(store)).toEqual(['Александр Бахтин']);
  });

  it('follows the settings: off clears every mark and stops reading, on reads the page again', async () => {
    const { controller, store, reportMarked } = setup('<p>Алексей Горинов, статья 207.3.</p>', undefined, { enabled: false, showLowConfidence: false });
    await new Promise((r) => setTimeout(r, 60));
    expect(texts(store)).toEqual([]);
    controller.setMarking({ enabled: true, showLowConfidence: false });
    await vi.waitFor(() => expect(texts(store)).toEqual(['Алексей Горинов']));
    controller.setMarking({ enabled: false, showLowConfidence: false });
    expect(texts(store)).toEqual([]);
    expect(reportMarked).toHaveBeenLastCalledWith([]);
    // Switched off, page changes are not read.
    document.querySelector('article')!.insertAdjacentHTML('beforeend', '<p>Александр Бахтин, статья 207.3.</p>');
    await new Promise((r) => setTimeout(r, 80));
    expect(texts(store)).toEqual([]);
  });

  it('leaves out low-confidence mentions unless the reader wants them', async () => {
    // No prosecution context on this page: a plain full name is low confidence.
    const html = '<p>Александр Бахтин пришёл на концерт.</p>';
    const { controller, store } = setup(html, undefined, { enabled: true, showLowConfidence: false });
    await controller.settled();
    expect(texts(store)).toEqual([]);
    controller.setMarking({ enabled: true, showLowConfidence: true });
    await vi.waitFor(() => expect(texts(store)).toEqual(['Александр Бахтин']));
  });

  it('shows a person on request: focuses their first mark and moves the keyboard entry to it', async () => {
    const { controller, store } = setup('<p>Алексей Горинов и Александр Бахтин, статья 207.3. Бахтин тоже.</p>');
    await controller.settled();
    const bakhtin = store.state.marks.find((m) => m.ids.includes('bakhtin-aleksandr'))!;
    expect(controller.showPerson('bakhtin-aleksandr')).toBe(true);
    expect(store.state.focusedKey).toBe(bakhtin.key);
    expect(store.state.proxyRequest).toEqual({ key: bakhtin.key, seq: 1 });
    controller.showPerson('bakhtin-aleksandr');
    expect(store.state.proxyRequest?.seq).toBe(2);
    expect(controller.showPerson('nobody')).toBe(false);
  });
});
