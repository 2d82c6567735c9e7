import type { APIRequestContext } from '@playwright/test';

/** A message in a sandbox Sent folder, read through the sandbox's own provider API. */
export interface SentMessage {
  subject: string;
  /** The HTML body as the provider stored it. */
  html: string;
  /** The To addresses, lower-cased. */
  to: string[];
}

type TokenKind = 'microsoft-access' | 'google-access';

/** A provider access token for a sandbox user, from the sandbox's dev token endpoint (as the host pages get theirs). */
async function sandboxToken(
  request: APIRequestContext,
  userId: string,
  kind: TokenKind,
  audience?: string,
): Promise<string> {
  const res = await request.post('/sandbox/dev/token', {
    data: { userId, kind, ...(audience ? { audience } : {}) },
  });
  if (!res.ok()) throw new Error(`The sandbox refused a ${kind} token for ${userId}: ${res.status()}`);
  return ((await res.json()) as { token: string }).token;
}

async function getJson<T>(request: APIRequestContext, url: string, token: string): Promise<T> {
  const res = await request.get(url, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok()) throw new Error(`GET ${url} answered ${res.status()}: ${await res.text()}`);
  return (await res.json()) as T;
}

interface GraphMessage {
  subject: string;
  body: { contentType: string; content: string };
  toRecipients: { emailAddress: { address: string } }[];
}

/** Microsoft Graph `GET /me/mailFolders/sentitems/messages` of an Exchange sandbox user. */
export async function graphSentItems(request: APIRequestContext, userId: string): Promise<SentMessage[]> {
  const token = await sandboxToken(request, userId, 'microsoft-access', 'https://graph.microsoft.com');
  const url =
    '/sandbox/graph/v1.0/me/mailFolders/sentitems/messages?$select=subject,body,toRecipients&$top=1000';
  const { value } = await getJson<{ value: GraphMessage[] }>(request, url, token);
  return value.map((m) => ({
    subject: m.subject,
    html: m.body.content,
    to: m.toRecipients.map((r) => r.emailAddress.address.toLowerCase()),
  }));
}

interface GmailPart {
  mimeType?: string;
  headers?: { name: string; value: string }[];
  body?: { data?: string };
  parts?: GmailPart[];
}

function htmlPart(part: GmailPart): GmailPart | undefined {
  if (part.mimeType === 'text/html') return part;
  for (const child of part.parts ?? []) {
    const found = htmlPart(child);
    if (found) return found;
  }
  return undefined;
}

/** RFC 2047 encoded words (`=?UTF-8?B?…?=`) in a header, decoded. */
const decodeWords = (value: string) =>
  value.replace(/=\?UTF-8\?B\?([^?]*)\?=/gi, (_w, text: string) =>
    Buffer.from(text, 'base64').toString('utf8'),
  );

/** Gmail `messages.list q=in:sent` + `messages.get format=full` of a Gmail sandbox user. */
export async function gmailSentMessages(request: APIRequestContext, userId: string): Promise<SentMessage[]> {
  const token = await sandboxToken(request, userId, 'google-access');
  const base = '/sandbox/google/gmail/v1/users/me/messages';
  const list = await getJson<{ messages?: { id: string }[] }>(
    request,
    `${base}?q=in:sent&maxResults=500`,
    token,
  );
  const messages: SentMessage[] = [];
  for (const { id } of list.messages ?? []) {
    const { payload } = await getJson<{ payload: GmailPart }>(request, `${base}/${id}?format=full`, token);
    const header = (name: string) =>
      payload.headers?.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value ?? '';
    const html = htmlPart(payload)?.body?.data ?? '';
    messages.push({
      subject: decodeWords(header('Subject')),
      html: Buffer.from(html, 'base64url').toString('utf8'),
      to: [...header('To').matchAll(/[^\s<>,"]+@[^\s<>,"]+/g)].map((m) => m[0].toLowerCase()),
    });
  }
  return messages;
}

/** A marker unique to one test run, so a test reads back only the mail it sent. */
export const runTag = (): string =>
  `e2e-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
