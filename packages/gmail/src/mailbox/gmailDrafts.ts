import type { gmail_v1 } from '@googleapis/gmail';
import type { AccessTokenSource, MergeRecipient } from '@sendwell/core';
import { escapeHtml } from '@sendwell/core';
import type { DraftsPort, SavedDraft } from '../deps';
import { parseRecipient } from '../event';
import { type GmailCall, GOOGLE_ROOT_URL, gmailCaller } from './client';
import { errorFacts } from './gmailErrors';

export interface GmailDraftsOptions {
  /**
   * A current OAuth access token for the rep's mailbox (their grant). Never logged. Asked again
   * with `forceRefresh` once when Gmail answers 401; what it throws propagates unchanged.
   */
  getToken: AccessTokenSource;
  /** `https://gmail.googleapis.com/` by default; `<base>/sandbox/google/` for the sandbox. */
  rootUrl?: string;
  /** How many of the newest drafts to read when looking for the compose window's draft. */
  scan?: number;
}

const USER = 'me';
type Part = gmail_v1.Schema$MessagePart;

/** RFC 2047 encoded words (`=?UTF-8?B?…?=`, `=?UTF-8?Q?…?=`) back to text. */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_whole, charset: string, kind: string, text: string) => {
      const bytes =
        kind.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64')
          : Buffer.from(
              text
                .replace(/_/g, ' ')
                .replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) =>
                  String.fromCharCode(Number.parseInt(hex, 16)),
                ),
              'latin1',
            );
      try {
        return new TextDecoder(charset).decode(bytes);
      } catch {
        return bytes.toString('utf8');
      }
    });
}

/** An address header split on commas outside quotes and angle brackets. */
function parseAddressHeader(value: string | undefined): MergeRecipient[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let angled = false;
  for (const ch of decodeHeader(value ?? '')) {
    if (ch === '"') quoted = !quoted;
    if (ch === '<' && !quoted) angled = true;
    if (ch === '>' && !quoted) angled = false;
    if (ch === ',' && !quoted && !angled) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => parseRecipient(p) ?? { email: p.replace(/^.*<|>.*$/g, '').trim() });
}

function findPart(part: Part | undefined, mimeType: string): Part | undefined {
  if (!part) return undefined;
  if (part.mimeType?.toLowerCase() === mimeType && part.body?.data) return part;
  for (const child of part.parts ?? []) {
    const found = findPart(child, mimeType);
    if (found) return found;
  }
  return undefined;
}

const decodeBody = (part: Part): string => Buffer.from(part.body?.data ?? '', 'base64url').toString('utf8');

/** The draft as Sendwell sends it: headers decoded, the HTML body (a plain one escaped into HTML). */
function toSavedDraft(draft: gmail_v1.Schema$Draft): SavedDraft {
  const message = draft.message ?? {};
  const header = (name: string) =>
    message.payload?.headers?.find((h) => h.name?.toLowerCase() === name.toLowerCase())?.value ?? undefined;
  const html = findPart(message.payload, 'text/html');
  const plain = findPart(message.payload, 'text/plain');
  const body = html
    ? decodeBody(html)
    : plain
      ? decodeBody(plain)
          .split(/\r?\n/)
          .map((line) => escapeHtml(line))
          .join('<br>')
      : '';
  return {
    id: draft.id ?? '',
    threadId: message.threadId ?? '',
    to: parseAddressHeader(header('To')),
    cc: parseAddressHeader(header('Cc')),
    bcc: parseAddressHeader(header('Bcc')),
    subject: decodeHeader(header('Subject') ?? ''),
    html: body,
    savedAt: new Date(Number(message.internalDate ?? 0)).toISOString(),
  };
}

/**
 * The rep's saved Gmail drafts through `users.drafts`, with their own grant: how Sendwell reads what
 * the compose window holds (the add-on event only carries the recipients).
 */
export class GmailDrafts implements DraftsPort {
  readonly #options: GmailDraftsOptions;
  readonly #gmail: GmailCall;

  constructor(options: GmailDraftsOptions) {
    this.#options = options;
    this.#gmail = gmailCaller(options.getToken, options.rootUrl ?? GOOGLE_ROOT_URL);
  }

  /** The newest saved drafts first (Gmail lists them by last save). */
  async recent(): Promise<SavedDraft[]> {
    const { data } = await this.#gmail(({ api, call }) =>
      api.users.drafts.list({ userId: USER, maxResults: this.#options.scan ?? 25 }, call),
    );
    const drafts: SavedDraft[] = [];
    for (const { id } of data.drafts ?? []) {
      const draft = id ? await this.get(id) : null;
      if (draft) drafts.push(draft);
    }
    return drafts;
  }

  async get(id: string): Promise<SavedDraft | null> {
    return this.#gmail(async ({ api, call }) => {
      try {
        const { data } = await api.users.drafts.get({ userId: USER, id, format: 'full' }, call);
        return toSavedDraft(data);
      } catch (error) {
        if (errorFacts(error).status === 404) return null; // sent or discarded since
        throw error;
      }
    });
  }

  /** Removes a draft once Sendwell has it; a draft already gone is fine. */
  async remove(id: string): Promise<void> {
    await this.#gmail(async ({ api, call }) => {
      try {
        await api.users.drafts.delete({ userId: USER, id }, call);
      } catch (error) {
        if (errorFacts(error).status !== 404) throw error;
      }
    });
  }
}
