import type { StoredMessage } from '../mail/store';
import { decodeWords, stripAngles } from '../mime/headers';
import { findPart, type MimePart, parseMimeTree, partText } from '../mime/tree';
import type { SearchView } from './query';

export type Format = 'full' | 'metadata' | 'minimal' | 'raw';

/** What a message resource and a search view are made from: a filed message or a draft's message. */
export type MessageView = Pick<
  StoredMessage,
  'id' | 'threadId' | 'labelIds' | 'raw' | 'historyId' | 'receivedAt' | 'internetMessageId' | 'subject'
> &
  Pick<StoredMessage, 'from' | 'to' | 'cc'>;

interface Payload {
  partId: string;
  mimeType: string;
  filename: string;
  headers: { name: string; value: string }[];
  body: { size: number; data?: string };
  parts?: Payload[];
}

function payloadOf(part: MimePart, partId: string, withBodies: boolean): Payload {
  const payload: Payload = {
    partId,
    mimeType: part.mimeType,
    filename: part.filename,
    headers: part.headers.map((h) => ({ ...h })),
    body: { size: part.body.length },
  };
  if (part.parts.length === 0 && withBodies && part.body.length > 0)
    payload.body.data = Buffer.from(part.body).toString('base64url');
  if (part.parts.length > 0)
    payload.parts = part.parts.map((p, i) =>
      payloadOf(p, partId === '' ? String(i) : `${partId}.${i}`, withBodies),
    );
  return payload;
}

function bodyText(message: MessageView): string {
  const tree = parseMimeTree(message.raw);
  const plain = findPart(tree, 'text/plain');
  if (plain) return partText(plain);
  const html = findPart(tree, 'text/html');
  return html ? partText(html).replace(/<style[\s\S]*?<\/style>|<[^>]+>/g, ' ') : '';
}

function snippet(message: MessageView): string {
  return bodyText(message)
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200);
}

/** A users.messages resource in the requested format (Gmail API reference for users.messages.get). */
export function messageResource(
  message: MessageView,
  format: Format,
  metadataHeaders: string[],
): Record<string, unknown> {
  const base: Record<string, unknown> = {
    id: message.id,
    threadId: message.threadId,
    labelIds: [...message.labelIds],
    snippet: snippet(message),
    sizeEstimate: Buffer.byteLength(message.raw),
    historyId: String(message.historyId),
    internalDate: String(message.receivedAt.getTime()),
  };
  if (format === 'minimal') return base;
  if (format === 'raw') return { ...base, raw: Buffer.from(message.raw, 'utf8').toString('base64url') };
  const tree = parseMimeTree(message.raw);
  if (format === 'metadata') {
    const wanted = metadataHeaders.map((h) => h.toLowerCase());
    const headers = tree.headers.filter((h) => wanted.length === 0 || wanted.includes(h.name.toLowerCase()));
    return { ...base, payload: { partId: '', mimeType: tree.mimeType, filename: '', headers } };
  }
  return { ...base, payload: payloadOf(tree, '', true) };
}

const views = new WeakMap<MessageView, SearchView>();

/** Lowercased `Name <address>`, as `from:`/`to:` match it. */
const show = (m: { name: string; address: string }) => `${m.name} <${m.address}>`.toLowerCase();

/**
 * The fields `q` searches, lowercased, each computed on first use and kept (per message): a
 * `from:` scan of 100,000 messages reads From only, and the body text (a MIME parse) is read only
 * for bare words.
 */
class LazySearchView implements SearchView {
  #from?: string;
  #to?: string;
  #cc?: string;
  #subject?: string;
  #text?: string;
  readonly labelIds: string[];
  readonly receivedAt: Date;

  constructor(private readonly message: MessageView) {
    this.labelIds = message.labelIds;
    this.receivedAt = message.receivedAt;
  }

  get from(): string {
    this.#from ??= show(this.message.from);
    return this.#from;
  }

  get to(): string {
    this.#to ??= this.message.to.map(show).join(', ');
    return this.#to;
  }

  get cc(): string {
    this.#cc ??= this.message.cc.map(show).join(', ');
    return this.#cc;
  }

  get subject(): string {
    this.#subject ??= decodeWords(this.message.subject).toLowerCase();
    return this.#subject;
  }

  get messageId(): string {
    return stripAngles(this.message.internetMessageId);
  }

  get text(): string {
    this.#text ??= `${this.subject} ${this.from} ${this.to} ${bodyText(this.message).toLowerCase()}`;
    return this.#text;
  }
}

export function searchViewOf(message: MessageView): SearchView {
  let view = views.get(message);
  if (!view) {
    view = new LazySearchView(message);
    views.set(message, view);
  }
  return view;
}
