import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { outermost, ScanScheduler, sliceTimer, whenVisible, type ScanRequest } from '@/utils/scan-scheduler';

let abort: AbortController;
let runs: ScanRequest[];

function start(opts: { hugeMutation?: number } = {}) {
  const host = document.getElementById('own')!;
  const scheduler = new ScanScheduler({
    signal: abort.signal,
    isOwnNode: (n) => n === host || host.contains(n),
    run: async (request) => {
      runs.push(request);
    },
    idleTimeoutMs: 20,
    ...opts,
  });
  scheduler.start();
  return scheduler;
}

const ids = (request: ScanRequest | undefined) => request?.blocks.map((b) => b.id).sort();

beforeEach(() => {
  abort = new AbortController();
  runs = [];
  document.body.innerHTML = '<div id="own"></div><article id="art"><p id="a">One</p><p id="b">Two <b id="bold">bold</b></p></article>';
});
afterEach(() => {
  abort.abort();
  Object.defineProperty(document, 'hidden', { value: false, configurable: true });
});

describe('ScanScheduler', () => {
  it('starts with one full scan', async () => {
    const scheduler = start();
    await scheduler.idle();
    expect(runs).toEqual([{ full: true, blocks: [] }]);
  });

  it('batches mutations into the blocks they touched, outermost only', async () => {
    const scheduler = start();
    await scheduler.idle();
    runs = [];
    (document.getElementById('bold')!.firstChild as Text).data = 'changed';
    document.getElementById('a')!.append(' more');
    const section = document.createElement('section');
    section.id = 'new';
    section.innerHTML = '<p id="inner">Inner</p>';
    document.getElementById('art')!.append(section);
    await vi.waitFor(() => expect(runs).toHaveLength(1));
    await scheduler.idle();
    expect(runs[0]!.full).toBe(false);
    // The <b> edit belongs to its block #b; the new section covers its own paragraph.
    expect(ids(runs[0])).toEqual(['a', 'b', 'new']);
  });

  it('ignores mutations inside our own UI', async () => {
    const scheduler = start();
    await scheduler.idle();
    runs = [];
    document.getElementById('own')!.innerHTML = '<p>Aleksandr Bakhtin</p>';
    await new Promise((r) => setTimeout(r, 80));
    await scheduler.idle();
    expect(runs).toEqual([]);
  });

  it('asks for one full rescan after a huge mutation', async () => {
    const scheduler = start({ hugeMutation: 50 });
    await scheduler.idle();
    runs = [];
    const art = document.getElementById('art')!;
    for (let i = 0; i < 80; i++) art.append(document.createElement('p'));
    await vi.waitFor(() => expect(runs).toHaveLength(1));
    expect(runs[0]).toEqual({ full: true, blocks: [] });
  });

  it('waits while the tab is hidden and runs when it shows again', async () => {
    Object.defineProperty(document, 'hidden', { value: true, configurable: true });
    const scheduler = start();
    await new Promise((r) => setTimeout(r, 80));
    expect(runs).toEqual([]);
    Object.defineProperty(document, 'hidden', { value: false, configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.waitFor(() => expect(runs).toHaveLength(1));
    await scheduler.idle();
  });

  it('leaves out changes that add or remove no text, and keeps those that can', async () => {
    const scheduler = start();
    await scheduler.idle();
    runs = [];
    const art = document.getElementById('art')!;
    // An ad slot and an empty text node right under the article: no flow changes.
    const slot = document.createElement('ins');
    art.append(slot, document.createTextNode(''));
    slot.remove();
    await new Promise((r) => setTimeout(r, 80));
    await scheduler.idle();
    expect(runs).toEqual([]);
    // A line break, an empty block (it splits a flow), an empty custom element (it may render
    // text of its own) and an inline element that holds text all may change what is read.
    const cases: Array<[() => Element, string]> = [
      // A <br> holds no flow of its own: the paragraph whose flow it changed is read again.
      [() => document.createElement('br'), 'a'],
      // A block is read as a block of its own (empty, it costs nothing to read).
      [() => Object.assign(document.createElement('div'), { id: 'empty' }), 'empty'],
      [() => document.createElement('ad-slot'), 'a'],
      [() => Object.assign(document.createElement('span'), { textContent: 'x' }), 'a'],
    ];
    for (const [make, block] of cases) {
      runs = [];
      const node = make();
      document.getElementById('a')!.append(node);
      await vi.waitFor(() => expect(runs).toHaveLength(1));
      await scheduler.idle();
      expect(ids(runs[0]), node.nodeName).toEqual([block]);
    }
    // Taking a line break out joins two lines of the paragraph's flow.
    const br = document.createElement('br');
    document.getElementById('b')!.prepend(br);
    await vi.waitFor(() => expect(runs.length).toBeGreaterThan(1));
    await scheduler.idle();
    runs = [];
    br.remove();
    await vi.waitFor(() => expect(runs).toHaveLength(1));
    expect(ids(runs[0])).toEqual(['b']);
  });

  it('reads a paragraph emptied of its text again, not the article around it', async () => {
    const scheduler = start();
    await scheduler.idle();
    runs = [];
    document.getElementById('a')!.firstChild!.remove();
    await vi.waitFor(() => expect(runs).toHaveLength(1));
    expect(ids(runs[0])).toEqual(['a']);
  });

  it('does nothing more once aborted', async () => {
    const scheduler = start();
    await scheduler.idle();
    runs = [];
    abort.abort();
    document.getElementById('a')!.append(' later');
    await new Promise((r) => setTimeout(r, 80));
    expect(runs).toEqual([]);
  });
});

describe('outermost', () => {
  it('drops elements inside others of the list', () => {
    const art = document.getElementById('art')!;
    const a = document.getElementById('a')!;
    const bold = document.getElementById('bold')!;
    expect(outermost([a, bold, art])).toEqual([art]);
    expect(outermost([a, bold])).toEqual([a, bold]);
  });
});

describe('pausing while hidden', () => {
  it('whenVisible waits for the tab to show again, or for the abort', async () => {
    Object.defineProperty(document, 'hidden', { value: true, configurable: true });
    let resumed = false;
    const waiting = whenVisible(document, abort.signal).then(() => (resumed = true));
    document.dispatchEvent(new Event('visibilitychange'));
    await new Promise((r) => setTimeout(r, 10));
    expect(resumed).toBe(false);
    Object.defineProperty(document, 'hidden', { value: false, configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    await waiting;
    expect(resumed).toBe(true);

    Object.defineProperty(document, 'hidden', { value: true, configurable: true });
    const stopped = whenVisible(document, abort.signal);
    abort.abort();
    await stopped;
  });
});

describe('sliceTimer', () => {
  it('adds up the work of all slices, leaving out the pauses between them', () => {
    // A controlled clock: the test checks the bookkeeping, not how fast this machine is.
    let now = 1000;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => now);
    try {
      const timer = sliceTimer(5);
      now += 8; // a slice of 8 ms of work
      expect(timer.spent()).toBe(true);
      now += 40; // a pause: the page's turn
      timer.reset();
      now += 3; // the next slice, within budget
      expect(timer.spent()).toBe(false);
      expect(timer.total).toBe(11);
      expect(timer.longest).toBe(8);
    } finally {
      clock.mockRestore();
    }
  });
});
