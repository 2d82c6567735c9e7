import type { InboxEntry, InboxPage, MailboxPort, OutgoingMessage, SubmitResult } from '@sendwell/core';
import type { SentFolderPort, SentItem, SentPage } from '../mailboxes/sentFolder';

/**
 * An in-memory native mailbox: records what was sent, serves an inbox and a Sent folder, and can be
 * told to fail.
 */
let delivered = 0;

export class FakeMailbox implements MailboxPort, SentFolderPort {
  readonly provider = 'exchange' as const;
  readonly sent: OutgoingMessage[] = [];
  /** Every call to `send`, accepted or not: a paused mailbox must not see any. */
  sendCalls = 0;
  /** How many of the next Sent-items lookups fail (as a 5xx or a network error would). */
  failingLookups = 0;
  /** The Sent folder in arrival order: our sends and those the rep made elsewhere (web client, phone). */
  readonly sentFolder: SentItem[] = [];
  readonly inbox: { entry: InboxEntry; raw: string }[] = [];
  /** Results to return for the next sends, in order; `submitted` when empty. */
  nextResults: (SubmitResult | 'crash-after-accept')[] = [];
  rawFetches = 0;
  /** When the provider stamps a message it accepts (tests point it at their clock). */
  now: () => Date = () => new Date(0);

  constructor(readonly address: string) {}

  async send(message: OutgoingMessage): Promise<SubmitResult> {
    this.sendCalls++;
    const next = this.nextResults.shift();
    if (next === 'crash-after-accept') {
      this.#accept(message); // the provider took it, then our process "died" before recording it
      throw new Error('connection reset after the provider accepted');
    }
    if (!next || next.status === 'submitted') this.#accept(message);
    return next ?? { status: 'submitted' };
  }

  #accept(message: OutgoingMessage): void {
    this.sent.push(message);
    this.sentFolder.push({
      providerMessageId: `sent-${this.sentFolder.length + 1}`,
      sentAt: this.now(),
      recipients: [...message.to, ...(message.cc ?? []), ...(message.bcc ?? [])],
      sendwellId: message.sendwellId,
      internetMessageId: null,
    });
  }

  deliverToInbox(
    raw: string,
    headers: Record<string, string> = {},
    from = 'Mail Delivery Subsystem <mailer-daemon@googlemail.com>',
    subject = 'Delivery Status Notification (Failure)',
  ): void {
    // Unique across fakes, as a provider's ids are for one mailbox: tests that share a store and a
    // mailbox id must not see a new notice as one the scanner recorded already (and skips unread).
    const id = `msg-${++delivered}`;
    this.inbox.push({
      entry: { providerMessageId: id, from, subject, receivedAt: new Date(0).toISOString(), headers },
      raw,
    });
  }

  async listInboxChanges(cursor: string | null): Promise<InboxPage> {
    const start = cursor ? Number(cursor) : 0;
    return { entries: this.inbox.slice(start).map((m) => m.entry), cursor: String(this.inbox.length) };
  }

  async getRawMessage(id: string): Promise<Uint8Array> {
    this.rawFetches++;
    const found = this.inbox.find((m) => m.entry.providerMessageId === id);
    if (!found) throw new Error(`no message ${id}`);
    return new TextEncoder().encode(found.raw);
  }

  async findSent(sendwellId: string): Promise<boolean> {
    if (this.failingLookups > 0) {
      this.failingLookups--;
      throw new Error('503 ServiceUnavailable: the Sent items lookup failed');
    }
    return this.sent.some((m) => m.sendwellId === sendwellId);
  }

  /** Mail the rep sends outside Sendwell: it lands in the Sent folder without our header. */
  sendElsewhere(recipients: string[], sentAt: Date): void {
    this.sentFolder.push({
      providerMessageId: `sent-${this.sentFolder.length + 1}`,
      sentAt,
      recipients,
      sendwellId: null,
      internetMessageId: `elsewhere-${this.sentFolder.length + 1}@example.net`,
    });
  }

  async listSentChanges(cursor: string | null, _since: Date): Promise<SentPage> {
    const start = cursor ? Number(cursor) : 0;
    return { items: this.sentFolder.slice(start), cursor: String(this.sentFolder.length) };
  }
}

/** An RFC 3464 failure notice for one recipient, returning the original's headers. */
export function dsnFor(options: {
  recipient: string;
  status: string;
  diagnostic: string;
  sendwellId: string;
  messageId: string;
  action?: string;
}): string {
  return [
    'From: Mail Delivery Subsystem <mailer-daemon@example.net>',
    'To: ava@contoso.test',
    'Subject: Delivery Status Notification (Failure)',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Your message to ${options.recipient} could not be delivered.`,
    '',
    '--b1',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.example.net',
    '',
    `Final-Recipient: rfc822; ${options.recipient}`,
    `Action: ${options.action ?? 'failed'}`,
    `Status: ${options.status}`,
    `Diagnostic-Code: smtp; ${options.diagnostic}`,
    '',
    '--b1',
    'Content-Type: text/rfc822-headers',
    '',
    'From: ava@contoso.test',
    `To: ${options.recipient}`,
    'Subject: Hi',
    `Message-ID: <${options.messageId}>`,
    `X-Sendwell-Id: ${options.sendwellId}`,
    '',
    '--b1--',
    '',
  ].join('\r\n');
}
