import type { FeedEvent } from '../api/types';

export interface FeedItemView {
  tone: 'info' | 'success' | 'warning' | 'error';
  title: string;
  detail: string | null;
}

interface BounceDetail {
  hard?: boolean | null;
  reason?: string | null;
  status?: string | null;
  delayed?: boolean;
  action?: string | null;
  diagnostic?: string | null;
  message?: string;
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

function detailObject(detail: unknown): BounceDetail {
  if (typeof detail === 'string') return { message: detail };
  return detail && typeof detail === 'object' ? (detail as BounceDetail) : {};
}

function messageOf(detail: unknown): string | null {
  const found = detailObject(detail);
  return found.message ?? found.diagnostic ?? null;
}

function describeBounce(event: FeedEvent): FeedItemView {
  const detail = detailObject(event.detail);
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

export function describeFeedEvent(event: FeedEvent): FeedItemView {
  const to = event.recipient ? ` to ${event.recipient}` : '';
  switch (event.type) {
    case 'bounce':
      return describeBounce(event);
    case 'send.queued':
      return { tone: 'info', title: `Queued${to}`, detail: messageOf(event.detail) };
    case 'send.submitted':
      return { tone: 'success', title: `Sent${to}`, detail: messageOf(event.detail) };
    case 'send.failed':
      return { tone: 'error', title: `Send failed${to}`, detail: messageOf(event.detail) };
    case 'throttle.paused':
      return { tone: 'warning', title: 'Sending paused by the provider', detail: messageOf(event.detail) };
    case 'throttle.resumed':
      return { tone: 'success', title: 'Sending resumed', detail: messageOf(event.detail) };
    default:
      return { tone: 'info', title: event.type, detail: messageOf(event.detail) };
  }
}
