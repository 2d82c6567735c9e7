// The previewer's compose window as the RFC 822 draft Gmail would save (users.drafts create/update).
// Plain ES module: the browser loads it as is and vitest tests it in Node against the sandbox routes.

const CRLF = '\r\n';

function base64Utf8(text) {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

const isAscii = (text) => /^[\x20-\x7e]*$/.test(text);

/** RFC 2047 encoded word for text that is not plain ASCII. */
export const encodeWord = (text) => (isAscii(text) ? text : `=?UTF-8?B?${base64Utf8(text)}?=`);

/** Split a recipient field on commas outside quotes (the way the previewer reads its To/Cc/Bcc). */
export function splitRecipients(text) {
  return String(text ?? '')
    .split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** `Zoë <zoe@example.com>` with the display name encoded, the address left as written. */
function encodeRecipient(recipient) {
  const angled = /^(.*?)\s*<([^>]*)>\s*$/.exec(recipient);
  if (!angled || isAscii(angled[1])) return recipient;
  return `${encodeWord(angled[1].replace(/^"|"$/g, ''))} <${angled[2]}>`;
}

/**
 * `{to, cc, bcc, subject, html}` (the raw field texts) → the message Gmail stores for the draft,
 * base64url-encoded as `message.raw`. The body is HTML, as Gmail's compose window writes it.
 */
export function draftRaw(fields) {
  const lines = [];
  for (const [name, value] of [
    ['To', fields.to],
    ['Cc', fields.cc],
    ['Bcc', fields.bcc],
  ]) {
    const list = splitRecipients(value);
    if (list.length) lines.push(`${name}: ${list.map(encodeRecipient).join(', ')}`);
  }
  lines.push(`Subject: ${encodeWord(String(fields.subject ?? '').replace(/[\r\n]+/g, ' '))}`);
  lines.push(
    'MIME-Version: 1.0',
    'Content-Type: text/html; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
  );
  const body = base64Utf8(String(fields.html ?? '')).replace(/.{1,76}/g, (line) => `${line}${CRLF}`);
  const message = `${lines.join(CRLF)}${CRLF}${CRLF}${body}`;
  return base64Utf8(message).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
