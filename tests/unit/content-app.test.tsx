import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { App, type UiActions } from '@/entrypoints/content/App';
import { UiStore, type UiState } from '@/entrypoints/content/ui-store';

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
    expect(first.getAttribute('aria-label')).toBe('Dmitry Pchelintsev, 1 of 3. Press Enter for details');
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

describe('card layer', () => {
  it('is a dialog named by the card heading, and Escape asks to close with focus returning', () => {
    const { actions } = setup({
      card: { token: 7, markKey: 2, ids: ['shakursky-ilya'], lowConfidence: false, openedBy: 'keyboard', content: { state: 'loading' } },
    });
    const dialog = screen.getByRole('dialog');
    const heading = document.getElementById(dialog.getAttribute('aria-labelledby')!);
    expect(heading?.tagName).toBe('H2');
    expect(document.activeElement).toBe(dialog);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(actions.closeCard).toHaveBeenCalledWith(true);
  });

  it('does not take focus when opened by hover', () => {
    setup({ card: { token: 8, markKey: 2, ids: ['shakursky-ilya'], lowConfidence: false, openedBy: 'hover', content: { state: 'loading' } } });
    expect(document.activeElement).not.toBe(screen.getByRole('dialog'));
  });
});
