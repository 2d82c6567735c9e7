import type { Phrase } from './types';

/**
 * The local part does not exist. Patterns are written against the lower-cased diagnostic; they are
 * families of wording ("user/recipient/mailbox ... unknown/not found/does not exist") rather than
 * one MTA's sentence, so unseen notices still match.
 */
export const USER_UNKNOWN: Phrase[] = [
  /\b(user|recipient|mailbox|addressee|account|e-?mail address|address|local.?part)( name)? (is )?(unknown|not found|not known|not exist|does ?n[o']t exist|doesn't exist|not present|invalid|unavail?able)\b/,
  /\bunknown (user|recipient|mailbox|address|e-?mail address|local.?part|virtual user)\b/,
  /\bno such (user|recipient|mailbox|address|person|account)\b/,
  /\b(recipient|user|addressee)( name)? (is )?not recogni[sz]ed\b/,
  /\binvalid (mailbox|recipient|address|user)\b/,
  /\b(is not|not) a (valid|known|local) (user|recipient|mailbox|address)\b/,
  /\bno (mailbox|account|mail box|one) (by that name|here|found|at this address|available for this user)/,
  /\b(user|recipient|mailbox|account) \S+ (does not exist|was not found|unknown|is unknown|not found)/,
  /\b(user|mailbox) \([^)]*\) unknown/,
  /<[^>]*> (not found|does not exist|unknown)/,
  /\bnon-?existent (user|recipient|mailbox)/,
  /recipient address rejected: (user unknown|unknown user|invalid user|invalid-recipient|userunknown|access denied|user .* does not exist)/,
  /requested action not taken: mailbox unavailable/,
  /\bbad (destination )?(recipient|address|mailbox)/,
  /recipient (not ok|is not accepted|is not local|refuses to accept)/,
  /\b(badrcptto|badrecipientto|validrcptto)\b/,
  /\bresolver\.adr\.recipient ?notfound/,
  /this (e-?mail )?address (no longer accepts mail|is wrong or no longer valid)/,
  /email account that you tried to reach does not exist/,
  /\bdestination (addresses were unknown|server rejected recipients)/,
  /envelope recipient (has been denied|is in my)/,
  /not in my list of allowed rcpthosts/,
  /user missing home directory/,
  /\bdoes not exist\.$/,
  /\baddress (rejected|invalid)\b.*\b5\.1\.[01]\b|\b5\.1\.[01]\b.*\baddress (rejected|invalid)\b/,
  /utilisateur inconnu|no existe (dicha persona|ese usuario)|nessun utente|adresse nicht gefunden|ist unbekannt/,
  /\bnot (an )?e-?mail address(es)?\b/,
  /can't accept user/,
  /\bthis user doesn'?t have an? \S+ account\b/,
  // Postfix's bare refusal of the recipient itself, nothing else said.
  /recipient address rejected\.? \(in reply to rcpt to command\)/,
  /no valid recipients/,
];

/** The mailbox is over its quota. */
export const MAILBOX_FULL: Phrase[] = [
  /\bmailbox\b.{0,30}\b(full|over ?quota|quota|exceed)/,
  /\b(full|over ?quota) mailbox/,
  /\bmail ?folder is full/,
  /\bover ?quota\b/,
  /\bquota\b.{0,20}\b(exceeded|violation|full)/,
  /\bexceed\w* .{0,20}\bquota/,
  /\bdisk ?quota\b/,
  /\b(insufficient|not enough|not sufficient|no) (disk |storage )?space\b/,
  /\benough \S* ?space/,
  /no space left on device/,
  /exceeded storage allocation/,
  /\bstorage (full|quota)\b/,
  /space has been used up/,
  /too many messages on the server/,
  /too much mail data/,
  /boite (du destinataire )?pleine/,
  /exceeding receiving limits/,
  /\baccount is \S+ ?quota/,
  /\bmaildir\b.{0,20}\bquota/,
];

/** The account exists but is disabled, suspended or archived. */
export const SUSPEND: Phrase[] = [
  /\b(account|mailbox|user|recipient)\b.{0,30}\b(suspended|disabled|deactivated|inactive|frozen|locked|terminated|archived|discontinued)\b/,
  /\b(suspended|disabled|deactivated|inactive|archived) (account|mailbox|user|recipient)\b/,
  /\bis currently suspended/,
  /has been (temporarily )?suspended/,
  / temporar(il)?y (locked|inactive)/,
  /mailbox unavailable or access denied/,
  /email account that you tried to reach is (disabled|inactive)/,
  /recipient suspend the service/,
  /user or domain is disabled/,
  /boite du destinataire archivee/,
  /this address no longer accepts mail/,
  /\b(recipient|user)('s)? (account|mailbox) is blocked\b/,
];

/** The mailbox moved and mail is not forwarded. */
export const HAS_MOVED: Phrase[] = [/ has been replaced by /];

/**
 * The recipient's own settings refuse this sender, at whatever command they say so ("walter IS NOT
 * ACCEPTING MAIL FROM THIS SENDER", "refused due to recipient preferences").
 */
export const RECIPIENT_CHOICE: Phrase[] = [
  /\bnot accepting (any )?(mail|messages|e-?mail) from (this|the|that|your) (sender|address)/,
  /refused due to recipient preferences|blocked by the recipient|rejected due to user rules/,
];

/** The recipient's own rules refused the message. */
export const FILTERED: Phrase[] = [
  /\bmessage filtered\b/,
  /rejected due to user rules/,
  /\b(user|recipient)s? (refuses?|rejects?|reject) /,
  /\buser reject\b/,
  /refused due to recipient preferences/,
  /blocked by the recipient/,
  /only accepting mail from specific/,
  /account is protected by/,
  /restricted sms e-mail/,
  /is not accepting any mail/,
  /\bbounced address\b/,
  /not found recipient account/,
  /\buser not found\b/,
];
