import { multipartPart, renderMessage, textPart, verbatimPart } from '../mime/build';
import { encodeWord, formatMailbox, headerValue, parseAddressList, rfc5322Date } from '../mime/headers';
import { originalFacts, type ResponseInput } from './original';

/** The feedback loop's own address at the complaining recipient's provider. */
const fblAddress = (domain: string) => `feedback-loop@${domain}`;

/**
 * An Abuse Reporting Format report (RFC 5965): the recipient pressed "Report spam" and their
 * provider's feedback loop tells the sender. `multipart/report; report-type=feedback-report` with a
 * human-readable part, the machine-readable `message/feedback-report` (Feedback-Type: abuse,
 * User-Agent, Version: 1 are required, §3.1; Original-Mail-From, Original-Rcpt-To, Arrival-Date,
 * Reported-Domain optional, §3.2) and the original as `message/rfc822` (§2 (c): the whole message or
 * its headers; the whole, as most feedback loops send it). Sent to the sender (the sandbox has no
 * separate feedback-loop registration address).
 */
export function buildArfReport(input: ResponseInput): string {
  const facts = originalFacts(input);
  const domain = input.recipient.split('@')[1] ?? 'complain.test';
  const fromDomain = parseAddressList(headerValue(facts.headers, 'From'))[0]?.address.split('@')[1] ?? '';
  const boundary = `arf_${input.seed}`;
  const report = [
    'Feedback-Type: abuse',
    'User-Agent: SandboxFBL/1.0',
    'Version: 1',
    `Original-Mail-From: <${input.sender.email}>`,
    `Original-Rcpt-To: <${input.recipient}>`,
    `Arrival-Date: ${facts.date}`,
    `Reported-Domain: ${fromDomain || input.sender.email.split('@')[1]}`,
    '',
  ].join('\n');
  const human = [
    `This is an email abuse report for an email message received from ${input.sender.email}.`,
    `The recipient ${input.recipient} marked it as spam on ${rfc5322Date(input.at)}.`,
    'For more information about this format please see https://www.rfc-editor.org/rfc/rfc5965.',
    '',
  ].join('\n');
  const root = multipartPart('multipart/report; report-type=feedback-report', boundary, [
    textPart('text/plain', human),
    verbatimPart('message/feedback-report', report),
    verbatimPart('message/rfc822', input.originalRaw),
  ]);
  return renderMessage(
    [
      { name: 'From', value: formatMailbox({ name: 'Feedback Loop', address: fblAddress(domain) }) },
      { name: 'To', value: formatMailbox({ name: input.sender.name, address: input.sender.email }) },
      { name: 'Subject', value: encodeWord(`Abuse report: ${facts.subject}`) },
      { name: 'Date', value: rfc5322Date(input.at) },
      { name: 'Message-ID', value: `<arf-${input.seed}@${domain}>` },
      { name: 'Auto-Submitted', value: 'auto-generated' },
    ],
    root,
  );
}
