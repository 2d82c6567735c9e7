import type { Phrase } from './types';

/** The sending host or IP is refused (block lists, reputation of the connection, policy on the client). */
export const BLOCKED: Phrase[] = [
  /\bblocked using\b/,
  /\bblack ?list(ed)? (by|at|on)\b|\bis blacklisted\b|\bin a black ?list\b/,
  /\bblock ?list\b/,
  /\b(rbl|dnsbl|spamhaus|spamcop|sorbs|barracuda|abuseat|orbs)\b/,
  /\bclient host (rejected|blocked)\b|\bclient host .* blocked/,
  /\b(sender|sending|client|your|bad sender) ip( address)?\b.{0,40}\b(rejected|blocked|listed|not allowed|banned|forbidden)/,
  /\b(ip|host|network|server|mail server) .{0,40}\b(is|was|has been) (blocked|blacklisted|rejected|banned)/,
  /\bconnection (refused|dropped|reset|was dropped)\b/,
  /\bdynamic (ip|address|\/zombied)/,
  /\bresidential\b|\bdial-?up\b/,
  /\bnot (currently )?accepting (mail|connections) from your ip/,
  /\bhelo command rejected\b/,
  /\bgo away\b/,
  /use the smtp server of your isp/,
  /\bopen proxy\b/,
  /after initial connection/,
  /service not available, closing transmission channel/,
  /\bextreme bad ip\b/,
  /\bnot allowed to (connect|send mail from)\b/,
  /too many (spams|unwanted messages) from/,
  /(sending|you are sending) spam|currently sending spam/,
  /looks suspiciously like spammer/,
  /temporarily deferred due to .*complaints/,
  /requires confirmation|confirm this mail server/,
  /not passed validation/,
  /\bnot accepting connections\b/,
  /was blocked by /,
  /refused - see http|blocked - see http/,
  // The client is listed as an open relay or proxy ("no access from mail server [ip] which is an open relay").
  /\bno access from\b|\b(is|as) an open (relay|proxy)\b/,
  /\bsender ip address rejected\b/,
  // Outlook.com's SC-00x family: the sending IP sent too much unwanted mail.
  /messages from \S+ weren't sent|unwanted messages have been sent from/,
  /\binvalid (sending |client |source )?ip\b/,
  /abus detecte/,
];

/** The envelope sender (MAIL FROM) was refused. */
export const REJECTED: Phrase[] = [
  /\bsender\b.{0,25}\b(rejected|refused|blacklisted|not allowed|verify failed|was rejected|not pre-approved|is spammer|domain is empty)/,
  /\b(invalid|bogus|unroutable|null|empty( envelope)?) (sender|mail from)/,
  /\bdomain of sender address\b/,
  /\baddress rejected\b/,
  /\badministrative prohibition\b/,
  /\bbatv\b/,
  /backscatter/,
  /not on the recipient's list of senders/,
  /purported responsible address/,
  /valid sender domain/,
  /denied \[bouncedeny\]|valid-address-filter/,
  /delivery not authorized, message refused/,
  /senderfilterconfig/,
  /emetteur invalide/,
  /envelope blocked/,
  /no third-party dsns/,
  /fully qualified email address required/,
  /not a registered gateway user/,
  /mail from not owned by user/,
  /\bmx records for /,
  /returned mail not accepted here/,
  /recursive cname/,
  /rule imposed mailbox access/,
  /from a different address or alias/,
  /sender is in my black ?list/,
  /spam reporting address/,
  /empty email address/,
  /this server does not accept mail from/,
  /unsigned dsn/,
  /not allowed to post to this (mailing )?list/,
  // A list that takes posts only from its members refuses the sender (mlmmj, Mailman, LISTSERV).
  /\bnot (a )?(list )?(member|subscriber)s?\b( (of|to) (this|the) (mailing )?list)?/,
  /\bnot (authori[sz]ed|allowed|permitted) to (send|post)( mail| messages?)? to (the |this )?\S+ (mailing )?list\b/,
  /(to|from) an address that has been blacklisted/,
  /access to submit messages to this e-mail system has been rejected/,
  /your e-?mail address has been blacklisted/,
  /access denied \((in reply to mail from command|sender blacklisted)\)/,
];
/** Wording that looks like REJECTED but is about the recipient or the client IP. */
export const NOT_REJECTED: Phrase[] = [
  /recipient address(es)? rejected/,
  /5\.1\.0 address rejected/,
  /sender ip address rejected/,
];

export const POLICY_VIOLATION: Phrase[] = [
  /\b(denied|rejected|not accepted|blocked) (by|for|due to) (local |organi[sz]ation(al)? )?(polic|settings)/,
  /\bpolicy violation\b|\bviolat\w+ (of )?(our |local )?polic/,
  /\b(illegal|banned|prohibited|forbidden) attachment/,
  /\battachment( type)?s? (is |are )?not (allowed|permitted|accepted)\b/,
  /\bnot (allowed|permitted) by (our|the|local) polic/,
  /members-only list|closed mailing list/,
  /\bheader (error|are not accepted)\b/,
  /\bmessages with multiple addresses\b/,
  /\bprotocol violation\b/,
  /low priority/,
  /not subscribed to this group/,
  /content presents a potential/,
  /containing images or other attachments/,
  /mass mailer/,
  /not accepting mail with /,
  /security policies/,
  /without solving a captcha/,
];

export const SPAM_DETECTED: Phrase[] = [
  /\bspam\b(?!hous|cop)/,
  /\bunsolicited\b/,
  /\bbulk (e-?mail|mail|advertising)\b|\bbulk\.advertising/,
  /\bjunk\b/,
  /\bcontent filter\b/,
  /\bmessage content rejected\b|\bunacceptable content\b|\bbanned content\b|\bmail content denied\b/,
  /\brecurrent pattern detection\b/,
  /\bspam-?like\b/,
  /\buribl\b/,
  /\bprobability of being spam\b/,
  /\bantispam\b/,
  /\bour system has detected that this message is\b/,
  /\bmessage filtered\b/,
  /\bgreylisted\b.*\btry again/,
  /\bspamprofiler\b/,
  /\bblacklisted url\b/,
  /message rejected for policy reasons/,
  /sender domain listed at /,
  /spam points/,
  /rejecting mail content/,
];

export const AUTH_FAILURE: Phrase[] = [
  // "SPF ... fail/check": advice to "set up SPF records" is not a failure report.
  /\bspf\b.{0,40}\b(fail|violation|check|settings)|sender policy framework/,
  /\bdmarc\b/,
  /\bdkim\b.{0,30}\bfail/,
  /required authentication level/,
  /doesn't meet the authentication requirements/,
  /not allowed to send (mail\.|from <)/,
  /\b(bad|invalid|broken|missing) spf\b/,
  // Gmail's refusal of unauthenticated mail (SPF/DKIM), worded without naming either.
  /does not have authentication information|fails? to pass authentication checks/,
];

export const REQUIRE_PTR: Phrase[] = [
  /\breverse (dns|lookup|hostname)\b/,
  /\bptr\b/,
  /\brdns\b/,
  /cannot (find|resolve) your (hostname|address)/,
  /ip name lookup failed/,
  /mismatches client ip/,
  /unresolvable relay host name/,
  /forward dns entry does not point/,
  /unverifyable sending ips/,
  /dns lookup failure: .* try again later/,
  /client host name unknown/,
];

export const BAD_REPUTATION: Phrase[] = [/\breputation\b/, /\bip has a poor\b/];

export const VIRUS_DETECTED: Phrase[] = [/\bvirus\b|\bmalware\b|\binfected\b|\btrojan\b|\bworm found\b/];

export const SECURITY_ERROR: Phrase[] = [
  /\bauthentication (credentials invalid|failure|failed|required|turned on)\b/,
  /unauthenticated senders/,
  /\bnot authori[sz]ed to (send|perform)/,
  /verification failure/,
  /insecure mail relay/,
  /executable files are not allowed/,
  /dead domain/,
  /not subscribed to ses/,
  /you don't authenticate/,
  /authentification (invalide|requise)/,
  /turn on smtp authentication|smtp authentication (is )?required/,
];

export const NO_RELAYING: Phrase[] = [
  /\brelay(ing)? (access )?(denied|not permitted|not allowed|prohibited)\b/,
  /\b(no|not an open|insecure mail) relay/,
  /\b(unable|not allowed|not permitted) to relay\b/,
  /\bas a relay\b/,
  /relaying mail to /,
  /\bnot a gateway\b/,
  /not local host/,
  /configured to relay/,
  /list of allowed rcpthost/,
  /requires authentication when attempting to send to a non-local/,
  /we don't handle mail for/,
  /specified domain is not allowed/,
  /email address is not verified\./,
];

export const NOT_COMPLIANT_RFC: Phrase[] = [
  /duplicate header/,
  /not rfc ?5322 compliant|rfcmessagenoncompliant/,
  / multiple .* header/,
  // RFC 5322 allows several From: addresses only with a Sender:; Gmail refuses them.
  /multiple addresses in from:?/,
];
