import { translate } from '@sendwell/core';
import { suppressionSentence } from '../services/suppressionCheck';
import type { Db } from '../store/db';
import type { SendRow } from '../store/rows';
import { findLiveSuppressions } from '../store/suppressions';

/** Whether a claimed send should still go out, checked just before the provider is called. */
export type StillWanted =
  | { go: true }
  | { go: false; why: string }
  | { go: false; holdUntil: Date; why: string };

/** How long a step's email waits before the worker looks at its paused campaign again. */
export const CAMPAIGN_PAUSE_RECHECK_MS = 15 * 60_000;
export const CAMPAIGN_PAUSED_HOLD =
  'Held: its campaign is paused (by its owner, an admin or the bounce-rate circuit breaker); it goes when the campaign is resumed.';

/**
 * The words a later step ends with when its person left the campaign: the voice's own English
 * sentences (the feed rewords them in the reader's language), e.g. "Campaign ended: the email
 * before bounced.".
 */
const ENDINGS = [
  'bounced',
  'replied',
  'unsubscribed',
  'complained',
  'suppressed',
  'removed',
  'finished',
] as const;
export const CAMPAIGN_ENDED: Record<string, string> = Object.fromEntries(
  ENDINGS.map((reason) => [reason, translate('en', `campaign.ended.${reason}`)]),
);

/**
 * The last check before a send reaches the provider (the queue may hold it for hours): a person
 * who left the campaign, or an address suppressed since the send was queued, gets nothing. The
 * exits cancel waiting steps themselves; this closes the race with a send already claimed.
 */
export async function stillWanted(db: Db, send: SendRow, now: Date): Promise<StillWanted> {
  if (send.campaign) {
    const [row] = await db.query<{ status: string; left_reason: string | null; campaign_status: string }>(
      `select e.status, e.left_reason, c.status as campaign_status from enrolments e
         join campaigns c on c.id = e.campaign_id where e.id = $1`,
      [send.campaign.enrolmentId],
    );
    if (!row) return { go: false, why: CAMPAIGN_ENDED.removed! };
    if (row.status === 'left') return { go: false, why: CAMPAIGN_ENDED[row.left_reason ?? 'removed']! };
    // A paused campaign (the circuit breaker above all) holds the emails already in the outbox too.
    if (row.campaign_status === 'paused')
      return {
        go: false,
        holdUntil: new Date(now.getTime() + CAMPAIGN_PAUSE_RECHECK_MS),
        why: CAMPAIGN_PAUSED_HOLD,
      };
  }
  const [user] = await db.query<{ tenant_id: string }>('select tenant_id from users where id = $1', [
    send.userId,
  ]);
  if (!user) return { go: true };
  const live = await findLiveSuppressions(db, user.tenant_id, [...send.to, ...send.cc, ...send.bcc], now);
  if (live.length)
    return {
      go: false,
      why: `Not sent: suppressed after this email was queued. ${live.map(suppressionSentence).join(' ')}`,
    };
  return { go: true };
}
