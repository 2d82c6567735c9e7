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
 * Digital Arts m-FILTER: a Japanese notice ("このメールは「m-FILTER」が自動的に生成して送信しています")
 * with the failed addresses, then "-------server message" (the reply), "-------SMTP command" (the
 * command), and "-------original message" / "-------original mail info".
 */
const MARKER = /「m-FILTER」|m-FILTER/;
const LIST_START = /^以下のメールアドレスへの送信に失敗しました。?\s*$/m;
const SERVER = /^-+server message\s*$/m;
const COMMAND = /^-+SMTP command\s*$/m;
const ORIGINAL = /^-+original (?:message|mail info)\s*$/m;

export const MFILTER = safely('mFILTER', (m) => {
  // MARKER needs `m-FILTER`, SERVER needs `server message`: without either, neither test can pass.
  if (!m.body.includes('m-FILTER') && !m.body.includes('server message')) return null;
  const body = scanText(m.body);
  // Rebranded installs drop the product name; the section markers stay.
  if (!MARKER.test(body.slice(0, 2000)) && !(SERVER.test(body) && COMMAND.test(body))) return null;
  const list = section(body, LIST_START, SERVER) ?? section(body, /^/, SERVER) ?? '';
  const reply = oneLine(section(body, SERVER, COMMAND) ?? '');
  const command =
    oneLine(section(body, COMMAND, ORIGINAL) ?? '')
      .split(' ')[0]
      ?.toUpperCase() || undefined;
  const addresses = list
    .split('\n')
    .map((l) => (/^\S+@\S+$/.test(l.trim()) ? findAddress(l) : ''))
    .filter(Boolean);
  const recipients = [...new Set(addresses)].map((a) =>
    recipientFrom(a, reply, { action: 'failed', command }),
  );
  return bounce('mFILTER', recipients, originalMessageId(m, ORIGINAL));
});
