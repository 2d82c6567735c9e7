import type { BounceMessage } from './decoders/contract';
import { readHeaderFields } from './fields';

/** Headers of the returned original worth keeping for attribution. */
const KEPT_HEADERS = ['message-id', 'x-sendwell-id', 'subject', 'from', 'to', 'date', 'in-reply-to'];
const MESSAGE_ID_LINE = /^[ \t>]*Message-I[dD]\s*:\s*(?:\n[ \t]+)?<?([^\s<>]+@[^\s<>]+?|[^\s<>]{6,})>?\s*$/m;

/** The returned original's headers: from message/rfc822 or text/rfc822-headers, else from the text. */
export function originalHeaders(message: BounceMessage): Record<string, string> {
  const source = message.returnedMessage ?? headerishTail(message.body);
  if (!source) return {};
  // Without its leading white space: a slice, where `replace` would copy the whole returned message.
  const lead = /^\s*/.exec(source)?.[0].length ?? 0;
  const block = readHeaderFields(lead ? source.slice(lead) : source, KEPT_HEADERS);
  const out: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = block.get(name);
    if (value) out[name] = value;
  }
  return out;
}

/** Message-ID of the returned original, without angle brackets. */
export function originalMessageId(message: BounceMessage, headers: Record<string, string>): string | null {
  const fromHeaders = cleanId(headers['message-id']);
  if (fromHeaders) return fromHeaders;
  const inReturned = message.returnedMessage ? messageIdLine(message.returnedMessage) : null;
  if (inReturned) return cleanId(inReturned[1]);
  const inBody = messageIdLine(message.body);
  if (inBody) return cleanId(inBody[1]);
  const field = /^\s*X-(?:Original-)?Message-ID\s*:\s*<?([^\s<>]+)>?/im.exec(message.body);
  return field ? cleanId(field[1]) : null;
}

/**
 * `MESSAGE_ID_LINE.exec(text)`, scanning from the line of the first `Message-I` only: every match
 * has that text on its own line, after nothing but `[ \t>]*`, so it cannot start on an earlier line
 * (and the line start found by `lastIndexOf` is a line start for `^` in the slice too).
 */
function messageIdLine(text: string): RegExpExecArray | null {
  const first = text.indexOf('Message-I');
  if (first < 0) return null;
  const lineStart = text.lastIndexOf('\n', first) + 1;
  return MESSAGE_ID_LINE.exec(lineStart ? text.slice(lineStart) : text);
}

function cleanId(value: string | undefined | null): string | null {
  if (!value) return null;
  const id = /<([^<>]+)>/.exec(value)?.[1] ?? value.trim().split(/\s+/)[0] ?? '';
  const clean = id.replace(/^<|>$/g, '').trim();
  return clean && clean.length <= 998 ? clean : null;
}

/** Text bounces paste the original after a divider; find where a header block starts. */
function headerishTail(body: string): string | null {
  const at = body.search(
    /^(Return-Path|Received|Message-I[dD]|From|Date|Subject|To|MIME-Version|DKIM-Signature|X-[A-Za-z-]+):[ \t]/m,
  );
  return at < 0 ? null : body.slice(at, at + 64 * 1024);
}
