import type { BounceMessage } from './contract';

/** A sender that only ever sends delivery notices. */
const DAEMON_FROM =
  /mailer-daemon|postmaster|mail delivery|mailerdaemon|mail administrator|microsoftexchange/i;
/** Subjects delivery notices use. */
const BOUNCE_SUBJECT =
  /undeliver|undelivered|delivery (status|failure|failed|notification|has failed|problem)|returned mail|failure notice|mail delivery|could not be delivered|error sending|non[- ]?delivery|delivery has failed|not delivered|mail failure|returned to sender|nondeliverable|delivery report|rejected/i;

/** True when the envelope of the notice (From, Subject, X-Failed-Recipients) says delivery failed. */
export function looksLikeNotice(message: BounceMessage): boolean {
  return (
    DAEMON_FROM.test(message.from) ||
    BOUNCE_SUBJECT.test(message.subject) ||
    !!message.header('x-failed-recipients')
  );
}

/** Forward and reply prefixes of mail clients (English, French, German, Spanish/Portuguese, Dutch...). */
const FORWARD_SUBJECT = /^\s*(fwd?|fw|tr|wg|rv|enc|doorst|re|aw|sv|vs)\s*:/i;
/** Some carriers' notices come from `post_master@` with a "Re:" subject (Verizon, Apache James). */
const SYSTEM_FROM = /post_master|no-?reply|daemon/i;
/** Machine-readable delivery-status fields, quoted or not. */
const REPORT_FIELDS =
  /^[>\s]*(final-recipient|original-recipient)\s*:|^[>\s]*action\s*:\s*(failed|delayed)/im;

/**
 * A person forwarding (or replying to) a notice they received, with only its readable text ("FW:
 * Undeliverable: ..." from a colleague): a conversation about a bounce, not a bounce. A forward that carries the
 * whole report (its delivery-status fields, a returned message part, X-Failed-Recipients) is still
 * read as the notice it carries, as Sisimai does.
 */
export function isForwardedByPerson(message: BounceMessage): boolean {
  if (!FORWARD_SUBJECT.test(message.subject)) return false;
  if (DAEMON_FROM.test(message.from) || SYSTEM_FROM.test(message.from)) return false;
  if (message.deliveryStatus || message.feedbackReport || message.returnedMessage) return false;
  if (message.header('x-failed-recipients') || message.header('auto-submitted')) return false;
  return !REPORT_FIELDS.test(message.body.slice(0, 64 * 1024));
}
