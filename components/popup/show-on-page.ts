/**
 * "Show on the page": the popup asks the content script of the tab to scroll to and focus the
 * first mark of a person. Sent with `tabs.sendMessage`, which needs no permission for a tab id
 * the popup already has.
 */
import type { FocusMarkMessage, FocusMarkReply } from '@/utils/messages';

export type { FocusMarkMessage, FocusMarkReply };

export type ShowOnPageResult = 'shown' | 'not-found' | 'no-answer';

/** Sends the message; `send` is `browser.tabs.sendMessage` bound to the tab. */
export async function showOnPage(id: string, send: (message: FocusMarkMessage) => Promise<unknown>): Promise<ShowOnPageResult> {
  try {
    const reply = (await send({ type: 'focusMark', id })) as FocusMarkReply | undefined;
    if (reply === undefined || reply === null) return 'no-answer';
    return reply.ok === true ? 'shown' : 'not-found';
  } catch {
    // No content script on the tab (not a news page, or loaded before the extension).
    return 'no-answer';
  }
}
