import { renderMessage, textPart } from '../mime/build';
import { encodeWord, formatMailbox, rfc5322Date } from '../mime/headers';
import { originalFacts, quote, type ResponseInput, replySubject, threadHeaders } from './original';

/** The answer a `*@reply.test` person writes: short, above a quote, threaded on the original. */
export const REPLY_TEXT = 'Thanks for reaching out. Yes, this is interesting: can we talk next week?';

/**
 * A person's reply, as a mail client writes one (RFC 5322 §3.6.4): From them, To the sender,
 * `Re: <subject>`, In-Reply-To the original's Message-ID and References its chain plus that id, a
 * short text above an attribution line and the quoted original. Gmail files it in the original's
 * thread because its References name a message of that thread.
 */
export function buildReply(input: ResponseInput): string {
  const facts = originalFacts(input);
  const sender = formatMailbox({ name: input.sender.name, address: input.sender.email });
  const domain = input.recipient.split('@')[1] ?? 'reply.test';
  const body = [REPLY_TEXT, '', `On ${facts.date}, ${sender} wrote:`, quote(facts.text), ''].join('\n');
  return renderMessage(
    [
      { name: 'From', value: formatMailbox(facts.recipient) },
      { name: 'To', value: sender },
      { name: 'Subject', value: encodeWord(replySubject(facts.subject)) },
      { name: 'Date', value: rfc5322Date(input.at) },
      { name: 'Message-ID', value: `<reply-${input.seed}@${domain}>` },
      ...threadHeaders(facts),
    ],
    textPart('text/plain', body),
  );
}
