import { dsnFields } from './dsn-fields';
import {
  bounce,
  findAddress,
  oneLine,
  originalMessageId,
  recipientFrom,
  safely,
  scanText,
  section,
} from './util';

/**
 * HCL/IBM Domino: "Your message Subject: ... was not delivered to: <address> because: <reason>".
 * Localised copies keep the layout but translate the labels; the English markers are required.
 */
const TO = /^\s*was not delivered to:\s*$/m;
const BECAUSE = /^\s*because:\s*$/m;
const END = /^\s*$\n^\S|^-{5,}/m;

export const Domino = safely('Domino', (m) => {
  // TO's words are a necessary condition: a native substring search skips the line scan.
  if (!m.body.includes('was not delivered to:')) return null;
  const body = scanText(m.body);
  if (!TO.test(body.slice(0, 4000)) || !BECAUSE.test(body)) return null;
  const list = (section(body, TO, BECAUSE) ?? '')
    .split('\n')
    .map((l) => findAddress(l))
    .filter(Boolean);
  const reason = oneLine(section(body, BECAUSE, END) ?? '');
  const recipients = [...new Set(list)].map((address) => {
    const dsn = dsnFields(m.deliveryStatus, address);
    const known = /not listed in (?:Domino Directory|public Name & Address Book)/i.test(reason)
      ? 'userunknown'
      : undefined;
    return recipientFrom(address, reason || dsn.diagnostic || '', {
      action: 'failed',
      status: dsn.status,
      reason: known,
    });
  });
  return bounce('Domino', recipients, originalMessageId(m));
});
