import type { Voice } from '@sendwell/core';

/**
 * TEMPORARY: the pane's issue-9 labels that core's catalog does not have yet (template search,
 * recently used, send at, cancel, the campaign section). Every sentence about a status, a result or
 * a refusal comes from core's voice; these are only labels. The lead moves them into
 * `core/src/voice/messages` (en + zh-Hans, key-parity test) and this file goes.
 */
const EN = {
  searchTemplates: 'Search templates',
  recentlyUsed: 'Recently used',
  noMatches: 'No template matches “{q}”.',
  sendAt: 'Send at (your time, {zone})',
  sendAtEmpty: 'Leave empty to send now.',
  sendAtInvalid: 'Pick the date and time with the picker.',
  cancelSend: 'Cancel send',
  campaigns: 'Campaigns',
  chooseCampaign: 'Choose a campaign…',
  noCampaigns: 'You have no active campaign.',
  noRecipients: 'Add recipients to the draft to see their campaigns.',
  notInCampaign: 'not in a campaign',
  checkRecipients: 'Check the recipients again',
  inCampaign: '{campaign}: {status}',
};

type PaneWordKey = keyof typeof EN;

const ZH_HANS: Record<PaneWordKey, string> = {
  searchTemplates: '搜索模板',
  recentlyUsed: '最近使用',
  noMatches: '没有与“{q}”匹配的模板。',
  sendAt: '发送时间（您的时区：{zone}）',
  sendAtEmpty: '留空则立即发送。',
  sendAtInvalid: '请用选择器选择日期和时间。',
  cancelSend: '取消发送',
  campaigns: '活动',
  chooseCampaign: '选择活动…',
  noCampaigns: '您没有进行中的活动。',
  noRecipients: '在草稿中添加收件人后可查看其活动。',
  notInCampaign: '未加入活动',
  checkRecipients: '重新检查收件人',
  inCampaign: '{campaign}：{status}',
};

export type PaneWord = (key: PaneWordKey, params?: Record<string, string | number>) => string;

/** The label in the voice's language, `{placeholders}` filled (numbers through the voice). */
export function paneWords(voice: Voice): PaneWord {
  const catalog = voice.locale === 'zh-Hans' ? ZH_HANS : EN;
  return (key, params = {}) =>
    catalog[key].replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = params[name];
      return typeof value === 'number' ? voice.number(value) : (value ?? `{${name}}`);
    });
}
