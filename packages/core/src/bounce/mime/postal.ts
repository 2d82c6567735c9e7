/**
 * The postal-mime reading of a message, flattened like `flatten` flattens ours. Used for the shapes
 * our reader hands over (a text part that postal-mime renders from the other text type) and by the
 * differential test that keeps both readings equal. Header values go through the same
 * `decodeHeaderValue` (our port of postal-mime's RFC 2047 decoding, compared in words.test.ts).
 */
import type { Email } from 'postal-mime';
import { MAX_MIME_DEPTH, MAX_MIME_HEADER_BYTES } from '../limits';
import type { FlatMessage } from './flatten';
import { decodeHeaderValue } from './headers';

const utf8 = new TextDecoder('utf-8');

/** Parse with postal-mime (throws where it refuses: too deep, headers too large). */
export async function flattenWithPostalMime(
  input: Uint8Array | string,
): Promise<{ headers: Map<string, string[]>; flat: FlatMessage }> {
  // Loaded only when needed: the common path never pays for evaluating postal-mime.
  const { default: PostalMime } = await import('postal-mime');
  const email = await new PostalMime({
    forceRfc822Attachments: true,
    attachmentEncoding: 'arraybuffer',
    maxNestingDepth: MAX_MIME_DEPTH,
    maxHeadersSize: MAX_MIME_HEADER_BYTES,
  }).parse(input);
  return { headers: headerMap(email), flat: flatEmail(email) };
}

function flatEmail(email: Email): FlatMessage {
  const flat: FlatMessage = { attachments: [] };
  if (email.text) flat.text = email.text;
  if (email.html) flat.html = email.html;
  for (const attachment of email.attachments) {
    const type = attachment.mimeType.toLowerCase();
    if (!type.startsWith('text/') && !type.startsWith('message/')) continue;
    const content = attachment.content;
    flat.attachments.push({ type, text: typeof content === 'string' ? content : utf8.decode(content) });
  }
  return flat;
}

function headerMap(email: Email): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const { key, value } of email.headers) {
    const name = key.toLowerCase();
    const decoded = decodeHeaderValue(value);
    const values = map.get(name);
    if (values) values.push(decoded);
    else map.set(name, [decoded]);
  }
  return map;
}
