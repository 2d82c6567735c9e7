import { type Header, headerParam, headerValue, parseHeaderBlock, splitHeadBody } from './headers';

/** One node of a parsed MIME structure; `body` is the transfer-decoded content of a leaf. */
export interface MimePart {
  headers: Header[];
  mimeType: string;
  filename: string;
  body: Uint8Array;
  parts: MimePart[];
}

function decodeQuotedPrintable(text: string): Uint8Array {
  const soft = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const ch = soft[i]!;
    const hex = soft.slice(i + 1, i + 3);
    if (ch === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(ch, 'utf8'));
  }
  return Uint8Array.from(bytes);
}

function decodeBody(body: string, encoding: string | undefined): Uint8Array {
  switch ((encoding ?? '').toLowerCase()) {
    case 'base64':
      return new Uint8Array(Buffer.from(body.replace(/\s+/g, ''), 'base64'));
    case 'quoted-printable':
      return decodeQuotedPrintable(body);
    default:
      return new Uint8Array(Buffer.from(body, 'utf8'));
  }
}

function splitMultipart(body: string, boundary: string): string[] {
  const delimiter = `--${boundary}`;
  const lines = body.split(/\r?\n/);
  const parts: string[] = [];
  let current: string[] | null = null;
  for (const line of lines) {
    if (line.startsWith(delimiter)) {
      if (current) parts.push(current.join('\r\n'));
      if (line.startsWith(`${delimiter}--`)) return parts;
      current = [];
    } else if (current) current.push(line);
  }
  if (current) parts.push(current.join('\r\n'));
  return parts;
}

/** Parses a whole RFC 822 message (or a body part) into a tree. Never throws on odd input. */
export function parseMimeTree(raw: string, depth = 0): MimePart {
  const { head, body } = splitHeadBody(raw);
  const headers = parseHeaderBlock(head);
  const contentType = headerValue(headers, 'Content-Type') ?? 'text/plain';
  const mimeType = (contentType.split(';')[0] ?? 'text/plain').trim().toLowerCase();
  const disposition = headerValue(headers, 'Content-Disposition');
  const filename = headerParam(disposition, 'filename') ?? headerParam(contentType, 'name') ?? '';
  const boundary = headerParam(contentType, 'boundary');
  if (mimeType.startsWith('multipart/') && boundary && depth < 10) {
    const parts = splitMultipart(body, boundary).map((p) => parseMimeTree(p, depth + 1));
    return { headers, mimeType, filename, body: new Uint8Array(), parts };
  }
  const encoding = headerValue(headers, 'Content-Transfer-Encoding');
  return { headers, mimeType, filename, body: decodeBody(body, encoding), parts: [] };
}

/** First leaf of the given type, depth first (how clients pick the body to show). */
export function findPart(part: MimePart, mimeType: string): MimePart | undefined {
  if (part.parts.length === 0) return part.mimeType === mimeType ? part : undefined;
  for (const child of part.parts) {
    const found = findPart(child, mimeType);
    if (found) return found;
  }
  return undefined;
}

export function partText(part: MimePart): string {
  return new TextDecoder('utf-8').decode(part.body);
}
