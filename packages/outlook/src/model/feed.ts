import type { FeedEvent } from '../api/types';
import { formatWhen } from './time';

export interface FeedItemView {
  tone: 'info' | 'success' | 'warning' | 'error';
  title: string;
  detail: string | null;
}

/** `detail` as the server fills it per event type (all optional: the feed must never break on it). */
interface EventDetail {
  hard?: boolean | null;
  reason?: string | null;
  status?: string | null;
  delayed?: boolean;
  action?: string | null;
  diagnostic?: string | null;
  message?: string;
  to?: string[];
  subject?: string | null;
  sendAt?: string;
  until?: string;
  error?: string;
}

/** Sisimai reason names (the bounce engine's vocabulary) in words a rep reads. */
const REASONS: Record<string, string> = {
  userunknown: 'user unknown',
  mailboxfull: 'mailbox full',
  hostunknown: 'domain does not exist',
  filtered: 'filtered by the recipient',
  expired: 'delivery time expired',
  suspend: 'mailbox suspended',
  blocked: 'sender blocked',
  rejected: 'rejected',
  spamdetected: 'rejected as spam',
  policyviolation: 'policy violation',
  toomanyconn: 'too many connections',
  exceedlimit: 'message too large',
  mesgtoobig: 'message too large',
  notaccept: 'domain accepts no mail',
  securityerror: 'security error',
  systemerror: 'system error',
  networkerror: 'network error',
  ratelimited: 'rate limited',
  norelaying: 'relaying denied',
  vacation: 'auto-reply',
};

export function reasonText(reason: string): string {
  return REASONS[reason.toLowerCase()] ?? reason;
}

function detailObject(detail: unknown): EventDetail {
  if (typeof detail === 'string') return { message: detail };
  return detail && typeof detail === 'object' ? (detail as EventDetail) : {};
}

function recipientsOf(event: FeedEvent, detail: EventDetail): string {
  if (event.recipient) return ` to ${event.recipient}`;
  return Array.isArray(detail.to) && detail.to.length ? ` to ${detail.to.join(', ')}` : '';
}

const joined = (...parts: (string | null | undefined | false)[]) => parts.filter(Boolean).join(' · ') || null;

function describeBounce(event: FeedEvent, detail: EventDetail): FeedItemView {
  const who = event.recipient ?? 'a recipient';
  const reason = detail.reason ? reasonText(detail.reason) : null;
  const facts = [reason, detail.status].filter(Boolean).join(', ');
  if (detail.delayed || detail.action === 'delayed') {
    return {
      tone: 'warning',
      title: `Delivery to ${who} delayed (not bounced yet)`,
      detail: facts || detail.message || null,
    };
  }
  const kind = detail.hard === true ? 'hard' : detail.hard === false ? 'soft' : null;
  const title = kind ? `${who} bounced (${kind})` : `${who} bounced`;
  return { tone: 'error', title, detail: facts || detail.message || detail.diagnostic || null };
}

/** True when `sendAt` is meaningfully after the event itself (a later slot, not "now"). */
const laterThan = (eventAt: string, sendAt: string | undefined) =>
  sendAt !== undefined && new Date(sendAt).getTime() - new Date(eventAt).getTime() > 1000;

/** A feed event in the rep's words. `now` only shapes how times read ("14:05" or "Tue 3 Mar 14:05"). */
export function describeFeedEvent(event: FeedEvent, now: Date = new Date(event.at)): FeedItemView {
  const detail = detailObject(event.detail);
  const at = (iso: string | undefined) => (iso ? formatWhen(new Date(iso), now) : null);
  const to = recipientsOf(event, detail);
  switch (event.type) {
    case 'bounce':
      return describeBounce(event, detail);
    case 'send.queued':
      return {
        tone: 'info',
        title: `Queued${to}`,
        detail: joined(
          laterThan(event.at, detail.sendAt) && `sends ${at(detail.sendAt)}`,
          detail.reason,
          detail.message,
        ),
      };
    case 'send.submitted':
      return { tone: 'success', title: `Sent${to}`, detail: joined(detail.subject, detail.message) };
    case 'send.failed':
      return { tone: 'error', title: `Send failed${to}`, detail: joined(detail.error, detail.message) };
    case 'throttle.paused':
      return {
        tone: 'warning',
        title: 'Sending paused by the provider',
        detail: joined(detail.until && `until ${at(detail.until)}`, detail.reason, detail.message),
      };
    case 'throttle.resumed':
      return { tone: 'success', title: 'Sending resumed', detail: joined(detail.reason, detail.message) };
    default:
      return { tone: 'info', title: event.type, detail: joined(detail.message) };
  }
}
