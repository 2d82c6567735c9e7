import { CRLF, type Header, renderHeaders } from './headers';

/** A body part to assemble: headers plus already-encoded body text. */
export interface BuiltPart {
  headers: Header[];
  body: string;
}

function wrap76(text: string): string {
  return text.replace(/(.{76})/g, `$1${CRLF}`).replace(/\r\n$/, '');
}

/** A text part; ASCII stays 7bit (readable in fixtures), anything else is base64. */
export function textPart(mimeType: string, text: string, extra: Header[] = []): BuiltPart {
  const normalized = text.replace(/\r?\n/g, CRLF);
  const ascii = [...normalized].every((ch) => ch.charCodeAt(0) < 0x80);
  return {
    headers: [
      { name: 'Content-Type', value: `${mimeType}; charset="${ascii ? 'us-ascii' : 'utf-8'}"` },
      { name: 'Content-Transfer-Encoding', value: ascii ? '7bit' : 'base64' },
      ...extra,
    ],
    body: ascii ? normalized : wrap76(Buffer.from(normalized, 'utf8').toString('base64')),
  };
}

/** A part whose body is given verbatim (message/delivery-status, text/rfc822-headers). */
export function verbatimPart(contentType: string, body: string, extra: Header[] = []): BuiltPart {
  return {
    headers: [{ name: 'Content-Type', value: contentType }, ...extra],
    body: body.replace(/\r?\n/g, CRLF),
  };
}

/** Joins parts under a boundary; `contentType` is e.g. `multipart/report; report-type=delivery-status`. */
export function multipartPart(contentType: string, boundary: string, parts: BuiltPart[]): BuiltPart {
  const encapsulated = parts.map(
    (p) => `--${boundary}${CRLF}${renderHeaders(p.headers)}${CRLF}${CRLF}${p.body}${CRLF}`,
  );
  const body = `${encapsulated.join('')}--${boundary}--${CRLF}`;
  return { headers: [{ name: 'Content-Type', value: `${contentType}; boundary="${boundary}"` }], body };
}

/** A whole message: top headers first, then the root part's own headers. */
export function renderMessage(topHeaders: Header[], root: BuiltPart): string {
  return `${renderHeaders([...topHeaders, { name: 'MIME-Version', value: '1.0' }, ...root.headers])}${CRLF}${CRLF}${root.body}`;
}
