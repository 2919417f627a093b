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
import { installFakePermissions, type FakePermissions } from './helpers/fake-permissions';

let permissions: FakePermissions;

beforeEach(() => {
  fakeBrowser.reset();
  permissions = installFakePermissions();
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

describe('other news sites', () => {
  const SITE = 'https://news.example.org/*';
  const noUpdates = { url: '', publicKey: '' };
  const field = () => screen.getByRole('textbox', { name: 'Address of a site or one of its articles' }) as HTMLInputElement;
  const addButton = () => screen.getByRole('button', { name: 'Add site' });
  const alertText = () => screen.getByRole('alert').textContent;
  const type = (value: string) => fireEvent.input(field(), { target: { value } });

  it('asks the browser for exactly that site, within the click, and lists it once granted', async () => {
    startBackground(noUpdates);
    renderPage();
    await screen.findByText('No other sites yet.');
    type('https://news.example.org/2024/05/an-article?ref=home');
    fireEvent.click(addButton());
    // Synchronously, before anything is awaited: a browser refuses a request made after an await.
    expect(permissions.requests).toEqual([{ permissions: ['scripting'], origins: [SITE] }]);
    expect(screen.getByTestId('custom-site-status').textContent).toBe('Waiting for your answer to the browser’s question about news.example.org…');

    await waitFor(() => expect(screen.getByTestId('custom-site-status').textContent).toBe('Added news.example.org: names are marked on its pages.'));
    expect((screen.getByRole('checkbox', { name: 'news.example.org' }) as HTMLInputElement).checked).toBe(true);
    await waitFor(() => expect(field().value).toBe(''));
    expect(permissions.registered.get('custom-sites')?.matches).toEqual([SITE]);
    expect(alertText()).toBe('');
  });

  it('says so when the reader declines, and adds nothing', async () => {
    startBackground(noUpdates);
    permissions.answer = () => false;
    renderPage();
    await screen.findByText('No other sites yet.');
    type('news.example.org');
    fireEvent.click(addButton());
    await waitFor(() => expect(alertText()).toBe('Access to news.example.org was not allowed, so it was not added.'));
    expect(screen.getByText('No other sites yet.')).toBeTruthy();
    expect(field().value).toBe('news.example.org');
    expect([...permissions.origins].filter((o) => o === SITE)).toEqual([]);
    expect(permissions.permissions.has('scripting')).toBe(false);
    expect(permissions.registered.size).toBe(0);
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('refuses an address it cannot add with a reason, without asking the browser', async () => {
    permissions.origins.add(SITE);
    permissions.permissions.add('scripting');
    renderPage();
    await screen.findByRole('checkbox', { name: 'news.example.org' });
    const cases: [string, string][] = [
      ['', 'Type the address of a news site, or paste a link to one of its articles.'],
      ['http://news.example.net/a', 'Only sites whose address starts with https:// can be added.'],
      ['*.example.net', 'Add one site at a time, without “*”.'],
      ['192.168.0.1', 'That is the address of a device or a local network, not of a news site.'],
      ['news example', 'That does not look like a web address. Copy it from the address bar of the site.'],
      ['https://en.zona.media/article/2023/08/14/bakhtin/', 'Not Alone already works on that site.'],
      ['NEWS.example.org/other', 'That site is already in your list.'],
    ];
    for (const [input, message] of cases) {
      type(input);
      fireEvent.submit(field().form!);
      await waitFor(() => expect(alertText(), input).toBe(message));
      expect(field().getAttribute('aria-invalid')).toBe('true');
      expect(field().getAttribute('aria-describedby')).toBe('custom-site-note-error');
    }
    expect(permissions.requests).toEqual([]);
  });

  it('pauses marking on an added site with its switch, like a built-in one', async () => {
    permissions.origins.add(SITE);
    permissions.permissions.add('scripting');
    renderPage();
    fireEvent.click(await screen.findByRole('checkbox', { name: 'news.example.org' }));
    await stored((s) => expect(s.disabledHosts).toEqual(['news.example.org']));
    expect(isMarkingEnabled(await getSettings(), 'news.example.org')).toBe(false);
    expect(isMarkingEnabled(await getSettings(), 'zona.media')).toBe(true);
  });

  it('Remove gives the access back, unregisters the script, drops the site’s pause and keeps focus in the section', async () => {
    startBackground(noUpdates);
    await browser.permissions.request({ permissions: ['scripting'], origins: [SITE] });
    await browser.runtime.sendMessage({ type: 'syncCustomSites' });
    await updateSettings({ disabledHosts: ['news.example.org', 'zona.media'] });
    renderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Remove news.example.org' }));
    expect(document.activeElement).toBe(field());
    await waitFor(() => expect(screen.getByTestId('custom-site-status').textContent).toBe('Removed news.example.org. Its marks are gone from open tabs too.'));
    await screen.findByText('No other sites yet.');
    expect(permissions.origins.has(SITE)).toBe(false);
    await waitFor(() => expect(permissions.registered.size).toBe(0));
    await waitFor(() => expect(permissions.permissions.has('scripting')).toBe(false));
    await stored((s) => expect(s.disabledHosts).toEqual(['zona.media']));
  });

  it('drops a site the reader revoked in the browser’s own settings', async () => {
    permissions.origins.add(SITE);
    permissions.permissions.add('scripting');
    renderPage();
    await screen.findByRole('checkbox', { name: 'news.example.org' });
    permissions.revoke({ origins: [SITE] });
    await screen.findByText('No other sites yet.');
  });

  it('offers to allow again when the sites are still granted but running scripts is not', async () => {
    startBackground(noUpdates);
    permissions.origins.add(SITE);
    renderPage();
    await screen.findByText('The browser no longer lets Not Alone run on these sites, so nothing is marked there.', { exact: false });
    fireEvent.click(screen.getByRole('button', { name: 'Allow again' }));
    expect(permissions.requests).toEqual([{ permissions: ['scripting'], origins: [SITE] }]);
    await waitFor(() => expect(permissions.registered.get('custom-sites')?.matches).toEqual([SITE]));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Allow again' })).toBeNull());
    expect(screen.getByTestId('custom-site-status').textContent).toBe('Added news.example.org: names are marked on its pages.');
  });

  it('speaks Russian with a Russian reader', async () => {
    permissions.answer = () => false;
    renderPage({ browserLanguage: 'ru-RU' });
    await screen.findByText('Других сайтов пока нет.');
    fireEvent.input(screen.getByRole('textbox', { name: 'Адрес сайта или одной из его статей' }), { target: { value: 'ovd.info' } });
    fireEvent.click(screen.getByRole('button', { name: 'Добавить сайт' }));
    await waitFor(() => expect(alertText()).toBe('Not Alone уже работает на этом сайте.'));
    fireEvent.input(screen.getByRole('textbox', { name: 'Адрес сайта или одной из его статей' }), { target: { value: 'news.example.org' } });
    fireEvent.click(screen.getByRole('button', { name: 'Добавить сайт' }));
    await waitFor(() => expect(alertText()).toBe('Доступ к news.example.org не разрешён, поэтому сайт не добавлен.'));
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
