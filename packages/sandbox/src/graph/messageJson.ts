import type { StoredMessage } from '../mail/store';
import { decodeWords, headerValue } from '../mime/headers';
import { findPart, parseMimeTree, partText } from '../mime/tree';

/** Properties of microsoft.graph.message that the sandbox can answer. */
const PROPERTIES = [
  'id',
  'createdDateTime',
  'lastModifiedDateTime',
  'receivedDateTime',
  'sentDateTime',
  'hasAttachments',
  'internetMessageId',
  'subject',
  'bodyPreview',
  'importance',
  'parentFolderId',
  'conversationId',
  'isRead',
  'isDraft',
  'body',
  'sender',
  'from',
  'toRecipients',
  'ccRecipients',
  'bccRecipients',
  'replyTo',
  'internetMessageHeaders',
  'changeKey',
  'categories',
  'flag',
] as const;
/** Graph leaves internetMessageHeaders out unless `$select` asks for it (message resource docs). */
const DEFAULT_PROPERTIES = PROPERTIES.filter((p) => p !== 'internetMessageHeaders');

export type SelectResult = { ok: true; properties: readonly string[] } | { ok: false; unknown: string };

export function parseSelect(select: string | undefined): SelectResult {
  if (!select) return { ok: true, properties: DEFAULT_PROPERTIES };
  const wanted = select
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = wanted.find((w) => !(PROPERTIES as readonly string[]).includes(w));
  return unknown
    ? { ok: false, unknown }
    : { ok: true, properties: ['id', ...wanted.filter((w) => w !== 'id')] };
}

function folderId(mailboxId: string, folder: string): string {
  return `AQMkAD${Buffer.from(`${mailboxId}/${folder}`).toString('base64url')}`;
}

function address(mailbox: { name: string; address: string }) {
  return { emailAddress: { name: mailbox.name || mailbox.address, address: mailbox.address } };
}

function bodyOf(message: StoredMessage): { contentType: 'html' | 'text'; content: string } {
  const tree = parseMimeTree(message.raw);
  const html = findPart(tree, 'text/html');
  if (html) return { contentType: 'html', content: partText(html) };
  const text = findPart(tree, 'text/plain');
  return { contentType: 'text', content: text ? partText(text) : '' };
}

function preview(body: { contentType: string; content: string }): string {
  const text =
    body.contentType === 'html'
      ? body.content.replace(/<style[\s\S]*?<\/style>|<[^>]+>/g, ' ')
      : body.content;
  return text
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 255);
}

function allProperties(
  message: StoredMessage,
  mailboxId: string,
  withBody: boolean,
): Record<string, unknown> {
  // Parsing the MIME body is the costly part: only when body or bodyPreview is selected.
  const body = withBody ? bodyOf(message) : { contentType: 'text' as const, content: '' };
  const received = message.receivedAt.toISOString().replace(/\.\d+Z$/, 'Z');
  const dateHeader = headerValue(message.headers, 'Date');
  const sent =
    dateHeader && !Number.isNaN(Date.parse(dateHeader))
      ? new Date(dateHeader).toISOString().replace(/\.\d+Z$/, 'Z')
      : received;
  return {
    id: message.id,
    createdDateTime: received,
    lastModifiedDateTime: received,
    receivedDateTime: received,
    sentDateTime: sent,
    hasAttachments: false,
    internetMessageId: message.internetMessageId,
    subject: message.subject,
    bodyPreview: preview(body),
    importance: 'normal',
    parentFolderId: folderId(mailboxId, message.folder),
    conversationId: `AAQkAD${message.threadId}`,
    isRead: message.isRead,
    isDraft: false,
    body,
    sender: address(message.from),
    from: address(message.from),
    toRecipients: message.to.map(address),
    ccRecipients: message.cc.map(address),
    bccRecipients: message.bcc.map(address),
    replyTo: [],
    changeKey: `CQAAABYAAA${message.seq}`,
    categories: [],
    flag: { flagStatus: 'notFlagged' },
    internetMessageHeaders: message.headers.map((h) => ({ name: h.name, value: decodeWords(h.value) })),
  };
}

/** The message as Graph's JSON shows it, reduced to the selected properties. */
export function messageJson(
  message: StoredMessage,
  mailboxId: string,
  properties: readonly string[],
): Record<string, unknown> {
  const all = allProperties(
    message,
    mailboxId,
    properties.includes('body') || properties.includes('bodyPreview'),
  );
  const out: Record<string, unknown> = { '@odata.etag': `W/"CQAAABYAAA${message.seq}"` };
  for (const p of properties) out[p] = all[p];
  return out;
}
