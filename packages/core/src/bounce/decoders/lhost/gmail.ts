import type { BounceMessage, DecodedRecipient } from '../contract';
import {
  bounce,
  findAddress,
  isMailerDaemon,
  MAX_RECIPIENTS,
  originalMessageId,
  type ReasonTable,
  reasonFrom,
  recipientFrom,
  safely,
  scanText,
  section,
} from './util';

/**
 * Gmail's legacy plain-text notice (before Gmail sent RFC 3464 reports): "Delivery to the
 * following recipient(s) failed permanently:" or "... has been delayed:", the indented addresses,
 * then "Technical details of permanent|temporary failure:" and the remote server's answer, then
 * "----- Original message -----". Gmail tags the answer with "(state N)", the SMTP state it was
 * in; that tells the failed command.
 */
const MARKER =
  /Delivery to the following recipients? (?:failed permanently|has been delayed|have been delayed|failed temporarily):/i;
const DETAILS = /Technical details of (?:permanent|temporary) failure:/i;
const END = /^-{3,} ?(?:Original message|Message header follows) ?-{3,}/im;
const DELAYED = /has been delayed:|have been delayed:|Message will be retried/i;

/** Gmail's SMTP state numbers as the notices use them. */
const STATE_COMMANDS: Record<string, string> = { '6': 'MAIL', '13': 'EHLO', '14': 'RCPT', '18': 'DATA' };

const GMAIL_REASONS: ReasonTable = [
  // Gmail's own sentences: it retried and gave up, or it is still retrying.
  [
    /The recipient server did not accept our requests to connect|Message will be retried for \d+ more day/i,
    'expired',
  ],
  [/Remote server does not support TLS/i, 'failedstarttls'],
  [/DNS Error: Domain name not found/i, 'hostunknown'],
];

function isGmail(m: BounceMessage): boolean {
  const head = m.body.slice(0, 4000);
  if (!isMailerDaemon(m.from) || !MARKER.test(head)) return false;
  // Other MTAs borrowed the opening sentence (see X3); Gmail's own notice has "Technical details
  // of ... failure" or comes from Google's mailer-daemon.
  return DETAILS.test(head) || /@(?:googlemail|gmail|google)\.com/i.test(m.from);
}

function listedAddresses(body: string): string[] {
  const list = section(body, MARKER, /^\S|^\s*$\n^\S/m) ?? '';
  const out: string[] = [];
  for (const line of list.split('\n').slice(0, MAX_RECIPIENTS)) {
    const address = findAddress(line);
    if (address && !out.includes(address)) out.push(address);
  }
  return out;
}

function details(body: string): string {
  const text = section(body, DETAILS, END) ?? '';
  // The answer sometimes repeats the reply code ("554 554 5.7.1"); status/reply parsing copes.
  return text.replace(/\s*Learn more at \S+/i, '');
}

export const Gmail = safely('Gmail', (m) => {
  if (!isGmail(m)) return null;
  const body = scanText(m.body);
  const diagnostic = details(body);
  const action = DELAYED.test(body.slice(0, 4000)) ? 'delayed' : 'failed';
  const state = /\(state (\d{1,2})\)/.exec(diagnostic)?.[1];
  const command = state ? STATE_COMMANDS[state] : undefined;
  const recipients: DecodedRecipient[] = listedAddresses(body).map((address) =>
    recipientFrom(address, diagnostic, {
      action,
      command,
      reason: reasonFrom(`${diagnostic} ${body.slice(0, 1000)}`, GMAIL_REASONS),
    }),
  );
  const inReplyTo = /<([^<>\s]{1,500})>/.exec(m.header('in-reply-to'))?.[1];
  return bounce('Gmail', recipients, originalMessageId(m, END) ?? inReplyTo);
});
