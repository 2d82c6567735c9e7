import type { FeedEvent } from '../api/types';
import type { DraftRecipient, DraftRecipients } from '../office/types';

/** A draft has a handful of recipients; past this the pane reads the first ones (one request each). */
export const MAX_PEOPLE = 20;

/** Everyone the draft goes to (To, then Cc, then Bcc), each address once, at most MAX_PEOPLE. */
export function draftPeople(recipients: DraftRecipients): DraftRecipient[] {
  const seen = new Set<string>();
  const people: DraftRecipient[] = [];
  for (const recipient of [...recipients.to, ...recipients.cc, ...recipients.bcc]) {
    const key = recipient.email.trim().toLowerCase();
    if (!key || seen.has(key)) continue;
    seen.add(key);
    people.push(recipient);
  }
  return people.slice(0, MAX_PEOPLE);
}

const STEP_EVENTS = new Set(['send.queued', 'send.submitted', 'send.cancelled', 'send.failed']);

/**
 * Whether a feed event may change one of these people's campaign status: anything about their
 * address (a bounce, a reply, leaving, suppression), a batch enrolment (no single recipient), or
 * a step's email to them moving on (its "next" time changes).
 */
export function touchesPeople(event: FeedEvent, emails: ReadonlySet<string>): boolean {
  if (event.recipient) return emails.has(event.recipient.toLowerCase());
  if (event.type === 'campaign.enrolled') return true;
  const to = (event.detail as { to?: unknown }).to;
  return (
    STEP_EVENTS.has(event.type) &&
    Array.isArray(to) &&
    to.some((address) => typeof address === 'string' && emails.has(address.toLowerCase()))
  );
}
