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
import { compareArrival, insertByArrival } from './order';

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
  /** Every message in arrival (seq) order. */
  messages: StoredMessage[];
  seq: number;
  historyId: number;
  /** History records by ascending id; those before `historyStart` are pruned. */
  history: HistoryRecord[];
  historyStart: number;
  /** History at or below this id has been pruned: older start ids get Gmail's 404. */
  historyFloor: number;
  /** Indexes, so reads cost O(log n + page) at 100,000 messages. */
  byId: Map<string, StoredMessage>;
  /** By Message-ID (with angle brackets): threading, `rfc822msgid:`, `internetMessageId eq`. */
  byInternetId: Map<string, StoredMessage[]>;
  threadSizes: Map<string, number>;
  /** Per folder, arrival (seq) order: Graph delta. */
  folders: Record<Folder, StoredMessage[]>;
  /** Ascending (receivedAt, seq): Gmail list and Graph folder lists read it newest first. */
  byTime: StoredMessage[];
}

/** One message to file, for `add` and `addMany`. */
export interface Filing {
  raw: string;
  folder: Folder;
  receivedAt?: Date;
  labelIds?: string[];
  /** A thread to file it in; `null` = a new thread; absent = by In-Reply-To/References. */
  threadId?: string | null;
}

/** Gmail keeps history "at least a week" (gmail-addon.md §4.3); we prune at exactly 7 days. */
const HISTORY_RETENTION_MS = 7 * 24 * 3600_000;
/** History ids increase but are not contiguous in Gmail; a step of 3 keeps clients honest. */
const HISTORY_STEP = 3;

type Eager = Omit<StoredMessage, 'from' | 'to' | 'cc' | 'bcc'>;

/**
 * A filed message whose From, To, Cc and Bcc are parsed on first read (then kept): filing 100,000
 * messages must not parse address lists nobody reads. Getters live on the prototype, so a message
 * costs no closures.
 */
class FiledMessage {
  #addresses: Partial<Record<'From' | 'To' | 'Cc' | 'Bcc', Mailbox[]>> = {};

  constructor(fields: Eager) {
    Object.assign(this, fields);
  }

  #list(name: 'From' | 'To' | 'Cc' | 'Bcc'): Mailbox[] {
    this.#addresses[name] ??= parseAddressList(headerValue((this as unknown as Eager).headers, name));
    return this.#addresses[name];
  }

  get from(): Mailbox {
    return this.#list('From')[0] ?? { name: '', address: '' };
  }

  get to(): Mailbox[] {
    return this.#list('To');
  }

  get cc(): Mailbox[] {
    return this.#list('Cc');
  }

  get bcc(): Mailbox[] {
    return this.#list('Bcc');
  }
}

function emptyBox(user: SandboxUser, start: number): MailboxState {
  return {
    user,
    messages: [],
    seq: 0,
    historyId: start,
    history: [],
    historyStart: 0,
    historyFloor: start,
    byId: new Map(),
    byInternetId: new Map(),
    threadSizes: new Map(),
    folders: { inbox: [], sentitems: [] },
    byTime: [],
  };
}

export class MailStore {
  readonly #mailboxes = new Map<string, MailboxState>();
  readonly #byAddress = new Map<string, MailboxState>();

  constructor(
    users: readonly SandboxUser[],
    private readonly clock: Clock,
  ) {
    users.forEach((user, i) => {
      const box = emptyBox(user, 1200 + i * 100_000);
      this.#mailboxes.set(user.mailboxId, box);
      this.#byAddress.set(user.email.toLowerCase(), box);
    });
  }

  mailbox(mailboxId: string): MailboxState {
    const box = this.#mailboxes.get(mailboxId);
    if (!box) throw new Error(`unknown sandbox mailbox ${mailboxId}`);
    return box;
  }

  byAddress(address: string): MailboxState | undefined {
    return this.#byAddress.get(address.toLowerCase());
  }

  /** Files a raw message into a folder, assigning provider-style ids, thread and history. */
  add(
    mailboxId: string,
    raw: string,
    folder: Folder,
    options: Omit<Filing, 'raw' | 'folder'> = {},
  ): StoredMessage {
    const box = this.mailbox(mailboxId);
    const message = this.#file(box, { raw, folder, ...options });
    insertByArrival(box.byTime, message);
    return message;
  }

  /** Files many messages at once (the fill route): one sort of the time index instead of n inserts. */
  addMany(mailboxId: string, filings: readonly Filing[]): StoredMessage[] {
    const box = this.mailbox(mailboxId);
    const added = filings.map((f) => this.#file(box, f));
    // A loop, not push(...added): spreading 200,000 arguments overflows the stack.
    for (const message of added) box.byTime.push(message);
    box.byTime.sort(compareArrival);
    return added;
  }

  #file(box: MailboxState, filing: Filing): StoredMessage {
    const { raw, folder } = filing;
    const headers = parseHeaderBlock(splitHeadBody(raw).head);
    const internetMessageId = headerValue(headers, 'Message-ID') ?? '';
    box.seq += 1;
    box.historyId += HISTORY_STEP;
    const gmail = box.user.provider === 'gmail';
    const threadId =
      filing.threadId === undefined
        ? (this.#threadFor(box, headers) ?? gmailId())
        : (filing.threadId ?? gmailId());
    const message = new FiledMessage({
      id: gmail ? gmailId() : graphId(),
      threadId,
      folder,
      labelIds: filing.labelIds ?? (folder === 'inbox' ? ['UNREAD', 'INBOX'] : ['SENT']),
      raw,
      headers,
      internetMessageId,
      subject: decodeWords(headerValue(headers, 'Subject') ?? ''),
      receivedAt: filing.receivedAt ?? this.clock.now(),
      seq: box.seq,
      historyId: box.historyId,
      isRead: folder !== 'inbox',
    }) as unknown as StoredMessage;
    box.messages.push(message);
    box.folders[folder].push(message);
    box.byId.set(message.id, message);
    if (internetMessageId) {
      const same = box.byInternetId.get(internetMessageId) ?? [];
      same.push(message);
      box.byInternetId.set(internetMessageId, same);
    }
    box.threadSizes.set(threadId, (box.threadSizes.get(threadId) ?? 0) + 1);
    box.history.push({ id: box.historyId, at: message.receivedAt, messageId: message.id });
    return message;
  }

  /** Replies and notices join the thread of the message they reference, as Gmail threads them. */
  #threadFor(box: MailboxState, headers: Header[]): string | undefined {
    const refs = `${headerValue(headers, 'In-Reply-To') ?? ''} ${headerValue(headers, 'References') ?? ''}`;
    for (const id of refs.match(/<[^>]+>/g) ?? []) {
      const known = box.byInternetId.get(id)?.[0];
      if (known) return known.threadId;
    }
    return undefined;
  }

  find(mailboxId: string, messageId: string): StoredMessage | undefined {
    return this.mailbox(mailboxId).byId.get(messageId);
  }

  /** Messages whose Message-ID is this one (with angle brackets). */
  withInternetId(mailboxId: string, internetMessageId: string): readonly StoredMessage[] {
    return this.mailbox(mailboxId).byInternetId.get(internetMessageId) ?? [];
  }

  hasThread(mailboxId: string, threadId: string): boolean {
    return this.mailbox(mailboxId).threadSizes.has(threadId);
  }

  /** Drops history older than the retention window (called before every history read). */
  pruneHistory(mailboxId: string): MailboxState {
    const box = this.mailbox(mailboxId);
    const cutoff = this.clock.now().getTime() - HISTORY_RETENTION_MS;
    while (box.historyStart < box.history.length && box.history[box.historyStart]!.at.getTime() < cutoff) {
      box.historyFloor = Math.max(box.historyFloor, box.history[box.historyStart]!.id);
      box.historyStart += 1;
    }
    // Compact now and then so pruned records do not pile up.
    if (box.historyStart > 4096 && box.historyStart * 2 > box.history.length) {
      box.history.splice(0, box.historyStart);
      box.historyStart = 0;
    }
    return box;
  }
}
