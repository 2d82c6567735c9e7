import { type AccessTokenSource, MailboxAuthError } from '@sendwell/core';
import { bare, SENDWELL_HEADER, type SentFolderPort, type SentItem, type SentPage } from './sentFolder';

export interface GmailSentFolderOptions {
  /** `https://gmail.googleapis.com/` or the sandbox's `<base>/google/`. */
  rootUrl: string;
  /**
   * A current OAuth access token for the mailbox; never logged. Asked again with `forceRefresh`
   * once when Gmail answers 401; what it throws propagates unchanged.
   */
  getToken: AccessTokenSource;
  fetch?: typeof fetch;
}

const HEADERS = ['To', 'Cc', 'Bcc', 'Message-ID', SENDWELL_HEADER];

interface GmailHeader {
  name?: string;
  value?: string;
}
interface GmailMessage {
  id?: string;
  internalDate?: string;
  payload?: { headers?: GmailHeader[] };
}

class GmailHttpError extends Error {
  constructor(
    readonly status: number,
    detail: string,
  ) {
    super(`Gmail API ${status}: ${detail}`);
  }
}

/**
 * The Gmail Sent folder for the budget scan, over the Gmail REST API: first a search
 * (`in:sent after:<since>`) with the mailbox's historyId read before it, then `users.history.list`
 * with `labelId=SENT` for what was added since. An expired history id (404) starts over.
 */
export class GmailSentFolder implements SentFolderPort {
  constructor(private readonly options: GmailSentFolderOptions) {}

  async listSentChanges(cursor: string | null, since: Date): Promise<SentPage> {
    if (cursor !== null) {
      try {
        return await this.#historySince(cursor);
      } catch (error) {
        if (!(error instanceof GmailHttpError && error.status === 404)) throw error;
      }
    }
    return this.#fullSync(since);
  }

  /** A 401 gets one forced token refresh and one retry; a second 401 means the grant is gone. */
  async #get<T>(path: string, query: [string, string][] = []): Promise<T> {
    const url = new URL(`gmail/v1/users/me/${path}`, this.options.rootUrl);
    for (const [key, value] of query) url.searchParams.append(key, value);
    let response = await this.#fetchWith(url, await this.options.getToken());
    if (response.status === 401) {
      await response.body?.cancel();
      response = await this.#fetchWith(url, await this.options.getToken({ forceRefresh: true }));
      if (response.status === 401)
        throw new MailboxAuthError(
          'token-rejected',
          `Gmail refused a freshly refreshed token: ${(await response.text()).slice(0, 200)}`,
        );
    }
    if (!response.ok) throw new GmailHttpError(response.status, (await response.text()).slice(0, 200));
    return (await response.json()) as T;
  }

  #fetchWith(url: URL, token: string): Promise<Response> {
    return (this.options.fetch ?? fetch)(url, { headers: { authorization: `Bearer ${token}` } });
  }

  async #fullSync(since: Date): Promise<SentPage> {
    const profile = await this.#get<{ historyId?: string }>('profile');
    const ids: string[] = [];
    let pageToken: string | undefined;
    do {
      const q = `in:sent after:${Math.floor(since.getTime() / 1000)}`;
      const page = await this.#get<{ messages?: { id: string }[]; nextPageToken?: string }>('messages', [
        ['q', q],
        ['maxResults', '500'],
        ...(pageToken ? ([['pageToken', pageToken]] as [string, string][]) : []),
      ]);
      ids.push(...(page.messages ?? []).map((m) => m.id));
      pageToken = page.nextPageToken;
    } while (pageToken);
    return { items: await this.#items(ids), cursor: String(profile.historyId ?? '') };
  }

  async #historySince(cursor: string): Promise<SentPage> {
    const ids = new Set<string>();
    let latest = cursor;
    let pageToken: string | undefined;
    do {
      const page = await this.#get<{
        history?: { messagesAdded?: { message?: { id?: string } }[] }[];
        historyId?: string;
        nextPageToken?: string;
      }>('history', [
        ['startHistoryId', cursor],
        ['historyTypes', 'messageAdded'],
        ['labelId', 'SENT'],
        ...(pageToken ? ([['pageToken', pageToken]] as [string, string][]) : []),
      ]);
      for (const record of page.history ?? [])
        for (const added of record.messagesAdded ?? []) if (added.message?.id) ids.add(added.message.id);
      if (page.historyId) latest = String(page.historyId);
      pageToken = page.nextPageToken;
    } while (pageToken);
    return { items: await this.#items([...ids]), cursor: latest };
  }

  /** One metadata read per message (5 quota units each), one at a time: sends share the quota. */
  async #items(ids: string[]): Promise<SentItem[]> {
    const items: SentItem[] = [];
    for (const id of ids) {
      try {
        const message = await this.#get<GmailMessage>(`messages/${encodeURIComponent(id)}`, [
          ['format', 'metadata'],
          ...HEADERS.map((h): [string, string] => ['metadataHeaders', h]),
        ]);
        items.push(toSentItem(message));
      } catch (error) {
        if (!(error instanceof GmailHttpError && error.status === 404)) throw error; // deleted since
      }
    }
    return items;
  }
}

function toSentItem(message: GmailMessage): SentItem {
  const header = (name: string) =>
    message.payload?.headers?.find((h) => h.name?.toLowerCase() === name.toLowerCase())?.value ?? '';
  const recipients = ['To', 'Cc', 'Bcc']
    .flatMap((name) => header(name).match(/[^\s<>,;"]+@[^\s<>,;"]+/g) ?? [])
    .map((a) => a.toLowerCase());
  return {
    providerMessageId: message.id ?? '',
    sentAt: new Date(Number(message.internalDate ?? 0)),
    recipients,
    sendwellId: header(SENDWELL_HEADER).trim() || null,
    internetMessageId: bare(header('Message-ID')),
  };
}
