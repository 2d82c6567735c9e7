import type { BounceMessage, DecodedRecipient } from '../contract';
import {
  bounce,
  findAddress,
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
 * qmail-send's "failure notice" and the qmail-derived templates that keep its layout (Yahoo!'s
 * "Sorry, we were unable to deliver your message", vpopmail/x4 "Your mail message to the following
 * address(es) could not be delivered"): one `<address>:` line per recipient, the error lines under
 * it, and "--- Below this line is a copy of the message." at the end. qmail's own codes come as
 * "(#5.1.1)"; the remote server's status, when quoted, is preferred.
 */
const MARKER =
  /This is the qmail-send program at|I'm afraid I wasn't able to deliver your message|Sorry, we were unable to deliver your message to the following address|Your mail message to the following address\(es\) could not be delivered/i;
const END =
  /^--- (?:Below this line is a copy|Enclosed is a copy|Enclosed are the original headers|Below this line is the original)/im;
const HEAD = /^<([^\s<>]{1,256}@[^\s<>]{1,255})>:?[ \t]*(.*)$/;

function isQmail(m: BounceMessage): boolean {
  return MARKER.test(m.body.slice(0, 4000));
}

const QMAIL_REASONS: ReasonTable = [
  // qmail-remote / qmail-local's own sentences (the remote's reply is left to the classifier).
  [/Sorry, I couldn't find any host (?:named|by that name)/i, 'hostunknown'],
  [/Sorry, I couldn't find a mail exchanger or IP address/i, 'notaccept'],
  [/Sorry, I wasn't able to establish an SMTP connection/i, 'networkerror'],
  [/Connected to \S+ but my name was rejected/i, 'blocked'],
  [/Sorry, no mailbox here by that name/i, 'userunknown'],
  [/Unable to contact LDAP server|Temporary error in LDAP/i, 'systemerror'],
  [/account is locked email bounced/i, 'suspend'],
  [/user's mailfolder is full|disk quota exceeded/i, 'mailboxfull'],
];

/** `<address>:` heads with their error lines under them (shared with the X2 layout). */
export function recipientsOf(errors: string): DecodedRecipient[] {
  const out: DecodedRecipient[] = [];
  let current: { address: string; lines: string[] } | null = null;
  const flush = () => {
    if (current && !out.some((r) => r.address === current!.address)) {
      const text = current.lines.join(' ');
      out.push(
        recipientFrom(current.address, text, { action: 'failed', reason: reasonFrom(text, QMAIL_REASONS) }),
      );
    }
  };
  for (const line of errors.split('\n')) {
    const head = HEAD.exec(line.trim());
    if (head) {
      flush();
      if (out.length >= MAX_RECIPIENTS) break;
      current = { address: findAddress(`<${head[1]}>`), lines: head[2] ? [head[2]] : [] };
    } else if (current && line.trim()) current.lines.push(line.trim());
  }
  flush();
  return out;
}

export const Qmail = safely('qmail', (m) => {
  if (!isQmail(m)) return null;
  const body = scanText(m.body);
  const errors = section(body, MARKER, END) ?? '';
  return bounce('qmail', recipientsOf(errors), originalMessageId(m, END));
});
