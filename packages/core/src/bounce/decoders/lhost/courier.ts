import { recipientsOf } from './qmail';
import { bounce, hasUsableDeliveryStatus, originalMessageId, safely, scanText, section } from './util';

/**
 * Courier MTA's notice when it comes without a usable delivery-status part: "This is a delivery
 * status notification from host, running the Courier mail server", "Your message to the
 * following recipients cannot be delivered:", then per recipient `<address>:`, the remote host,
 * and the `>>> RCPT TO:` / `<<< 550 ...` exchange. "DELAYS IN DELIVERING YOUR MESSAGE" notices
 * are warnings: the recipients are `delayed`.
 */
const MARKER = /running the Courier mail server/i;
const START =
  /^Your message to the following recipients (?:cannot be delivered|has not been delivered yet|was delayed):\s*$/im;
const END = /^-{20,}\s*$/m;
const DELAYED = /DELAYS IN DELIVERING YOUR MESSAGE|This is a warning message only/i;

export const Courier = safely('Courier', (m) => {
  const body = scanText(m.body);
  if (!MARKER.test(body.slice(0, 2000)) || hasUsableDeliveryStatus(m)) return null;
  const delayed = DELAYED.test(body.slice(0, 4000));
  const recipients = recipientsOf(section(body, START, END) ?? '').map((r) => {
    // The last ">>> COMMAND" before the reply is the one that failed.
    const sent = [...(r.diagnostic ?? '').matchAll(/(?:^|\s)>>> (RCPT|MAIL|DATA|EHLO|HELO)\b/gi)]
      .pop()?.[1]
      ?.toUpperCase();
    const command = sent ?? r.command;
    return { ...r, action: delayed ? ('delayed' as const) : r.action, ...(command ? { command } : {}) };
  });
  return bounce('Courier', recipients, originalMessageId(m));
});
