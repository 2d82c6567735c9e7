import type { BounceMessage } from '../contract';
import { dsnFields } from './dsn-fields';
import {
  bounce,
  findAddress,
  findStatus,
  MAX_RECIPIENTS,
  oneLine,
  originalMessageId,
  recipientFrom,
  safely,
  scanText,
  section,
} from './util';

/**
 * "X3" (an unnamed MTA, Sisimai's label): a framed "This is an automatically generated Delivery
 * Status Notification." with "Delivery to the following recipients failed permanently:" (or
 * "Delevery [sic] to the following recipients was aborted after N hour(s):"), `* address` lines,
 * and "Technical details:". Some carry a delivery-status part too; its Status fills the gap.
 */
const MARKER = /This is an automatically generated Delivery Status Notification\./i;
const LIST = /Del[ie]very to the following recipients (?:failed permanently|was aborted after [^\n]*):\s*\n/i;
const DETAILS = /Technical details:\s*\n/i;
const RULE = /^={10,}\s*$|^--- /m;

function isX3(m: BounceMessage): boolean {
  const head = m.body.slice(0, 4000);
  return (
    MARKER.test(head) &&
    LIST.test(head) &&
    !/Technical details of (?:permanent|temporary) failure/i.test(head)
  );
}

export const X3 = safely('X3', (m) => {
  if (!isX3(m)) return null;
  const body = scanText(m.body);
  const list = section(body, LIST, RULE) ?? '';
  const details = oneLine(section(body, DETAILS, RULE) ?? '');
  const addresses = list
    .split('\n')
    .filter((l) => /^\s*\*\s*\S+@/.test(l))
    .map((l) => findAddress(l));
  const recipients = [...new Set(addresses)].slice(0, MAX_RECIPIENTS).map((address) => {
    const dsn = dsnFields(m.deliveryStatus, address);
    const diagnostic = details || dsn.diagnostic || '';
    // The remote server's own code in the diagnostic is more specific than the MTA's Status field.
    return recipientFrom(address, diagnostic, {
      action: 'failed',
      status: findStatus(diagnostic) ? undefined : dsn.status,
    });
  });
  return bounce('X3', recipients, originalMessageId(m));
});
