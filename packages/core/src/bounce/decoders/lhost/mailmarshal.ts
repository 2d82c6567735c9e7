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
 * Trustwave MailMarshal SMTP: "Your message: ... Could not be delivered because of" the reply,
 * "The following recipients were affected:" and the addresses, then "Additional Information".
 */
const BECAUSE = /^Could not be delivered because of\s*$/m;
const AFFECTED = /^The following recipients were affected:\s*$/m;
const END = /^Additional Information\s*$|^={5,}\s*$/m;

export const MailMarshalSMTP = safely('MailMarshalSMTP', (m) => {
  // BECAUSE's words are a necessary condition: a native substring search skips the regex scan.
  if (!m.body.includes('Could not be delivered because of')) return null;
  const body = scanText(m.body);
  if (!BECAUSE.test(body.slice(0, 4000)) || !AFFECTED.test(body)) return null;
  const diagnostic = section(body, BECAUSE, AFFECTED) ?? '';
  const list = (section(body, AFFECTED, END) ?? '')
    .split('\n')
    .map((l) => findAddress(l))
    .filter(Boolean);
  const recipients = [...new Set(list)]
    .slice(0, MAX_RECIPIENTS)
    .map((a) => recipientFrom(a, diagnostic, { action: 'failed' }));
  return bounce('MailMarshalSMTP', recipients, originalMessageId(m, END));
});
