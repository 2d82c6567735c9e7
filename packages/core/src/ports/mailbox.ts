import type { ProviderKind } from '../channel/types';

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
}

export type SubmitResult =
  | { status: 'submitted'; providerMessageId?: string }
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
}

export interface InboxPage {
  entries: InboxEntry[];
  /** Opaque cursor for the next incremental round (Graph deltaLink, Gmail historyId). */
  cursor: string;
}

/** The port each native channel implements (Graph for Exchange Online, Gmail API for Gmail). */
export interface MailboxPort {
  readonly provider: ProviderKind;
  readonly address: string;
  send(message: OutgoingMessage): Promise<SubmitResult>;
  /** New inbox messages since `cursor` (null = from now on / first sync). */
  listInboxChanges(cursor: string | null): Promise<InboxPage>;
  getRawMessage(providerMessageId: string): Promise<Uint8Array>;
  /** Whether a message with our id is already in Sent items (reconcile before retrying). */
  findSent(sendwellId: string): Promise<boolean>;
}
