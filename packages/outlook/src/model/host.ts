import type { AccountType } from '../office/types';

export type HostCheck =
  | { supported: true }
  | { supported: false; title: string; explanation: string; whatToDo: string };

const UNSUPPORTED: Record<Exclude<AccountType, 'office365'>, string> = {
  outlookCom:
    'This is an Outlook.com (personal) account. Sendwell sends from Outlook only through a Microsoft 365 work mailbox (Exchange Online).',
  enterprise:
    'This mailbox is on an on-premises Exchange server. Sendwell sends from Outlook only through Exchange Online (Microsoft 365).',
  gmail:
    'This is a Gmail account added to Outlook. Use the Sendwell add-on in Gmail for it; from Outlook, Sendwell sends only through Exchange Online.',
  unknown:
    'Outlook did not say what kind of account this is. Sendwell sends from Outlook only through an Exchange Online (Microsoft 365) mailbox.',
};

const WHAT_TO_DO: Record<Exclude<AccountType, 'office365'>, string> = {
  outlookCom:
    'Open this message from your Microsoft 365 work account in Outlook, or ask your Sendwell admin which mailbox to use.',
  enterprise:
    'Ask your IT team whether your mailbox can move to Exchange Online; until then, send from Outlook as usual.',
  gmail: 'Open Gmail in the browser and use the Sendwell add-on there.',
  unknown:
    'Open this message from your Microsoft 365 work account, or tell your Sendwell admin which Outlook you use.',
};

/**
 * Outlook sends always go through the rep's own Exchange Online mailbox (forced channel). Any other
 * account is explained, never silently sent through some other channel.
 */
export function checkHost(accountType: AccountType): HostCheck {
  if (accountType === 'office365') return { supported: true };
  return {
    supported: false,
    title: 'Sending is not available for this account',
    explanation: UNSUPPORTED[accountType],
    whatToDo: WHAT_TO_DO[accountType],
  };
}
