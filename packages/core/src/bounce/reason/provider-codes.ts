import type { BounceReason } from '../types';

/**
 * Providers that number their refusals, from their published error-code pages (Sisimai's rhost
 * tables read the same pages). A code holds on notices never seen before, where the wording does not.
 *
 * Cable providers' "AUP#" refusal codes, from their published error-code pages (Sisimai's rhost
 * tables read the same pages). Spectrum/Charter numbers its codes (`AUP#In-1310`, `AUP#O-1000`) in
 * ranges; Cox names them (`AUP#CXBL`, `AUP#CDRBL`, `AUP#IPBL0001`). Matched on the lower-cased text.
 */
const SPECTRUM_RANGES: [number, number, BounceReason][] = [
  [1000, 1000, 'blocked'], // sending IP blocked for suspicious activity
  [1010, 1080, 'rejected'], // sending account blocked or limited
  [1090, 1090, 'systemerror'],
  [1100, 1150, 'requireptr'], // no full-circle (reverse) DNS for the IP
  [1160, 1190, 'policyviolation'], // against the domain's security policies
  [1200, 1250, 'blocked'], // Cloudmark CSI / Spamhaus listings
  [1260, 1260, 'networkerror'], // IPv6 not accepted
  [1300, 1340, 'toomanyconn'], // concurrent / total connection limits
  [1350, 1490, 'speeding'], // message and recipient volume limits
  [1500, 1520, 'rejected'], // sending as another address or domain
  [1530, 1530, 'mesgtoobig'],
  [1560, 1560, 'policyviolation'], // too many invalid recipients
  [1540, 1580, 'speeding'], // too many messages or recipients per session or period
];

const COX: [RegExp, BounceReason][] = [
  [/^(cxbl|cdrbl|ipbl\d+)$/, 'blocked'],
  [/^cxdns$/, 'requireptr'],
  [/^cxsndr$/, 'authfailure'],
  [/^cxsmtp$/, 'rejected'],
  [/^(cxcnct|cxmxrt)$/, 'toomanyconn'],
  [/^(cxthrt|cxmj)$/, 'securityerror'],
  [/^urlbl\d+$/, 'spamdetected'],
];

export function aupCodeReason(text: string): BounceReason | null {
  const at = text.indexOf('aup#');
  if (at < 0) return null;
  const code = /^aup#([a-z0-9-]{2,16})/.exec(text.slice(at, at + 24))?.[1] ?? '';
  const numbered = /^(?:in?|o(?:ut)?)-?(\d{4})$/.exec(code)?.[1];
  if (numbered) {
    const n = Number(numbered);
    return SPECTRUM_RANGES.find(([from, to]) => n >= from && n <= to)?.[2] ?? null;
  }
  return COX.find(([pattern]) => pattern.test(code))?.[1] ?? null;
}

/**
 * Orange and La Poste (France) end each refusal with a labelled code: `OFR005_505 [505]`,
 * `LPN007_416`, `OFR_416`; the last three digits say why (postmastery.com / smtpfieldmanual.com
 * list them).
 */
const ORANGE: Record<string, BounceReason> = {
  '101': 'blocked', // IP on a blocklist (Spamhaus)
  '102': 'blocked', // IP blocked for spam (Cloudmark, Senderscore)
  '103': 'blocked',
  '104': 'toomanyconn',
  '305': 'securityerror', // invalid authentication code
  '401': 'authfailure', // SPF
  '402': 'securityerror', // authentication required
  '403': 'rejected', // invalid sender
  '405': 'rejected',
  '415': 'rejected',
  '416': 'userunknown', // invalid recipient
  '417': 'mailboxfull',
  '420': 'suspend', // archived recipient
  '421': 'rejected', // MAIL FROM not owned by the user
  '426': 'suspend', // recipient account blocked
  '505': 'systemerror', // service refused, try later (after DATA)
  '506': 'spamdetected',
  '510': 'blocked',
  '514': 'mesgtoobig',
  '517': 'authfailure', // DMARC
  '630': 'policyviolation',
  '999': 'blocked',
};

export function orangeCodeReason(text: string): BounceReason | null {
  const code = /\b(?:ofr|lpn|lpnaaa|ouk)\d{0,3}_(\d{3})\b/.exec(text)?.[1];
  return code ? (ORANGE[code] ?? null) : null;
}

/**
 * Mimecast's documented refusals ("Mimecast SMTP Error Codes"), read only when the answer came from
 * a Mimecast host (`host us-smtp-inbound-1.mimecast.com[...] said: ...`): the same words from
 * another server mean what the generic classifier says they mean.
 */
const MIMECAST: [RegExp, BounceReason][] = [
  [/host network,? not allowed|anti-spoofing policy|content examination policy/, 'policyviolation'],
  [/(spf|dkim|dmarc) sender invalid/, 'authfailure'],
  [/local ct ip reputation/, 'badreputation'],
  [/administrative prohibition envelope blocked|envelope blocked - user|blocked senders/, 'rejected'],
  [/ip temporarily blacklisted|sender address blocked/, 'blocked'],
  [/maximum email size exceeded/, 'mesgtoobig'],
  [/this route requires (encryption|tls|high-strength)/, 'failedstarttls'],
  [/mail loop detected/, 'networkerror'],
  [/open relay (is )?not allowed/, 'norelaying'],
  [/\binvalid recipient\b/, 'userunknown'],
];

/**
 * Barracuda Email Security Service's refusals ("Barracuda Campus: bounce reasons"), read only when
 * a Barracuda host answered: its `(address:blocked)` verdict is its spam and virus filter's.
 */
const BARRACUDA: [RegExp, BounceReason][] = [
  [/blocked using barracuda reputation|barracudacentral\.org/, 'blocked'],
  [/permanent failure for one or more recipients \([^)]*:\s*blocked\)/, 'spamdetected'],
];

export function remoteHostReason(text: string): BounceReason | null {
  if (/\bmimecast\.com\b/.test(text)) return MIMECAST.find(([pattern]) => pattern.test(text))?.[1] ?? null;
  if (/\bbarracuda(networks)?\.com\b/.test(text))
    return BARRACUDA.find(([pattern]) => pattern.test(text))?.[1] ?? null;
  return null;
}

/**
 * Yahoo's bracketed codes (Yahoo Sender Hub, "SMTP Error Codes": postmaster.yahooinc.com/error-codes).
 * `[TSS04]` defers for volume or complaints (a reputation issue); `[TSS09]`/`[TSS11]` say every
 * message from the IP will be permanently deferred (the sender is refused); the `[BLnn]` codes name the blocklist the IP is on.
 */
const YAHOO: Record<string, BounceReason> = {
  tss04: 'badreputation',
  tss09: 'rejected', // "will be permanently deferred", as [TSS11]
  tss11: 'rejected',
  bl21: 'blocked',
  bl22: 'blocked',
  bl23: 'blocked',
};

export function yahooCodeReason(text: string): BounceReason | null {
  const code = /\[(tss\d\d|bl\d\d)\]/.exec(text)?.[1];
  return code ? (YAHOO[code] ?? null) : null;
}

/**
 * Wording only the recipient's own provider uses about its own users (Yahoo's failure notice: "554
 * delivery error: dd This user doesn't have a yahoo.com account", Yahoo Help SLN3444): the account
 * does not exist, at whatever SMTP command it was said (reason precedence, README).
 */
export function ownProviderReason(text: string): BounceReason | null {
  return /delivery error: dd (this user doesn't have a \S+ account|not a valid recipient)/.test(text)
    ? 'userunknown'
    : null;
}
