import { homeCard } from '../cards/homeCard';
import { pushCard, updateCard } from '../cards/responses';
import type { AddonResponse, Card } from '../cards/types';
import { parameter } from '../event';
import { type AddonContext, bannerOf, orNull } from './context';

/** Events read for the feed: enough for ten sends through their life (queued, sent, bounces). */
const FEED_EVENTS = 50;

export async function loadHomeCard(ctx: AddonContext): Promise<Card> {
  const { deps, user, voice } = ctx;
  const [channel, quota, templates, feed] = await Promise.all([
    deps.channel(user.userId),
    orNull(deps.quota(user.userId)),
    deps.templates(user.userId),
    deps.recentFeed(user.userId, FEED_EVENTS),
  ]);
  const withAnalytics = await Promise.all(
    templates.map(async (template) => ({
      template,
      analytics: await deps.templateAnalytics(user.userId, template.id),
    })),
  );
  return homeCard({
    addonUrl: deps.addonUrl,
    email: user.email,
    userId: user.userId,
    channel,
    quota,
    templates: withAnalytics,
    feed,
    voice,
    banner: bannerOf(ctx),
  });
}

/** Homepage and message-open triggers. */
export async function onHome(ctx: AddonContext): Promise<AddonResponse> {
  return pushCard(await loadHomeCard(ctx));
}

/** The Refresh button: add-ons cannot receive pushes, so the rep pulls the feed. */
export async function onRefresh(ctx: AddonContext): Promise<AddonResponse> {
  return updateCard(await loadHomeCard(ctx));
}

/** "Cancel send" on a queued row: the outbox drops it (the server refuses once it is on its way). */
export async function onCancelSend(ctx: AddonContext): Promise<AddonResponse> {
  const sendId = parameter(ctx.event, 'sendId') ?? '';
  const outcome = await ctx.deps.cancelSend(ctx.user.userId, sendId);
  const text = outcome.outcome === 'cancelled' ? ctx.voice.t('compose.cancelled') : outcome.message;
  return updateCard(await loadHomeCard(ctx), text);
}
