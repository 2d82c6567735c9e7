import type { AnalyticsCounts, ChannelInfo, TemplateAnalytics } from '../api/wire';
import type { ChannelKind, Host, ProviderKind } from '../channel/types';
import type { ConnectionInfo } from '../connection/types';
import { serverReasonWords } from './campaigns';
import { campaignRowWords, sendNewsWords, strayReplyWords, suppressionRowWords } from './feedNewsWords';
import { slotWords } from './quota';
import { reasonWords } from './reasons';
import type { Speaker } from './speaker';
import type {
  AnalyticsScope,
  ChannelWords,
  ConnectionRow,
  ConnectionWords,
  FeedRow,
  Line,
  RecipientOutcome,
  RowWords,
  SendRow,
} from './types';

const HOST_NAME: Record<Exclude<Host, 'web'>, string> = { outlook: 'Outlook', gmail: 'Gmail' };
const PROVIDER_NAME: Record<ProviderKind, string> = {
  exchange: 'Exchange Online',
  gmail: 'Gmail',
  'exchange-server': 'Exchange Server',
};
const isProvider = (kind: ChannelKind): kind is ProviderKind => Object.hasOwn(PROVIDER_NAME, kind);
const HOST_PROVIDER: Record<Exclude<Host, 'web'>, ProviderKind> = { outlook: 'exchange', gmail: 'gmail' };

/** Native mailboxes are named by the voice; an admin-named channel (SMTP, legacy) keeps its label. */
function channelLabel(s: Speaker, channel: { kind: ChannelKind; label: string }): string {
  return isProvider(channel.kind) ? s.t(`channel.label.${channel.kind}`) : channel.label;
}

export function channelWords(s: Speaker, info: ChannelInfo, host: Host): ChannelWords {
  const forced =
    host !== 'web' && info.forced
      ? s.t('channel.forced', {
          host: HOST_NAME[host],
          provider: PROVIDER_NAME[isProvider(info.channel.kind) ? info.channel.kind : HOST_PROVIDER[host]],
        })
      : null;
  return {
    title: s.t('channel.title', { label: channelLabel(s, info.channel) }),
    address: info.channel.address,
    forced,
    override: info.override
      ? s.t('channel.override', { label: channelLabel(s, info.override.defaultChannel) })
      : null,
  };
}

/** Why a host cannot send (the 409 `no-native-mailbox` / `no-default-channel`), in the rep's language. */
export function unavailableWords(
  s: Speaker,
  reason: 'no-native-mailbox' | 'no-default-channel',
  host: Host,
): string {
  if (reason === 'no-default-channel' || host === 'web') return s.t('channel.noDefaultChannel');
  return s.t('channel.noNativeMailbox', {
    host: HOST_NAME[host],
    provider: PROVIDER_NAME[HOST_PROVIDER[host]],
  });
}

/** One recipient's fate: a delay never borrows the "expired" reason, so it never reads as a failure. */
export function outcomeWords(s: Speaker, r: RecipientOutcome): Line {
  const withStatus = (text: string) => (r.status ? s.t('outcome.status', { text, status: r.status }) : text);
  switch (r.state) {
    case 'sent':
      return { tone: 'success', text: s.t('outcome.sent', { address: r.address }) };
    case 'delayed':
      return {
        tone: 'warning',
        text: r.retryUntil
          ? s.t('outcome.delayedUntil', { address: r.address, time: s.time(r.retryUntil) })
          : s.t('outcome.delayed', { address: r.address }),
      };
    case 'bounced': {
      const key =
        r.hard === true ? 'outcome.hard' : r.hard === false ? 'outcome.soft' : 'outcome.unclassified';
      return {
        tone: 'error',
        text: withStatus(s.t(key, { address: r.address, reason: reasonWords(s, r.reason) })),
      };
    }
  }
}

/** The send's status line for where it is in its life; it is rebuilt from the row, so never stale. */
export function sendStatus(s: Speaker, row: SendRow): Line {
  switch (row.phase) {
    case 'failed':
      return {
        tone: 'error',
        text: row.error
          ? s.t('send.failed', { time: s.time(row.failedAt ?? row.updatedAt), error: row.error })
          : s.t('send.failedNoError', { time: s.time(row.failedAt ?? row.updatedAt) }),
      };
    case 'cancelled': {
      const time = s.time(row.cancelledAt ?? row.updatedAt);
      if (row.cancelReason)
        return {
          tone: 'info',
          text: s.t('send.cancelledWhy', { time, why: serverReasonWords(s, row.cancelReason) }),
        };
      return {
        tone: 'info',
        text: row.cancelledBy
          ? s.t('send.cancelledBy', { name: row.cancelledBy, time })
          : s.t('send.cancelled', { time }),
      };
    }
    case 'sent':
      return { tone: 'success', text: s.t('send.sent', { time: s.time(row.sentAt ?? row.updatedAt) }) };
    case 'queued': {
      if (row.held) return { tone: 'warning', text: s.t(`send.held.${row.held.state}`) };
      const later = row.sendAt && new Date(row.sendAt) > s.clock.now();
      return {
        tone: 'info',
        text: later ? s.t('send.queuedFor', { time: s.time(row.sendAt!) }) : s.t('send.queuedNow'),
      };
    }
  }
}

function sendRowWords(s: Speaker, row: SendRow): RowWords {
  const to = row.to.length ? row.to.join(s.t('list.comma')) : s.t('send.noRecipient');
  const status = sendStatus(s, row);
  const news = row.recipients.filter((r) => r.state !== 'sent');
  const bounced = news.filter((r) => r.state === 'bounced').length;
  const delayed = news.length - bounced;
  const tone = bounced || row.optOut === 'complaint' ? 'error' : delayed ? 'warning' : status.tone;
  const waiting = row.phase === 'queued' && row.sendAt && new Date(row.sendAt) > s.clock.now();
  const replies = sendNewsWords(s, row);
  return {
    tone,
    title: s.t(`send.title.${row.phase}`, { to }),
    detail:
      s.join(
        bounced > 0 && s.count('outcome.summary.bounced', bounced),
        delayed > 0 && s.count('outcome.summary.delayed', delayed),
        ...replies.parts,
        waiting && slotWords(s, row.slot),
      ) || null,
    status: status.text,
    recipients: [...news.map((r) => outcomeWords(s, r)), ...replies.lines],
    time: s.time(row.updatedAt),
  };
}

/** A feed row in the rep's words. */
export function rowWords(s: Speaker, row: FeedRow): RowWords {
  const time = s.time(row.updatedAt);
  switch (row.kind) {
    case 'send':
      return sendRowWords(s, row);
    case 'pause': {
      const title = row.until
        ? s.t('feed.pausedUntil', { time: s.time(row.until) })
        : s.t('feed.pausedNoUntil');
      return { tone: 'warning', title, detail: row.reason, status: title, recipients: [], time };
    }
    case 'resume': {
      const title = s.t('feed.resumed');
      return { tone: 'success', title, detail: row.reason, status: title, recipients: [], time };
    }
    case 'bounce': {
      const line = outcomeWords(s, row.recipient);
      const title = s.t('feed.strayBounce', { address: row.recipient.address });
      return { tone: line.tone, title, detail: null, status: line.text, recipients: [line], time };
    }
    case 'connection':
      return connectionRowWords(s, row, time);
    case 'campaign':
      return campaignRowWords(s, row, time);
    case 'suppression':
      return suppressionRowWords(s, row, time);
    case 'reply':
      return strayReplyWords(s, row, time);
  }
}

function connectionRowWords(s: Speaker, row: ConnectionRow, time: string): RowWords {
  const title = s.t(`feed.${row.event}`, { address: row.address ?? '' });
  const lost = row.event === 'connection.needs-reconnect';
  const detail = lost
    ? row.problem
      ? s.t(`connection.problem.${row.problem}`, { provider: '' })
      : null
    : row.released > 0
      ? s.count('feed.connection.released', row.released)
      : null;
  const tone = lost || row.event === 'connection.disabled' ? 'warning' : 'success';
  return { tone, title, detail, status: title, recipients: [], time };
}

/** What a banner says about the rep's mailbox for a host: connect, fine, reconnect, or why not. */
export function connectionWords(
  s: Speaker,
  info: ConnectionInfo | null,
  provider: ProviderKind,
): ConnectionWords {
  const name = s.t(`connection.provider.${info?.provider ?? provider}`);
  if (!info)
    return {
      tone: 'info',
      title: s.t('connection.title.none', { provider: name }),
      detail: s.t('connection.detail.none'),
      action: 'connect',
      actionLabel: s.t('connection.action.connect'),
    };
  const noBounces = info.bounceTracking ? null : s.t('connection.noBounceTracking');
  switch (info.state) {
    case 'connected':
      return {
        tone: 'success',
        title: s.t('connection.title.connected', { provider: name, address: info.address }),
        detail: noBounces,
        action: null,
        actionLabel: null,
      };
    case 'needs-reconnect':
      return {
        tone: 'warning',
        title: s.t('connection.title.needsReconnect', { provider: name }),
        detail: s.sentences(
          info.problem && s.t(`connection.problem.${info.problem}`, { provider: name }),
          info.heldSends > 0 && s.count('connection.held', info.heldSends),
        ),
        action: 'reconnect',
        actionLabel: s.t('connection.action.reconnect'),
      };
    case 'disconnected':
      return {
        tone: 'info',
        title: s.t('connection.title.disconnected', { provider: name }),
        detail: s.t('connection.detail.disconnected'),
        action: 'connect',
        actionLabel: s.t('connection.action.connect'),
      };
    case 'disabled':
      return {
        tone: 'error',
        title: s.t('connection.title.disabled', { provider: name }),
        detail: s.t('connection.detail.disabled'),
        action: null,
        actionLabel: null,
      };
  }
}

/**
 * "Team · 4 messages to 5 recipients · 1 recipient bounced · 1 message replied · 25% reply rate" —
 * scope always said, units never mixed (replies count messages, bounces count recipients).
 */
export function analyticsWords(s: Speaker, a: TemplateAnalytics, scope: AnalyticsScope): string {
  const c: AnalyticsCounts = a[scope];
  const who = s.t(`analytics.scope.${scope}`);
  if (c.messages === 0 && c.recipientsBounced === 0) return s.t('analytics.none', { scope: who });
  return s.join(
    s.t('analytics.summary', {
      scope: who,
      messages: s.count('count.messages', c.messages),
      recipients: s.count('count.recipients', c.recipients),
    }),
    c.recipientsBounced > 0 && s.count('analytics.bounced', c.recipientsBounced),
    c.recipientsDelayed > 0 && s.count('analytics.delayed', c.recipientsDelayed),
    c.messagesReplied > 0 && s.count('analytics.replied', c.messagesReplied),
    c.messagesReplied > 0 &&
      c.messages > 0 &&
      s.t('analytics.replyRate', { rate: s.percent(c.messagesReplied / c.messages) }),
  );
}

/** "1 hard · 0 soft · 0 delayed (recipients)". */
export function analyticsDetailWords(s: Speaker, c: AnalyticsCounts): string {
  return s.t('analytics.detail', {
    hard: s.number(c.recipientsHardBounced),
    soft: s.number(c.recipientsSoftBounced),
    delayed: s.number(c.recipientsDelayed),
  });
}
