import { oneLine, scanText } from './text';

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
  const field = (name: string) => new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(unfolded)?.[1]?.trim();
  const status = /^([245]\.\d{1,3}\.\d{1,3})/.exec(field('Status') ?? '')?.[1];
  const diagnostic = field('Diagnostic-Code');
  return {
    status,
    diagnostic: diagnostic ? oneLine(diagnostic.replace(/^smtp;\s*/i, '')) : undefined,
    diagnosticType: /^([a-z][\w-]{0,20})\s*;/i.exec(diagnostic ?? '')?.[1]?.toUpperCase(),
    action: field('Action')?.toLowerCase(),
  };
}
