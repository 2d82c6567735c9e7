import type { OutcomeDeps } from '../services/outcomeDeps';
import { findBounceRules } from '../store/bounceRules';
import type { Db } from '../store/db';
import { insertEvent } from '../store/events';

/** What the breaker saw: the campaign's last `window` submitted sends, `bounced` of them failed. */
interface BreakerReading {
  sent: number;
  bounced: number;
  window: number;
  threshold: number;
}

/** The breaker's own record of why it stopped a campaign (the web app words it from the numbers). */
const breakerMessage = (r: BreakerReading) =>
  `Paused by the circuit breaker: ${r.bounced} of the last ${r.window} emails bounced (the team's limit is ${Math.round(r.threshold * 100)}%). A team admin can resume it.`;

/**
 * The last K submitted sends of the campaign and how many of them have a failure notice (delays
 * are not failures; a send with several notices counts once).
 */
export async function readBreaker(db: Db, campaignId: string, window: number, threshold: number) {
  const [row] = await db.query<{ sent: number | string; bounced: number | string }>(
    `with recent as (
       select id from sends where campaign_id = $1 and status = 'submitted'
        order by submitted_at desc, id desc limit $2)
     select (select count(*) from recent) as sent,
            (select count(distinct b.send_id) from bounces b
              where b.send_id in (select id from recent) and coalesce(b.action, '') <> 'delayed') as bounced`,
    [campaignId, window],
  );
  return { sent: Number(row?.sent ?? 0), bounced: Number(row?.bounced ?? 0), window, threshold };
}

/** Trips when at least K sends went and bounced / K reached the team's rate. */
export const trips = (r: BreakerReading) => r.sent >= r.window && r.bounced / r.window >= r.threshold;

/**
 * The campaign circuit breaker: after a bounce on a campaign send, look at the campaign's last K
 * submitted sends; when bounced / K reaches the team's rate, pause the campaign (`pause.by =
 * 'circuit-breaker'`), with a `campaign.paused` feed event for its owner; only an admin resumes it.
 * True when this call paused it (an already paused campaign is left as it is, and not re-announced).
 */
export async function checkBreaker(deps: OutcomeDeps, campaignId: string): Promise<boolean> {
  const [campaign] = await deps.db.query<{ tenant_id: string; status: string }>(
    'select tenant_id, status from campaigns where id = $1',
    [campaignId],
  );
  if (campaign?.status !== 'active') return false;
  const rules = await findBounceRules(deps.db, campaign.tenant_id);
  const reading = await readBreaker(deps.db, campaignId, rules.breakerWindow, rules.breakerRate);
  if (!trips(reading)) return false;
  const at = deps.clock.now();
  const pause = {
    by: 'circuit-breaker' as const,
    at: at.toISOString(),
    bounced: reading.bounced,
    window: reading.window,
    threshold: reading.threshold,
    message: breakerMessage(reading),
  };
  const event = await deps.db.transaction(async (tx) => {
    // Only an active campaign pauses: two bounces checked at once announce one pause.
    const [paused] = await tx.query<{ owner_id: string; name: string }>(
      `update campaigns set status = 'paused', pause = $2, updated_at = $3
        where id = $1 and status = 'active' returning owner_id, name`,
      [campaignId, JSON.stringify(pause), at],
    );
    if (!paused) return null;
    return insertEvent(tx, {
      userId: paused.owner_id,
      type: 'campaign.paused',
      sendId: null,
      templateId: null,
      recipient: null,
      detail: { campaignId, name: paused.name, campaignName: paused.name, ...pause },
      at,
    });
  });
  if (!event) return false;
  deps.hub.publish(event);
  deps.logger.info('campaign paused by the circuit breaker', { campaignId, ...reading });
  return true;
}
