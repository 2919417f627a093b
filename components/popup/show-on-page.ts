/**
 * "Show on the page": the popup asks the content script of the tab to scroll to and focus the
 * first mark of a person. Sent with `tabs.sendMessage`, which needs no permission for a tab id
 * the popup already has.
 *
 * The message belongs in utils/messages.ts (owned elsewhere); it is defined here until the
 * content script handles it.
 */
export interface FocusMarkMessage {
  type: 'focusMark';
  /** Record id of the person (what the background's `getMarked` lists). */
  id: string;
}

/** The content script's answer: whether a mark of that person was found and focused. */
export interface FocusMarkReply {
  ok: boolean;
}

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
