import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { App, FOCUS_WAIT_MS, type UiActions } from '@/entrypoints/content/App';
import { UiStore, type OpenCard, type UiState } from '@/entrypoints/content/ui-store';
import type { PrisonerRecord } from '@/lib/index-schema';
import { sparseRecord } from './helpers/records';

afterEach(cleanup);

function setup(patch: Partial<UiState> = {}) {
  const store = new UiStore({
    locale: 'en',
    theme: null,
    marks: [
      { key: 1, text: 'Dmitry Pchelintsev', ids: ['pchelintsev-dmitry'] },
      { key: 2, text: 'Ilya Shakursky', ids: ['shakursky-ilya'] },
      { key: 3, text: 'Pchelintsev', ids: ['pchelintsev-dmitry'] },
    ],
    card: null,
    focusedKey: null,
    ...patch,
  });
  const actions: UiActions = {
    focusMark: vi.fn(),
    blurMarks: vi.fn(),
    openFromKeyboard: vi.fn(),
    closeCard: vi.fn(),
    rangeOf: () => null,
    cardPointer: vi.fn(),
  };
  render(<App store={store} actions={actions} />);
  return { store, actions };
}

describe('keyboard entry to the marks', () => {
  it('is one labelled tab stop that arrow keys move through the marks', () => {
    const { actions } = setup();
    const nav = screen.getByRole('navigation');
    expect(nav.getAttribute('aria-label')).toBe('Not Alone: 2 political prisoners named on this page, 3 mentions');
    expect(screen.getAllByRole('button')).toHaveLength(1);
    const first = screen.getByRole('button');
    expect(first.getAttribute('aria-label')).toBe('Dmitry Pchelintsev, 1 of 3');
    // Inside a toolbar (screen readers switch to focus mode there), with its keys in words.
    const toolbar = first.closest('[role="toolbar"]');
    expect(toolbar?.getAttribute('aria-label')).toBe('Marked names');
    expect(nav.contains(toolbar)).toBe(true);
    const keys = document.getElementById(first.getAttribute('aria-describedby')!);
    expect(keys?.textContent).toBe('Enter: details. Down arrow: next name, Up arrow: previous.');
    expect(first.getAttribute('tabindex')).toBeNull();
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    const second = screen.getByRole('button');
    expect(second.getAttribute('aria-label')).toMatch(/^Ilya Shakursky, 2 of 3/);
    expect(document.activeElement).toBe(second);
    fireEvent.keyDown(second, { key: 'End' });
    expect(screen.getByRole('button').getAttribute('aria-label')).toMatch(/^Pchelintsev, 3 of 3/);
    fireEvent.keyDown(screen.getByRole('button'), { key: 'ArrowDown' });
    expect(screen.getByRole('button').getAttribute('aria-label')).toMatch(/^Dmitry Pchelintsev, 1 of 3/);
    fireEvent.click(screen.getByRole('button'));
    expect(actions.openFromKeyboard).toHaveBeenCalledWith(1);
    expect(actions.focusMark).toHaveBeenCalledWith(2);
    // Every button it becomes keeps the description.
    expect(screen.getByRole('button').getAttribute('aria-describedby')).toBe(first.getAttribute('aria-describedby'));
  });

  it('describes its keys in Russian for a Russian reader', () => {
    setup({ locale: 'ru' });
    const button = screen.getByRole('button');
    expect(button.getAttribute('aria-label')).toBe('Dmitry Pchelintsev, 1 из 3');
    expect(document.getElementById(button.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Enter — подробности. Стрелка вниз — следующее имя, стрелка вверх — предыдущее.',
    );
  });

  it('moves to and focuses the mark "Show on the page" asks for, again on a repeat', async () => {
    const { store } = setup();
    act(() => store.update({ proxyRequest: { key: 3, seq: 1 } }));
    const button = screen.getByRole('button');
    expect(button.getAttribute('aria-label')).toMatch(/^Pchelintsev, 3 of 3/);
    expect(document.activeElement).toBe(button);
    button.blur();
    act(() => store.update({ proxyRequest: { key: 3, seq: 2 } }));
    expect(document.activeElement).toBe(screen.getByRole('button'));
  });

  it('renders nothing when the page has no marks', () => {
    setup({ marks: [] });
    expect(screen.queryByRole('navigation')).toBeNull();
  });
});

describe('the focused mark in forced colours', () => {
  /** A `(forced-colors: active)` query whose answer the test changes, telling its listeners. */
  function forcedColours(matches: boolean) {
    const listeners = new Set<() => void>();
    const query = {
      matches,
      addEventListener: (_: string, fn: () => void) => listeners.add(fn),
      removeEventListener: (_: string, fn: () => void) => listeners.delete(fn),
    };
    vi.stubGlobal('matchMedia', (q: string) => (q === '(forced-colors: active)' ? query : { matches: false, addEventListener() {}, removeEventListener() {} }));
    return (next: boolean) => {
      query.matches = next;
      for (const fn of listeners) fn();
    };
  }
  /** Mark 2 spans two lines; the other marks have no geometry. */
  const lines = [new DOMRect(40, 100, 120, 20), new DOMRect(0, 124, 60, 20)];
  /** The App with mark 2 in focus. */
  function setupRing() {
    const { store, actions } = setup();
    actions.rangeOf = (key) => (key === 2 ? ({ getClientRects: () => lines, commonAncestorContainer: document.body } as unknown as Range) : null);
    act(() => store.update({ focusedKey: 2 }));
    return store;
  }
  const rings = () => Array.from(document.querySelectorAll<HTMLElement>('.na-focus-ring'));
  afterEach(() => vi.unstubAllGlobals());

  it('is outlined on every line it covers, and the ring follows the focus and goes with it', () => {
    forcedColours(true);
    const store = setupRing();
    expect(rings().map((r) => [r.style.left, r.style.top, r.style.width, r.style.height])).toEqual([
      ['40px', '100px', '120px', '20px'],
      ['0px', '124px', '60px', '20px'],
    ]);
    expect(rings()[0]!.closest('[aria-hidden="true"]')).not.toBeNull();
    act(() => store.update({ focusedKey: 1 }));
    expect(rings()).toHaveLength(0);
    act(() => store.update({ focusedKey: 2 }));
    expect(rings()).toHaveLength(2);
    act(() => store.update({ focusedKey: null }));
    expect(document.querySelector('.na-focus-rings')).toBeNull();
  });

  it('is cut to the box the mark sits in, so a line the box has scrolled away gets no ring', () => {
    forcedColours(true);
    const box = document.body.appendChild(document.createElement('div'));
    box.style.overflowY = 'auto';
    // Inside its borders the box shows 0..200 × 0..110: the mark's first line is cut at the
    // right, its second line (124..144) is scrolled out of sight.
    box.getBoundingClientRect = () => new DOMRect(0, 0, 200, 110);
    Object.defineProperties(box, { clientLeft: { value: 0 }, clientTop: { value: 0 }, clientWidth: { value: 150 }, clientHeight: { value: 110 } });
    const { store, actions } = setup();
    actions.rangeOf = (key) => (key === 2 ? ({ getClientRects: () => lines, commonAncestorContainer: box } as unknown as Range) : null);
    act(() => store.update({ focusedKey: 2 }));
    expect(rings().map((r) => [r.style.left, r.style.top, r.style.width, r.style.height])).toEqual([['40px', '100px', '110px', '10px']]);
    box.remove();
  });

  it('is not drawn in ordinary colours, where the focus highlight shows it, and appears when the mode turns on', () => {
    const turn = forcedColours(false);
    setupRing();
    expect(document.querySelector('.na-focus-rings')).toBeNull();
    act(() => turn(true));
    expect(rings()).toHaveLength(2);
    act(() => turn(false));
    expect(document.querySelector('.na-focus-rings')).toBeNull();
  });
});

/** A released man with no address: enough for a card with a name. */
const shakursky: PrisonerRecord = sparseRecord({
  id: 'shakursky-ilya',
  name: { en: 'Ilya Shakursky', ru: 'Шакурский Илья Александрович' },
  status: 'released',
  statusAsOf: '2024-08-01',
  sources: [{ url: 'https://memopzk.org/figurant/shakurskij', kind: 'memopzk', asOf: '2024-08-01' }],
  forms: { last: ['шакурский'], first: ['илья'], middle: [] },
});

describe('card layer', () => {
  it('from the keyboard, takes focus once the details are there, named after the person; Escape asks to close', () => {
    const { store, actions } = setup();
    const proxy = screen.getByRole('button');
    proxy.focus();
    const card: OpenCard = { token: 7, markKey: 2, ids: ['shakursky-ilya'], lowConfidence: false, openedBy: 'keyboard', content: { state: 'loading' } };
    act(() => store.update({ card }));
    const dialog = screen.getByRole('dialog');
    // While loading: named by the words on the page, and focus waits on the entry.
    expect(dialog.getAttribute('aria-label')).toBe('Ilya Shakursky');
    expect(dialog.getAttribute('aria-labelledby')).toBeNull();
    expect(document.activeElement).toBe(proxy);
    act(() => store.update({ card: { ...card, content: { state: 'ready', records: [shakursky] } } }));
    const heading = document.getElementById(dialog.getAttribute('aria-labelledby')!);
    expect(heading?.tagName).toBe('H2');
    expect(heading?.textContent).toBe('Ilya Shakursky');
    expect(dialog.getAttribute('aria-label')).toBeNull();
    expect(document.activeElement).toBe(dialog);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(actions.closeCard).toHaveBeenCalledWith(true);
  });

  it('takes focus at once when the details are already there', () => {
    setup({ card: { token: 9, markKey: 2, ids: ['shakursky-ilya'], lowConfidence: false, openedBy: 'keyboard', content: { state: 'ready', records: [shakursky] } } });
    expect(document.activeElement).toBe(screen.getByRole('dialog'));
  });

  it('takes focus anyway when the details are slow, named by the mark and not "Loading…"', () => {
    vi.useFakeTimers();
    try {
      const { store } = setup();
      screen.getByRole('button').focus();
      act(() => store.update({ card: { token: 10, markKey: 3, ids: ['pchelintsev-dmitry'], lowConfidence: false, openedBy: 'keyboard', content: { state: 'loading' } } }));
      const dialog = screen.getByRole('dialog');
      act(() => void vi.advanceTimersByTime(FOCUS_WAIT_MS - 1));
      expect(document.activeElement).not.toBe(dialog);
      act(() => void vi.advanceTimersByTime(1));
      expect(document.activeElement).toBe(dialog);
      expect(dialog.getAttribute('aria-label')).toBe('Pchelintsev');
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not pull focus back if the reader moved on while the details loaded', () => {
    const { store } = setup();
    const outside = document.createElement('button');
    document.body.append(outside);
    screen.getAllByRole('button')[0]!.focus();
    const card: OpenCard = { token: 11, markKey: 2, ids: ['shakursky-ilya'], lowConfidence: false, openedBy: 'keyboard', content: { state: 'loading' } };
    act(() => store.update({ card }));
    outside.focus();
    act(() => store.update({ card: { ...card, content: { state: 'ready', records: [shakursky] } } }));
    expect(document.activeElement).toBe(outside);
    outside.remove();
  });

  it('does not take focus when opened by hover', () => {
    setup({ card: { token: 8, markKey: 2, ids: ['shakursky-ilya'], lowConfidence: false, openedBy: 'hover', content: { state: 'loading' } } });
    expect(document.activeElement).not.toBe(screen.getByRole('dialog'));
  });
});

describe('the icon badges', () => {
  const nextFrame = () => act(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));
  const badgeTops = () => Array.from(document.querySelectorAll<HTMLElement>('.na-mark-badge')).map((b) => b.style.top);

  it('are measured again when a box inside the page scrolls, and only moved when the window does', async () => {
    const { store, actions } = setup({ markStyle: 'icon' });
    let top = 100;
    actions.rangeOf = (key) => (key === 2 ? ({ getClientRects: () => [new DOMRect(40, top, 120, 20)], commonAncestorContainer: document.body } as unknown as Range) : null);
    act(() => store.update({ marks: [...store.state.marks] }));
    expect(badgeTops()).toEqual(['100px']);

    const box = document.body.appendChild(document.createElement('div'));
    top = 60;
    box.dispatchEvent(new Event('scroll'));
    await nextFrame();
    expect(badgeTops()).toEqual(['60px']);

    // The window's own scroll moves the whole layer by a transform; nothing is measured.
    top = 30;
    document.dispatchEvent(new Event('scroll'));
    await nextFrame();
    expect(badgeTops()).toEqual(['60px']);
    expect(document.querySelector<HTMLElement>('.na-mark-badges')!.style.transform).toMatch(/^translate\(/);
    box.remove();
  });

  it('are left off names their box has scrolled out of sight', () => {
    const box = document.body.appendChild(document.createElement('div'));
    box.style.overflowY = 'auto';
    box.getBoundingClientRect = () => new DOMRect(0, 0, 300, 120);
    Object.defineProperties(box, { clientLeft: { value: 0 }, clientTop: { value: 0 }, clientWidth: { value: 300 }, clientHeight: { value: 120 } });
    const { store, actions } = setup({ markStyle: 'icon' });
    // Mark 1 is inside the box's view, mark 3 below it; mark 2 is outside the box altogether.
    const at: Record<number, [number, Node]> = { 1: [50, box], 2: [400, document.body], 3: [200, box] };
    actions.rangeOf = (key) => ({ getClientRects: () => [new DOMRect(10, at[key]![0], 80, 20)], commonAncestorContainer: at[key]![1] }) as unknown as Range;
    act(() => store.update({ marks: [...store.state.marks] }));
    expect(Array.from(document.querySelectorAll<HTMLElement>('.na-mark-badge')).map((b) => b.dataset.markKey)).toEqual(['1', '2']);
    box.remove();
  });
});
