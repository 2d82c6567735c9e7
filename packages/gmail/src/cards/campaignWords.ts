import type { Enrolment, LeftReason, PersonStatus, Voice } from '@sendwell/core';

/**
 * TEMPORARY words for the issue-9 card extras (campaigns, schedule send, cancel, bounce notices),
 * en + zh-Hans, until core's voice has them (H1 owns `core/src/voice/**`; the lead moves these there).
 * `enrolmentLine` already prefers `voice.enrolmentStatus` when core provides it.
 */
const EN = {
  searchTemplates: 'Search templates',
  recentlyUsed: 'Recently used',
  noMatch: 'No template matches “{q}”.',
  sendAt: 'Send at (optional)',
  goesOut: 'Goes out {time}',
  campaigns: 'Campaigns',
  campaign: 'Campaign',
  addToCampaign: 'Add to campaign',
  noCampaigns: 'No active campaign to add them to.',
  noPeople: 'Add people to the draft’s To line first.',
  inNoCampaign: 'in no campaign',
  suppressed: 'suppressed: {message}',
  remove: 'Remove from campaign',
  suppress: 'Suppress',
  cancelSend: 'Cancel send',
  cancelled: 'Cancelled: it will not be sent.',
  enrolled: '{n} enrolled in “{campaign}”.',
  removed: '{email}: removed from their campaigns.',
  nothingToRemove: '{email} is in no active campaign.',
  suppressedNow: '{email} is suppressed for your team.',
  noticeTitle: 'Bounce notice',
  noticeSubtitle: 'What this notice means',
  hard: 'Hard bounce: this address will not accept mail',
  soft: 'Soft bounce: it may work later',
  delayed: 'Delayed: the provider is still trying',
  unknownKind: 'Bounce (the notice does not say hard or soft)',
  yourEmail: 'Your email',
  unattributed: 'Not tied to one of your Sendwell emails',
  finished: 'finished',
  active: 'active · step {n}',
  next: 'next {time}',
  'left.bounced': 'left: bounced',
  'left.replied': 'left: replied',
  'left.unsubscribed': 'left: unsubscribed',
  'left.complained': 'left: complained',
  'left.suppressed': 'left: suppressed',
  'left.removed': 'left: removed',
} as const;

type WordKey = keyof typeof EN;

const ZH: Record<WordKey, string> = {
  searchTemplates: '搜索模板',
  recentlyUsed: '最近使用',
  noMatch: '没有与“{q}”匹配的模板。',
  sendAt: '发送时间（可选）',
  goesOut: '{time}发出',
  campaigns: '营销活动',
  campaign: '活动',
  addToCampaign: '加入活动',
  noCampaigns: '没有可加入的进行中活动。',
  noPeople: '请先在草稿的“收件人”中添加联系人。',
  inNoCampaign: '未加入任何活动',
  suppressed: '已屏蔽：{message}',
  remove: '移出活动',
  suppress: '屏蔽',
  cancelSend: '取消发送',
  cancelled: '已取消：不会发送。',
  enrolled: '{n} 人已加入“{campaign}”。',
  removed: '{email}：已移出其活动。',
  nothingToRemove: '{email} 不在任何进行中的活动里。',
  suppressedNow: '{email} 已为您的团队屏蔽。',
  noticeTitle: '退信通知',
  noticeSubtitle: '这封通知说明了什么',
  hard: '硬退信：此地址不接收邮件',
  soft: '软退信：稍后可能送达',
  delayed: '延迟：服务商仍在重试',
  unknownKind: '退信（通知未说明软硬）',
  yourEmail: '您的邮件',
  unattributed: '无法对应到您通过 Sendwell 发送的邮件',
  finished: '已完成',
  active: '进行中 · 第 {n} 步',
  next: '下次 {time}',
  'left.bounced': '已退出：退信',
  'left.replied': '已退出：已回复',
  'left.unsubscribed': '已退出：已退订',
  'left.complained': '已退出：投诉',
  'left.suppressed': '已退出：已屏蔽',
  'left.removed': '已退出：已移出',
};

/** One of the temporary words in the voice's language, placeholders filled. */
export function word(voice: Voice, key: WordKey, params: Record<string, string | number> = {}): string {
  const text = voice.locale === 'zh-Hans' ? ZH[key] : EN[key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Core's wording once it exists (H1's `voice.enrolmentStatus`), without a compile-time dependency on it. */
type WithEnrolmentStatus = { enrolmentStatus?: (e: Enrolment) => unknown };

/** "left: bounced", "finished", "active · step 2 · next Tue 9:00". */
export function enrolmentLine(voice: Voice, enrolment: Enrolment): string {
  const fromCore = (voice as Voice & WithEnrolmentStatus).enrolmentStatus?.(enrolment);
  if (typeof fromCore === 'string') return fromCore;
  if (enrolment.status === 'left')
    return word(voice, `left.${(enrolment.leftReason ?? 'removed') as LeftReason}`);
  if (enrolment.status === 'finished') return word(voice, 'finished');
  const step = word(voice, 'active', { n: voice.number((enrolment.nextStep ?? enrolment.stepsSent) + 1) });
  return voice.join(step, enrolment.nextAt && word(voice, 'next', { time: voice.time(enrolment.nextAt) }));
}

/** Each campaign the person is in, with its status; the suppression first when there is one. */
export function personLines(voice: Voice, person: PersonStatus): string[] {
  const lines = person.enrolments.map((e) => `${e.campaignName}: ${enrolmentLine(voice, e)}`);
  const suppressed = person.suppression
    ? [word(voice, 'suppressed', { message: person.suppression.message })]
    : [];
  const all = [...suppressed, ...lines];
  return all.length ? all : [word(voice, 'inNoCampaign')];
}
