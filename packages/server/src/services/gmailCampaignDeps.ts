import { emailAddressSchema, silentLogger } from '@sendwell/core';
import type { GmailAddonDeps, Refused, TemplateView } from '@sendwell/gmail';
import type { OwnedTemplate } from '../store/templates';
import { enrol } from './campaignEnrol';
import { personStatus, removePerson } from './campaignPeople';
import { listCampaigns } from './campaigns';
import { ApiError } from './errors';
import { type GmailDepsOptions, gmailMailbox, requireUser } from './gmailDeps';
import { readBounceNotice } from './gmailNotice';
import { cancelSend } from './sendQueue';
import { addManualSuppression } from './teamSuppressions';
import { listTemplatesFor, recentTemplatesFor } from './templates';

type CampaignPart = Pick<
  GmailAddonDeps,
  | 'searchTemplates'
  | 'recentTemplates'
  | 'cancelSend'
  | 'campaigns'
  | 'enrol'
  | 'personStatus'
  | 'removePerson'
  | 'suppress'
  | 'bounceNotice'
>;

const templateView = (t: OwnedTemplate): TemplateView => ({
  id: t.id,
  name: t.name,
  subject: t.subject,
  body: t.body,
});

/** A refusal the API would answer (its code and words) as data for the card; anything else throws. */
async function orRefused<T>(run: () => Promise<T>): Promise<T | Refused> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ApiError) return { outcome: 'refused', code: error.code, message: error.message };
    throw error;
  }
}

/** How many campaigns the picker lists: a rep has a handful running at once. */
const PICKER_CAMPAIGNS = 50;

/**
 * The issue-9 deps of the Gmail add-on (templates search and recent, cancel, campaigns, people,
 * suppression, bounce notices): the same services as `/api/v1`, as plain functions.
 */
export function gmailCampaignDeps(o: GmailDepsOptions): CampaignPart {
  const queue = { db: o.db, clock: o.clock, hub: o.hub, wake: o.wakeSender };
  const outcomes = { db: o.db, clock: o.clock, hub: o.hub, logger: o.logger ?? silentLogger };
  const user = (userId: string) => requireUser(o.db, userId);
  return {
    async searchTemplates(userId, query) {
      return (await listTemplatesFor(o.db, await user(userId), query)).map(templateView);
    },
    async recentTemplates(userId) {
      return (await recentTemplatesFor(o.db, await user(userId))).map(templateView);
    },
    async cancelSend(userId, sendId) {
      const rep = await user(userId);
      return orRefused(async () => {
        await cancelSend(queue, rep, sendId);
        return { outcome: 'cancelled' as const, sendId };
      });
    },
    async campaigns(userId) {
      const rep = await user(userId);
      // Only campaigns the rep may enrol into: their own (every one of the team for an admin).
      const scope = rep.role === 'admin' ? 'team' : 'mine';
      const page = await listCampaigns(o.db, rep, { scope, status: 'active', limit: PICKER_CAMPAIGNS });
      return page.items.map((c) => ({ id: c.id, name: c.name }));
    },
    async enrol(userId, campaignId, people) {
      const rep = await user(userId);
      return orRefused(async () => ({
        outcome: 'enrolled' as const,
        answer: await enrol(o, rep, campaignId, { people, source: 'gmail' }),
      }));
    },
    async personStatus(userId, email) {
      const rep = await user(userId);
      return orRefused(async () => ({
        outcome: 'person' as const,
        person: await personStatus(o.db, rep, email, o.clock.now()),
      }));
    },
    async removePerson(userId, email, campaignId) {
      const rep = await user(userId);
      return orRefused(async () => ({
        outcome: 'person' as const,
        person: await removePerson(o, rep, email, campaignId),
      }));
    },
    async suppress(userId, email) {
      const rep = await user(userId);
      const address = emailAddressSchema.safeParse(email);
      if (!address.success)
        return {
          outcome: 'refused',
          code: 'invalid-email',
          message: `Not suppressed: ${email} is not an email address.`,
        };
      return orRefused(async () => {
        await addManualSuppression(outcomes, rep, { email: address.data });
        return {
          outcome: 'suppressed' as const,
          person: await personStatus(o.db, rep, address.data, o.clock.now()),
        };
      });
    },
    async bounceNotice(userId, messageId) {
      if (!o.messagesFor) return null;
      const rep = await user(userId);
      const mailbox = await gmailMailbox(o.db, rep);
      return readBounceNotice(o.db, o.messagesFor(mailbox), mailbox, rep, messageId, o.clock.now());
    },
  };
}
