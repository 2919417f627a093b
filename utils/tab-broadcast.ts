/**
 * Messages from the background to our content script in every open tab. The tabs cannot be
 * picked by address (that needs host access, which is what an `accessEnded` message says was
 * lost, and the 'tabs' permission we do not ask for), so every tab is sent the message; a tab
 * without our content script has no one to receive it. `tabs.sendMessage` needs no permission.
 */
import type { BroadcastMessage } from '@/utils/messages';

/** Sends `message` to every open tab; returns how many tabs had our content script to take it. */
export async function tellEveryTab(message: BroadcastMessage): Promise<number> {
  const tabs = await browser.tabs.query({}).catch(() => []);
  const sent = await Promise.allSettled(tabs.flatMap((tab) => (tab.id === undefined ? [] : [browser.tabs.sendMessage(tab.id, message)])));
  return sent.filter((r) => r.status === 'fulfilled').length;
}
