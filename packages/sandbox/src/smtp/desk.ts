import { randomBytes } from 'node:crypto';
import type { Clock } from '@sendwell/core';
import { noticeKindOf, recipientFate, responseOf } from '../mail/recipients';
import {
  CRLF,
  decodeWords,
  type Header,
  headerValue,
  parseHeaderBlock,
  rfc5322Date,
  splitHeadBody,
} from '../mime/headers';
import type { NoticeInput } from '../notices/types';
import { findUser, type SandboxUser } from '../users';
import { buildPostfixDsn, SANDBOX_SMTP_HOST } from './postfixDsn';

/** The two roles of the one port, as on a real MTA: authenticated submission, or MX for our domains. */
type SmtpRole = 'relay' | 'mx';

/** DSN parameters a client gave (RFC 3461): RET and ENVID on MAIL FROM, NOTIFY per RCPT TO. */
export interface SmtpDsnParams {
  ret: 'FULL' | 'HDRS' | null;
  envid: string | null;
  /** Recipient → its NOTIFY values (absent: none given). */
  notify: Record<string, string[]>;
}

/** One accepted message, as `GET /sandbox/smtp/messages` shows it. */
export interface SandboxSmtpMessage {
  id: string;
  receivedAt: string;
  role: SmtpRole;
  /** The AUTH username (relay), null for MX deliveries. */
  authUser: string | null;
  envelope: { mailFrom: string; rcptTo: string[] };
  dsn: SmtpDsnParams;
  headers: Header[];
  subject: string;
  messageId: string | null;
  size: number;
  /** Sandbox inboxes the message landed in. */
  deliveredTo: string[];
  /** Recipients whose DSN was filed into the envelope sender's sandbox inbox (bounce/full/delay domains). */
  noticesFor: string[];
  /** Recipients outside the sandbox (counted as delivered), or whose notice had nowhere to go. */
  leftSandbox: string[];
}

/** What the SMTP server hands over once DATA is complete. */
export interface SmtpArrival {
  role: SmtpRole;
  authUser: string | null;
  mailFrom: string;
  rcptTo: string[];
  dsn: SmtpDsnParams;
  raw: string;
}

/** What the desk needs of the sandbox: its people, its post office (notices on its clock). */
export interface SmtpDeskDeps {
  users: readonly SandboxUser[];
  clock: Clock;
  postOffice: {
    submit(submission: {
      sender: SandboxUser;
      raw: string;
      recipients: string[];
      saveToSent: boolean;
      noticeFormat?: (input: NoticeInput) => string;
    }): unknown;
    deliver(address: string, raw: string): boolean;
    respond(answering: {
      sender: SandboxUser | undefined;
      senderAddress: string;
      raw: string;
      recipients: string[];
    }): number;
  };
}

/** The relay's one password; any username (it is recorded as the message's `authUser`). */
export const SANDBOX_SMTP_PASSWORD = 'sandbox';

/** The log keeps the latest messages only: a long demo must not grow memory without bound. */
const LOG_LIMIT = 500;

/** Whether the recipient asked for this kind of notice (no NOTIFY: failures and delays, as Postfix). */
function wantsNotice(notify: string[] | undefined, fate: ReturnType<typeof recipientFate>): boolean {
  if (!notify) return true;
  const kind = noticeKindOf(fate);
  return kind === 'delay' ? notify.includes('DELAY') : notify.includes('FAILURE');
}

/**
 * The sandbox's mail desk behind its SMTP server: what is local, where each arrival goes, and the
 * log `GET /sandbox/smtp/messages` reads. The listening socket lives in `startSandboxSmtp`; the desk
 * lives with the sandbox so its routes answer even before the server is started.
 */
export class SmtpDesk {
  readonly #log: SandboxSmtpMessage[] = [];
  /** The port `startSandboxSmtp` listens on, for the dev page; null when it is not running. */
  port: number | null = null;

  constructor(private readonly deps: SmtpDeskDeps) {}

  /** A sandbox person's address: the MX role accepts mail for these only. */
  isLocal(address: string): boolean {
    return address.includes('@') && findUser(this.deps.users, address.toLowerCase()) !== undefined;
  }

  messages(): SandboxSmtpMessage[] {
    return this.#log.map((m) => structuredClone(m));
  }

  accept(arrival: SmtpArrival): SandboxSmtpMessage {
    const raw = withTraceHeaders(arrival, this.deps.clock.now());
    const headers = parseHeaderBlock(splitHeadBody(arrival.raw).head);
    const entry: SandboxSmtpMessage = {
      id: randomBytes(6).toString('hex'),
      receivedAt: this.deps.clock.now().toISOString(),
      role: arrival.role,
      authUser: arrival.authUser,
      envelope: { mailFrom: arrival.mailFrom, rcptTo: [...arrival.rcptTo] },
      dsn: arrival.dsn,
      headers,
      subject: decodeWords(headerValue(headers, 'Subject') ?? ''),
      messageId: headerValue(headers, 'Message-ID') ?? null,
      size: Buffer.byteLength(arrival.raw),
      deliveredTo: [],
      noticesFor: [],
      leftSandbox: [],
    };
    if (arrival.role === 'mx') this.#deliverAll(entry, raw);
    else this.#relay(entry, arrival, raw);
    this.#log.push(entry);
    if (this.#log.length > LOG_LIMIT) this.#log.shift();
    return structuredClone(entry);
  }

  #deliverAll(entry: SandboxSmtpMessage, raw: string): void {
    for (const address of entry.envelope.rcptTo)
      if (this.deps.postOffice.deliver(address, raw)) entry.deliveredTo.push(address);
  }

  /**
   * Submission: sandbox people get it in their inbox; the rule domains get a Postfix DSN into the
   * envelope sender's sandbox inbox (when the sender is one of ours and asked for it); the rest leaves.
   */
  #relay(entry: SandboxSmtpMessage, arrival: SmtpArrival, raw: string): void {
    const sender = findUser(this.deps.users, arrival.mailFrom.toLowerCase());
    const noticed: string[] = [];
    for (const address of arrival.rcptTo) {
      const fate = recipientFate(address);
      if (fate === 'deliver') {
        if (this.deps.postOffice.deliver(address, raw)) entry.deliveredTo.push(address);
        else entry.leftSandbox.push(address);
      } else if (responseOf(fate)) entry.leftSandbox.push(address);
      else if (sender && wantsNotice(arrival.dsn.notify[address], fate)) noticed.push(address);
      else entry.leftSandbox.push(address);
    }
    // The answering domains (reply, ooo, complain, unsubscribe) answer relayed mail too.
    this.deps.postOffice.respond({
      sender,
      senderAddress: arrival.mailFrom,
      raw: arrival.raw,
      recipients: arrival.rcptTo,
    });
    if (!sender || noticed.length === 0) return;
    const options = { envid: arrival.dsn.envid, ret: arrival.dsn.ret, originalRaw: arrival.raw };
    this.deps.postOffice.submit({
      sender,
      raw: arrival.raw,
      recipients: noticed,
      saveToSent: false,
      noticeFormat: (input) => buildPostfixDsn(input, options),
    });
    entry.noticesFor.push(...noticed);
  }
}

/** What a delivering MTA adds on top: the envelope sender and its own trace line. */
function withTraceHeaders(arrival: SmtpArrival, at: Date): string {
  const by = `by ${SANDBOX_SMTP_HOST} (Sendwell sandbox SMTP) with ${arrival.authUser ? 'ESMTPSA' : 'ESMTP'}`;
  const received = `Received: from client ${by}; ${rfc5322Date(at)}`;
  return `Return-Path: <${arrival.mailFrom}>${CRLF}${received}${CRLF}${arrival.raw}`;
}
