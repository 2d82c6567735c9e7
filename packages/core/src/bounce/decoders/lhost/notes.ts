import {
  bounce,
  findAddress,
  MAX_RECIPIENTS,
  oneLine,
  originalMessageId,
  recipientFrom,
  safely,
  scanText,
  section,
} from './util';

/**
 * Lotus Notes SMTP MTA: "------- Failure Reasons --------", the reason sentence (often Japanese)
 * and the failed addresses, then "------- Returned Message --------".
 */
const START = /^-{7} Failure Reasons\s+-{8}\s*$/m;
const END = /^-{7} Returned Message\s+-{8}\s*$/m;

/** Notes' own sentence for a recipient missing from the directory. */
const NOT_LISTED = /not listed in (?:public Name & Address Book|Domino Directory)/i;

export const Notes = safely('Notes', (m) => {
  // START's words are a necessary condition: a native substring search skips the line scan.
  if (!m.body.includes('------- Failure Reasons')) return null;
  const body = scanText(m.body);
  if (!START.test(body.slice(0, 4000))) return null;
  const lines = (section(body, START, END) ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const addresses = lines.filter((l) => /^<?\S+@\S+>?$/.test(l)).map((l) => findAddress(l));
  const reason = oneLine(lines.filter((l) => !/^<?\S+@\S+>?$/.test(l)).join(' '));
  const recipients = [...new Set(addresses)].slice(0, MAX_RECIPIENTS).map((a) =>
    recipientFrom(a, reason, {
      action: 'failed',
      reason: NOT_LISTED.test(reason) ? 'userunknown' : undefined,
    }),
  );
  return bounce('Notes', recipients, originalMessageId(m, END));
});
