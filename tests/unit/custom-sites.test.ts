/**
 * Keeping the one registered content script in step with the granted sites, against an
 * in-memory permissions + scripting fake (tests/unit/helpers/fake-permissions.ts).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { resetActiveState, startBackground } from '@/entrypoints/background';
import { NEWS_SITE_MATCHES } from '@/lib/news-sites';
import { CUSTOM_SITES_SCRIPT_ID, getCustomSites, requestSiteAccess, startInOpenTabs, syncCustomSitesScript } from '@/utils/custom-sites';
import { resetRefreshState } from '@/utils/refresh';
import { installFakePermissions, type FakePermissions } from './helpers/fake-permissions';

const A = 'https://news.example.org/*';
const B = 'https://meduza.io/*';
let fake: FakePermissions;

beforeEach(() => {
  fakeBrowser.reset();
  resetActiveState();
  resetRefreshState();
  fake = installFakePermissions();
});
afterEach(() => vi.restoreAllMocks());

const scriptingCalls = () => fake.calls.filter((c) => c.method !== 'getRegisteredContentScripts');

describe('syncCustomSitesScript', () => {
  it('does nothing, and does not throw, while no site and no scripting permission is granted', async () => {
    expect(browser.scripting).toBeUndefined();
    expect(await syncCustomSitesScript()).toEqual({ sites: [], registered: false });
    expect(fake.calls).toEqual([]);
    expect(await getCustomSites()).toEqual({ sites: [], scripting: false });
  });

  it('registers one script for the first site, then updates its matches as sites come and go', async () => {
    await requestSiteAccess([A]);
    expect(fake.requests).toEqual([{ permissions: ['scripting'], origins: [A] }]);
    expect(await syncCustomSitesScript()).toEqual({ sites: [A], registered: true });
    expect(scriptingCalls()).toEqual([
      {
        method: 'registerContentScripts',
        arg: [{ id: CUSTOM_SITES_SCRIPT_ID, matches: [A], js: ['/content-scripts/content.js'], runAt: 'document_idle', persistAcrossSessions: true }],
      },
    ]);

    await requestSiteAccess([B]);
    expect(await syncCustomSitesScript()).toEqual({ sites: [B, A], registered: true });
    expect(scriptingCalls().at(-1)).toEqual({ method: 'updateContentScripts', arg: [{ id: CUSTOM_SITES_SCRIPT_ID, matches: [B, A], js: ['/content-scripts/content.js'] }] });

    // Nothing changed: nothing is re-registered.
    const before = scriptingCalls().length;
    await syncCustomSitesScript();
    expect(scriptingCalls()).toHaveLength(before);

    await browser.permissions.remove({ origins: [A] });
    await syncCustomSitesScript();
    expect(fake.registered.get(CUSTOM_SITES_SCRIPT_ID)?.matches).toEqual([B]);
  });

  it('unregisters the script when the last site goes, and then hands back the scripting permission', async () => {
    await requestSiteAccess([A]);
    await syncCustomSitesScript();
    await browser.permissions.remove({ origins: [A] });
    expect(await syncCustomSitesScript()).toEqual({ sites: [], registered: false });
    expect(scriptingCalls().map((c) => c.method)).toEqual(['registerContentScripts', 'unregisterContentScripts']);
    expect(fake.registered.size).toBe(0);
    expect(fake.permissions.has('scripting')).toBe(false);
    // And a later sync finds nothing to do (and touches no scripting method, which would throw now).
    expect(await syncCustomSitesScript()).toEqual({ sites: [], registered: false });
  });

  it('never counts the manifest’s own hosts or a broad grant as a site', async () => {
    await browser.permissions.request({ permissions: ['scripting'], origins: ['https://*/*', 'http://news.example.org/*'] });
    expect(await syncCustomSitesScript()).toEqual({ sites: [], registered: false });
    expect(fake.registered.size).toBe(0);
    expect((await getCustomSites()).sites).toEqual([]);
    expect(NEWS_SITE_MATCHES.every((m) => fake.origins.has(m))).toBe(true);
  });

  it('runs one sync at a time: syncs asked for together register once', async () => {
    await requestSiteAccess([A]);
    const results = await Promise.all([syncCustomSitesScript(), syncCustomSitesScript(), syncCustomSitesScript()]);
    expect(results.every((r) => r.registered)).toBe(true);
    expect(scriptingCalls().map((c) => c.method)).toEqual(['registerContentScripts']);
  });

  it('reports a site whose scripting permission was revoked as not registered, without throwing', async () => {
    await requestSiteAccess([A]);
    await syncCustomSitesScript();
    fake.revoke({ permissions: ['scripting'] });
    // As in Chromium, the object outlives the permission, and every call on it throws.
    expect(() => browser.scripting.getRegisteredContentScripts()).toThrow(/not available/);
    const before = fake.calls.length;
    expect(await syncCustomSitesScript()).toEqual({ sites: [A], registered: false });
    expect(await startInOpenTabs([A])).toBe(0);
    expect(fake.calls).toHaveLength(before);
    expect(await getCustomSites()).toEqual({ sites: [A], scripting: false });
  });

  it('returns a failed registration as an error rather than throwing', async () => {
    await requestSiteAccess([A]);
    vi.spyOn(browser.scripting, 'registerContentScripts').mockRejectedValueOnce(new Error('Invalid match pattern'));
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const result = await syncCustomSitesScript();
    expect(result).toMatchObject({ sites: [A], registered: false, error: 'Error: Invalid match pattern' });
    // The next sync tries again and succeeds.
    expect(await syncCustomSitesScript()).toEqual({ sites: [A], registered: true });
  });
});

describe('startInOpenTabs', () => {
  it('starts the content script in the open tabs of the given sites only', async () => {
    await requestSiteAccess([A]);
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 4 }, { id: 9 }] as never);
    expect(await startInOpenTabs([A, NEWS_SITE_MATCHES[0]!])).toBe(2);
    expect(query).toHaveBeenCalledWith({ url: [A] });
    expect(fake.calls.filter((c) => c.method === 'executeScript').map((c) => c.arg)).toEqual([
      { target: { tabId: 4 }, files: ['/content-scripts/content.js'] },
      { target: { tabId: 9 }, files: ['/content-scripts/content.js'] },
    ]);
  });

  it('does nothing without the scripting permission', async () => {
    const query = vi.spyOn(fakeBrowser.tabs, 'query');
    expect(await startInOpenTabs([A])).toBe(0);
    expect(query).not.toHaveBeenCalled();
  });
});

describe('the background follows the browser’s grants', () => {
  const source = { url: '', publicKey: '' };

  it('registers on a grant, starts in the open tabs, and cleans up on a revocation in the browser', async () => {
    startBackground(source);
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7 }] as never);
    await requestSiteAccess([A]);
    await fake.settle();
    await vi.waitFor(() => expect(fake.registered.get(CUSTOM_SITES_SCRIPT_ID)?.matches).toEqual([A]));
    await vi.waitFor(() => expect(fake.calls.some((c) => c.method === 'executeScript')).toBe(true));

    // The reader switches the site off in chrome://extensions.
    fake.revoke({ origins: [A] });
    await fake.settle();
    await vi.waitFor(() => expect(fake.registered.size).toBe(0));
    await vi.waitFor(() => expect(fake.permissions.has('scripting')).toBe(false));
  });

  it('answers the options page’s syncCustomSites message', async () => {
    startBackground(source);
    fake.permissions.add('scripting');
    fake.origins.add(B);
    expect(await browser.runtime.sendMessage({ type: 'syncCustomSites' })).toEqual({ sites: [B], registered: true });
  });

  it('catches up at install and at browser start with grants made while it was not running', async () => {
    startBackground(source);
    fake.permissions.add('scripting');
    fake.origins.add(A);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.9' });
    await vi.waitFor(() => expect(fake.registered.get(CUSTOM_SITES_SCRIPT_ID)?.matches).toEqual([A]));
    fake.origins.add(B);
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(() => expect(fake.registered.get(CUSTOM_SITES_SCRIPT_ID)?.matches).toEqual([B, A]));
  });
});
