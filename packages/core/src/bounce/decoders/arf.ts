import { cleanAddress, readFieldBlocks, readHeaderBlock } from '../fields';
import { collapseWhiteSpace, readablePart } from '../text';
import type { Decoder } from './contract';

/**
 * ARF feedback reports (RFC 5965): the recipient is the complaining address (Original-Rcpt-To, or
 * the To of the returned message).
 */
export const arf: Decoder = {
  name: 'ARF',
  decode(message) {
    const reportType = /report-type\s*=\s*"?feedback-report/i.test(message.header('content-type'));
    const report = message.feedbackReport;
    if (!report && !reportType) return null;
    const fields = new Map<string, string>();
    for (const block of readFieldBlocks(report ?? ''))
      for (const [k, v] of block) if (!fields.has(k)) fields.set(k, v);
    const returned = message.returnedMessage
      ? readHeaderBlock(message.returnedMessage)
      : new Map<string, string>();
    const address =
      cleanAddress(fields.get('original-rcpt-to')) ??
      cleanAddress(fields.get('removal-recipient')) ??
      cleanAddress(returned.get('to')) ??
      cleanAddress(message.header('to'));
    const messageId = returned.get('message-id')?.replace(/[<>\s]/g, '');
    return {
      decoder: 'ARF',
      kind: 'feedback',
      recipients: address
        ? [{ address, reason: 'feedback', diagnostic: feedbackDiagnostic(message.body) }]
        : [],
      ...(messageId ? { originalMessageId: messageId } : {}),
    };
  },
};

function feedbackDiagnostic(body: string): string {
  return collapseWhiteSpace(readablePart(body)).trim().slice(0, 500);
}
