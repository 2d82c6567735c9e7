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
 * ActiveHunter (TransWARE): a Sendmail look-alike with "----- The following addresses had
 * permanent fatal errors -----", `>>> address <address>` lines, then "----- Transcript of session
 * follows -----" and the remote reply. No delivery-status part.
 */
const LIST = /^\s*-{5} The following addresses had permanent fatal errors -{5}\s*$/m;
const TRANSCRIPT = /^\s*-{5} Transcript of session follows -{5}\s*$/m;
const END = /^-{10,}\s*$/m;

export const Activehunter = safely('Activehunter', (m) => {
  // The LIST line's words are a necessary condition: a native substring search skips the line scan.
  if (!m.body.includes(' The following addresses had permanent fatal errors -')) return null;
  const body = scanText(m.body);
  if (!LIST.test(body.slice(0, 4000)) || !TRANSCRIPT.test(body)) return null;
  // Sendmail proper has ">>> RCPT To:" dialogue lines; ActiveHunter lists bare addresses after >>>.
  const list = (section(body, LIST, TRANSCRIPT) ?? '').split('\n').filter((l) => /^>>> \S+@/.test(l.trim()));
  if (!list.length) return null;
  const diagnostic = section(body, TRANSCRIPT, END) ?? '';
  const addresses = [...new Set(list.map((l) => findAddress(l.trim().slice(4).split(/\s/)[0])))].slice(
    0,
    MAX_RECIPIENTS,
  );
  const recipients = addresses.filter(Boolean).map((a) => recipientFrom(a, diagnostic, { action: 'failed' }));
  return bounce('Activehunter', recipients, originalMessageId(m, END));
});
