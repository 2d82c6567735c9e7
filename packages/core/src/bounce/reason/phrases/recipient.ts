import type { Phrase } from './types';

/** The address does not exist (local part unknown). */
export const USER_UNKNOWN: Phrase[] = [
  'user unknown', 'unknown user', 'no such user', 'no such mailbox', 'no such recipient', 'no such address',
  'no such person', 'unknown recipient', 'recipient unknown', 'unknown mailbox', 'mailbox not found',
  'mailbox does not exist', 'mailbox unavailable', 'mailbox is unavailable', 'mailbox not present',
  'mailbox invalid', 'invalid mailbox', 'invalid recipient', 'invalid address', 'address unknown',
  'address does not exist', 'address not present in directory', 'user does not exist', 'user not found',
  'user not exist', 'user not known', 'user not active', 'is not a known user', 'is not a valid mailbox',
  'not a valid recipient', 'not a valid user', 'recipient not found', 'recipient does not exist',
  'recipient not exist', 'recipient is not local', 'recipient not ok', 'no mailbox here by that name',
  'no mailbox by that name', 'no account by that name', 'account does not exist', 'email account that you tried to reach does not exist',
  'email address could not be found', 'email address does not exist', 'destination addresses were unknown',
  'no valid recipients', "isn't in my list of allowed rcpthosts", 'not in my validrcptto list',
  'badrcptto', 'badrecipientto', 'sorry, no mailbox', 'there is no one at this address',
  'this address no longer accepts mail', 'resolver.adr.recipientnotfound', 'recipientnotfound',
  'recipient address rejected: user unknown', 'recipient address rejected: unknown user',
  'recipient address rejected: invalid user', 'recipient address rejected: undeliverable address',
  'recipient address rejected: access denied', 'address rejected: userunknown', 'unknown local part', 'unknown local-part',
  'vdeliver: invalid or unknown virtual user', 'user missing home directory', 'no mail box available for this user',
  'utilisateur inconnu', 'no existe', 'nessun utente', 'unbekannt', 'does not have an account here',
  'the following recipients was undeliverable', "the user's email name is not found",
  'not our customer', 'not listed in domino directory', 'not listed in public name & address book',
  /\buser \S+ (does not exist|was not found|unknown)/, /\brecipient \S+ was not found in/,
  /mailbox \S+ does not exist/, /rcpt <[^>]*> does not exist/, /<[^>]+> not found/, /\bnon-?existent user/,
  /unknown e-?mail address/, /\bbad (destination )?recipient/, /said: 550[- ]5\.1\.1 /,
];

/** The mailbox is over quota. */
export const MAILBOX_FULL: Phrase[] = [
  'mailbox full', 'mailbox is full', 'full mailbox', 'mailbox size limit exceeded', 'mailbox exceeds allowed size',
  'mailbox would exceed', 'mailfolder is full', 'quota exceeded', 'over quota', 'overquota', 'exceeded storage allocation',
  'exceeded the quota', 'exceeds quota', 'quota violation', 'no space left on device', 'insufficient disk space',
  'not sufficient disk space', 'not enough storage space', "user's space has been used up", 'user has exceeded quota',
  'user has too many messages', 'too much mail data', 'boite du destinataire pleine', 'mailbox has exceeded',
  'account is over', 'disk quota', 'maildir over quota', 'recipient storage full', 'storage quota',
  /mailbox (is )?(currently )?(over|full|exceeded|out of)/, /\bquota (has been |was )?exceeded/, /enough \S*\s?space/,
  /mailbox \S+ (is )?full/, /account is \S+ quota/,
];

/** The account exists but is disabled or suspended. */
export const SUSPEND: Phrase[] = [
  'account disabled', 'account has been disabled', 'account is disabled', 'account is suspended',
  'account has been suspended', 'account suspended', 'mailbox disabled', 'mailbox is disabled', 'mailbox has been disabled',
  'mailbox is inactive', 'mailbox has been suspended', 'account is inactive', 'account inactive', 'account is locked',
  'is a deactivated mailbox', 'recipient suspended', 'user suspended', 'this account has been disabled',
  'invalid/inactive user', 'email account is inactive', 'boite du destinataire archivee', 'mailbox unavailable or access denied',
  'addressee unavailable', 'recipient mailbox is inactive', 'currently suspended', 'is not available',
  'has been temporarily disabled', 'account expired', 'account frozen',
];

/** The mailbox has moved with no forwarding. */
export const HAS_MOVED: Phrase[] = [' has been replaced by ', 'address has changed', 'no longer at this address', 'has moved to'];

/** The recipient (or its rules) refused this sender/message. */
export const FILTERED: Phrase[] = [
  'message filtered', 'message rejected due to user rules', 'user refuses to receive this mail', 'user reject',
  'refused due to recipient preferences', 'you have been blocked by the recipient', 'recipient is only accepting mail from',
  'account is protected by', 'has restricted sms e-mail', 'recipient id refuse to receive mail', 'is not accepting any mail',
  'bounced address', 'not found recipient account',
];
