import { classifyReason, isHardBounce } from './reason/classify';
import type { BounceReason } from './types';

/** A recipient an SMTP server refused at RCPT while taking the message for the others. */
export interface SmtpRefusal {
  reason: BounceReason;
  hard: boolean;
}

/**
 * An immediate refusal is a bounce that never needed a notice: the same reason classifier words it
 * as it would the DSN a relay writes for the same reply.
 */
export function classifySmtpRefusal(status: string, diagnostic: string): SmtpRefusal {
  const replyCode = /^\d{3}/.exec(diagnostic)?.[0] ?? null;
  const reason = classifyReason({
    status,
    diagnostic,
    action: 'failed',
    command: 'RCPT',
    replyCode,
    decoderReason: null,
  });
  return { reason, hard: isHardBounce(reason, status, replyCode) };
}
