/**
 * The options page against fake extension storage: every control shows the stored setting,
 * saves a change at once, and the background follows (the refresh alarm's period).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { OptionsPage } from '@/components/Options';
import { Markdown, isAllowedHref, parseInline, parseMarkdown } from '@/components/popup/markdown';
import { startBackground } from '@/entrypoints/background';
import { REFRESH_ALARM, resetRefreshState } from '@/utils/refresh';
import { DEFAULT_SETTINGS, getSettings, isMarkingEnabled, updateSettings } from '@/utils/settings';
import { TEST_PUBLIC_KEY } from './accept-index.fixtures';

beforeEach(() => {
  fakeBrowser.reset();
  resetRefreshState();
});
afterEach(cleanup);

function renderPage({ browserLanguage = 'en-GB', updatesConfigured = true } = {}) {
  return render(<OptionsPage privacyText="Privacy text." browserLanguage={browserLanguage} updatesConfigured={updatesConfigured} />);
}

/** Waits until the stored settings satisfy `check`. */
async function stored(check: (s: Awaited<ReturnType<typeof getSettings>>) => void) {
  await waitFor(async () => check(await getSettings()));
}

describe('options page', () => {
  it('shows the stored settings', async () => {
    await updateSettings({ disabledHosts: ['ovd.info', 'www.ovd.info', 'en.ovdinfo.org', 'ovdinfo.org'], markStyle: 'icon', showLowConfidence: true, refreshIntervalHours: 72 });
    renderPage();
    const ovd = await screen.findByRole('checkbox', { name: /OVD-Info/ });
    expect((ovd as HTMLInputElement).checked).toBe(false);
    expect((screen.getByRole('checkbox', { name: /Mediazona/ }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: 'Small icon after the name' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: 'Also mark uncertain matches' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('combobox', { name: 'Check for a newer index' }) as HTMLSelectElement).value).toBe('72');
  });

  it('turns marking off and on again for every host of a site', async () => {
    renderPage();
    const zona = await screen.findByRole('checkbox', { name: /Mediazona/ });
    fireEvent.click(zona);
    await stored((s) => expect(s.disabledHosts.sort()).toEqual(['en.zona.media', 'zona.media']));
    const settings = await getSettings();
    expect(isMarkingEnabled(settings, 'en.zona.media')).toBe(false);
    expect(isMarkingEnabled(settings, 'freedomnews.org.uk')).toBe(true);
    await waitFor(() => expect(screen.getByTestId('saved').textContent).toBe('Saved'));

    fireEvent.click(screen.getByRole('checkbox', { name: /Mediazona/ }));
    await stored((s) => expect(s.disabledHosts).toEqual([]));
  });

  it('saves the marking style and the uncertain-matches switch', async () => {
    renderPage();
    fireEvent.click(await screen.findByRole('radio', { name: 'Background colour' }));
    await stored((s) => expect(s.markStyle).toBe('background'));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Also mark uncertain matches' }));
    await stored((s) => expect(s.showLowConfidence).toBe(true));
    expect(await getSettings()).toEqual({ ...DEFAULT_SETTINGS, markStyle: 'background', showLowConfidence: true });
  });

  it('a new refresh interval moves the background refresh alarm', async () => {
    startBackground({ url: 'https://index.test/index.json', publicKey: TEST_PUBLIC_KEY });
    await waitFor(async () => expect((await browser.alarms.get(REFRESH_ALARM))?.periodInMinutes).toBe(24 * 60));
    renderPage();
    const select = await screen.findByRole('combobox', { name: 'Check for a newer index' });
    const offered = [...(select as HTMLSelectElement).options].map((o) => o.textContent);
    expect(offered).toEqual(['every 6 hours', 'every 12 hours', 'every day', 'every 3 days', 'every 7 days']);
    fireEvent.change(select, { target: { value: '6' } });
    await stored((s) => expect(s.refreshIntervalHours).toBe(6));
    await waitFor(async () => expect((await browser.alarms.get(REFRESH_ALARM))?.periodInMinutes).toBe(6 * 60));
    expect(await browser.alarms.getAll()).toHaveLength(1);
  });

  it('says the interval does nothing in a build without updates', async () => {
    renderPage({ updatesConfigured: false });
    const select = await screen.findByRole('combobox', { name: 'Check for a newer index' });
    expect(select.getAttribute('aria-describedby')).toBe('refresh-off');
    expect(document.getElementById('refresh-off')?.textContent).toMatch(/Updates are not configured in this build/);
  });

  it('switches the language: Russian, English, and back to the browser’s', async () => {
    renderPage({ browserLanguage: 'ru-RU' });
    // 'auto' follows the browser.
    await screen.findByText('Отмечать имена на сайтах');
    await waitFor(() => expect(document.documentElement.lang).toBe('ru'));

    fireEvent.click(screen.getByRole('radio', { name: 'English' }));
    await screen.findByText('Mark names on');
    await stored((s) => expect(s.language).toBe('en'));
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));

    fireEvent.click(screen.getByRole('radio', { name: 'Same as the browser' }));
    await screen.findByText('Отмечать имена на сайтах');
    fireEvent.click(screen.getByRole('radio', { name: 'Русский' }));
    await stored((s) => expect(s.language).toBe('ru'));
  });

  it('follows a change made elsewhere (another options tab)', async () => {
    renderPage();
    await screen.findByText('Mark names on');
    await updateSettings({ markStyle: 'icon' });
    await waitFor(() => expect((screen.getByRole('radio', { name: 'Small icon after the name' }) as HTMLInputElement).checked).toBe(true));
  });
});

describe('the privacy text', () => {
  const privacyMd = readFileSync(path.join(process.cwd(), 'PRIVACY.md'), 'utf8');

  it('shows PRIVACY.md as headings, paragraphs and bold text, with no Markdown signs left to be read aloud', async () => {
    render(<OptionsPage privacyText={privacyMd} browserLanguage="en-GB" updatesConfigured />);
    const section = (await screen.findByRole('region', { name: 'Privacy' })) as HTMLElement;
    // The section's own h2 replaces the document's "# Privacy".
    expect([...section.querySelectorAll('h1, h2')].map((h) => h.textContent)).toEqual(['Privacy']);
    const paragraphs = section.querySelectorAll('.privacy-text p');
    expect(paragraphs.length).toBeGreaterThanOrEqual(5);
    expect(section.querySelector('strong')?.textContent).toBe('The one request it makes.');
    expect([...section.querySelectorAll('code')].map((c) => c.textContent)).toContain('index.json.sig');
    const text = section.querySelector('.privacy-text')!.textContent!;
    expect(text).toMatch(/^Not Alone sends nothing about you/);
    expect(text).not.toMatch(/[#*`]/);
    // Lines of one paragraph are joined with a space.
    expect(text).toContain('downloads the published list of political prisoners, index.json and its signature');
  });

  it('parses the subset: headings, paragraphs, both kinds of list, bold, code and links', () => {
    const blocks = parseMarkdown(
      ['# Title', '', 'One line', 'and the next, **bold `code` inside**.', '', '- first', '  carried on', '- [second](https://example.org/a)', '', '1. one', '2. two', '', '## Sub #'].join('\n'),
    );
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, children: [{ kind: 'text', text: 'Title' }] },
      {
        kind: 'paragraph',
        children: [
          { kind: 'text', text: 'One line and the next, ' },
          { kind: 'strong', children: [{ kind: 'text', text: 'bold ' }, { kind: 'code', text: 'code' }, { kind: 'text', text: ' inside' }] },
          { kind: 'text', text: '.' },
        ],
      },
      {
        kind: 'list',
        ordered: false,
        items: [[{ kind: 'text', text: 'first carried on' }], [{ kind: 'link', href: 'https://example.org/a', children: [{ kind: 'text', text: 'second' }] }]],
      },
      { kind: 'list', ordered: true, items: [[{ kind: 'text', text: 'one' }], [{ kind: 'text', text: 'two' }]] },
      { kind: 'heading', level: 2, children: [{ kind: 'text', text: 'Sub' }] },
    ]);
    // Unclosed markers and escapes stay as the characters they are.
    expect(parseInline('a ** b, `c, \\*d\\*')).toEqual([{ kind: 'text', text: 'a ** b, `c, *d*' }]);
  });

  it('keeps links only to https and relative addresses', () => {
    for (const href of ['https://ovd.info/', 'docs/privacy.md', '#privacy', '../PRIVACY.md']) expect(isAllowedHref(href), href).toBe(true);
    for (const href of ['http://example.org/', 'javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,x', '//evil.example/', '/\\evil.example/', '\u0001javascript:alert(1)', 'mailto:a@b.c', 'https:///x', ''])
      expect(isAllowedHref(href), href).toBe(false);
    // A refused link keeps its words, without the link.
    expect(parseInline('see [this](javascript:void%200) or [**that**](http://example.org/) now')).toEqual([
      { kind: 'text', text: 'see this or ' },
      { kind: 'strong', children: [{ kind: 'text', text: 'that' }] },
      { kind: 'text', text: ' now' },
    ]);
  });

  it('renders everything as text: markup in the source never becomes an element', () => {
    const { container } = render(
      <Markdown blocks={parseMarkdown('# <img src=x onerror="alert(1)">\n\n<script>alert(2)</script> **<b>bold</b>**\n\n- [<i>x</i>](https://example.org/)')} headingOffset={1} />,
    );
    expect(container.querySelector('img, script, b, i')).toBeNull();
    expect(container.querySelector('h2')?.textContent).toBe('<img src=x onerror="alert(1)">');
    expect(container.querySelector('strong')?.textContent).toBe('<b>bold</b>');
    const link = container.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://example.org/');
    expect(link.textContent).toBe('<i>x</i>');
  });
});
