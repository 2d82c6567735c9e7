import { systemClock } from '@sendwell/core';
import { CAMPAIGN_INPUT, type ComposeExtras, SEARCH_INPUT, SEND_AT_INPUT } from '../cards/composeExtras';
import { dateTimeValue, draftRecipients, formValue, parameter } from '../event';
import { type AddonContext, orNull } from './context';

/** Minutes east of UTC in `timeZone` at `at` (what the date-time picker wants), via Intl. */
export function zoneOffsetMinutes(timeZone: string, at: Date): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name ?? '');
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

/** The "send at" the rep picked: the picker's value, else the one the confirm card carried back. */
export function sendAtOf(ctx: AddonContext): Date | null {
  const picked = dateTimeValue(ctx.event, SEND_AT_INPUT);
  if (picked) return picked;
  const carried = parameter(ctx.event, 'sendAt');
  const at = carried ? new Date(carried) : null;
  return at && !Number.isNaN(at.getTime()) ? at : null;
}

/** People whose campaigns the card shows (one status read each); Add to campaign still takes all of To. */
const PEOPLE_SHOWN = 10;

/** The draft's To addresses, each once (case-insensitive), as the rep typed them. */
function toAddresses(ctx: AddonContext): string[] {
  const seen = new Map<string, string>();
  for (const r of draftRecipients(ctx.event).to)
    if (!seen.has(r.email.toLowerCase())) seen.set(r.email.toLowerCase(), r.email);
  return [...seen.values()];
}

async function personOf(ctx: AddonContext, email: string) {
  const answer = await orNull(ctx.deps.personStatus(ctx.user.userId, email));
  return answer?.outcome === 'person' ? answer.person : null;
}

/**
 * What the compose card's extras show: the search's matches, the rep's recent templates, the chosen
 * "send at", and the To people's campaigns. Optional panels degrade to "not shown", never a failure.
 */
export async function loadComposeExtras(ctx: AddonContext): Promise<ComposeExtras> {
  const { deps, user, event, voice } = ctx;
  const query = formValue(event, SEARCH_INPUT)?.trim() ?? '';
  const emails = toAddresses(ctx).slice(0, PEOPLE_SHOWN);
  const [results, recent, people, campaigns] = await Promise.all([
    query ? deps.searchTemplates(user.userId, query) : Promise.resolve(null),
    orNull(deps.recentTemplates(user.userId)),
    Promise.all(emails.map(async (email) => ({ email, person: await personOf(ctx, email) }))),
    emails.length ? orNull(deps.campaigns(user.userId)) : Promise.resolve([]),
  ]);
  return {
    search: { query, results },
    recent: recent ?? [],
    sendAt: sendAtOf(ctx),
    zoneOffsetMinutes: zoneOffsetMinutes(voice.timeZone, (deps.clock ?? systemClock).now()),
    people,
    campaigns: campaigns ?? [],
    selectedCampaignId: formValue(event, CAMPAIGN_INPUT),
  };
}
