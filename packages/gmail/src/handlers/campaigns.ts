import type { EnrolAnswer, EnrolPerson } from '@sendwell/core';
import type { ComposeStatus } from '../cards/composeCard';
import { CAMPAIGN_INPUT } from '../cards/composeExtras';
import { updateCard } from '../cards/responses';
import type { AddonResponse } from '../cards/types';
import { draftRecipients, formValue, parameter } from '../event';
import { loadComposeCard, sessionOf } from './compose';
import type { AddonContext } from './context';

/** The compose card with an outcome (and the same words as a toast). */
async function showing(ctx: AddonContext, status: ComposeStatus): Promise<AddonResponse> {
  return updateCard(await loadComposeCard(ctx, { session: sessionOf(ctx), status }), status.text);
}

/** The draft's To people as enrolment rows: the display name lets the server fill first names. */
function peopleOf(ctx: AddonContext): EnrolPerson[] {
  return draftRecipients(ctx.event).to.map((r) => ({
    email: r.email,
    ...(r.displayName ? { displayName: r.displayName } : {}),
    fields: {},
  }));
}

/** "3 enrolled in “Intro”", then one line per refused row in the server's words. */
function enrolStatus(ctx: AddonContext, campaign: string, answer: EnrolAnswer): ComposeStatus {
  const details = answer.errors.map((e) => `${e.email ?? `#${e.row + 1}`}: ${e.message}`);
  return {
    kind: answer.enrolled > 0 ? 'info' : 'error',
    text: ctx.voice.count('campaign.enrolledIn', answer.enrolled, { campaign }),
    details,
  };
}

/** "Add to campaign": the draft's To people into the campaign picked on the card (source `gmail`). */
export async function onCampaignAdd(ctx: AddonContext): Promise<AddonResponse> {
  const { deps, user, event } = ctx;
  const people = peopleOf(ctx);
  const campaigns = await deps.campaigns(user.userId);
  const picked = formValue(event, CAMPAIGN_INPUT);
  const campaign = campaigns.find((k) => k.id === picked) ?? (picked ? undefined : campaigns[0]);
  if (!people.length) return showing(ctx, { kind: 'error', text: ctx.voice.t('campaign.noRecipients') });
  if (!campaign) return showing(ctx, { kind: 'error', text: ctx.voice.t('campaign.noneActive') });
  const outcome = await deps.enrol(user.userId, campaign.id, people);
  if (outcome.outcome === 'refused') return showing(ctx, { kind: 'error', text: outcome.message });
  return showing(ctx, enrolStatus(ctx, campaign.name, outcome.answer));
}

/** "Remove from campaign" on a person's row: out of every active campaign of the rep's they are in. */
export async function onPersonRemove(ctx: AddonContext): Promise<AddonResponse> {
  const email = parameter(ctx.event, 'email');
  if (!email) return showing(ctx, { kind: 'error', text: ctx.voice.t('campaign.noRecipients') });
  const outcome = await ctx.deps.removePerson(ctx.user.userId, email);
  if (outcome.outcome === 'refused') return showing(ctx, { kind: 'error', text: outcome.message });
  return showing(ctx, { kind: 'info', text: ctx.voice.t('person.removed', { email }) });
}
