import { type FeedRow, foldFeed, type SendRow } from '@sendwell/core';
import type { AcceptedSend } from '../api/types';

/** Where a send is, in one word for tests and styling: its phase, or what happened to a recipient. */
export type LifeState = 'queued' | 'sent' | 'delayed' | 'bounced' | 'failed' | 'cancelled';

const isRowOf =
  (sendId: string) =>
  (row: FeedRow): row is SendRow =>
    row.kind === 'send' && row.sendId === sendId;

/**
 * The feed's row for an accepted send, or — before any event about it has arrived — the row core
 * folds from the server's answer (as if its "queued" event had come). Rebuilt on every render from
 * the events, so it never goes stale.
 */
export function rowForSend(send: AcceptedSend, rows: readonly FeedRow[], at: Date): SendRow {
  const found = rows.find(isRowOf(send.id));
  if (found)
    return {
      ...found,
      sendAt: found.sendAt ?? send.sendAt,
      to: found.to.length ? found.to : (send.to ?? []),
    };
  const answered = foldFeed([
    {
      id: 0,
      type: send.status === 'submitted' ? 'send.submitted' : 'send.queued',
      at: at.toISOString(),
      sendId: send.id,
      recipient: null,
      templateId: null,
      detail: { to: send.to ?? [], ...(send.sendAt ? { sendAt: send.sendAt } : {}) },
    },
  ]).find(isRowOf(send.id));
  return { ...answered!, sendAt: send.sendAt };
}

export function lifeOf(row: SendRow): LifeState {
  if (row.phase === 'failed') return 'failed';
  if (row.recipients.some((recipient) => recipient.state === 'bounced')) return 'bounced';
  if (row.recipients.some((recipient) => recipient.state === 'delayed')) return 'delayed';
  return row.phase;
}

const SEVERITY: LifeState[] = ['failed', 'bounced', 'delayed', 'cancelled', 'queued', 'sent'];

/** For several messages, the state that needs the rep's attention most. */
export function overallLife(rows: readonly SendRow[]): LifeState {
  const lives = rows.map(lifeOf);
  return SEVERITY.find((state) => lives.includes(state)) ?? 'queued';
}
