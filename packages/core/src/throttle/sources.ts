import type { LimitSource } from './types';

/** Where each profile figure comes from: the provider's page, and where our notes quote it. */
export const EXCHANGE: LimitSource = {
  title: 'Exchange Online limits (service description), "Sending limits"',
  url: 'https://learn.microsoft.com/office365/servicedescriptions/exchange-online-service-description/exchange-online-limits',
  reference: 'office-addin.md §6.1; marketo-docs.md §1',
};
export const OUTLOOK_COM: LimitSource = {
  title: 'Microsoft Support, "Sending limits in Outlook.com" (Microsoft 365 subscribers)',
  reference: 'office-addin.md §6.2',
};
export const WORKSPACE: LimitSource = {
  title: 'Google Workspace Admin Help, "Gmail sending limits in Google Workspace"',
  url: 'https://support.google.com/a/answer/166852',
  reference: 'gmail-addon.md §3.1; marketo-docs.md §1',
};
export const CONSUMER: LimitSource = {
  title: 'Gmail Help, "Limits for sending & getting mail"',
  url: 'https://support.google.com/mail/answer/22839',
  reference: 'gmail-addon.md §3.2',
};
export const GMAIL_API: LimitSource = {
  title: 'Gmail API usage limits: 6,000 quota units per user per minute; messages.send costs 100 units',
  url: 'https://developers.google.com/workspace/gmail/api/reference/quota',
  reference: 'gmail-addon.md §3.3',
};
export const OURS: LimitSource = {
  title: 'Sendwell default for a server whose limits we cannot know; set yours',
  reference:
    'marketo-docs.md §1: SMTP servers cut senders off ("100 emails per minute"), Marketo does not pace them',
};
