import { homeCard } from '../cards/homeCard';
import { pushCard, updateCard } from '../cards/responses';
import type { AddonResponse, Card } from '../cards/types';
import { type AddonContext, orNull } from './context';

export const FEED_LIMIT = 10;

export async function loadHomeCard({ deps, user, offsetMinutes }: AddonContext): Promise<Card> {
  const [channel, quota, templates, feed] = await Promise.all([
    deps.channel(user.userId),
    orNull(deps.quota(user.userId)),
    deps.templates(user.userId),
    deps.recentFeed(user.userId, FEED_LIMIT),
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
    channel,
    quota,
    templates: withAnalytics,
    feed,
    offsetMinutes,
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
