import type { BounceMessage } from './decoders/contract';
import { collapseWhiteSpace } from './text';
import type { SendingQuotaSignal } from './types';

/**
 * Notices about the sender's own sending quota. They are not about any recipient: the throttle
 * pauses the mailbox on them instead of counting a bounce.
 */
const SIGNALS: { provider: SendingQuotaSignal['provider']; pattern: RegExp }[] = [
  {
    provider: 'gmail',
    pattern:
      /you have reached a limit for sending mail|daily user sending limit exceeded|daily sending quota exceeded/i,
  },
  {
    provider: 'exchange',
    pattern:
      /5\.7\.233\b|tenant (has )?exceeded (its|the) .{0,40}(limit|rate)|external recipient rate limit/i,
  },
  {
    provider: 'exchange',
    pattern:
      /5\.1\.90\b|(message|recipient) rate limit (was )?(exceeded|reached)|exceeded (its|the|your) (daily )?(sending|recipient|message) (limit|rate)|sending (limit|quota) (was |has been )?exceeded|submission quota|submissionquotaexceeded|recipient rate limit/i,
  },
  {
    provider: 'exchange',
    pattern: /5\.7\.70[58]\b|tenant has exceeded threshold|access denied, traffic not accepted from this ip/i,
  },
];

/**
 * Text every signal above contains at least one of ("limit", "quota", "exceeded", "traffic not
 * accepted" or one of the codes): one scan, so the four alternations run only on notices that may
 * match. Spelled from rarer letters ("xceed", "fic not accepted"): the scan is twice as fast.
 */
const MAY_SIGNAL = /limit|quota|xceed|fic not accepted|5\.(?:7\.23|1\.90|7\.70)/i;

export function findQuotaSignal(message: BounceMessage): SendingQuotaSignal | null {
  const text = message.body.slice(0, 64 * 1024);
  if (!MAY_SIGNAL.test(text)) return null;
  for (const { provider, pattern } of SIGNALS) {
    const match = pattern.exec(text);
    if (match) return { provider: refineProvider(provider, message), detail: lineAround(text, match.index) };
  }
  return null;
}

/** An Exchange-looking code in a notice from Google is still Google's (and the other way round). */
function refineProvider(
  provider: SendingQuotaSignal['provider'],
  message: BounceMessage,
): SendingQuotaSignal['provider'] {
  const origin = `${message.from} ${message.header('x-ms-exchange-organization-scl')} ${message.header('x-gm-message-state')}`;
  if (/google|gmail/i.test(origin)) return 'gmail';
  if (/outlook|microsoft|exchange|\d/i.test(origin) && provider === 'exchange') return 'exchange';
  return provider;
}

function lineAround(text: string, index: number): string {
  const start = text.lastIndexOf('\n', index) + 1;
  const end = text.indexOf('\n', index);
  return collapseWhiteSpace(text.slice(start, end < 0 ? undefined : end))
    .trim()
    .slice(0, 300);
}
