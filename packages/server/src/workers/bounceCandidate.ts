import type { InboxEntry } from '@sendwell/core';

const SENDER = /mailer-daemon|postmaster|mail delivery|microsoftexchange|mail administrator|bounce/i;
const SUBJECT =
  /undeliver|undelivered|delivery status notification|delivery (has )?failed|failure notice|returned mail|delivery delayed|non[- ]?delivery|mail delivery failed|could not be delivered|rejected|bounce/i;

/**
 * The scanner's cheap pre-filter over headers the provider returns without the body: only these
 * candidates cost a raw-MIME download. It errs towards yes; the bounce engine decides for real.
 */
export function isBounceCandidate(entry: InboxEntry): boolean {
  const headers = Object.fromEntries(Object.entries(entry.headers).map(([k, v]) => [k.toLowerCase(), v]));
  if (/multipart\/report/i.test(headers['content-type'] ?? '')) return true;
  if (headers['x-failed-recipients']) return true;
  return SENDER.test(entry.from) || SUBJECT.test(entry.subject);
}
