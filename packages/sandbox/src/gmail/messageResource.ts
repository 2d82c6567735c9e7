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

/** The fields `q` searches, lowercased. */
export function searchViewOf(message: MessageView): SearchView {
  const show = (m: { name: string; address: string }) => `${m.name} <${m.address}>`.toLowerCase();
  const to = message.to.map(show).join(', ');
  const from = show(message.from);
  const subject = decodeWords(message.subject).toLowerCase();
  return {
    from,
    to,
    cc: message.cc.map(show).join(', '),
    subject,
    labelIds: message.labelIds,
    receivedAt: message.receivedAt,
    messageId: stripAngles(message.internetMessageId),
    text: `${subject} ${from} ${to} ${bodyText(message).toLowerCase()}`,
  };
}
