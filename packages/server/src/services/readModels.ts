import {
  type Clock,
  countDeliveries,
  DAY_MS,
  getProfile,
  type Host,
  quotaSnapshot,
  type TemplateAnalytics,
} from '@sendwell/core';
import type { Db } from '../store/db';
import { listTemplateEvents } from '../store/events';
import type { UserRow } from '../store/rows';
import { countQueued, listReservations } from '../store/sends';
import { findTemplate } from '../store/templates';
import { findMailbox } from '../store/users';
import { ApiError } from './errors';
import { eventDeliveries } from './eventDeliveries';
import { channelFor } from './identity';

/** Today's budget of the mailbox a send from `host` would use: the API's and the add-on's quota view. */
export async function quotaFor(db: Db, clock: Clock, user: UserRow, host: Host) {
  const decision = await channelFor(db, user, host);
  const mailbox = await findMailbox(db, decision.channel.id);
  if (!mailbox) throw new ApiError(404, 'mailbox-not-found', 'No mailbox for this channel.');
  const now = clock.now();
  const history = await listReservations(db, mailbox.id, new Date(now.getTime() - DAY_MS));
  const paused = mailbox.pausedUntil && mailbox.pausedUntil > now ? mailbox.pausedUntil : null;
  return {
    profileId: mailbox.profileId,
    ...quotaSnapshot(getProfile(mailbox.profileId), history, now),
    pausedUntil: paused,
    pauseReason: paused ? mailbox.pauseReason : null,
    queued: await countQueued(db, mailbox.id),
  };
}

/** Sent/bounced counters of one template of the user's team; 404 for another team's template. */
export async function templateAnalytics(
  db: Db,
  user: UserRow,
  templateId: string,
): Promise<TemplateAnalytics> {
  if (!(await findTemplate(db, user.tenantId, templateId))) {
    throw new ApiError(404, 'template-not-found', 'No such template in your team.');
  }
  return { templateId, ...countDeliveries(eventDeliveries(await listTemplateEvents(db, templateId))) };
}
