import type { BounceMessage } from './contract';

/** A sender that only ever sends delivery notices. */
export const DAEMON_FROM =
  /mailer-daemon|postmaster|mail delivery|mailerdaemon|mail administrator|microsoftexchange/i;
/** Subjects delivery notices use. */
export const BOUNCE_SUBJECT =
  /undeliver|undelivered|delivery (status|failure|failed|notification|has failed|problem)|returned mail|failure notice|mail delivery|could not be delivered|error sending|non[- ]?delivery|delivery has failed|not delivered|mail failure|returned to sender|nondeliverable|delivery report|rejected/i;

/** True when the envelope of the notice (From, Subject, X-Failed-Recipients) says delivery failed. */
export function looksLikeNotice(message: BounceMessage): boolean {
  return (
    DAEMON_FROM.test(message.from) ||
    BOUNCE_SUBJECT.test(message.subject) ||
    !!message.header('x-failed-recipients')
  );
}
