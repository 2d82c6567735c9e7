import {
  batchInfo,
  type Clock,
  countDeliveries,
  DAY_MS,
  type Host,
  type QuotaInfo,
  quotaInfo,
  quotaSnapshot,
  type TemplateAnalytics,
} from '@sendwell/core';
import { profileForLane } from '../channels/profiles';
import type { Db } from '../store/db';
import { listTemplateEvents } from '../store/events';
import type { UserRow } from '../store/rows';
import { countQueued, listReservations } from '../store/sends';
import { findMailboxBatch } from '../store/teamSettings';
import { findVisibleTemplate } from '../store/templates';
import { findMailbox } from '../store/users';
import { ApiError } from './errors';
import { eventDeliveries } from './eventDeliveries';
import { channelFor } from './identity';

/**
 * Today's budget of the mailbox a send from `host` would use: the API's and the add-on's quota view.
 * Each window carries the provider's ceiling, our margin and target, so the voice can say "412 of 1,800
 * · Gmail allows 2,000; Sendwell stops at 90%" without knowing the profiles.
 */
export async function quotaFor(db: Db, clock: Clock, user: UserRow, host: Host): Promise<QuotaInfo<Date>> {
  const decision = await channelFor(db, user, host);
  const mailbox = await findMailbox(db, decision.channel.id);
  if (!mailbox) throw new ApiError(404, 'mailbox-not-found', 'No mailbox for this channel.');
  const now = clock.now();
  const history = await listReservations(db, mailbox.id, new Date(now.getTime() - DAY_MS));
  const paused = mailbox.pausedUntil && mailbox.pausedUntil > now ? mailbox.pausedUntil : null;
  // An SMTP lane's budget is its own limits, a native mailbox's its provider's.
  const profile = profileForLane(mailbox);
  const snapshot = quotaSnapshot(profile, history, now, { pausedUntil: paused });
  const extras = {
    pausedUntil: paused,
    pauseReason: mailbox.pauseReason,
    queued: await countQueued(db, mailbox.id),
  };
  // The batch the planner applies to this lane: its profile's own setting, else the team's.
  const batch = await findMailboxBatch(db, mailbox.id, profile.id);
  return {
    ...quotaInfo(profile, snapshot, extras, (at) => at),
    batch: batch ? batchInfo(profile, batch) : null,
  };
}

/**
 * Delivery counts of one template the user can see (a team template or their own personal one),
 * for the team and for the user, messages and recipients apart; 404 for any other template (another
 * team's, or a teammate's personal one: its numbers are theirs, and a 404 does not say it exists).
 */
export async function templateAnalytics(
  db: Db,
  user: UserRow,
  templateId: string,
): Promise<TemplateAnalytics> {
  if (!(await findVisibleTemplate(db, user, templateId))) {
    throw new ApiError(404, 'template-not-found', `No template ${templateId} in your templates.`);
  }
  const events = await listTemplateEvents(db, templateId);
  const team = countDeliveries(eventDeliveries(events));
  const mine = countDeliveries(eventDeliveries(events.filter((e) => e.userId === user.id)));
  return { templateId, team, mine };
}
