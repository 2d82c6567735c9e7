import { LEFT_REASONS, type LeftReason } from '../api/v1/campaigns';
import { breakerBannerWords, LEFT_TONE } from './campaigns';
import type { Speaker } from './speaker';
import { suppressionReasonWords } from './suppression';
import type { CampaignRow, Line, RowWords, SendRow, StrayReplyRow, SuppressionRow } from './types';

const isLeftReason = (r: string | null): r is LeftReason =>
  r !== null && (LEFT_REASONS as readonly string[]).includes(r);

/** What a send row adds for replies, opt-outs and engagement: summary parts and one line per reply. */
export function sendNewsWords(s: Speaker, row: SendRow): { parts: (string | false)[]; lines: Line[] } {
  const e = row.engagement;
  return {
    parts: [
      row.replies.length > 0 && s.count('outcome.summary.replied', row.replies.length),
      row.optOut !== null && s.t(row.optOut === 'complaint' ? 'outcome.complained' : 'outcome.unsubscribed'),
      e.opens > 0 && s.count('outcome.summary.opened', e.opens),
      e.clicks > 0 && s.count('outcome.summary.clicked', e.clicks),
      e.machine > 0 && s.count('outcome.summary.machine', e.machine),
    ],
    lines: [
      ...row.replies.map(
        (r): Line => ({ tone: 'success', text: s.t('outcome.replied', { address: r.from }) }),
      ),
      ...row.autoReplies.map((from): Line => ({ tone: 'info', text: s.t('feed.autoReply', { from }) })),
    ],
  };
}

/** A campaign row: who joined, left (and why), finished; the campaign paused (with the breaker's evidence) or resumed. */
export function campaignRowWords(s: Speaker, row: CampaignRow, time: string): RowWords {
  const campaign = row.campaignName ?? s.t('feed.aCampaign');
  const email = row.email ?? s.t('feed.someone');
  let tone: RowWords['tone'] = 'info';
  let title: string;
  let detail: string | null = null;
  switch (row.event) {
    case 'campaign.enrolled':
      title = s.count('feed.campaign.enrolled', row.count, { campaign });
      break;
    case 'campaign.left': {
      const reason = isLeftReason(row.reason) ? row.reason : 'removed';
      title = s.t('feed.campaign.left', { email, campaign });
      detail = s.t(`campaign.leftWhy.${reason}`);
      tone = LEFT_TONE[reason];
      break;
    }
    case 'campaign.finished':
      title = s.t('feed.campaign.finished', { email, campaign });
      tone = 'success';
      break;
    case 'campaign.paused': {
      title = s.t('feed.campaign.paused', { campaign });
      const banner = breakerBannerWords(
        s,
        row.reason === 'circuit-breaker'
          ? { by: 'circuit-breaker', at: row.updatedAt, ...row.breaker }
          : null,
        { isAdmin: false },
      );
      detail = banner ? s.join(banner.title, banner.detail) : null;
      tone = banner ? 'error' : 'warning';
      break;
    }
    case 'campaign.resumed':
      title = s.t('feed.campaign.resumed', { campaign });
      tone = 'success';
      break;
  }
  return { tone, title, detail, status: title, recipients: [], time };
}

export function suppressionRowWords(s: Speaker, row: SuppressionRow, time: string): RowWords {
  const email = row.email ?? s.t('feed.someone');
  const added = row.event === 'suppression.added';
  const title = s.t(added ? 'feed.suppression.added' : 'feed.suppression.lifted', { email });
  const detail = added && row.reason ? suppressionReasonWords(s, row.reason) : null;
  return { tone: added ? 'warning' : 'success', title, detail, status: title, recipients: [], time };
}

export function strayReplyWords(s: Speaker, row: StrayReplyRow, time: string): RowWords {
  const from = row.from ?? s.t('feed.someone');
  const title = s.t(row.auto ? 'feed.autoReply' : 'feed.reply', { from });
  return { tone: row.auto ? 'info' : 'success', title, detail: null, status: title, recipients: [], time };
}
