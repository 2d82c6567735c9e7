import type { InboxEntry, InboxPage, MailboxPort, OutgoingMessage, SubmitResult } from '@sendwell/core';

export interface GraphMailboxOptions {
  /** e.g. https://graph.microsoft.com/v1.0 (or the sandbox's). */
  baseUrl: string;
  address: string;
  /** Delegated token for this mailbox; never logged. */
  getToken(): Promise<string>;
  fetch?: typeof fetch;
}

const SELECT = 'id,subject,from,receivedDateTime,internetMessageHeaders';
const recipients = (list: string[] | undefined) =>
  (list ?? []).map((address) => ({ emailAddress: { address } }));

/** Exchange Online through Microsoft Graph: `POST /me/sendMail`, inbox delta, `$value` for MIME. */
export class GraphMailbox implements MailboxPort {
  readonly provider = 'exchange' as const;
  readonly address: string;
  #options: GraphMailboxOptions;

  constructor(options: GraphMailboxOptions) {
    this.#options = options;
    this.address = options.address;
  }

  async #request(pathOrUrl: string, init: RequestInit = {}): Promise<Response> {
    const url = pathOrUrl.startsWith('http') ? pathOrUrl : `${this.#options.baseUrl}${pathOrUrl}`;
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${await this.#options.getToken()}`);
    return (this.#options.fetch ?? fetch)(url, { ...init, headers });
  }

  async send(message: OutgoingMessage): Promise<SubmitResult> {
    const body = {
      message: {
        subject: message.subject,
        body: { contentType: 'HTML', content: message.html },
        toRecipients: recipients(message.to),
        ccRecipients: recipients(message.cc),
        bccRecipients: recipients(message.bcc),
        internetMessageHeaders: [{ name: 'X-Sendwell-Id', value: message.sendwellId }],
      },
      saveToSentItems: true,
    };
    const response = await this.#request('/me/sendMail', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    // 202 means accepted for delivery, not delivered: bounces come back through the scanner.
    if (response.status === 202) return { status: 'submitted' };
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

  async listInboxChanges(cursor: string | null): Promise<InboxPage> {
    let url: string | null = cursor ?? `/me/mailFolders/inbox/messages/delta?$select=${SELECT}`;
    const entries: InboxEntry[] = [];
    while (url) {
      const response = await this.#request(url, { headers: { prefer: 'odata.maxpagesize=50' } });
      if (!response.ok) throw new Error(`Graph delta failed: ${await errorDetail(response)}`);
      const page = (await response.json()) as GraphDeltaPage;
      for (const item of page.value ?? []) if (!item['@removed']) entries.push(toEntry(item));
      if (page['@odata.deltaLink']) return { entries, cursor: page['@odata.deltaLink'] };
      url = page['@odata.nextLink'] ?? null;
    }
    throw new Error('Graph delta ended without a deltaLink');
  }

  async getRawMessage(id: string): Promise<Uint8Array> {
    const response = await this.#request(`/me/messages/${encodeURIComponent(id)}/$value`);
    if (!response.ok) throw new Error(`Graph $value failed: ${await errorDetail(response)}`);
    return new Uint8Array(await response.arrayBuffer());
  }

  async findSent(sendwellId: string): Promise<boolean> {
    const filter = `internetMessageHeaders/any(h:h/name eq 'X-Sendwell-Id' and h/value eq '${sendwellId.replace(/'/g, "''")}')`;
    const response = await this.#request(
      `/me/mailFolders/sentitems/messages?$select=id&$filter=${encodeURIComponent(filter)}`,
    );
    if (!response.ok) throw new Error(`Graph sent-items lookup failed: ${await errorDetail(response)}`);
    const page = (await response.json()) as { value?: unknown[] };
    return (page.value ?? []).length > 0;
  }
}

interface GraphMessage {
  id: string;
  subject?: string;
  receivedDateTime?: string;
  from?: { emailAddress?: { name?: string; address?: string } };
  internetMessageHeaders?: { name: string; value: string }[];
  '@removed'?: unknown;
}
interface GraphDeltaPage {
  value?: GraphMessage[];
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
