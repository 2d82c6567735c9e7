import type { BounceMessage, Decoder } from './decoders/contract';
import { isForwardedByPerson } from './decoders/notice-hints';
import { MAX_CONTEXT_CHARS } from './limits';
import { buildBounceMessage } from './message';
import { originalHeaders, originalMessageId } from './original';
import { orderDecoders, runDecoders } from './pipeline';
import { findQuotaSignal } from './quota';
import { reportKind, toRecipients } from './report';
import type { BounceReport } from './types';

const NOT_A_BOUNCE: BounceReport = {
  kind: 'not-bounce',
  recipients: [],
  originalMessageId: null,
  decoder: null,
};

/**
 * Parse one raw RFC 5322 message into a bounce report. Never throws on hostile input: anything that
 * cannot be read is a `not-bounce`.
 */
export async function parseBounce(raw: Uint8Array | string): Promise<BounceReport> {
  try {
    return analyseMessage(await buildBounceMessage(raw));
  } catch {
    return { ...NOT_A_BOUNCE };
  }
}

/** The pipeline over an already-built message (decoders may be swapped in tests). */
/** The notice's human-readable words (before any machine-readable or returned part), bounded. */
function readableText(message: BounceMessage): string {
  // Only the engine's own part separators (`--- message/rfc822 ---`), not a notice's "--- Session Transcript ---".
  const end = message.body.search(/\n--- [a-z]+\/[a-z0-9.+-]+ ---(?:\n|$)/);
  const text = message.body.slice(0, Math.min(end < 0 ? message.body.length : end, MAX_CONTEXT_CHARS));
  return text.replace(/\s+/g, ' ').trim();
}

function analyseMessage(message: BounceMessage, decoders?: readonly Decoder[]): BounceReport {
  if (isForwardedByPerson(message)) return { ...NOT_A_BOUNCE };
  const decoded = runDecoders(message, decoders ?? orderDecoders(message));
  if (!decoded) return { ...NOT_A_BOUNCE };
  const recipients = toRecipients(decoded, readableText(message));
  const kind = reportKind(decoded, recipients);
  const headers = originalHeaders(message);
  const messageId = decoded.originalMessageId?.replace(/^<|>$/g, '') || originalMessageId(message, headers);
  const report: BounceReport = { kind, recipients, originalMessageId: messageId, decoder: decoded.decoder };
  if (Object.keys(headers).length) report.originalHeaders = headers;
  if (kind === 'bounce') report.quotaSignal = findQuotaSignal(message);
  return report;
}
