import type { BounceReason } from '../types';

/**
 * Refusals in the words the big mailbox providers publish for them, each labelled as Sisimai's
 * rhost tables label the same published code (the corpus and unseen notices are scored in its
 * vocabulary). Sources: Microsoft's "Email non-delivery reports and SMTP errors in Exchange Online"
 * and Outlook.com's postmaster troubleshooting codes; Google's "Gmail SMTP errors and codes"
 * (support.google.com/a/answer/3726730); Yahoo's Sender Hub "SMTP error codes"; Apple's iCloud Mail
 * postmaster page; Zoho Mail's error list. Matched on the lower-cased diagnostic, after the
 * provider rules of `providers.ts`.
 */
export const PROVIDER_WORDING: { pattern: RegExp; reason: BounceReason }[] = [
  // Microsoft: a group or mailbox that takes mail only from authenticated (internal) or listed
  // senders (5.7.12, 5.7.124, 5.7.133-136): the recipient refuses this sender.
  {
    pattern:
      /sender (was )?not authenticated (for|by)|sendernotauthenticatedfor|sender not in allowed-senders list/,
    reason: 'rejected',
  },
  // Microsoft: the sending account itself is banned or restricted (5.1.8, 5.7.501-503).
  {
    pattern: /bad outbound sender|5\.7\.50[1-3]\b.{0,40}(spam abuse detected|banned sender)/,
    reason: 'rejected',
  },
  // Microsoft: the recipient address is banned or no longer valid (5.7.504, 5.7.505).
  {
    pattern: /5\.7\.504\b.{0,60}recipient address rejected: access denied|access denied, banned recipient/,
    reason: 'suspend',
  },
  // Microsoft: the sending IP is refused (bad HELO, recipient's own or customer block list, IPv6).
  {
    pattern:
      /access denied, bad helo|access denied, rejected by recipient|using customer block list|does not accept email over ipv6/,
    reason: 'blocked',
  },
  // Microsoft: a mail flow (transport) rule rejected the message (5.7.900-999, 5.0.350).
  {
    pattern:
      /5\.7\.9\d\d\b.{0,40}delivery not authorized, message refused|policy violation detected \(as345\)/,
    reason: 'policyviolation',
  },
  { pattern: /has exceeded permitted limits within|recipient thread limit exceeded/, reason: 'speeding' },
  {
    pattern:
      /failed mta-sts validation|starttls is required to send mail|starttls-not-supported|certificate-expired:|tlsa-invalid:|dnssec-invalid:|certificate-host-mismatch:/,
    reason: 'failedstarttls',
  },
  {
    pattern: /\(suspiciousremoteservererror\)|pfa agent busy|server busy\. please try again later from/,
    reason: 'systemerror',
  },
  { pattern: /5\.6\.11\b.{0,40}invalid characters/, reason: 'contenterror' },
  // Google: a Workspace admin's content rule ("- gcdp") or a domain policy.
  { pattern: /- gcdp\b|has a policy that prohibited the mail/, reason: 'policyviolation' },
  // Google: 4.7.28 "unusual rate of (unsolicited) mail", a block for now.
  {
    pattern:
      /\b4\.7\.28\b.{0,60}unusual rate of|our system has detected an unusual rate of|[?&]p=unsolicitedratelimiterror\b/,
    reason: 'blocked',
  },
  {
    pattern:
      /missing a valid message-id|is not rfc 5322 compliant|encoded-word syntax is not permitted|unicode character in a disallowed header|mail message is malformed/,
    reason: 'notcompliantrfc',
  },
  {
    pattern: /tls required for rcpt domain|senders to use tls\/ssl|must issue a starttls command first/,
    reason: 'failedstarttls',
  },
  { pattern: /message exceeded 50 hops/, reason: 'networkerror' },
  // Apple iCloud Mail (support.apple.com/102322).
  { pattern: /deferred due to excessive volume/, reason: 'speeding' },
  { pattern: /failing both spf and dkim/, reason: 'authfailure' },
  { pattern: /recipient no longer on server/, reason: 'hasmoved' },
  // Zoho Mail (its spam-reason help page and SMTP error list).
  {
    pattern: /email cannot be delivered\. reason: email flagged as spam|mail rejected by destination domain/,
    reason: 'rejected',
  },
  { pattern: /greylisted, try again after some time/, reason: 'blocked' },
  // Outlook.com.
  {
    pattern: /could not be delivered to the recipient because the domain is not reachable/,
    reason: 'hostunknown',
  },
  // Yahoo.
  { pattern: /will be permanently deferred/, reason: 'rejected' },
  {
    pattern: /requires all senders to authenticate with either spf or dkim|the sender is unauthenticated/,
    reason: 'authfailure',
  },
  { pattern: /not accepted for policy reasons/, reason: 'policyviolation' },
  { pattern: /delivery error: dd \S+ is no longer valid|this mailbox is disabled/, reason: 'suspend' },
];

/**
 * Outlook.com's postmaster codes (substrate.office.com postmaster troubleshooting): `SC-00n`,
 * `DY-00n`, `OU-00n` refusals and `RP-00n` rate limits, read from the reply's own words.
 */
const OUTLOOK_CODES: Record<string, BounceReason> = {
  'rp-001': 'badreputation',
  'rp-002': 'badreputation',
  'rp-003': 'badreputation',
  'sc-001': 'blocked', // "messages from <IP> weren't sent" (the engine's classify tests)
  'sc-002': 'policyviolation',
  'sc-003': 'blocked',
  'sc-004': 'blocked',
  'dy-001': 'blocked',
  'ou-001': 'blocked',
  'ou-002': 'badreputation',
};

export function outlookCodeReason(text: string): BounceReason | null {
  const code = /\b(rp|sc|dy|ou)-00\d\b/.exec(text)?.[0];
  return code ? (OUTLOOK_CODES[code] ?? null) : null;
}

/**
 * GoDaddy's numbered refusals ("IB" codes, GoDaddy Help: "Fix rejected email with a bounce
 * error", article 40685), written at the end of its answers: `554 ... Spamhaus ... IB104`.
 */
const GODADDY: Record<string, BounceReason> = {
  ib007: 'toomanyconn', // too many sessions from this IP
  ib101: 'speeding', // queue busy, try later
  ib103: 'badreputation', // poor Cloudmark CSI reputation
  ib104: 'blocked', // Spamhaus SBL
  ib105: 'blocked', // Spamhaus XBL
  ib106: 'blocked', // Spamhaus PBL
  ib108: 'requireptr',
  ib110: 'blocked', // blocked for an hour: too much spam
  ib111: 'blocked',
  ib112: 'blocked', // blocked: too many invalid recipients
  ib113: 'blocked',
  ib212: 'spamdetected',
  ib401: 'securityerror', // authentication not allowed on inbound servers
  ib501: 'notcompliantrfc', // blank From:
  ib502: 'notcompliantrfc', // IP address as From:
  ib504: 'speeding', // too many messages this hour
  ib506: 'rejected', // From: domain invalid
  ib508: 'authfailure', // SPF
  ib510: 'speeding', // too many messages per session
  ib605: 'toomanyconn', // too many recipients
  ib607: 'speeding', // too many recipients this hour
  ib705: 'virusdetected',
};

export function godaddyCodeReason(text: string): BounceReason | null {
  const code = /\bib\d{3}\b/.exec(text)?.[0];
  return code ? (GODADDY[code] ?? null) : null;
}
