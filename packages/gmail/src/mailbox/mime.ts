/**
 * A small RFC 5322 / MIME builder for what Sendwell sends: one HTML part, UTF-8, our own Message-ID
 * and the `X-Sendwell-Id` header the bounce scanner correlates on.
 */
export interface MimeMessage {
  from: string;
  to: string[];
  cc?: string[];
  bcc?: string[];
  subject: string;
  html: string;
  /** Without angle brackets. */
  messageId: string;
  sendwellId: string;
  date: Date;
  /** A reply in an earlier email's thread: its Message-ID and the chain before it (no brackets). */
  inReplyTo?: string;
  references?: string[];
  /** RFC 8058 one-click unsubscribe endpoint. */
  listUnsubscribeUrl?: string;
}

/** Header values must never smuggle in a line break (header injection). */
const oneLine = (value: string): string => value.replace(/[\r\n]+/g, ' ').trim();

const isAscii = (text: string): boolean => /^[\x20-\x7e]*$/.test(text);

/**
 * RFC 2047 B-encoded words for non-ASCII text, split on character boundaries so each encoded word
 * stays under 75 characters (45 bytes of UTF-8 → 60 base64 characters + 12 for the wrapper).
 */
export function encodeHeaderWord(text: string): string {
  const value = oneLine(text);
  if (isAscii(value)) return value;
  const words: string[] = [];
  let chunk = '';
  for (const char of value) {
    if (Buffer.byteLength(chunk + char, 'utf8') > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += char;
  }
  if (chunk) words.push(chunk);
  return words.map((word) => `=?UTF-8?B?${Buffer.from(word, 'utf8').toString('base64')}?=`).join('\r\n ');
}

/** RFC 5322 date (`Mon, 02 Mar 2026 10:00:00 +0000`), always in UTC. */
export function formatMailDate(date: Date): string {
  return date.toUTCString().replace(/GMT$/, '+0000');
}

function wrapBase64(data: string): string {
  return data.replace(/.{1,76}/g, '$&\r\n');
}

const addressList = (list: string[]): string => list.map(oneLine).join(', ');
const angle = (id: string): string => `<${oneLine(id).replace(/^<|>$/g, '')}>`;

/**
 * Threading (RFC 5322 §3.6.4: References = the parent's References + its Message-ID) and RFC 8058
 * one-click unsubscribe, which mail clients and Gmail's own unsubscribe button read.
 */
function threadAndListHeaders(message: {
  inReplyTo?: string;
  references?: string[];
  listUnsubscribeUrl?: string;
}): [string, string][] {
  const headers: [string, string][] = [];
  if (message.inReplyTo) {
    const chain = [...(message.references ?? [])];
    if (!chain.includes(message.inReplyTo)) chain.push(message.inReplyTo);
    headers.push(['In-Reply-To', angle(message.inReplyTo)], ['References', chain.map(angle).join(' ')]);
  }
  if (message.listUnsubscribeUrl)
    headers.push(
      ['List-Unsubscribe', `<${oneLine(message.listUnsubscribeUrl)}>`],
      ['List-Unsubscribe-Post', 'List-Unsubscribe=One-Click'],
    );
  return headers;
}

export function buildMime(message: MimeMessage): string {
  const headers: [string, string][] = [
    ['From', oneLine(message.from)],
    ['To', addressList(message.to)],
    ...(message.cc?.length ? [['Cc', addressList(message.cc)] as [string, string]] : []),
    // Gmail delivers to Bcc and removes the header before the message leaves.
    ...(message.bcc?.length ? [['Bcc', addressList(message.bcc)] as [string, string]] : []),
    ['Subject', encodeHeaderWord(message.subject)],
    ['Date', formatMailDate(message.date)],
    ['Message-ID', `<${oneLine(message.messageId)}>`],
    ['X-Sendwell-Id', oneLine(message.sendwellId)],
    ...threadAndListHeaders(message),
    ['MIME-Version', '1.0'],
    ['Content-Type', 'text/html; charset=UTF-8'],
    ['Content-Transfer-Encoding', 'base64'],
  ];
  const head = headers.map(([name, value]) => `${name}: ${value}`).join('\r\n');
  return `${head}\r\n\r\n${wrapBase64(Buffer.from(message.html, 'utf8').toString('base64'))}`;
}

/** The Gmail API's `raw`: the whole message, base64url without padding. */
export function toRaw(mime: string): string {
  return Buffer.from(mime, 'utf8').toString('base64url');
}

export function fromRaw(raw: string): Uint8Array {
  return new Uint8Array(Buffer.from(raw, 'base64url'));
}
