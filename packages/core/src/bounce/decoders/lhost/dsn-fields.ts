import { oneLine, scanText } from './text';

// Built once, not with `new RegExp` per call: V8's regex cache forgets a source after a few garbage
// collections, and each new pattern object is then compiled again.
const STATUS_FIELD = /^Status:[ \t]*(.*)$/im;
const DIAGNOSTIC_FIELD = /^Diagnostic-Code:[ \t]*(.*)$/im;
const ACTION_FIELD = /^Action:[ \t]*(.*)$/im;

/**
 * Status and Diagnostic-Code of one recipient from a delivery-status part, for text decoders whose
 * notice also carries one. Reads `Field: value` lines with folded continuations; never throws.
 */
export function dsnFields(
  deliveryStatus: string | null,
  address: string,
  options: { sameRecipient?: boolean } = {},
): { status?: string; diagnostic?: string; diagnosticType?: string; action?: string } {
  if (!deliveryStatus) return {};
  const blocks = scanText(deliveryStatus)
    .split(/\n\s*\n/)
    .slice(0, 200);
  const wanted = address.toLowerCase();
  const named = blocks.find(
    (b) => /^(?:Final|Original)-Recipient:/im.test(b) && b.toLowerCase().includes(wanted),
  );
  // Without `sameRecipient`, a report about one recipient is taken to be about this one.
  const block = named ?? (options.sameRecipient ? undefined : blocks.find((b) => /^Status:/im.test(b)));
  if (!block) return {};
  const unfolded = block.replace(/\n[ \t]+/g, ' ');
  const field = (re: RegExp) => re.exec(unfolded)?.[1]?.trim();
  const status = /^([245]\.\d{1,3}\.\d{1,3})/.exec(field(STATUS_FIELD) ?? '')?.[1];
  const diagnostic = field(DIAGNOSTIC_FIELD);
  return {
    status,
    diagnostic: diagnostic ? oneLine(diagnostic.replace(/^smtp;\s*/i, '')) : undefined,
    diagnosticType: /^([a-z][\w-]{0,20})\s*;/i.exec(diagnostic ?? '')?.[1]?.toUpperCase(),
    action: field(ACTION_FIELD)?.toLowerCase(),
  };
}
