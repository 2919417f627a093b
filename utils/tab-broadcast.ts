/**
 * Messages from the background to our content script in every open tab. The tabs cannot be
 * picked by address (that needs host access, which is what an `accessEnded` message says was
 * lost, and the 'tabs' permission we do not ask for), so every tab is sent the message; a tab
 * without our content script has no one to receive it. `tabs.sendMessage` needs no permission.
 */
import type { BroadcastMessage } from '@/utils/messages';

/**
 * Sends `message` to every open tab; resolves to how many tabs had our content script to take
 * it, and never rejects (a tab that cannot be told is no error of the caller's).
 */
export async function tellEveryTab(message: BroadcastMessage): Promise<number> {
  const tabs = await browser.tabs.query({}).catch(() => []);
  // (async: a send that throws at once counts like one that rejects.)
  const send = async (tabId: number) => browser.tabs.sendMessage(tabId, message);
  const sent = await Promise.allSettled(tabs.flatMap((tab) => (tab.id === undefined ? [] : [send(tab.id)])));
  return sent.filter((r) => r.status === 'fulfilled').length;
}
