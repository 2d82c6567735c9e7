import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A stored message of the fake mailbox. */
interface FakeMessage {
  id: string;
  historyId: number;
  labelIds: string[];
  raw: string;
  internalDate: number;
}

export interface FakeReply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

function headersOf(raw: string): { name: string; value: string }[] {
  const text = Buffer.from(raw, 'base64url').toString('utf8');
  const head = text.split(/\r?\n\r?\n/)[0] ?? '';
  return head
    .replace(/\r?\n[ \t]+/g, ' ')
    .split(/\r?\n/)
    .map((line) => ({
      name: line.slice(0, line.indexOf(':')),
      value: line.slice(line.indexOf(':') + 1).trim(),
    }));
}

/**
 * A tiny local Gmail API (the calls GmailApiMailbox makes), served under a path prefix so tests
 * also prove the `rootUrl` prefix survives googleapis-common's URL rewriting.
 */
export class FakeGmailApi {
  readonly messages: FakeMessage[] = [];
  readonly requests: { method: string; path: string; authorization: string | undefined }[] = [];
  /** Replies served before normal handling, one per request (fault injection). */
  readonly faults: FakeReply[] = [];
  historyId = 100;
  /** History ids below this answer 404, as expired ones do. */
  oldestHistoryId = 0;
  #server: Server | null = null;
  #nextId = 1;
  rootUrl = '';

  constructor(readonly prefix = '/sandbox/google') {}

  async start(): Promise<this> {
    this.#server = createServer((req, res) => void this.#handle(req, res));
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
    this.rootUrl = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}${this.prefix}/`;
    return this;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.#server ? this.#server.close(() => resolve()) : resolve()));
  }

  /** A message arrives in the inbox. */
  deliver(mime: string, at = Date.now()): string {
    return this.#store(Buffer.from(mime, 'utf8').toString('base64url'), ['INBOX', 'UNREAD'], at);
  }

  #store(raw: string, labelIds: string[], at: number): string {
    const id = `m${this.#nextId++}`;
    this.historyId += 1;
    this.messages.push({ id, historyId: this.historyId, labelIds, raw, internalDate: at });
    return id;
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    this.requests.push({
      method: req.method ?? '',
      path: url.pathname,
      authorization: req.headers.authorization,
    });
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const reply =
      this.faults.shift() ?? this.#route(req.method ?? 'GET', url, Buffer.concat(chunks).toString('utf8'));
    res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
    res.end(JSON.stringify(reply.body));
  }

  #route(method: string, url: URL, body: string): FakeReply {
    const base = `${this.prefix}/gmail/v1/users/me/`;
    if (!url.pathname.startsWith(base)) return notFound();
    const path = url.pathname.slice(base.length);
    if (method === 'POST' && path === 'messages/send') {
      const id = this.#store((JSON.parse(body) as { raw: string }).raw, ['SENT'], Date.now());
      return { status: 200, body: { id, threadId: id, labelIds: ['SENT'] } };
    }
    if (path === 'profile')
      return { status: 200, body: { emailAddress: 'rep@example.com', historyId: String(this.historyId) } };
    if (path === 'messages')
      return {
        status: 200,
        body: {
          messages: this.#search(url.searchParams.get('q') ?? '').map((m) => ({ id: m.id, threadId: m.id })),
        },
      };
    if (path === 'history') return this.#history(Number(url.searchParams.get('startHistoryId')));
    const message = this.messages.find((m) => `messages/${m.id}` === path);
    return message ? { status: 200, body: this.#format(message, url.searchParams) } : notFound();
  }

  #search(q: string): FakeMessage[] {
    const label = /in:sent/.test(q) ? 'SENT' : 'INBOX';
    const msgId = /rfc822msgid:(\S+)/.exec(q)?.[1];
    return this.messages.filter((m) => {
      if (!m.labelIds.includes(label)) return false;
      if (!msgId) return true;
      return headersOf(m.raw).some(
        (h) => h.name.toLowerCase() === 'message-id' && h.value.replace(/[<>]/g, '') === msgId,
      );
    });
  }

  #history(start: number): FakeReply {
    if (start < this.oldestHistoryId) return notFound();
    const added = this.messages.filter((m) => m.historyId > start);
    const history = added.map((m) => ({
      id: String(m.historyId),
      messagesAdded: [{ message: { id: m.id, labelIds: m.labelIds } }],
    }));
    return { status: 200, body: { history, historyId: String(this.historyId) } };
  }

  #format(message: FakeMessage, params: URLSearchParams): unknown {
    const common = {
      id: message.id,
      threadId: message.id,
      labelIds: message.labelIds,
      internalDate: String(message.internalDate),
    };
    if (params.get('format') === 'raw') return { ...common, raw: message.raw };
    const wanted = params.getAll('metadataHeaders').map((h) => h.toLowerCase());
    const headers = headersOf(message.raw).filter((h) => wanted.includes(h.name.toLowerCase()));
    return { ...common, payload: { headers } };
  }
}

function notFound(): FakeReply {
  return {
    status: 404,
    body: { error: { code: 404, message: 'Requested entity was not found.', status: 'NOT_FOUND' } },
  };
}
