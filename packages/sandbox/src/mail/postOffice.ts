import { randomBytes } from 'node:crypto';
import type { Clock } from '@sendwell/core';
import { CRLF, decodeWords, type Header, parseHeaderBlock, splitHeadBody } from '../mime/headers';
import { buildExchangeNdr } from '../notices/exchangeNdr';
import { buildGmailDsn } from '../notices/gmailDsn';
import type { NoticeInput, NoticeRecipient } from '../notices/types';
import type { SandboxUser } from '../users';
import { noticeKindOf, recipientFate } from './recipients';
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
}

interface PendingNotice {
  dueAt: number;
  mailboxId: string;
  build: (at: Date) => string;
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
  readonly #pending: PendingNotice[] = [];

  constructor(
    private readonly store: MailStore,
    private readonly clock: Clock,
    private readonly noticeDelayMs: number,
  ) {}

  submit(submission: Submission): StoredMessage | null {
    const { sender, raw } = submission;
    const sent = submission.saveToSent ? this.store.add(sender.mailboxId, raw, 'sentitems') : null;
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
    return sent;
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
    this.#pending.push({ dueAt: sentAt.getTime() + this.noticeDelayMs, mailboxId: sender.mailboxId, build });
  }

  /** Puts every notice whose time has come into its mailbox's inbox; returns how many. */
  deliverDue(): number {
    const now = this.clock.now().getTime();
    const due = this.#pending.filter((p) => p.dueAt <= now).sort((a, b) => a.dueAt - b.dueAt);
    for (const notice of due) {
      this.#pending.splice(this.#pending.indexOf(notice), 1);
      const at = new Date(notice.dueAt);
      this.store.add(notice.mailboxId, notice.build(at), 'inbox', { receivedAt: at });
    }
    return due.length;
  }

  get pendingCount(): number {
    return this.#pending.length;
  }
}
