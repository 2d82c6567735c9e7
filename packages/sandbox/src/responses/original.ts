import {
  decodeWords,
  type Header,
  headerValue,
  type Mailbox,
  parseAddressList,
  parseHeaderBlock,
  rfc5322Date,
  splitHeadBody,
} from '../mime/headers';
import { findPart, parseMimeTree, partText } from '../mime/tree';
import type { SandboxProvider } from '../users';

/** What a recipient's answer is built from: the message as it reached them, and when they answer. */
export interface ResponseInput {
  /** The answering recipient's address (one of the rule domains). */
  recipient: string;
  /** The original sender: the answer goes back to them. */
  sender: { email: string; name: string; provider: SandboxProvider };
  /** The message as delivered (Bcc removed), CRLF line ends. */
  originalRaw: string;
  at: Date;
  /** Unique hex seed for the answer's Message-ID and boundaries. */
  seed: string;
}

/** The facts of the original an answer quotes and threads on. */
interface OriginalFacts {
  headers: Header[];
  /** With angle brackets; empty when the original had none. */
  messageId: string;
  /** The original's References plus its Message-ID: what an answer's References carries (RFC 5322 §3.6.4). */
  references: string[];
  subject: string;
  date: string;
  recipient: Mailbox;
  /** The first lines of the original's text, for a quote. */
  text: string;
}

const QUOTED_LINES = 6;

function bodyText(raw: string): string {
  const tree = parseMimeTree(raw);
  const plain = findPart(tree, 'text/plain');
  if (plain) return partText(plain);
  const html = findPart(tree, 'text/html');
  return html
    ? partText(html)
        .replace(/<br\s*\/?>|<\/p>|<\/div>/gi, '\n')
        .replace(/<style[\s\S]*?<\/style>|<[^>]+>/g, '')
        .replace(/&nbsp;/g, ' ')
    : '';
}

export function originalFacts(input: ResponseInput): OriginalFacts {
  const headers = parseHeaderBlock(splitHeadBody(input.originalRaw).head);
  const messageId = headerValue(headers, 'Message-ID') ?? '';
  const earlier = (headerValue(headers, 'References') ?? '').match(/<[^>]+>/g) ?? [];
  const lower = input.recipient.toLowerCase();
  const named = ['To', 'Cc']
    .flatMap((n) => parseAddressList(headerValue(headers, n)))
    .find((m) => m.address.toLowerCase() === lower);
  const text = bodyText(input.originalRaw)
    .split(/\r?\n/)
    .map((l) => l.trimEnd())
    .filter((l, i, all) => l !== '' || (i > 0 && all[i - 1] !== ''))
    .slice(0, QUOTED_LINES)
    .join('\n')
    .trim();
  return {
    headers,
    messageId,
    references: messageId ? [...earlier.filter((r) => r !== messageId), messageId] : earlier,
    subject: decodeWords(headerValue(headers, 'Subject') ?? ''),
    date: headerValue(headers, 'Date') ?? rfc5322Date(input.at),
    recipient: { name: named?.name ?? '', address: input.recipient },
    text,
  };
}

/** `Re: <subject>` without stacking prefixes, as mail clients do. */
export function replySubject(subject: string): string {
  return /^re:/i.test(subject.trim()) ? subject.trim() : `Re: ${subject.trim()}`;
}

/** `> ` before each line (RFC 3676 style quoting). */
export function quote(text: string): string {
  return text
    .split('\n')
    .map((l) => (l ? `> ${l}` : '>'))
    .join('\n');
}

/** In-Reply-To and References for an answer (empty when the original had no Message-ID). */
export function threadHeaders(facts: OriginalFacts): Header[] {
  if (!facts.messageId) return [];
  return [
    { name: 'In-Reply-To', value: facts.messageId },
    { name: 'References', value: facts.references.join(' ') },
  ];
}
