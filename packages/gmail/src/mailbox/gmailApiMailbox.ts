import type { gmail_v1 } from '@googleapis/gmail';
import {
  type AccessTokenSource,
  type Clock,
  type InboxBackfill,
  type InboxEntry,
  type InboxPage,
  type InboxRoundPage,
  type MailboxPort,
  type OutgoingMessage,
  type RecordedMessages,
  type SubmitResult,
  systemClock,
} from '@sendwell/core';
import { type GmailCall, type GmailClient, GOOGLE_ROOT_URL, gmailCaller } from './client';
import { backfillIds } from './gmailBackfill';
import { classifySendError, errorFacts, isUnauthorized } from './gmailErrors';
import { buildMime, fromRaw, toRaw } from './mime';

/**
 * Headers the scanner's cheap pre-filters (bounce notice, reply to one of ours) need before deciding
 * to fetch raw MIME.
 */
export const PREFILTER_HEADERS = [
  'From',
  'Subject',
  'Content-Type',
  'X-Failed-Recipients',
  'Auto-Submitted',
  'Message-ID',
  'In-Reply-To',
  'References',
  'X-Autoreply',
  'Precedence',
];

/** The server's Message-ID convention for a send (`<sendwellId>@sendwell.local`); findSent searches by it. */
export const defaultMessageIdFor = (sendwellId: string): string => `${sendwellId}@sendwell.local`;

export interface GmailApiMailboxOptions {
  address: string;
  /**
   * A current OAuth access token for the mailbox (the server refreshes it). Never logged. Asked
   * again with `forceRefresh` once when Gmail answers 401; what it throws propagates unchanged.
   */
  getToken: AccessTokenSource;
  /** `https://gmail.googleapis.com/` by default; `<base>/sandbox/google/` for the sandbox. */
  rootUrl?: string;
  /** Must match how the outbox builds `OutgoingMessage.messageId`, so findSent can search by it. */
  messageIdFor?: (sendwellId: string) => string;
  /** First sync looks back this far (a Gmail `q` duration). */
  backfillQuery?: string;
  clock?: Clock;
}

const USER = 'me';

/** `MailboxPort` over the Gmail API with `@googleapis/gmail@18` (the last release that runs on Node 20). */
export class GmailApiMailbox implements MailboxPort {
  readonly provider = 'gmail' as const;
  readonly address: string;
  readonly #options: GmailApiMailboxOptions;
  readonly #gmail: GmailCall;
  readonly #clock: Clock;

  constructor(options: GmailApiMailboxOptions) {
    this.#options = options;
    this.address = options.address;
    this.#gmail = gmailCaller(options.getToken, options.rootUrl ?? GOOGLE_ROOT_URL);
    this.#clock = options.clock ?? systemClock;
  }

  async send(message: OutgoingMessage): Promise<SubmitResult> {
    const mime = buildMime({ ...message, date: this.#clock.now() });
    return this.#gmail(async ({ api, call }) => {
      try {
        // `requestBody.raw`, never a media upload: uploads ignore rootUrl and would go to Google.
        // `threadId` joins the earlier email's thread (Gmail also needs matching References/Subject).
        const requestBody = { raw: toRaw(mime), ...(message.threadId ? { threadId: message.threadId } : {}) };
        const { data } = await api.users.messages.send({ userId: USER, requestBody }, call);
        return {
          status: 'submitted',
          rfcMessageId: message.messageId,
          ...(data.id ? { providerMessageId: data.id } : {}),
          ...(data.threadId ? { threadId: data.threadId } : {}),
        };
      } catch (error) {
        // A 401 was refused before sending: the caller refreshes the token and sends once more.
        if (isUnauthorized(error)) throw error;
        return classifySendError(error, this.#clock.now());
      }
    });
  }

  async listInboxChanges(cursor: string | null, backfill?: InboxBackfill): Promise<InboxPage> {
    const entries: InboxEntry[] = [];
    let page = await this.listInboxPage(cursor, backfill);
    entries.push(...page.entries);
    while (page.more) {
      page = await this.listInboxPage(page.cursor);
      entries.push(...page.entries);
    }
    return { entries, cursor: page.cursor };
  }

  /**
   * One page of a round. A full sync lists ids only (cheap), then reads metadata `SYNC_PAGE` at a
   * time: mid-sync the cursor holds the history id read first and the ids still to read, so a
   * restarted scanner resumes there, and history from that id covers what arrived meanwhile.
   */
  async listInboxPage(
    cursor: string | null,
    backfill?: InboxBackfill,
    recorded?: RecordedMessages,
  ): Promise<InboxRoundPage> {
    const pending = cursor === null ? null : parseSyncCursor(cursor);
    if (pending) return this.#gmail(({ api, call }) => this.#syncPage(api, call, pending, recorded));
    if (cursor !== null) {
      try {
        const round = await this.#gmail((client) => this.#historySince(client, cursor));
        return { ...round, more: false };
      } catch (error) {
        // History ids expire (usually after a week): Gmail answers 404 and wants a full sync.
        if (errorFacts(error).status !== 404) throw error;
      }
    }
    return this.#gmail(async (client) =>
      this.#syncPage(client.api, client.call, await this.#fullSync(client, backfill), recorded),
    );
  }

  async #syncPage(
    api: gmail_v1.Gmail,
    call: { rootUrl: string },
    sync: PendingSync,
    recorded?: RecordedMessages,
  ): Promise<InboxRoundPage> {
    const page = sync.ids.slice(0, SYNC_PAGE);
    const rest = sync.ids.slice(SYNC_PAGE);
    const known = recorded ? await recorded(page) : new Set<string>();
    const entries = await this.#entries(
      api,
      call,
      page.filter((id) => !known.has(id)),
    );
    if (rest.length === 0) return { entries, cursor: sync.historyId, more: false };
    return { entries, cursor: syncCursor({ historyId: sync.historyId, ids: rest }), more: true };
  }

  async getRawMessage(providerMessageId: string): Promise<Uint8Array> {
    const { data } = await this.#gmail(({ api, call }) =>
      api.users.messages.get({ userId: USER, id: providerMessageId, format: 'raw' }, call),
    );
    return fromRaw(data.raw ?? '');
  }

  /**
   * Gmail search cannot match on arbitrary headers such as X-Sendwell-Id, but `rfc822msgid:` finds
   * our own Message-ID, which the outbox derives from the sendwell id (`messageIdFor`).
   */
  async findSent(sendwellId: string): Promise<boolean> {
    const messageId = (this.#options.messageIdFor ?? defaultMessageIdFor)(sendwellId);
    const { data } = await this.#gmail(({ api, call }) =>
      api.users.messages.list({ userId: USER, q: `in:sent rfc822msgid:${messageId}`, maxResults: 1 }, call),
    );
    return (data.messages?.length ?? 0) > 0;
  }

  /**
   * Read the history id first, then list the backfill's ids, so nothing that arrives in between is
   * missed. With a `backfill`, only notices (a search) and messages in our threads; else the short look-back.
   */
  async #fullSync({ api, call }: GmailClient, backfill?: InboxBackfill): Promise<PendingSync> {
    const profile = await api.users.getProfile({ userId: USER }, call);
    const historyId = String(profile.data.historyId ?? '');
    if (backfill) return { historyId, ids: await backfillIds(api, call, backfill) };
    const ids: string[] = [];
    let pageToken: string | undefined;
    do {
      const q = `in:inbox ${this.#options.backfillQuery ?? 'newer_than:1d'}`;
      const { data } = await api.users.messages.list(
        { userId: USER, q, maxResults: 500, ...(pageToken ? { pageToken } : {}) },
        call,
      );
      ids.push(...(data.messages ?? []).map((m) => m.id).filter((id): id is string => !!id));
      pageToken = data.nextPageToken ?? undefined;
    } while (pageToken);
    return { historyId, ids };
  }

  async #historySince({ api, call }: GmailClient, cursor: string): Promise<InboxPage> {
    const ids = new Set<string>();
    let latest = cursor;
    let pageToken: string | undefined;
    do {
      const { data } = await api.users.history.list(
        {
          userId: USER,
          startHistoryId: cursor,
          historyTypes: ['messageAdded'],
          labelId: 'INBOX',
          ...(pageToken ? { pageToken } : {}),
        },
        call,
      );
      for (const record of data.history ?? []) {
        for (const added of record.messagesAdded ?? []) {
          const labels = added.message?.labelIds;
          if (added.message?.id && (!labels || labels.includes('INBOX'))) ids.add(added.message.id);
        }
      }
      if (data.historyId) latest = String(data.historyId);
      pageToken = data.nextPageToken ?? undefined;
    } while (pageToken);
    return { entries: await this.#entries(api, call, [...ids]), cursor: latest };
  }

  async #entries(api: gmail_v1.Gmail, call: { rootUrl: string }, ids: string[]): Promise<InboxEntry[]> {
    const entries: InboxEntry[] = [];
    // One at a time: the scanner shares the per-user quota with sends; Gmail limits concurrency too.
    for (const id of ids) {
      const entry = await this.#metadata(api, call, id);
      if (entry) entries.push(entry);
    }
    return entries;
  }

  async #metadata(api: gmail_v1.Gmail, call: { rootUrl: string }, id: string): Promise<InboxEntry | null> {
    try {
      const { data } = await api.users.messages.get(
        { userId: USER, id, format: 'metadata', metadataHeaders: PREFILTER_HEADERS },
        call,
      );
      return toEntry(data);
    } catch (error) {
      if (errorFacts(error).status === 404) return null; // deleted between the listing and now
      throw error;
    }
  }
}

function toEntry(message: gmail_v1.Schema$Message): InboxEntry {
  const headers: Record<string, string> = {};
  for (const header of message.payload?.headers ?? []) {
    if (header.name && header.value !== undefined && header.value !== null)
      headers[header.name.toLowerCase()] = header.value;
  }
  const millis = Number(message.internalDate ?? 0);
  return {
    providerMessageId: message.id ?? '',
    from: headers.from ?? '',
    subject: headers.subject ?? '',
    receivedAt: new Date(millis).toISOString(),
    headers,
    ...(message.threadId ? { threadId: message.threadId } : {}),
  };
}

/** Metadata reads per page of a full sync: the scanner saves its place after each page. */
const SYNC_PAGE = 50;
const SYNC_PREFIX = 'sync:';

/** A full sync under way: the history id read before listing, and the ids not read yet. */
interface PendingSync {
  historyId: string;
  ids: string[];
}

/** `sync:<historyId>:<id>,<id>,...` (Gmail ids and history ids are digits and hex letters). */
function syncCursor(sync: PendingSync): string {
  return `${SYNC_PREFIX}${sync.historyId}:${sync.ids.join(',')}`;
}

function parseSyncCursor(cursor: string): PendingSync | null {
  if (!cursor.startsWith(SYNC_PREFIX)) return null;
  const [historyId = '', ids = ''] = cursor.slice(SYNC_PREFIX.length).split(':');
  return { historyId, ids: ids.split(',').filter(Boolean) };
}
