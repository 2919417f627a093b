import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { Card } from '@/components/Card';
import type { PrisonerRecord, Status } from '@/lib/index-schema';
import { STATUSES } from '@/lib/index-schema';

afterEach(cleanup);

function record(overrides: Partial<PrisonerRecord> = {}): PrisonerRecord {
  return {
    id: 'bakhtin-aleksandr-1971',
    name: { ru: 'Бахтин Александр Сергеевич', en: 'Aleksandr Bakhtin' },
    aliases: [],
    gender: 'm',
    birthYear: 1971,
    birthDate: '1971-02-01',
    region: 'Московская область',
    status: 'imprisoned',
    statusAsOf: '2023-08-11',
    charges: [{ article: '207.3 ч.2', en: 'spreading “fakes” about the army', ru: 'распространение «фейков» об армии' }],
    chargeSummary: null,
    sentence: { text: '6 years', years: 6, months: 0 },
    sentenceDate: '2023-08-11',
    facility: 'СИЗО-2 Волоколамск',
    address: { ru: '143600, Московская область, г. Волоколамск, ул. Горвал, д. 6, ФКУ СИЗО-2, Бахтину Александру Сергеевичу 1971 г. р.', en: '6 Gorval St, Volokolamsk, 143600, Russia' },
    case: null,
    category: null,
    notes: null,
    sources: [
      { url: 'https://memopzk.org/figurant/bahtin', kind: 'memopzk', asOf: '2023-09-01' },
      { url: 'https://en.ovdinfo.org/x', kind: 'ovd-info', asOf: null },
    ],
    letters: [
      { service: 'memorial', url: 'https://memopzk.org/figurant/bahtin' },
      { service: 'rosuznik', url: 'https://rosuznik.org/letters' },
    ],
    forms: { last: ['бахтин'], first: ['александр'], middle: [] },
    ...overrides,
  };
}

const today = new Date(2024, 0, 20);
const ready = (records: PrisonerRecord[]) => ({ state: 'ready' as const, records });

describe('Card', () => {
  it('shows a person in custody with everything a letter writer needs', () => {
    render(<Card content={ready([record()])} locale="en" today={today} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Aleksandr Bakhtin');
    expect(screen.getByText(/Бахтин Александр Сергеевич/)).toBeTruthy();
    expect(screen.getByText('In custody')).toBeTruthy();
    expect(screen.getByText('as of 11 August 2023')).toBeTruthy();
    expect(screen.getByText('6 years')).toBeTruthy();
    expect(screen.getByText('Art. 207.3 Part 2')).toBeTruthy();
    expect(screen.getByText(/spreading “fakes” about the army/)).toBeTruthy();
    expect(screen.getByText('СИЗО-2 Волоколамск')).toBeTruthy();
    expect(screen.getByText(/Бахтину Александру Сергеевичу/)).toBeTruthy();
    expect(screen.getByText(/Birthday in 12 days/)).toBeTruthy();
    expect(screen.getByText(/censors read every letter/)).toBeTruthy();
    // The primary action is RosUznik (ranked above the Memorial page).
    const primary = document.querySelector('a.na-primary') as HTMLAnchorElement;
    expect(primary.href).toBe('https://rosuznik.org/letters');
  });

  it('opens every link in a new tab without an opener or referrer', () => {
    render(<Card content={ready([record()])} locale="en" today={today} />);
    const links = [...document.querySelectorAll('a')];
    expect(links.length).toBeGreaterThanOrEqual(5);
    for (const a of links) {
      expect(a.target).toBe('_blank');
      expect(a.rel).toBe('noopener noreferrer');
      expect(a.href.startsWith('https://')).toBe(true);
    }
  });

  it('lists sources with dates and a report link that names only the record', () => {
    render(<Card content={ready([record()])} locale="en" today={today} />);
    expect(screen.getByText('memopzk.org')).toBeTruthy();
    expect(screen.getByText(/1 September 2023/)).toBeTruthy();
    expect(screen.getByText(/undated/)).toBeTruthy();
    const report = screen.getByText('Report an error').closest('a')!;
    const url = new URL(report.href);
    expect(url.searchParams.get('body')).toContain('bakhtin-aleksandr-1971');
    expect(report.href).not.toContain(encodeURIComponent(location.href));
    expect(report.href).not.toContain(location.host || 'no-host');
  });

  it.each(['released', 'fled', 'exchanged', 'deceased', 'house_arrest', 'unknown'] as Status[])(
    'offers no letter or prison address for status %s',
    (status) => {
      render(<Card content={ready([record({ status })])} locale="en" today={today} />);
      expect(screen.queryByText('Write a letter')).toBeNull();
      expect(screen.queryByText(/censors read/)).toBeNull();
      expect(screen.queryByText('Postal address')).toBeNull();
      expect(screen.queryByText(/Birthday/)).toBeNull();
    },
  );

  it('labels every status in both languages', () => {
    for (const status of STATUSES) {
      for (const locale of ['en', 'ru'] as const) {
        const { unmount } = render(<Card content={ready([record({ status })])} locale={locale} today={today} />);
        const badge = document.querySelector(`.na-badge--${status}`);
        expect(badge?.textContent?.length).toBeGreaterThan(2);
        unmount();
      }
    }
  });

  it('copies the Russian address and confirms it', async () => {
    const copyText = vi.fn(async () => {});
    render(<Card content={ready([record()])} locale="en" today={today} copyText={copyText} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy address' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Copied'));
    expect(copyText).toHaveBeenCalledWith(record().address.ru);
  });

  it('says so when copying fails', async () => {
    const copyText = vi.fn(async () => {
      throw new Error('denied');
    });
    render(<Card content={ready([record()])} locale="en" today={today} copyText={copyText} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy address' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/Could not copy/));
  });

  it('speaks Russian with the Russian name first', () => {
    render(<Card content={ready([record({ sentence: { text: '8.5', years: 8, months: 6 } })])} locale="ru" today={today} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Бахтин Александр Сергеевич');
    expect(screen.getByText('8,5 года')).toBeTruthy();
    expect(screen.getByText('Написать письмо')).toBeTruthy();
    expect(screen.getByText('ст. 207.3 ч. 2')).toBeTruthy();
  });

  it('lists all namesakes with what sets them apart and never picks one', () => {
    const a = record({ id: 'ivanov-dmitry-1999', name: { ru: 'Иванов Дмитрий', en: 'Dmitry Ivanov' }, birthYear: 1999, region: 'Москва', case: 'MSU Telegram channel' });
    const b = record({ id: 'ivanov-dmitry-1985', name: { ru: 'Иванов Дмитрий', en: 'Dmitry Ivanov' }, birthYear: 1985, region: 'Томская область', status: 'released', charges: [{ article: '280.3', en: null, ru: null }] });
    render(<Card content={ready([a, b])} locale="en" today={today} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('2 people with this name');
    expect(screen.getByText(/born 1999 · Москва · MSU Telegram channel/)).toBeTruthy();
    expect(screen.getByText(/born 1985 · Томская область · Art. 280.3/)).toBeTruthy();
    // Nothing about either person's letters until the reader chooses one.
    expect(screen.queryByText('Write a letter')).toBeNull();
    const buttons = screen.getAllByRole('button', { name: 'Details' });
    expect(buttons).toHaveLength(2);
    fireEvent.click(buttons[0]!);
    expect(buttons[0]!.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByText('Write a letter')).toBeTruthy();
  });

  it('renders hostile strings as text and drops non-https links', () => {
    const evil = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    render(
      <Card
        content={ready([
          record({
            name: { ru: evil, en: evil },
            facility: evil,
            charges: [{ article: evil, en: evil, ru: evil }],
            sources: [{ url: 'javascript:alert(1)', kind: 'x', asOf: null }, { url: 'http://insecure.example/', kind: 'x', asOf: null }],
            letters: [{ service: 'rosuznik', url: 'javascript:alert(3)' }],
          }),
        ])}
        locale="en"
        today={today}
      />,
    );
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('script')).toBeNull();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(evil);
    for (const a of document.querySelectorAll('a')) expect(a.href.startsWith('https://')).toBe(true);
    expect(document.querySelector('a.na-primary')).toBeNull();
  });

  it('says when a match is uncertain, and shows loading and error states', () => {
    const { rerender } = render(<Card content={{ state: 'loading' }} locale="en" />);
    expect(document.querySelector('[aria-busy="true"]')).toBeTruthy();
    rerender(<Card content={{ state: 'error' }} locale="en" />);
    expect(screen.getByText(/could not be loaded/)).toBeTruthy();
    rerender(<Card content={ready([record()])} locale="en" lowConfidence today={today} />);
    expect(screen.getByText(/Possible match/)).toBeTruthy();
  });

  it('closes from its close button', () => {
    const onClose = vi.fn();
    render(<Card content={ready([record()])} locale="en" today={today} onClose={onClose} />);
    const close = screen.getByRole('button', { name: 'Close' });
    // No title repeating the name (it would be read again as the description).
    expect(close.hasAttribute('title')).toBe(false);
    fireEvent.click(close);
    expect(onClose).toHaveBeenCalledOnce();
  });
});
