/**
 * The popup's view: search results and their summary line, keyboard use, the reader's script
 * and status badges, the index status in builds with and without updates, and "On this page"
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

const input = () => screen.getByRole('searchbox') as HTMLInputElement;
const type = (text: string) => fireEvent.input(input(), { target: { value: text } });
const resultIds = () =>
  [...document.querySelectorAll<HTMLElement>('[data-testid="search-results"] .popup-person')].map((el) => el.dataset.personId);
const summary = () => screen.getByTestId('results-summary');

describe('search results', () => {
  it('"Бахтину" gives one person; the count is left to screen readers', () => {
    renderPopup();
    type('Бахтину');
    expect(resultIds()).toEqual(['bakhtin-aleksandr']);
    expect(summary().textContent).toBe('1 person found');
    expect(summary().className).toBe('visually-hidden');
    const marks = [...document.querySelectorAll('[data-testid="search-results"] mark')].map((m) => m.textContent);
    expect(marks).toEqual(['Bakhtin', 'Бахтин']);
  });

  it('a typo says the names are only similar, and highlights nothing', () => {
    renderPopup();
    type('Bakhtni');
    expect(resultIds()[0]).toBe('bakhtin-aleksandr');
    expect(summary().textContent).toBe('No exact match — similar names:');
    expect(summary().className).toBe('popup-count');
    expect(screen.getByTestId('search-results').dataset.similar).toBe('true');
    expect(document.querySelectorAll('[data-testid="search-results"] mark').length).toBe(0);
  });

  it('shows the count when several people match, and says when the list is cut', () => {
    renderPopup();
    type('Ivanov');
    expect(summary().textContent).toBe(`${resultIds().length} people found`);
    expect(resultIds().length).toBeGreaterThan(1);
    type('a');
    expect(resultIds().length).toBe(20);
    expect(summary().textContent).toMatch(/^The first 20 of \d+ people\. Type more of the name/);
  });

  it('says plainly when nobody matches, quoting the query', () => {
    renderPopup();
    type('qwxzvb');
    expect(screen.queryByTestId('search-results')).toBeNull();
    expect(summary().textContent).toBe('Nobody in the index is called “qwxzvb”. Check the spelling, or try the surname alone.');
  });

  it('an empty field shows how to search instead of results', () => {
    renderPopup();
    expect(screen.getByText(/^All \d+ people in the index, in any spelling/).className).toBe('popup-hint');
    expect(summary().textContent).toBe('');
  });

  it('shows names in the reader\'s script first', () => {
    renderPopup({ locale: 'ru' });
    type('bakhtin');
    const person = document.querySelector('[data-person-id="bakhtin-aleksandr"]')!;
    expect(person.querySelector('.popup-person-name')!.textContent).toBe('Бахтин Александр Сергеевич');
    expect(person.querySelector('.popup-person-name')!.getAttribute('lang')).toBe('ru');
    expect(person.querySelector('.popup-person-alt')!.textContent).toBe('Aleksandr Bakhtin');
    expect(person.querySelector('.popup-person-alt')!.getAttribute('lang')).toBe('en');
    cleanup();
    renderPopup({ locale: 'en' });
    type('bakhtin');
    expect(document.querySelector('[data-person-id="bakhtin-aleksandr"] .popup-person-name')!.textContent).toBe('Aleksandr Bakhtin');
  });

  it('a released person wears the card\'s "released" badge, not the custody one', () => {
    renderPopup();
    type('Akimenkov');
    const badge = document.querySelector('[data-person-id="akimenkov-vladimir"] .na-badge')!;
    expect(badge.className).toContain('na-badge--released');
    expect(badge.textContent).toBe('Released');
    type('Бахтин');
    const custody = document.querySelector('[data-person-id="bakhtin-aleksandr"] .na-badge')!;
    expect(custody.className).toContain('na-badge--imprisoned');
    expect(custody.textContent).toBe('In custody');
  });
});

describe('keyboard', () => {
  const focusedId = () => (document.activeElement as HTMLElement | null)?.dataset.personId;

  it('Down moves from the field into the results, Up and Esc come back', () => {
    renderPopup();
    type('Ivanov');
    const ids = resultIds();
    expect(ids.length).toBeGreaterThan(2);
    input().focus();
    fireEvent.keyDown(input(), { key: 'ArrowDown' });
    expect(focusedId()).toBe(ids[0]);
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(focusedId()).toBe(ids[1]);
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(focusedId()).toBe(ids[ids.length - 1]);
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(focusedId()).toBe(ids[ids.length - 1]);
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(focusedId()).toBe(ids[0]);
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(input());
    fireEvent.keyDown(input(), { key: 'ArrowDown' });
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(document.activeElement).toBe(input());
  });

  it('typing a letter on a result goes back to the field', () => {
    renderPopup();
    type('Ivanov');
    input().focus();
    fireEvent.keyDown(input(), { key: 'ArrowDown' });
    fireEvent.keyDown(document.activeElement!, { key: 'a' });
    expect(document.activeElement).toBe(input());
  });

  it('Enter in the field opens the first result; Esc goes back to the list with the focus on it', async () => {
    renderPopup();
    type('Бахтину');
    fireEvent.keyDown(input(), { key: 'Enter' });
    const dialog = await screen.findByRole('dialog');
    expect(dialog.querySelector('#popup-card-title')!.textContent).toBe('Aleksandr Bakhtin');
    // Focus is on the dialog itself, so its name (the person's) is what is announced; Back is inside it.
    expect(document.activeElement).toBe(dialog);
    expect(dialog.getAttribute('aria-labelledby')).toBe('popup-card-title');
    expect(dialog.contains(screen.getByRole('button', { name: /Back to the list/ }))).toBe(true);
    fireEvent.keyDown(document.body, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(focusedId()).toBe('bakhtin-aleksandr');
    expect(input().value).toBe('Бахтину');
  });

  it('Back, inside the card, returns to the list with the focus on the result', async () => {
    renderPopup();
    type('bakhtin');
    fireEvent.click(document.querySelector('[data-testid="search-results"] [data-person-id="bakhtin-aleksandr"]')!);
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(screen.getByRole('button', { name: /Back to the list/ }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(focusedId()).toBe('bakhtin-aleksandr');
    expect(dialog.isConnected).toBe(false);
  });

  it('says "Search political prisoners" once: a search landmark with no name of its own, and the field', () => {
    renderPopup();
    const landmark = screen.getByRole('search');
    expect(landmark.hasAttribute('aria-label') || landmark.hasAttribute('aria-labelledby')).toBe(false);
    expect(landmark.contains(input())).toBe(true);
    expect(input().getAttribute('aria-label')).toBe('Search political prisoners');
    // No second copy: neither a label element nor any other text says it again.
    expect(input().labels?.length ?? 0).toBe(0);
    const said = [...document.querySelectorAll('[aria-label]')].filter((el) => el.getAttribute('aria-label') === 'Search political prisoners');
    expect(said).toEqual([input()]);
    expect(document.body.textContent).not.toContain('Search political prisoners');
  });

  it('Esc in the field clears it', () => {
    renderPopup();
    type('bakh');
    fireEvent.keyDown(input(), { key: 'Escape' });
    expect(input().value).toBe('');
    expect(screen.queryByTestId('search-results')).toBeNull();
  });
});

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
