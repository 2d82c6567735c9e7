import type { ProviderKind } from '../channel/types';
import type { ConnectionProblem } from '../connection/types';

/** A message as Sendwell hands it to a native mailbox. */
export interface OutgoingMessage {
  /** Our id; rides in the `X-Sendwell-Id` header. */
  sendwellId: string;
  /** Our RFC 5322 Message-ID, without angle brackets, when the provider lets us choose it. */
  messageId: string;
  from: string;
  to: string[];
  cc?: string[];
  bcc?: string[];
  subject: string;
  html: string;
  /** A reply in an earlier email's thread: its RFC Message-ID (no brackets), and the chain before it. */
  inReplyTo?: string;
  references?: string[];
  /** Gmail only: the thread the earlier email is in (`messages.send` `threadId`). */
  threadId?: string;
  /** RFC 8058 one-click unsubscribe: `List-Unsubscribe: <url>` + `List-Unsubscribe-Post`. */
  listUnsubscribeUrl?: string;
}

/** A recipient the server refused while accepting the message for the others (SMTP RCPT TO). */
export interface RejectedRecipient {
  recipient: string;
  /** RFC 3463 status, e.g. `5.1.1` (derived from the basic code's class when the server gave none). */
  status: string;
  /** The server's reply as it came, e.g. `550 5.1.1 User unknown`. */
  diagnostic: string;
}

export type SubmitResult =
  /**
   * `rejected`: recipients an SMTP server refused while accepting the message for the rest.
   * `threadId`: Gmail's thread for the message (a later step replies in it). `rfcMessageId`: the
   * Message-ID the message went out with when the provider chose it (no brackets).
   */
  | {
      status: 'submitted';
      providerMessageId?: string;
      rejected?: RejectedRecipient[];
      threadId?: string;
      rfcMessageId?: string;
    }
  | { status: 'throttled'; retryAfterSeconds: number; detail: string }
  | { status: 'failed'; retryable: boolean; detail: string };

/** One inbox message as an incremental scan sees it before deciding to fetch the raw MIME. */
export interface InboxEntry {
  providerMessageId: string;
  from: string;
  subject: string;
  receivedAt: string;
  /** Headers the provider returns cheaply (Graph internetMessageHeaders, Gmail metadata). */
  headers: Record<string, string>;
  /** Gmail's thread id (replies in one of our threads are found by it too). */
  threadId?: string;
}

/**
 * A mailbox's first scan reads back this far, cheaply: notices by a provider search, and messages in
 * the threads of our own sends (Gmail); never a metadata read of every message.
 */
export interface InboxBackfill {
  since: Date;
  /** Gmail thread ids of what we sent from this mailbox since `since` (replies land in them). */
  ourThreadIds(): Promise<ReadonlySet<string>>;
}

export interface InboxPage {
  entries: InboxEntry[];
  /** Opaque cursor for the next incremental round (Graph deltaLink, Gmail historyId). */
  cursor: string;
}

/**
 * One page of a round (`MailboxPort.listInboxPage`): `cursor` resumes right after this page, so a
 * scanner that saves it after each page never lists a page again after a crash; `more` says the round
 * goes on from there.
 */
export interface InboxRoundPage extends InboxPage {
  more: boolean;
}

/**
 * Which of these messages the scanner has recorded already: an adapter that reads each message's
 * headers apart (Gmail) leaves them unread, so a resumed round reads nothing it counted before.
 */
export type RecordedMessages = (ids: readonly string[]) => Promise<ReadonlySet<string>>;

/**
 * The port each sending lane implements: Graph for Exchange Online, Gmail API for Gmail, EWS for
 * Exchange Server, and SMTP (`'smtp'`) for custom and legacy hosted channels.
 */
export interface MailboxPort {
  readonly provider: ProviderKind | 'smtp';
  readonly address: string;
  send(message: OutgoingMessage): Promise<SubmitResult>;
  /**
   * New inbox messages since `cursor`. `null` = first sync: with `backfill`, from `backfill.since`
   * (the cheap way above); without it, the adapter's own short look-back.
   */
  listInboxChanges(cursor: string | null, backfill?: InboxBackfill): Promise<InboxPage>;
  /**
   * The same round one page at a time (a large mailbox's backfill is thousands of messages): the
   * scanner saves each page's cursor, so a restart resumes where the last page ended.
   */
  listInboxPage?(
    cursor: string | null,
    backfill?: InboxBackfill,
    recorded?: RecordedMessages,
  ): Promise<InboxRoundPage>;
  getRawMessage(providerMessageId: string): Promise<Uint8Array>;
  /** Whether a message with our id is already in Sent items (reconcile before retrying). */
  findSent(sendwellId: string): Promise<boolean>;
}

/**
 * How an adapter gets the rep's access token. `forceRefresh` after the provider answered 401 to a
 * token we thought valid (revoked, password changed): the source refreshes, or throws
 * `MailboxAuthError` when the grant itself is gone.
 */
export type AccessTokenSource = (options?: { forceRefresh?: boolean }) => Promise<string>;

/**
 * The provider no longer honours the rep's grant (or password). Not a send failure: the mailbox
 * needs reconnecting and its sends wait. Adapters throw it after one forced refresh still gets 401.
 */
export class MailboxAuthError extends Error {
  constructor(
    readonly problem: ConnectionProblem,
    message: string,
  ) {
    super(message);
    this.name = 'MailboxAuthError';
  }
}
