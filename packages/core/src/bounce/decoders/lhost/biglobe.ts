import {
  bounce,
  findAddress,
  MAX_RECIPIENTS,
  originalMessageId,
  recipientFrom,
  safely,
  scanText,
  section,
} from './util';

/**
 * BIGLOBE (and NEC mail servers of the same template): "----- The following addresses had delivery
 * problems -----", the addresses, then "----- Non-delivered information -----" and the reason.
 */
const LIST = /^[ \t]*-{5} The following addresses had delivery problems -{5}[ \t]*$/m;
const INFO = /^[ \t]*-{5} Non-delivered information -{5}[ \t]*$/m;
const END = /^-{10,}[ \t]*$/m;

export const Biglobe = safely('Biglobe', (m) => {
  // The LIST line's words are a necessary condition: a native substring search skips the line scan.
  if (!m.body.includes(' The following addresses had delivery problems -')) return null;
  const body = scanText(m.body);
  if (!LIST.test(body.slice(0, 4000)) || !INFO.test(body)) return null;
  const list = (section(body, LIST, INFO) ?? '')
    .split('\n')
    .map((l) => findAddress(l))
    .filter(Boolean);
  const diagnostic = section(body, INFO, END) ?? '';
  const recipients = [...new Set(list)]
    .slice(0, MAX_RECIPIENTS)
    .map((a) => recipientFrom(a, diagnostic, { action: 'failed' }));
  return bounce('Biglobe', recipients, originalMessageId(m, END));
});
