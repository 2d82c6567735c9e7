import { noticeCard } from '../cards/noticeCard';
import { pushCard, updateCard } from '../cards/responses';
import type { AddonResponse } from '../cards/types';
import type { NoticeView, Refused } from '../deps';
import { parameter } from '../event';
import { type AddonContext, orNull } from './context';
import { loadHomeCard, onHome } from './home';

/** The notice behind the open message, or null: not a notice, unreadable, or no message at all. */
async function noticeOf(ctx: AddonContext, messageId: string | undefined): Promise<NoticeView | null> {
  if (!messageId) return null;
  const notice = await orNull(ctx.deps.bounceNotice(ctx.user.userId, messageId));
  return notice?.recipients.length ? notice : null;
}

/**
 * The message-open (contextual) trigger: a bounce notice gets the notice card; any other message
 * keeps the home card it always had.
 */
export async function onOpen(ctx: AddonContext): Promise<AddonResponse> {
  const messageId = ctx.event.gmail?.messageId;
  const notice = await noticeOf(ctx, messageId);
  if (!notice || !messageId) return onHome(ctx);
  return pushCard(noticeCard({ addonUrl: ctx.deps.addonUrl, messageId, notice, voice: ctx.voice }));
}

/** After an action: the notice card read again (the person's status changed), with a toast. */
async function again(ctx: AddonContext, text: string): Promise<AddonResponse> {
  const messageId = parameter(ctx.event, 'messageId');
  const notice = await noticeOf(ctx, messageId);
  if (!notice || !messageId) return updateCard(await loadHomeCard(ctx), text);
  return updateCard(noticeCard({ addonUrl: ctx.deps.addonUrl, messageId, notice, voice: ctx.voice }), text);
}

const refusedText = (r: Refused) => r.message;

/** "Remove from campaign" on the notice card: the person leaves the rep's active campaigns. */
export async function onNoticeRemove(ctx: AddonContext): Promise<AddonResponse> {
  const email = parameter(ctx.event, 'email') ?? '';
  const outcome = await ctx.deps.removePerson(ctx.user.userId, email);
  return again(
    ctx,
    outcome.outcome === 'refused' ? refusedText(outcome) : ctx.voice.t('person.removed', { email }),
  );
}

/** "Suppress" on the notice card: no Sendwell email reaches this address for the team any more. */
export async function onNoticeSuppress(ctx: AddonContext): Promise<AddonResponse> {
  const email = parameter(ctx.event, 'email') ?? '';
  const outcome = await ctx.deps.suppress(ctx.user.userId, email);
  return again(
    ctx,
    outcome.outcome === 'refused' ? refusedText(outcome) : ctx.voice.t('person.suppressedNow', { email }),
  );
}
