import { renderMessage, textPart } from '../mime/build';
import { encodeWord, formatMailbox, type Header, rfc5322Date } from '../mime/headers';
import { originalFacts, type ResponseInput, replySubject, threadHeaders } from './original';

export const OUT_OF_OFFICE_TEXT =
  'I am out of the office until Monday with limited access to email. I will reply when I return.';

/**
 * An out-of-office answer in the style of the sender's provider world:
 * - Exchange Online / Outlook: `Automatic reply: <subject>`, `Auto-Submitted: auto-generated`,
 *   `X-Auto-Response-Suppress: All` (MS-OXCMAIL §2.1.3.2.20: suppress answers to the answer) and
 *   `X-MS-Exchange-Inbox-Rules-Loop` (the OOF rule's loop guard), In-Reply-To the original; the
 *   layout of recorded Exchange Online OOF replies (core's bounce corpus,
 *   `fixtures/unseen/not-outlook-automatic-reply.eml`).
 * - Gmail's vacation responder: `Re: <subject>` (VacationSettings.responseSubject is optional and
 *   empty here), `Auto-Submitted: auto-replied` (RFC 3834 §5), In-Reply-To and References
 *   (core's `fixtures/unseen/not-gmail-vacation-responder.eml`).
 * Neither is a person's reply: Sendwell must record it and not count it.
 */
export function buildAutoReply(input: ResponseInput): string {
  const facts = originalFacts(input);
  const exchange = input.sender.provider === 'exchange';
  const domain = input.recipient.split('@')[1] ?? 'ooo.test';
  const style: Header[] = exchange
    ? [
        { name: 'Subject', value: encodeWord(`Automatic reply: ${facts.subject}`) },
        { name: 'Thread-Topic', value: encodeWord(facts.subject) },
        { name: 'Message-ID', value: `<ooo-${input.seed}@${domain}>` },
        ...threadHeaders(facts).slice(0, 1),
        { name: 'Auto-Submitted', value: 'auto-generated' },
        { name: 'X-Auto-Response-Suppress', value: 'All' },
        { name: 'X-MS-Exchange-Inbox-Rules-Loop', value: input.recipient },
        { name: 'Content-Language', value: 'en-US' },
      ]
    : [
        { name: 'Subject', value: encodeWord(replySubject(facts.subject)) },
        { name: 'Message-ID', value: `<vacation-${input.seed}@${domain}>` },
        ...threadHeaders(facts),
        { name: 'Auto-Submitted', value: 'auto-replied' },
      ];
  return renderMessage(
    [
      { name: 'From', value: formatMailbox(facts.recipient) },
      { name: 'To', value: formatMailbox({ name: input.sender.name, address: input.sender.email }) },
      { name: 'Date', value: rfc5322Date(input.at) },
      ...style,
    ],
    textPart('text/plain', OUT_OF_OFFICE_TEXT),
  );
}
