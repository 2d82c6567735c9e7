import { PassThrough } from 'node:stream';
import {
  classifySmtpReply,
  type InboxPage,
  MailboxAuthError,
  type MailboxPort,
  type OutgoingMessage,
  type SmtpSettings,
  type SubmitResult,
} from '@sendwell/core';
import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';
import type { SMTPPoolSentMessageInfo } from 'nodemailer/lib/smtp-pool';
import { SENDWELL_HEADER } from './sentFolder';
import {
  isConnectionFailure,
  isTlsFailure,
  plaintextRefusal,
  rejectedRecipients,
  replyOf,
  type SmtpEndpoint,
  smtpConnectionOptions,
  smtpErrorFields,
} from './smtpTransport';

export interface SmtpMailboxOptions {
  settings: SmtpSettings | SmtpEndpoint;
  /** The channel's password, from the vault (read again after the server refused it). */
  password: () => Promise<string>;
  /** The lane's address (the rep's, or the team channel's creator's). */
  address: string;
  /** Ask for delivery status notifications (only sent when the server advertises DSN). Default on. */
  dsn?: boolean;
}

/** SMTP lanes have no inbox Sendwell reads: bounces come back to the rep's own (scanned) inbox. */
export class SmtpHasNoInboxError extends Error {
  constructor() {
    super('An SMTP channel has no inbox to scan: its bounce notices go to the sender’s own mailbox.');
    this.name = 'SmtpHasNoInboxError';
  }
}

/** Said when the connection broke after the message went out: sending again could deliver it twice. */
export const SMTP_HANDED_OVER_UNCERTAIN =
  'The connection to the SMTP server broke after the message was handed over, so it may or may not have gone out; Sendwell does not send it again to avoid a second copy.';

type PooledTransport = Transporter<SMTPPoolSentMessageInfo>;

/** A pooled connection per lane: one server session reused for the lane's sends, serially. */
const POOL = { pool: true, maxConnections: 1, maxMessages: 100, idleTimeout: 60_000 } as const;

/**
 * A custom or legacy hosted SMTP server as a sending lane (nodemailer, pooled). The envelope sender
 * is the message's From (the rep), so bounce notices reach the rep's inbox where the scanner finds
 * them by the `X-Sendwell-Id` header and our Message-ID.
 */
export class SmtpMailbox implements MailboxPort {
  readonly provider = 'smtp' as const;
  readonly address: string;
  readonly #options: SmtpMailboxOptions;
  #transport: PooledTransport | null = null;
  /** Sends whose message bytes have all been handed to the server, by Message-ID. */
  readonly #handedOver = new Set<string>();

  constructor(options: SmtpMailboxOptions) {
    this.#options = options;
    this.address = options.address;
  }

  async send(message: OutgoingMessage): Promise<SubmitResult> {
    const refusal = plaintextRefusal(this.#options.settings);
    if (refusal) return { status: 'failed', retryable: false, detail: refusal };
    const transport = await this.#pooledTransport();
    const messageId = `<${message.messageId}>`;
    try {
      const info = await transport.sendMail(this.#mailOptions(message, messageId));
      const rejected = rejectedRecipients(info.rejectedErrors);
      return {
        status: 'submitted',
        ...(info.serverMessageId ? { providerMessageId: info.serverMessageId } : {}),
        ...(rejected.length ? { rejected } : {}),
      };
    } catch (error) {
      return await this.#failure(error, this.#handedOver.has(messageId));
    } finally {
      this.#handedOver.delete(messageId);
    }
  }

  /** No Sent folder to look in: the sender worker never retries an SMTP send that may have gone. */
  async findSent(_sendwellId: string): Promise<boolean> {
    return false;
  }

  async listInboxChanges(_cursor: string | null): Promise<InboxPage> {
    throw new SmtpHasNoInboxError();
  }

  async getRawMessage(_providerMessageId: string): Promise<Uint8Array> {
    throw new SmtpHasNoInboxError();
  }

  /** Closes the pooled connection (a new one opens on the next send). */
  async close(): Promise<void> {
    this.#transport?.close();
    this.#transport = null;
  }

  #mailOptions(message: OutgoingMessage, messageId: string): SendMailOptions {
    const recipients = [...message.to, ...(message.cc ?? []), ...(message.bcc ?? [])];
    return {
      from: message.from,
      to: message.to,
      cc: message.cc,
      bcc: message.bcc,
      subject: message.subject,
      html: message.html,
      messageId,
      headers: { [SENDWELL_HEADER]: message.sendwellId, ...listUnsubscribe(message) },
      ...threading(message),
      envelope: { from: message.from, to: recipients },
      // Nodemailer adds these to MAIL FROM / RCPT TO only when the server advertises DSN.
      ...(this.#options.dsn === false
        ? {}
        : { dsn: { id: message.sendwellId, return: 'headers', notify: ['failure', 'delay'] } }),
    };
  }

  async #pooledTransport(): Promise<PooledTransport> {
    if (this.#transport) return this.#transport;
    const password = await this.#options.password();
    const transport = nodemailer.createTransport({
      ...smtpConnectionOptions(this.#options.settings, password),
      ...POOL,
    });
    // Watch the message stream: once all of it has gone to the server, a broken connection leaves
    // the outcome unknown (the server may have queued it) and the send must not be repeated.
    transport.use('stream', (mail, done) => {
      const id = mail.message.messageId();
      const watcher = new PassThrough();
      watcher.on('end', () => this.#handedOver.add(id));
      mail.message.transform(watcher);
      done();
    });
    this.#transport = transport;
    return transport;
  }

  async #failure(error: unknown, handedOver: boolean): Promise<SubmitResult> {
    const fields = smtpErrorFields(error);
    const reply = replyOf(error);
    if (!reply) return failureWithoutReply(error, handedOver, this.#options.settings.host);
    const verdict = classifySmtpReply(reply);
    const detail = withRecipients(verdict.detail, rejectedRecipients(fields.rejectedErrors));
    if (verdict.outcome === 'auth') {
      // Forget the pool: the next send reads the password again (the rep may have fixed it).
      await this.close();
      throw new MailboxAuthError(
        'password-rejected',
        `The SMTP server ${this.#options.settings.host} refused the username and password saved for this channel.`,
      );
    }
    if (verdict.outcome === 'throttled')
      return { status: 'throttled', retryAfterSeconds: verdict.retryAfterSeconds, detail };
    return { status: 'failed', retryable: verdict.outcome === 'retry', detail };
  }
}

/** The server said nothing about the message: the connection, TLS or nodemailer itself stopped it. */
function failureWithoutReply(error: unknown, handedOver: boolean, host: string): SubmitResult {
  const { code, message } = smtpErrorFields(error);
  if (handedOver) return { status: 'failed', retryable: false, detail: SMTP_HANDED_OVER_UNCERTAIN };
  if (isTlsFailure(error))
    return {
      status: 'failed',
      retryable: false,
      detail: `TLS with the SMTP server ${host} failed: ${message}`,
    };
  if (isConnectionFailure(error))
    return {
      status: 'failed',
      retryable: true,
      detail: `Could not reach the SMTP server ${host}: ${message}`,
    };
  if (code === 'EAUTH')
    return {
      status: 'failed',
      retryable: false,
      detail: `Signing in to the SMTP server ${host} failed: ${message}`,
    };
  if (code === 'EMESSAGE' || code === 'EENVELOPE')
    return {
      status: 'failed',
      retryable: false,
      detail: `The SMTP server ${host} cannot take this message: ${message}`,
    };
  return {
    status: 'failed',
    retryable: false,
    detail: `Sending through the SMTP server ${host} failed: ${message}`,
  };
}

function withRecipients(detail: string, rejected: ReturnType<typeof rejectedRecipients>): string {
  if (rejected.length === 0) return detail;
  return `${detail} Refused: ${rejected.map((r) => `${r.recipient} (${r.diagnostic})`).join('; ')}.`;
}

/** A reply in an earlier email's thread: In-Reply-To and References (the parent's chain + its id). */
function threading(message: OutgoingMessage): Pick<SendMailOptions, 'inReplyTo' | 'references'> {
  if (!message.inReplyTo) return {};
  const chain = [...(message.references ?? [])];
  if (!chain.includes(message.inReplyTo)) chain.push(message.inReplyTo);
  return { inReplyTo: `<${message.inReplyTo}>`, references: chain.map((id) => `<${id}>`) };
}

/** RFC 8058 one-click unsubscribe (mail clients POST `List-Unsubscribe=One-Click` to the URL). */
function listUnsubscribe(message: OutgoingMessage): Record<string, string> {
  if (!message.listUnsubscribeUrl) return {};
  return {
    'List-Unsubscribe': `<${message.listUnsubscribeUrl}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}
