import type { BounceDetail, RecipientOutcomeInfo, SendDetail, SendSummary } from '@sendwell/core';
import type { BounceDetailRow, ListedSend } from '../store/sendQueue';

/** How sends look on the wire (`/api/v1/sends`): ISO times, the channel as recorded, outcomes. */

export function summaryOf(send: ListedSend): SendSummary {
  return {
    id: send.id,
    status: send.status,
    host: send.host,
    sender: { id: send.userId, name: send.senderName, email: send.senderEmail },
    from: send.from,
    to: send.to,
    cc: send.cc,
    bcc: send.bcc,
    subject: send.subject,
    templateId: send.templateId,
    channel: send.channelKind
      ? { kind: send.channelKind, label: send.channelLabel ?? send.channelKind }
      : null,
    sendAt: send.sendAt.toISOString(),
    submittedAt: send.submittedAt?.toISOString() ?? null,
    createdAt: send.createdAt.toISOString(),
    error: send.lastError,
    bounced: send.bounced,
  };
}

const bounceOf = (b: BounceDetailRow): BounceDetail => ({ ...b, at: b.at.toISOString() });
const isDelay = (b: BounceDetailRow) => b.action === 'delayed';

/**
 * Each addressee's fate. Before the provider took it: pending (or not sent, when it failed or was
 * cancelled); after: sent, unless a notice says delayed or bounced. A failure outranks a delay, and
 * the latest notice of the winning kind carries the detail.
 */
function recipientOutcomes(send: ListedSend, bounces: BounceDetailRow[]): RecipientOutcomeInfo[] {
  const fields = [
    ...send.to.map((address) => ({ address, field: 'to' as const })),
    ...send.cc.map((address) => ({ address, field: 'cc' as const })),
    ...send.bcc.map((address) => ({ address, field: 'bcc' as const })),
  ];
  return fields.map(({ address, field }) => {
    const mine = bounces.filter((b) => b.recipient.toLowerCase() === address.toLowerCase());
    const failure = mine.filter((b) => !isDelay(b)).at(-1);
    const delay = mine.filter(isDelay).at(-1);
    const notice = failure ?? delay ?? null;
    return { address, field, outcome: outcomeFor(send, failure, delay), bounce: notice && bounceOf(notice) };
  });
}

function outcomeFor(
  send: ListedSend,
  failure: BounceDetailRow | undefined,
  delay: BounceDetailRow | undefined,
): RecipientOutcomeInfo['outcome'] {
  if (failure) return 'bounced';
  if (delay) return 'delayed';
  switch (send.status) {
    case 'submitted':
      return 'sent';
    case 'failed':
    case 'cancelled':
      return 'not-sent';
    default:
      return 'pending';
  }
}

export function detailOf(send: ListedSend, bounces: BounceDetailRow[]): SendDetail {
  return {
    ...summaryOf(send),
    attempts: send.attempts,
    recipients: recipientOutcomes(send, bounces),
    bounces: bounces.map(bounceOf),
  };
}
