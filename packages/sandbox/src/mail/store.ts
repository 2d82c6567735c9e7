import type { Clock } from '@sendwell/core';
import {
  decodeWords,
  type Header,
  headerValue,
  type Mailbox,
  parseAddressList,
  parseHeaderBlock,
  splitHeadBody,
} from '../mime/headers';
import type { SandboxUser } from '../users';
import { gmailId, graphId } from './ids';

export type Folder = 'inbox' | 'sentitems';

export interface StoredMessage {
  id: string;
  threadId: string;
  folder: Folder;
  labelIds: string[];
  /** The RFC 822 text as the mailbox holds it (CRLF line ends). */
  raw: string;
  headers: Header[];
  /** With angle brackets, as Graph's internetMessageId shows it. */
  internetMessageId: string;
  subject: string;
  from: Mailbox;
  to: Mailbox[];
  cc: Mailbox[];
  bcc: Mailbox[];
  receivedAt: Date;
  /** Arrival order inside the mailbox: the watermark Graph delta tokens carry. */
  seq: number;
  historyId: number;
  isRead: boolean;
}

interface HistoryRecord {
  id: number;
  at: Date;
  messageId: string;
}

export interface MailboxState {
  user: SandboxUser;
  messages: StoredMessage[];
  seq: number;
  historyId: number;
  history: HistoryRecord[];
  /** History at or below this id has been pruned: older start ids get Gmail's 404. */
  historyFloor: number;
}

/** Gmail keeps history "at least a week" (gmail-addon.md §4.3); we prune at exactly 7 days. */
const HISTORY_RETENTION_MS = 7 * 24 * 3600_000;
/** History ids increase but are not contiguous in Gmail; a step of 3 keeps clients honest. */
const HISTORY_STEP = 3;

export class MailStore {
  readonly #mailboxes = new Map<string, MailboxState>();

  constructor(
    users: readonly SandboxUser[],
    private readonly clock: Clock,
  ) {
    users.forEach((user, i) => {
      const start = 1200 + i * 100_000;
      this.#mailboxes.set(user.mailboxId, {
        user,
        messages: [],
        seq: 0,
        historyId: start,
        history: [],
        historyFloor: start,
      });
    });
  }

  mailbox(mailboxId: string): MailboxState {
    const box = this.#mailboxes.get(mailboxId);
    if (!box) throw new Error(`unknown sandbox mailbox ${mailboxId}`);
    return box;
  }

  byAddress(address: string): MailboxState | undefined {
    const lower = address.toLowerCase();
    return [...this.#mailboxes.values()].find((b) => b.user.email === lower);
  }

  /** Files a raw message into a folder, assigning provider-style ids, thread and history. */
  add(
    mailboxId: string,
    raw: string,
    folder: Folder,
    options: { receivedAt?: Date; labelIds?: string[] } = {},
  ): StoredMessage {
    const box = this.mailbox(mailboxId);
    const headers = parseHeaderBlock(splitHeadBody(raw).head);
    const internetMessageId = headerValue(headers, 'Message-ID') ?? '';
    box.seq += 1;
    box.historyId += HISTORY_STEP;
    const gmail = box.user.provider === 'gmail';
    const message: StoredMessage = {
      id: gmail ? gmailId() : graphId(),
      threadId: this.#threadFor(box, headers) ?? gmailId(),
      folder,
      labelIds: options.labelIds ?? (folder === 'inbox' ? ['UNREAD', 'INBOX'] : ['SENT']),
      raw,
      headers,
      internetMessageId,
      subject: decodeWords(headerValue(headers, 'Subject') ?? ''),
      from: parseAddressList(headerValue(headers, 'From'))[0] ?? { name: '', address: '' },
      to: parseAddressList(headerValue(headers, 'To')),
      cc: parseAddressList(headerValue(headers, 'Cc')),
      bcc: parseAddressList(headerValue(headers, 'Bcc')),
      receivedAt: options.receivedAt ?? this.clock.now(),
      seq: box.seq,
      historyId: box.historyId,
      isRead: folder !== 'inbox',
    };
    box.messages.push(message);
    box.history.push({ id: box.historyId, at: message.receivedAt, messageId: message.id });
    return message;
  }

  /** Replies and notices join the thread of the message they reference, as Gmail threads them. */
  #threadFor(box: MailboxState, headers: Header[]): string | undefined {
    const refs = `${headerValue(headers, 'In-Reply-To') ?? ''} ${headerValue(headers, 'References') ?? ''}`;
    const ids: string[] = refs.match(/<[^>]+>/g) ?? [];
    return box.messages.find((m) => m.internetMessageId && ids.includes(m.internetMessageId))?.threadId;
  }

  find(mailboxId: string, messageId: string): StoredMessage | undefined {
    return this.mailbox(mailboxId).messages.find((m) => m.id === messageId);
  }

  /** Drops history older than the retention window (called before every history read). */
  pruneHistory(mailboxId: string): MailboxState {
    const box = this.mailbox(mailboxId);
    const cutoff = this.clock.now().getTime() - HISTORY_RETENTION_MS;
    while (box.history.length > 0 && box.history[0]!.at.getTime() < cutoff) {
      box.historyFloor = Math.max(box.historyFloor, box.history.shift()!.id);
    }
    return box;
  }
}
