import { answersAlikeOnTwin, latin1Twin } from '../text';
import type { BounceReason } from '../types';
import { aupCodeReason, orangeCodeReason, remoteHostReason, yahooCodeReason } from './provider-codes';
import { godaddyCodeReason, outlookCodeReason, PROVIDER_WORDING } from './provider-wording';

/**
 * Provider-specific codes the generic status table gets wrong (Sisimai's "rhost" idea): Exchange
 * Online reuses enhanced codes with its own meanings (5.1.10 is "recipient not found", not RFC
 * 7505's null MX) and names its errors (`RESOLVER.ADR.RecipientNotFound`); Gmail points at its help
 * articles (`?p=NoSuchUser`). Matched against the lower-cased diagnostic.
 */
const RULES: { pattern: RegExp; reason: BounceReason }[] = [
  // Sender-side quota and rate limits (also reported as a quota signal on the report).
  {
    pattern:
      /5\.7\.233\b|5\.1\.90\b|submissionquotaexceeded|submission quota exceeded|5\.7\.70[58]\b|tenant has exceeded|reached a limit for sending mail|daily user sending limit|daily sending quota/,
    reason: 'ratelimited',
  },
  // Exchange Online.
  {
    pattern:
      /resolver\.adr\.recipient ?notfound|recipient not found by smtp address lookup|5\.1\.10\b.*not found/,
    reason: 'userunknown',
  },
  {
    pattern: /resolver\.adr\.exrecipnotfound|5\.1\.351\b|unknown recipient or mailbox unavailable/,
    reason: 'userunknown',
  },
  // Directory-Based Edge Blocking: Exchange Online refuses an address its tenant does not have
  // ("5.4.1 Recipient address rejected: Access denied", Microsoft's NDR list).
  { pattern: /5\.4\.1\b.{0,80}recipient address rejected: access denied/, reason: 'userunknown' },
  // RFC 5321's own 550 text, which Outlook.com and many servers answer for a missing mailbox.
  { pattern: /requested action not taken: mailbox unavailable/, reason: 'userunknown' },
  {
    pattern: /quotaexceededexception|mapiexceptionshutoffquotaexceeded|mailbox full; storedrv/,
    reason: 'mailboxfull',
  },
  {
    pattern:
      /5\.2\.12[12]\b|recipient'?s? (message )?rate limit|receiving (mail|messages) at a rate|mailbox .*receiving too many/,
    reason: 'speeding',
  },
  {
    pattern: /5\.4\.31[0-6]\b.*dns domain .*does not exist|dns domain .* does not exist/,
    reason: 'hostunknown',
  },
  { pattern: /5\.4\.31[0-6]\b.*dns query failed/, reason: 'networkerror' },
  { pattern: /5\.4\.300\b|message expired/, reason: 'expired' },
  // RFC 7505 null MX: the domain says it takes no mail (Gmail words it "returned Null MX").
  { pattern: /\bnull ?mx\b|\brfc ?7505\b/, reason: 'notaccept' },
  { pattern: /5\.4\.14\b|hop count exceeded/, reason: 'networkerror' },
  { pattern: /5\.7\.(509|515)\b|dmarc/, reason: 'authfailure' },
  { pattern: /5\.7\.(60[6-9]|6[1-4]\d)\b|banned sending ip|5\.7\.75[01]\b/, reason: 'blocked' },
  { pattern: /5\.7\.(520|511)\b.*(spam|content)|message blocked by spam filter/, reason: 'spamdetected' },
  // Facebook's refusal by the recipient's own settings.
  { pattern: /refused due to recipient preferences/, reason: 'filtered' },
  // Gmail help-article markers.
  {
    pattern: /[?&]p=nosuchuser\b|wasn't delivered to \S+ because the address couldn't be found/,
    reason: 'userunknown',
  },
  {
    pattern: /[?&]p=overquota(temp)?\b|account that you tried to reach is over quota/,
    reason: 'mailboxfull',
  },
  { pattern: /[?&]p=disableduser\b|account that you tried to reach is disabled/, reason: 'suspend' },
  // "This message is likely unsolicited mail": the message was judged spam; the rate errors block the IP.
  { pattern: /[?&]p=unsolicitedmessageerror\b/, reason: 'spamdetected' },
  { pattern: /[?&]p=unsolicitedrateerror\b/, reason: 'blocked' },
  { pattern: /[?&]p=utf8|[?&]p=rfcmessagenoncompliant/, reason: 'notcompliantrfc' },
];

/**
 * Every rule's pattern in one alternation: most texts match none, and one scan says so instead of
 * one scan per rule. When it matches, the rules are tried in order, so the first rule still wins.
 * Whether any alternative matches does not depend on their order: the rules' own alternatives are
 * listed one by one and sorted, which puts those that start alike side by side and makes the scan a
 * third faster. (No rule has a numbered back-reference, which a joined pattern would misread.)
 */
const ANY_RULE = new RegExp(
  [...RULES, ...PROVIDER_WORDING]
    .flatMap((rule) => topAlternatives(rule.pattern.source))
    .sort()
    .join('|'),
);

/** `a|b(c|d)|[|]` → `a`, `b(c|d)`, `[|]`: the alternatives at the top level of a pattern's source. */
function topAlternatives(source: string): string[] {
  const found: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let at = 0; at < source.length; at++) {
    const char = source[at];
    if (char === '\\') at++;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === '|' && depth === 0) {
      found.push(source.slice(from, at));
      from = at + 1;
    }
  }
  found.push(source.slice(from));
  return found;
}

/**
 * What each provider code below needs, its pattern without the word boundaries: Outlook's `rp-00n`
 * (`sc`, `dy`, `ou`), GoDaddy's `ib` and three digits, `aup#`, Yahoo's `[tssNN]`/`[blNN]`, Orange's
 * `ofrN_NNN`, a Mimecast or Barracuda host. One scan finds none in most texts, instead of six.
 */
const MAY_HAVE_CODE =
  /(?:rp|sc|dy|ou)-00\d|ib\d{3}|aup#|\[(?:tss|bl)\d\d\]|(?:ofr|lpn|lpnaaa|ouk)\d{0,3}_\d{3}|mimecast\.com|barracuda/;

/** The rules answer alike on a text's Latin-1 twin (text.ts), which spares their two-byte compile. */
const RULES_ON_TWIN = [
  ANY_RULE,
  MAY_HAVE_CODE,
  ...[...RULES, ...PROVIDER_WORDING].map((rule) => rule.pattern),
].every(answersAlikeOnTwin);

/** A reason a provider's own code or wording pins down, or null. */
export function providerReason(diagnostic: string): BounceReason | null {
  if (!diagnostic) return null;
  const text = RULES_ON_TWIN ? latin1Twin(diagnostic) : diagnostic;
  const ruled = ANY_RULE.test(text)
    ? (RULES.find((rule) => rule.pattern.test(text)) ??
      PROVIDER_WORDING.find((rule) => rule.pattern.test(text)))
    : undefined;
  if (ruled) return ruled.reason;
  if (!MAY_HAVE_CODE.test(text)) return null;
  return (
    outlookCodeReason(diagnostic) ??
    godaddyCodeReason(diagnostic) ??
    aupCodeReason(diagnostic) ??
    yahooCodeReason(diagnostic) ??
    orangeCodeReason(diagnostic) ??
    remoteHostReason(diagnostic)
  );
}
