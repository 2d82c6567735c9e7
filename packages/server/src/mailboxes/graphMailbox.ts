import {
  type AccessTokenSource,
  type Clock,
  type InboxBackfill,
  type InboxEntry,
  type InboxPage,
  type InboxRoundPage,
  MailboxAuthError,
  type MailboxPort,
  type OutgoingMessage,
  type SubmitResult,
  systemClock,
} from '@sendwell/core';
import { buildMime } from '@sendwell/gmail';
import { bare, SENDWELL_HEADER, type SentFolderPort, type SentItem, type SentPage } from './sentFolder';

export interface GraphMailboxOptions {
  /** e.g. https://graph.microsoft.com/v1.0 (or the sandbox's). */
  baseUrl: string;
  address: string;
  /**
   * Delegated token for this mailbox; never logged. Asked again with `forceRefresh` once when Graph
   * answers 401 (revoked grant, changed password): what it throws propagates unchanged.
   */
  getToken: AccessTokenSource;
  fetch?: typeof fetch;
  /** The Date header of MIME sends. */
  clock?: Clock;
}

const SELECT = 'id,subject,from,receivedDateTime,internetMessageHeaders';
const SENT_SELECT = 'id,sentDateTime,internetMessageId,toRecipients,ccRecipients,bccRecipients';
/**
 * Our header as Exchange stores it: a named property in PS_INTERNET_HEADERS. Graph cannot filter on
 * `internetMessageHeaders` (400 ErrorInvalidUrlQueryFilter); it filters and expands this property.
 */
const SENDWELL_PROPERTY = `String {00020386-0000-0000-C000-000000000046} Name ${SENDWELL_HEADER}`;
const odataDate = (at: Date) => at.toISOString().replace(/\.\d+Z$/, 'Z');
const odataString = (value: string) => `'${value.replace(/'/g, "''")}'`;
const recipients = (list: string[] | undefined) =>
  (list ?? []).map((address) => ({ emailAddress: { address } }));

/** Exchange Online through Microsoft Graph: `POST /me/sendMail`, inbox delta, `$value` for MIME. */
export class GraphMailbox implements MailboxPort, SentFolderPort {
  readonly provider = 'exchange' as const;
  readonly address: string;
  #options: GraphMailboxOptions;

  constructor(options: GraphMailboxOptions) {
    this.#options = options;
    this.address = options.address;
  }

  /**
   * One Graph request with the mailbox's token. A 401 gets one forced refresh and one retry (our
   * cached token may be stale); a second 401 means the grant is no longer honoured. A 401 is
   * answered before Graph acts on the request, so repeating a sendMail cannot send twice.
   */
  async #request(pathOrUrl: string, init: RequestInit = {}): Promise<Response> {
    const url = pathOrUrl.startsWith('http') ? pathOrUrl : `${this.#options.baseUrl}${pathOrUrl}`;
    const first = await this.#fetchWith(url, init, await this.#options.getToken());
    if (first.status !== 401) return first;
    await first.body?.cancel();
    const second = await this.#fetchWith(url, init, await this.#options.getToken({ forceRefresh: true }));
    if (second.status !== 401) return second;
    throw new MailboxAuthError(
      'token-rejected',
      `Microsoft Graph refused a freshly refreshed token for ${this.address}: ${await errorDetail(second)}`,
    );
  }

  #fetchWith(url: string, init: RequestInit, token: string): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${token}`);
    return (this.#options.fetch ?? fetch)(url, { ...init, headers });
  }

  /**
   * JSON sendMail takes only `x-` headers, so a reply in a thread (In-Reply-To, References) or an
   * email with a one-click unsubscribe goes as MIME (`Content-Type: text/plain`, base64), with our
   * Message-ID, which Exchange keeps. Other emails stay JSON (Exchange assigns their Message-ID; the
   * Sent folder scan records it).
   */
  async send(message: OutgoingMessage): Promise<SubmitResult> {
    const mime = Boolean(message.inReplyTo || message.listUnsubscribeUrl);
    const response = mime ? await this.#sendMime(message) : await this.#sendJson(message);
    // 202 means accepted for delivery, not delivered: bounces come back through the scanner.
    if (response.status === 202)
      return mime ? { status: 'submitted', rfcMessageId: message.messageId } : { status: 'submitted' };
    const detail = await errorDetail(response);
    if (response.status === 429) {
      return {
        status: 'throttled',
        retryAfterSeconds: Number(response.headers.get('retry-after') ?? 60) || 60,
        detail,
      };
    }
    return { status: 'failed', retryable: response.status >= 500, detail };
  }

  #sendMime(message: OutgoingMessage): Promise<Response> {
    const text = buildMime({ ...message, date: (this.#options.clock ?? systemClock).now() });
    return this.#request('/me/sendMail', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: Buffer.from(text, 'utf8').toString('base64'),
    });
  }

  #sendJson(message: OutgoingMessage): Promise<Response> {
    const body = {
      message: {
        subject: message.subject,
        body: { contentType: 'HTML', content: message.html },
        toRecipients: recipients(message.to),
        ccRecipients: recipients(message.cc),
        bccRecipients: recipients(message.bcc),
        internetMessageHeaders: [{ name: SENDWELL_HEADER, value: message.sendwellId }],
      },
      saveToSentItems: true,
    };
    return this.#request('/me/sendMail', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  /**
   * Inbox delta. The first round with a `backfill` starts at `backfill.since` (delta's only filter,
   * `receivedDateTime ge`); the headers come with every message, so nothing else is read for it.
   */
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
   * One delta page. Mid-round the cursor is the page's `@odata.nextLink`: Graph's links carry the
   * sync state (and the round's filter), so a later process resumes the round from it.
   */
  async listInboxPage(cursor: string | null, backfill?: InboxBackfill): Promise<InboxRoundPage> {
    const since = backfill
      ? `&$filter=${encodeURIComponent(`receivedDateTime ge ${odataDate(backfill.since)}`)}`
      : '';
    const url = cursor ?? `/me/mailFolders/inbox/messages/delta?$select=${SELECT}${since}`;
    const response = await this.#request(url, { headers: { prefer: 'odata.maxpagesize=50' } });
    if (!response.ok) throw new Error(`Graph delta failed: ${await errorDetail(response)}`);
    const page = (await response.json()) as GraphPage<GraphMessage>;
    const entries = (page.value ?? []).filter((item) => !item['@removed']).map(toEntry);
    const deltaLink = page['@odata.deltaLink'];
    if (deltaLink) return { entries, cursor: deltaLink, more: false };
    const nextLink = page['@odata.nextLink'];
    if (!nextLink) throw new Error('Graph delta ended without a deltaLink');
    return { entries, cursor: nextLink, more: true };
  }

  async getRawMessage(id: string): Promise<Uint8Array> {
    const response = await this.#request(`/me/messages/${encodeURIComponent(id)}/$value`);
    if (!response.ok) throw new Error(`Graph $value failed: ${await errorDetail(response)}`);
    return new Uint8Array(await response.arrayBuffer());
  }

  /**
   * Sendwell's own message in Sent Items, found by our header's extended property. Exchange assigns
   * the Message-ID of a sendMail message, so `internetMessageId` cannot identify it in advance.
   */
  async findSent(sendwellId: string): Promise<boolean> {
    const filter = `singleValueExtendedProperties/any(ep: ep/id eq ${odataString(SENDWELL_PROPERTY)} and ep/value eq ${odataString(sendwellId)})`;
    const response = await this.#request(
      `/me/mailFolders/sentitems/messages?$select=id&$top=1&$filter=${encodeURIComponent(filter)}`,
    );
    if (!response.ok) throw new Error(`Graph sent-items lookup failed: ${await errorDetail(response)}`);
    const page = (await response.json()) as { value?: unknown[] };
    return (page.value ?? []).length > 0;
  }

  /** Sent Items delta (first round bounded by `since`), with our header expanded to tell our mail apart. */
  async listSentChanges(cursor: string | null, since: Date): Promise<SentPage> {
    const query = [
      `$select=${SENT_SELECT}`,
      `$filter=${encodeURIComponent(`receivedDateTime ge ${odataDate(since)}`)}`,
      `$expand=${encodeURIComponent(`singleValueExtendedProperties($filter=id eq ${odataString(SENDWELL_PROPERTY)})`)}`,
    ].join('&');
    let url: string | null = cursor ?? `/me/mailFolders/sentitems/messages/delta?${query}`;
    const items: SentItem[] = [];
    while (url) {
      const response = await this.#request(url, { headers: { prefer: 'odata.maxpagesize=50' } });
      if (!response.ok) throw new Error(`Graph sent-items delta failed: ${await errorDetail(response)}`);
      const page = (await response.json()) as GraphPage<GraphSentMessage>;
      for (const item of page.value ?? []) if (!item['@removed']) items.push(toSentItem(item));
      if (page['@odata.deltaLink']) return { items, cursor: page['@odata.deltaLink'] };
      url = page['@odata.nextLink'] ?? null;
    }
    throw new Error('Graph delta ended without a deltaLink');
  }
}

type GraphRecipient = { emailAddress?: { address?: string } };
interface GraphSentMessage {
  id: string;
  sentDateTime?: string;
  internetMessageId?: string;
  toRecipients?: GraphRecipient[];
  ccRecipients?: GraphRecipient[];
  bccRecipients?: GraphRecipient[];
  singleValueExtendedProperties?: { id: string; value: string }[];
  '@removed'?: unknown;
}

function toSentItem(item: GraphSentMessage): SentItem {
  const recipients = [
    ...(item.toRecipients ?? []),
    ...(item.ccRecipients ?? []),
    ...(item.bccRecipients ?? []),
  ]
    .map((r) => r.emailAddress?.address?.toLowerCase() ?? '')
    .filter(Boolean);
  return {
    providerMessageId: item.id,
    sentAt: new Date(item.sentDateTime ?? 0),
    recipients,
    sendwellId: item.singleValueExtendedProperties?.[0]?.value ?? null,
    internetMessageId: bare(item.internetMessageId),
  };
}

interface GraphMessage {
  id: string;
  subject?: string;
  receivedDateTime?: string;
  from?: { emailAddress?: { name?: string; address?: string } };
  internetMessageHeaders?: { name: string; value: string }[];
  '@removed'?: unknown;
}
interface GraphPage<T> {
  value?: T[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

function toEntry(item: GraphMessage): InboxEntry {
  const from = item.from?.emailAddress;
  return {
    providerMessageId: item.id,
    subject: item.subject ?? '',
    from: from ? `${from.name ?? ''} <${from.address ?? ''}>` : '',
    receivedAt: item.receivedDateTime ?? '',
    headers: Object.fromEntries(
      (item.internetMessageHeaders ?? []).map((h) => [h.name.toLowerCase(), h.value]),
    ),
  };
}

async function errorDetail(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const parsed = JSON.parse(text) as { error?: { code?: string; message?: string } };
    if (parsed.error)
      return `${response.status} ${parsed.error.code ?? ''}: ${parsed.error.message ?? ''}`.trim();
  } catch {}
  return `${response.status} ${text.slice(0, 200)}`;
}
