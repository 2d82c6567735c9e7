import type { Phrase } from './types';

/** The sending IP or host is blocked (blacklists, reputation, connection policy). */
export const BLOCKED: Phrase[] = [
  'blocked using', 'listed in', 'blacklisted', 'blocklisted', 'block list', 'blocklist', 'dnsbl', 'rbl',
  'spamhaus', 'spamcop', 'sorbs', 'client host rejected', 'client host blocked', 'connection refused by',
  'access denied. ip', 'your ip', 'ip address', 'not allowed to send', 'connection rejected', 'refused to accept your connection',
  'has been blocked', 'is blocked', 'service unavailable, client host', 'your network is temporary blacklisted',
  'dynamic ip', 'dynamic address', 'residential', 'dial-up', 'dialup', 'rejected by ip blacklist', 'host rejected',
  'banned sending ip', 'please use the smtp server of your isp', 'sender ip', 'dsbl', 'mail server at ',
  'no access from mail server', 'rejected - bad reputation', 'connection timed out while',
];

/** The envelope sender was refused. */
export const REJECTED: Phrase[] = [
  'sender rejected', 'sender address rejected', 'sender email address rejected', 'sender verify failed',
  'sender was rejected', 'invalid sender', 'sender is in my black list', 'sender address has been blacklisted',
  'sender not pre-approved', 'domain of sender address', 'null sender is not allowed', 'empty envelope senders',
  'bogus mail from', 'mail from not owned by user', 'unroutable sender address', 'sender domain is empty',
  'this server does not accept mail from', 'returned mail not accepted here', 'administrative prohibition',
  'delivery not authorized, message refused', 'batv', 'your email address has been blacklisted',
  'you are not allowed to post to this mailing list', 'address rejected', 'envelope blocked',
  'fully qualified email address required', 'message rejected: email address is not verified',
  "because the sender isn't on the recipient's list", 'transaction failed unsigned dsn',
  'access denied (in reply to mail from command)', 'emetteur invalide', 'rejected by the recipient domain',
];
/** Phrases that look like REJECTED but are about the recipient or the client IP. */
export const NOT_REJECTED: Phrase[] = ['recipient address rejected', '5.1.0 address rejected', 'sender ip address rejected'];

export const POLICY_VIOLATION: Phrase[] = [
  'policy violation', 'violates our policy', 'violation of our', 'content policy', 'by policy', 'policy reasons',
  'message rejected due to local policy', 'local policy', 'rejected for policy reasons', 'policy rejection',
  'email not accepted for policy', 'is not allowed by policy', 'attachments', 'executable', 'dmarc policy',
  'header or body contains a disallowed',
];

export const SPAM_DETECTED: Phrase[] = [
  'spam', 'junk mail', 'unsolicited', 'bulk mail', 'content filter', 'message content rejected',
  'rejected as bulk', 'appears to be unsolicited', 'score', 'uce', 'suspicious url', 'phishing',
  'high probability of being', 'message looks like', 'contains a url', 'blacklisted url', 'detected as',
];

export const AUTH_FAILURE: Phrase[] = [
  'spf', 'dkim', 'dmarc', 'sender policy framework', 'authentication failed', 'not authenticated',
  'unauthenticated', 'does not pass', 'failed authentication', 'arc validation',
];

export const REQUIRE_PTR: Phrase[] = [
  'reverse dns', 'ptr record', 'no ptr', 'cannot find your hostname', 'cannot resolve your address',
  'reverse lookup', 'reverse address', 'hostname does not resolve', 'client host name unknown', 'no rdns',
  'unresolvable', 'ip name lookup failed', 'does not have a ptr', 'not resolve your hostname', 'without a ptr',
  'reverse hostname', 'no reverse', 'rdns',
];

export const BAD_REPUTATION: Phrase[] = ['reputation', 'temporarily rate limited due to ip reputation', 'poor reputation'];

export const VIRUS_DETECTED: Phrase[] = ['virus', 'malware', 'infected', 'trojan', 'worm found'];

export const SECURITY_ERROR: Phrase[] = [
  'authentication required', 'authentication credentials invalid', 'tls required', 'encryption required',
  'must issue a starttls', 'security policy', 'insecure', 'certificate', 'unauthorized', 'must be authenticated',
];

export const NO_RELAYING: Phrase[] = [
  'relay access denied', 'relaying denied', 'relay denied', 'relay not permitted', 'relaying not allowed',
  'not permitted to relay', 'unable to relay', 'we do not relay', 'relay prohibited', 'no relaying',
  "that domain isn't in my list of allowed rcpthost", 'not allowed to relay', 'relay access', 'not local host',
  'relaying mail to', 'is not a gateway', 'open relay',
];

export const NOT_COMPLIANT_RFC: Phrase[] = [
  'not compliant with rfc', 'rfc 5322', 'rfc5322', 'rfc 2822', 'rfc2822', 'rfc 822', 'duplicate header',
  'multiple addresses in from', 'message is not rfc', 'does not conform to rfc', 'headers are not rfc',
  'missing date header', 'missing message-id', 'bare lf', 'bare line feed',
];
