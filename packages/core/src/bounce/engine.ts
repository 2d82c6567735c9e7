import type { BounceMessage, Decoded, DecodedRecipient, Decoder } from './decoders/contract';
import { isForwardedByPerson } from './decoders/notice-hints';
import { isDelayWarning } from './decoders/prose/delay';
import { noticeText, sectionStart } from './decoders/prose/returned';
import { MAX_CONTEXT_CHARS } from './limits';
import { buildBounceMessage } from './message';
import { originalHeaders, originalMessageId } from './original';
import { orderDecoders, runDecoders } from './pipeline';
import { findQuotaSignal } from './quota';
import { reportKind, toRecipients } from './report';
import { collapseWhiteSpace, hasWideChar, oneByteCopy } from './text';
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
  const end = sectionStart(message.body);
  const text = message.body.slice(0, Math.min(end < 0 ? message.body.length : end, MAX_CONTEXT_CHARS));
  return collapseWhiteSpace(text).trim();
}

/** A permanent code (5.x.x or 5xx) in a recipient's own words: that one failed, whatever the notice says. */
const PERMANENT = /(?<![\d.])5\.\d{1,3}\.\d{1,3}(?![\d.])|(?<![\d.:-])5[0-5]\d(?=[ -]\D)/;

/**
 * A decoder that reads the recipients of a text notice but not its action leaves a delay warning
 * looking like a failure. When the notice says, in any of the six languages, that delivery is
 * still being tried, its recipients without an action (and without a permanent code) are delayed.
 */
function markDelays(decoded: Decoded, message: BounceMessage): void {
  if (decoded.kind !== 'bounce') return;
  const open = decoded.recipients.filter(
    (r) => !r.action && !PERMANENT.test(`${r.status ?? ''} ${r.diagnostic ?? ''}`),
  );
  if (!open.length || !isDelayWarning(message.subject, noticeText(message).prose)) return;
  for (const r of open) r.action = 'delayed';
}

/** The recipients' texts as one-byte strings where their characters allow (the same values). */
function copyOneByte(recipients: DecodedRecipient[]): void {
  for (const r of recipients) {
    r.address = oneByteCopy(r.address);
    if (r.diagnostic) r.diagnostic = oneByteCopy(r.diagnostic);
    if (r.statusComment) r.statusComment = oneByteCopy(r.statusComment);
    if (r.status) r.status = oneByteCopy(r.status);
    if (r.command) r.command = oneByteCopy(r.command);
  }
}

function analyseMessage(message: BounceMessage, decoders?: readonly Decoder[]): BounceReport {
  if (isForwardedByPerson(message)) return { ...NOT_A_BOUNCE };
  const decoded = runDecoders(message, decoders ?? orderDecoders(message));
  if (!decoded) return { ...NOT_A_BOUNCE };
  markDelays(decoded, message);
  // A notice with a character beyond Latin-1 anywhere makes every text sliced from it two-byte; the
  // classifier's phrase unions then run on one-byte copies rather than being compiled again (text.ts).
  const wide = hasWideChar(message.body);
  if (wide) copyOneByte(decoded.recipients);
  const context = readableText(message);
  const recipients = toRecipients(decoded, wide ? oneByteCopy(context) : context);
  const kind = reportKind(decoded, recipients);
  const headers = originalHeaders(message);
  const messageId = decoded.originalMessageId?.replace(/^<|>$/g, '') || originalMessageId(message, headers);
  const report: BounceReport = { kind, recipients, originalMessageId: messageId, decoder: decoded.decoder };
  if (Object.keys(headers).length) report.originalHeaders = headers;
  if (kind === 'bounce') report.quotaSignal = findQuotaSignal(message);
  return report;
}
