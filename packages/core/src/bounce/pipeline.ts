import { arf } from './decoders/arf';
import type { BounceMessage, Decoded, Decoder } from './decoders/contract';
import { textFallback } from './decoders/fallback';
import { LHOST_DECODERS } from './decoders/lhost';
import { hasAny } from './decoders/lhost/util';
import { rfc3464 } from './decoders/rfc3464';
import { rfc3834 } from './decoders/rfc3834';

/**
 * Sisimai-style hints: a Subject or From that names the family of the notice puts those decoders
 * first, so the likeliest decoder runs before the generic ones (decoders still check the format).
 * `phrases`: lower-case words of which one is NECESSARY for `pattern` to match (under the non-Unicode
 * `i` flag an ASCII letter matches only itself or its ASCII case twin), checked first so the regex
 * is compiled and run only for a header that may match.
 */
const HINTS: { header: 'subject' | 'from'; phrases: string[]; pattern: RegExp; decoders: string[] }[] = [
  {
    header: 'subject',
    phrases: ['undeliver', 'non-deliver', 'non deliver', 'nondeliver'],
    pattern: /^undeliverable|^undelivered mail returned|^non[- ]?deliver/i,
    decoders: ['Exchange2007', 'Exchange2003', 'Postfix', 'MessagingServer', 'Office365'],
  },
  {
    header: 'subject',
    phrases: ['mail delivery failed', 'warning: message '],
    pattern: /^mail delivery failed|^warning: message .* delayed/i,
    decoders: ['Exim'],
  },
  {
    header: 'subject',
    phrases: ['failure notice'],
    pattern: /^failure notice/i,
    decoders: ['qmail', 'Yahoo', 'Biglobe', 'X4', 'X2'],
  },
  {
    header: 'subject',
    phrases: ['returned mail', 'warning: could not send message'],
    pattern: /^returned mail|^warning: could not send message/i,
    decoders: ['Sendmail', 'V5sendmail', 'Verizon'],
  },
  {
    header: 'subject',
    phrases: ['delivery status notification'],
    pattern: /^delivery status notification/i,
    // OpenSMTPD's Subject too: its decoder reads the code from the text when Status says 5.0.0.
    decoders: ['Gmail', 'GoogleWorkspace', 'OpenSMTPD', 'RFC3464'],
  },
  {
    header: 'subject',
    phrases: ['delivery status notification (failure)'],
    pattern: /^delivery status notification \(failure\)/i,
    decoders: ['Gmail'],
  },
  {
    header: 'subject',
    phrases: ['delivery failure'],
    pattern: /^delivery failure/i,
    decoders: ['Domino', 'Notes', 'MailMarshalSMTP'],
  },
  {
    header: 'subject',
    phrases: ['address not found', 'google groups'],
    pattern: /^address not found|google groups/i,
    decoders: ['GoogleGroups'],
  },
  {
    header: 'from',
    phrases: ['mailer-daemon@googlemail.com', 'mailer-daemon@gmail.com'],
    pattern: /mailer-daemon@(googlemail|gmail)\.com/i,
    decoders: ['Gmail', 'GoogleWorkspace'],
  },
  {
    header: 'from',
    phrases: ['postmaster@', 'microsoftexchange'],
    pattern: /postmaster@.*(outlook|hotmail|live|msn)\.com|microsoftexchange/i,
    decoders: ['Exchange2007', 'Office365', 'Outlook'],
  },
  { header: 'from', phrases: ['amazonses.com'], pattern: /amazonses\.com/i, decoders: ['AmazonSES'] },
];

const STANDARD_TAIL: Decoder[] = [rfc3464, arf, rfc3834, textFallback];
/** Every decoder in its default place, built once rather than per message. */
const DEFAULT_ORDER: readonly Decoder[] = [...LHOST_DECODERS, ...STANDARD_TAIL];

/** The order for each set of hints that matched (a bit per HINTS entry, then one for ARF first). */
const DEFAULT_ORDERS = new Map<number, readonly Decoder[]>();
const ARF_FIRST = 1 << HINTS.length;

/**
 * Decoders in the order the engine tries them for this message. The order depends only on which
 * hints matched, so with the default decoders it is built once per combination, not per message.
 */
export function orderDecoders(
  message: BounceMessage,
  lhost: readonly Decoder[] = LHOST_DECODERS,
): readonly Decoder[] {
  let key = 0;
  const lower = { subject: message.subject.toLowerCase(), from: message.from.toLowerCase() };
  for (let i = 0; i < HINTS.length; i++) {
    const hint = HINTS[i] as (typeof HINTS)[number];
    if (!hasAny(lower[hint.header], hint.phrases)) continue;
    if (hint.pattern.test(hint.header === 'subject' ? message.subject : message.from)) key |= 1 << i;
  }
  // A feedback report is never anything else: ARF goes first so no text decoder claims it.
  if (message.feedbackReport || isFeedbackReportType(message.header('content-type'))) key |= ARF_FIRST;
  if (lhost !== LHOST_DECODERS) return orderFor(key, [...lhost, ...STANDARD_TAIL]);
  let order = DEFAULT_ORDERS.get(key);
  if (!order) {
    order = orderFor(key, DEFAULT_ORDER);
    DEFAULT_ORDERS.set(key, order);
  }
  return order;
}

function isFeedbackReportType(contentType: string): boolean {
  // `feedback-report`, lower-cased, is necessary for the pattern to match.
  if (!contentType.toLowerCase().includes('feedback-report')) return false;
  return /report-type\s*=\s*"?feedback-report/i.test(contentType);
}

/** ARF (when the key says so), then the hinted decoders in their default order, then the rest. */
function orderFor(key: number, all: readonly Decoder[]): readonly Decoder[] {
  const hinted = new Set<string>();
  for (let i = 0; i < HINTS.length; i++)
    if (key & (1 << i)) for (const name of (HINTS[i] as (typeof HINTS)[number]).decoders) hinted.add(name);
  // A Set, not `ordered.includes`: ~90 decoders per message made that check quadratic.
  const ordered = new Set<Decoder>();
  if (key & ARF_FIRST) ordered.add(arf);
  if (hinted.size) for (const decoder of all) if (hinted.has(decoder.name)) ordered.add(decoder);
  if (!ordered.size) return all;
  for (const decoder of all) ordered.add(decoder);
  return [...ordered];
}

/** Run decoders in order; the first that returns a result with recipients wins. */
export function runDecoders(message: BounceMessage, decoders: readonly Decoder[]): Decoded | null {
  let empty: Decoded | null = null;
  for (const decoder of decoders) {
    let decoded: Decoded | null = null;
    try {
      decoded = decoder.decode(message);
    } catch {
      decoded = null; // a decoder that throws declines; hostile input must not stop the engine
    }
    if (!decoded) continue;
    if (decoded.recipients.length) return decoded;
    empty ??= decoded;
  }
  return empty;
}
