import type { AccountType } from '../office/types';

/** An account the pane cannot send from (the pane words why, and what to do, in the rep's language). */
type UnsupportedAccount = Exclude<AccountType, 'office365'>;

export type HostCheck = { supported: true } | { supported: false; accountType: UnsupportedAccount };

/**
 * Outlook sends always go through the rep's own Exchange Online mailbox (forced channel). Any other
 * account is explained, never silently sent through some other channel.
 */
export function checkHost(accountType: AccountType): HostCheck {
  if (accountType === 'office365') return { supported: true };
  return { supported: false, accountType };
}
