import { randomBytes } from 'node:crypto';
import type { Clock } from '@sendwell/core';
import { CRLF, decodeWords, type Header, parseHeaderBlock, splitHeadBody } from '../mime/headers';
import { buildExchangeNdr } from '../notices/exchangeNdr';
import { buildGmailDsn } from '../notices/gmailDsn';
import type { NoticeInput, NoticeRecipient } from '../notices/types';
import { buildArfReport } from '../responses/arf';
import { buildAutoReply } from '../responses/autoReply';
import { OneClickClient } from '../responses/oneClick';
import type { ResponseInput } from '../responses/original';
import { buildReply } from '../responses/reply';
import type { SandboxUser } from '../users';
import { noticeKindOf, type Response, recipientFate, responseOf } from './recipients';
import type { MailStore, StoredMessage } from './store';

export interface Submission {
  sender: SandboxUser;
  /** The message as the sender's mailbox keeps it (Bcc included). */
  raw: string;
  /** Envelope recipients: To, Cc and Bcc addresses. */
  recipients: string[];
  saveToSent: boolean;
  /** Gmail's quirk: over the daily limit the API still says 200, then a limit bounce arrives. */
  overSendingLimit?: boolean;
  /**
   * Writes the notices in another MTA's layout instead of the sender's provider's (the sandbox's
   * SMTP relay writes Postfix's).
   */
  noticeFormat?: (input: NoticeInput) => string;
  /** The Sent copy's thread: an id, `null` for a new one, absent to thread by References. */
  sentThreadId?: string | null;
}

/** A notice the post office filed into a sender's inbox: the sandbox's own record of every bounce. */
export interface FiledNotice {
  sender: string;
  kind: NoticeInput['kind'];
  recipients: NoticeRecipient[];
  /** The original's Message-ID (angle brackets) and X-Sendwell-Id (null when it had none). */
  originalMessageId: string;
  sendwellId: string | null;
  /** When it was filed (its due time). */
  at: string;
}

/** Something due at a time: a notice or an answer to file, or a one-click unsubscribe to press. */
interface Pending {
  dueAt: number;
  run: (at: Date) => void;
}

/** Who answers with what: a written message back to the sender (the one-click press is apart). */
const ANSWER_BUILDERS: Record<Exclude<Response, 'unsubscribe'>, (input: ResponseInput) => string> = {
  reply: buildReply,
  'auto-reply': buildAutoReply,
  complaint: buildArfReport,
};

/** The answers to one message: its sender (a sandbox person, or only an address) and recipients. */
interface Answering {
  sender: SandboxUser | undefined;
  senderAddress: string;
  /** The message as it left (Bcc is removed before anyone reads it). */
  raw: string;
  recipients: string[];
}

function withoutBcc(raw: string): string {
  const { head, body } = splitHeadBody(raw);
  const kept = head.split(/\r?\n(?![ \t])/).filter((line) => !/^bcc\s*:/i.test(line));
  return `${kept.join(CRLF)}${CRLF}${CRLF}${body}`;
}

/**
 * Where sent mail goes: the Sent copy, local delivery to other sandbox users, and — after
 * `noticeDelayMs` — bounce/delay notices back to the sender in their provider's format. Notices
 * are due at a time and delivered on the next `deliverDue()` (every sandbox request calls it), so
 * nothing runs on timers and an injected clock controls everything.
 */
export class PostOffice {
  readonly #pending: Pending[] = [];
  /** Every notice filed, in filing order (`GET /dev/truth` reads it). */
  readonly filedNotices: FiledNotice[] = [];

  constructor(
    private readonly store: MailStore,
    private readonly clock: Clock,
    private readonly noticeDelayMs: number,
    /** The recipients' mail clients that press one-click unsubscribe (RFC 8058). */
    readonly oneClick: OneClickClient = new OneClickClient(),
  ) {}

  submit(submission: Submission): StoredMessage | null {
    const { sender, raw } = submission;
    const sent = submission.saveToSent
      ? this.store.add(sender.mailboxId, raw, 'sentitems', { threadId: submission.sentThreadId })
      : null;
    const original = parseHeaderBlock(splitHeadBody(raw).head).filter((h) => h.name.toLowerCase() !== 'bcc');
    if (submission.overSendingLimit) {
      this.#schedule(
        sender,
        original,
        submission.recipients.map((address) => ({ address, fate: 'sending-limit' })),
        'failure',
        submission.noticeFormat,
      );
      return sent;
    }
    const failures: NoticeRecipient[] = [];
    const delays: NoticeRecipient[] = [];
    for (const address of submission.recipients) {
      const fate = recipientFate(address);
      const kind = noticeKindOf(fate);
      if (kind === 'failure') failures.push({ address, fate: fate as NoticeRecipient['fate'] });
      else if (kind === 'delay') delays.push({ address, fate: 'delay' });
      else this.deliver(address, raw);
    }
    const format = submission.noticeFormat;
    if (failures.length) this.#schedule(sender, original, failures, 'failure', format);
    if (delays.length) this.#schedule(sender, original, delays, 'delay', format);
    this.respond({ sender, senderAddress: sender.email, raw, recipients: submission.recipients });
    return sent;
  }

  /**
   * The rule recipients that answer (`reply.test`, `ooo.test`, `complain.test`,
   * `unsubscribe.test`) do so `noticeDelayMs` after the message reached them: a written answer is
   * filed into the sender's inbox (when the sender is a sandbox person), a one-click unsubscribe is
   * POSTed to the message's List-Unsubscribe URL. Other recipients are ignored here.
   */
  respond(answering: Answering): number {
    const delivered = withoutBcc(answering.raw.replace(/\r?\n/g, CRLF));
    const dueAt = this.clock.now().getTime() + this.noticeDelayMs;
    let count = 0;
    for (const recipient of answering.recipients) {
      const response = responseOf(recipientFate(recipient));
      if (!response) continue;
      const run = this.#answer(answering, delivered, recipient, response);
      if (!run) continue;
      this.#pending.push({ dueAt, run });
      count += 1;
    }
    return count;
  }

  #answer(answering: Answering, raw: string, recipient: string, response: Response): Pending['run'] | null {
    if (response === 'unsubscribe') {
      const headers = parseHeaderBlock(splitHeadBody(raw).head);
      return (at) => {
        this.oneClick.press({ sender: answering.senderAddress, recipient, headers, at });
      };
    }
    const sender = answering.sender;
    if (!sender) return null;
    const build = ANSWER_BUILDERS[response];
    return (at) => {
      const input = { recipient, sender, originalRaw: raw, at, seed: randomBytes(8).toString('hex') };
      this.store.add(sender.mailboxId, build(input), 'inbox', { receivedAt: at });
    };
  }

  /** Files a message into a sandbox user's inbox (Bcc removed); false when the address is no sandbox user's. */
  deliver(address: string, raw: string): boolean {
    const box = this.store.byAddress(address);
    if (box) this.store.add(box.user.mailboxId, withoutBcc(raw), 'inbox');
    return box !== undefined;
  }

  #schedule(
    sender: SandboxUser,
    original: Header[],
    recipients: NoticeRecipient[],
    kind: NoticeInput['kind'],
    format?: Submission['noticeFormat'],
  ): void {
    const sentAt = this.clock.now();
    const header = (name: string) => original.find((h) => h.name.toLowerCase() === name)?.value ?? '';
    const build = (at: Date) => {
      const input: NoticeInput = {
        kind,
        sender: sender.email,
        originalHeaders: original,
        originalSubject: decodeWords(header('subject')),
        originalMessageId: header('message-id'),
        sentAt,
        recipients,
        at,
        seed: randomBytes(8).toString('hex'),
      };
      if (format) return format(input);
      return sender.provider === 'gmail' ? buildGmailDsn(input) : buildExchangeNdr(input);
    };
    const run = (at: Date) => {
      this.store.add(sender.mailboxId, build(at), 'inbox', { receivedAt: at });
      this.filedNotices.push({
        sender: sender.email,
        kind,
        recipients,
        originalMessageId: header('message-id'),
        sendwellId: header('x-sendwell-id') || null,
        at: at.toISOString(),
      });
    };
    this.#pending.push({ dueAt: sentAt.getTime() + this.noticeDelayMs, run });
  }

  /** Files every notice and answer whose time has come (and presses due unsubscribes); returns how many. */
  deliverDue(): number {
    const now = this.clock.now().getTime();
    const due: Pending[] = [];
    let kept = 0;
    for (const item of this.#pending) {
      if (item.dueAt <= now) due.push(item);
      else this.#pending[kept++] = item;
    }
    this.#pending.length = kept;
    due.sort((a, b) => a.dueAt - b.dueAt);
    for (const item of due) item.run(new Date(item.dueAt));
    return due.length;
  }

  get pendingCount(): number {
    return this.#pending.length;
  }
}
