/** Small RFC 5322 / 2047 helpers: enough to read what our clients send and to write notices. */
export interface Header {
  name: string;
  value: string;
}

export interface Mailbox {
  name: string;
  address: string;
}

export const CRLF = '\r\n';

/** Splits a message at the first empty line (CRLF or bare LF). */
export function splitHeadBody(raw: string): { head: string; body: string } {
  const match = /\r?\n\r?\n/.exec(raw);
  if (!match) return { head: raw, body: '' };
  return { head: raw.slice(0, match.index), body: raw.slice(match.index + match[0].length) };
}

/** Parses a header block, unfolding continuation lines. */
export function parseHeaderBlock(head: string): Header[] {
  const headers: Header[] = [];
  for (const line of head.split(/\r?\n/)) {
    const last = headers[headers.length - 1];
    if (/^[ \t]/.test(line) && last) {
      last.value += ` ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    headers.push({ name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() });
  }
  return headers;
}

export function headerValue(headers: readonly Header[], name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find((h) => h.name.toLowerCase() === lower)?.value;
}

/** RFC 2047 B-encoding for non-ASCII header text; ASCII passes through. */
export function encodeWord(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  return `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

/** Decodes RFC 2047 encoded words (B and Q) in a header value. */
export function decodeWords(value: string): string {
  const joined = value.replace(/(=\?[^?]+\?[bBqQ]\?[^?]*\?=)\s+(?==\?)/g, '$1');
  return joined.replace(
    /=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g,
    (_all, charset: string, enc: string, text: string) => {
      const bytes =
        enc.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64')
          : Buffer.from(
              text
                .replace(/_/g, ' ')
                .replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
              'latin1',
            );
      try {
        return new TextDecoder(charset).decode(bytes);
      } catch {
        return bytes.toString('utf8');
      }
    },
  );
}

/** Splits on commas outside quotes and angle brackets. */
function splitAddressList(value: string): string[] {
  const items: string[] = [];
  let current = '';
  let quoted = false;
  let angle = false;
  for (const ch of value) {
    if (ch === '"') quoted = !quoted;
    else if (ch === '<' && !quoted) angle = true;
    else if (ch === '>' && !quoted) angle = false;
    if ((ch === ',' || ch === ';') && !quoted && !angle) {
      items.push(current);
      current = '';
    } else current += ch;
  }
  items.push(current);
  return items.map((s) => s.trim()).filter(Boolean);
}

export function parseAddressList(value: string | undefined): Mailbox[] {
  if (!value) return [];
  return splitAddressList(decodeWords(value)).map((item) => {
    const angled = /^(.*)<([^>]+)>\s*$/.exec(item);
    if (!angled) return { name: '', address: item.replace(/^"|"$/g, '') };
    const name = (angled[1] ?? '').trim().replace(/^"|"$/g, '');
    return { name, address: (angled[2] ?? '').trim() };
  });
}

export function formatMailbox(mailbox: Mailbox): string {
  if (!mailbox.name) return mailbox.address;
  const name =
    /[^\w .'-]/.test(mailbox.name) || /[^\x20-\x7e]/.test(mailbox.name)
      ? /[^\x20-\x7e]/.test(mailbox.name)
        ? encodeWord(mailbox.name)
        : `"${mailbox.name.replace(/"/g, '\\"')}"`
      : mailbox.name;
  return `${name} <${mailbox.address}>`;
}

/** A parameter of a structured header value, e.g. `boundary` of Content-Type. */
export function headerParam(value: string | undefined, param: string): string | undefined {
  if (!value) return undefined;
  const re = new RegExp(`(?:^|;)\\s*${param}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i');
  const m = re.exec(value);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** `<id@host>` → `id@host`. */
export function stripAngles(messageId: string): string {
  return messageId.trim().replace(/^<|>$/g, '');
}

/** RFC 5322 date in UTC, e.g. `Mon, 5 Jan 2026 09:00:00 +0000`. */
export function rfc5322Date(date: Date): string {
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${days[date.getUTCDay()]}, ${date.getUTCDate()} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`
  );
}

export function renderHeaders(headers: readonly Header[]): string {
  return headers.map((h) => `${h.name}: ${h.value}`).join(CRLF);
}
