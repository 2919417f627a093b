// The background's message to every open tab: each tab is sent it; tabs without our content
// script (the send fails, at once or later) are counted out, and nothing is thrown at the caller.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { tellEveryTab } from '@/utils/tab-broadcast';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('tellEveryTab', () => {
  it('sends the message to every tab and counts those that took it', async () => {
    const ids: number[] = [];
    for (const url of ['https://zona.media/a', 'https://example.org/', 'https://ovd.info/b']) ids.push((await fakeBrowser.tabs.create({ url })).id!);
    const send = vi.fn(async (tabId: number) => {
      if (tabId === ids[1]) throw new Error('Could not establish connection. Receiving end does not exist.');
      return { ok: true };
    });
    // A send that throws before returning a promise counts like one that rejects.
    const sendMessage = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(((tabId: number) => {
      if (tabId === ids[2]) throw new Error('thrown at once');
      return send(tabId);
    }) as typeof fakeBrowser.tabs.sendMessage);
    // (The fake browser starts with a tab of its own, which takes the message too.)
    const all = (await fakeBrowser.tabs.query({})).map((t) => t.id!);
    expect(all).toEqual(expect.arrayContaining(ids));
    expect(await tellEveryTab({ type: 'indexChanged' })).toBe(all.length - 2);
    expect(sendMessage.mock.calls.map(([tabId, message]) => [tabId, message])).toEqual(all.map((id) => [id, { type: 'indexChanged' }]));
  });

  it('resolves to 0 when the tabs cannot even be listed', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockRejectedValue(new Error('no tabs API here'));
    await expect(tellEveryTab({ type: 'accessEnded', origins: ['https://news.example/*'] })).resolves.toBe(0);
  });
});
