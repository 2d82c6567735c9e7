/**
 * Answers of the server's send and template routes that both front ends read: one definition, so the
 * Outlook pane, the Gmail add-on and the server cannot drift apart.
 */

/** One outgoing message accepted into the outbox (`channel` is the mailbox id it goes through). */
export interface AcceptedSend {
  id: string;
  status: string;
  /** ISO time of its throttle slot. */
  sendAt: string;
  channel: string;
  /** Which channel and why it goes when it goes, or that the draft was already sent. */
  explanation: string;
  /** The message's recipients (for "one email each", the one person it was merged for). */
  to: string[];
}

/**
 * `POST /api/sends`: `sends` holds one accepted send per outgoing message (N for "one email each"),
 * `send` the first; `duplicate` is true (HTTP 200) when this draft's idempotency key was used before
 * and nothing new was sent (the sends are the earlier ones), else the answer is 202.
 */
export interface SendsAnswer {
  send: AcceptedSend;
  sends: AcceptedSend[];
  duplicate: boolean;
}
