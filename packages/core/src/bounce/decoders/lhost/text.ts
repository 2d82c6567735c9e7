/** Text helpers shared by the decoders and the delivery-status field reader. */
import { collapseWhiteSpace } from '../../text';

/** Longest text a decoder scans; notices put the error near the top. */
const MAX_SCAN_CHARS = 200_000;

export function scanText(text: string): string {
  return text.length > MAX_SCAN_CHARS ? text.slice(0, MAX_SCAN_CHARS) : text;
}

/** Collapse runs of whitespace so multi-line diagnostics read as one sentence. */
export function oneLine(text: string): string {
  return collapseWhiteSpace(text).trim();
}
