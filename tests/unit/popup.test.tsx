/**
 * The popup's view: the index status in builds with and without updates, and "On this page"
 * jumping to a mark on the tab (the message it sends, and what it says when that fails).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { Popup, type PopupProps } from '@/components/Popup';
import { showOnPage, type FocusMarkMessage } from '@/components/popup/show-on-page';
import { EMPTY_STATUS } from '@/utils/refresh';
import { BUNDLED } from './background.fixtures';

afterEach(cleanup);

function renderPopup(props: Partial<PopupProps> = {}) {
  const all: PopupProps = {
    locale: 'en',
    active: { source: 'bundled', index: BUNDLED },
    status: EMPTY_STATUS,
    markedIds: ['bakhtin-aleksandr'],
    updatesConfigured: true,
    onRefresh: async () => ({ result: 'up-to-date', version: BUNDLED.version }),
    onShowOnPage: async () => 'shown',
    onOpenOptions: () => {},
    privacyUrl: 'chrome-extension://x/options.html#privacy',
    ...props,
  };
  return render(<Popup {...all} />);
}

describe('index status', () => {
  it('offers "Refresh now" in a build with updates', () => {
    renderPopup();
    expect(screen.getByRole('button', { name: 'Refresh now' })).toBeTruthy();
    expect(screen.queryByTestId('updates-off')).toBeNull();
  });

  it('says plainly that updates are not configured, with no button, in a build without a key', () => {
    renderPopup({ updatesConfigured: false });
    expect(screen.queryByRole('button', { name: 'Refresh now' })).toBeNull();
    expect(screen.getByTestId('updates-off').textContent).toBe(
      'Updates are not configured in this build: it uses the index it came with, and never downloads one.',
    );
    expect(screen.getByTestId('index-version').textContent).toContain('shipped with the extension');
  });

  it('says it in Russian too', () => {
    renderPopup({ updatesConfigured: false, locale: 'ru' });
    expect(screen.getByTestId('updates-off').textContent).toMatch(/обновления не настроены/);
  });
});

describe('on this page', () => {
  it('each marked person has a "Show" button that asks for their mark', async () => {
    const onShowOnPage = vi.fn(async () => 'shown' as const);
    renderPopup({ onShowOnPage });
    fireEvent.click(screen.getByRole('button', { name: 'Show Aleksandr Bakhtin on the page' }));
    await waitFor(() => expect(onShowOnPage).toHaveBeenCalledWith('bakhtin-aleksandr'));
    expect(screen.getByTestId('show-problem').textContent).toBe('');
  });

  it('says so when the page does not answer or the mark is gone', async () => {
    let result: 'no-answer' | 'not-found' = 'no-answer';
    renderPopup({ onShowOnPage: async () => result });
    const show = screen.getByRole('button', { name: 'Show Aleksandr Bakhtin on the page' });
    fireEvent.click(show);
    await waitFor(() => expect(screen.getByTestId('show-problem').textContent).toBe('The page did not answer. Reload it and try again.'));
    result = 'not-found';
    fireEvent.click(show);
    await waitFor(() => expect(screen.getByTestId('show-problem').textContent).toBe('That name is no longer marked on the page.'));
  });

  it('search results have no "Show" button, and neither does a popup without a tab', () => {
    renderPopup({ onShowOnPage: null });
    expect(screen.queryByRole('button', { name: /on the page$/ })).toBeNull();
    // The person still opens the card.
    expect(document.querySelector('[data-person-id="bakhtin-aleksandr"]')).not.toBeNull();
  });
});

describe('showOnPage', () => {
  it('sends { type: "focusMark", id } and reads the reply', async () => {
    const sent: FocusMarkMessage[] = [];
    expect(await showOnPage('a-b', async (m) => (sent.push(m), { ok: true }))).toBe('shown');
    expect(sent).toEqual([{ type: 'focusMark', id: 'a-b' }]);
    expect(await showOnPage('a-b', async () => ({ ok: false }))).toBe('not-found');
    expect(await showOnPage('a-b', async () => undefined)).toBe('no-answer');
    expect(await showOnPage('a-b', async () => Promise.reject(new Error('Receiving end does not exist.')))).toBe('no-answer');
  });
});
