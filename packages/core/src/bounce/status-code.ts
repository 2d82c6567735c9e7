/** Enhanced status codes (RFC 3463) and SMTP reply codes found in text. */

const REPLY_IN_TEXT = /(?<![\d.-])([245][0-5]\d)(?=[\s-]|$)/;

/** True for a well-formed code like `5.1.1` (class 2, 4 or 5; subject and detail up to 3 digits). */
export function isStatusCode(value: string | null | undefined): value is string {
  return !!value && /^[245]\.\d{1,3}\.\d{1,3}$/.test(value);
}

const CODE_CANDIDATE = /([245])\.([0-7])\.(\d{1,3})(?!\d)/g;
const IPV4 = /\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b/g;

/**
 * The enhanced status code a text means. Every code written in it is considered (IP addresses and
 * version numbers are not codes); the vague ones (x.0.0, 4.4.7) only count when nothing more
 * specific is written, and between specific ones `preferStatus` decides.
 */
export function findStatusCode(text: string | null | undefined): string | null {
  if (!text || text.length < 5) return null;
  const scan = text.slice(0, 4000).replace(IPV4, '***.***.***.***');
  const specific: string[] = [];
  let vague: string | null = null;
  // exec in a loop, not matchAll: no iterator and no copy of the pattern per text.
  CODE_CANDIDATE.lastIndex = 0;
  for (let match = CODE_CANDIDATE.exec(scan); match; match = CODE_CANDIDATE.exec(scan)) {
    const before = scan[match.index - 1] ?? ' ';
    if (/[\d./-]/.test(before) || before === 'v' || before === 'V') continue;
    const code = `${match[1]}.${match[2]}.${Number(match[3])}`;
    if (/^\d\.0\.0$/.test(code) || code === '4.4.7') vague = code;
    else specific.push(code);
  }
  if (vague) specific.push(vague);
  return specific.reduce<string | null>(
    (chosen, code) => (chosen ? preferStatus(chosen, code, null) : code),
    null,
  );
}

/** The first SMTP reply code (e.g. `550`) in a text, or null. */
export function findReplyCode(text: string | null | undefined): string | null {
  if (!text) return null;
  const match = REPLY_IN_TEXT.exec(text.slice(0, 400));
  return match ? (match[1] as string) : null;
}

/**
 * Choose between the Status: field and the code written in the diagnostic. The more specific one
 * wins, and a reply code's class breaks ties between classes (a `Status: 5.0.0` with
 * `550 5.1.1 user unknown` means 5.1.1).
 */
export function preferStatus(
  field: string | null,
  inText: string | null,
  reply: string | null,
): string | null {
  if (!field) return inText;
  if (!inText || field === inText) return field;
  // A failure's permanent Status (Exim's 5.0.0 after "retry timeout exceeded") is the final word;
  // the 4xx quoted in the text was only the last attempt.
  if (field[0] === '5' && inText[0] === '4') return field;
  const replyClass = reply?.[0];
  if (replyClass && field[0] !== inText[0]) {
    if (replyClass === field[0]) return field;
    if (replyClass === inText[0]) return inText;
  }
  if (field.endsWith('.0.0')) return inText.endsWith('.0.0') ? field : inText;
  if (/\.0$|^\d\.0\./.test(field) && !/\.0$|^\d\.0\./.test(inText)) return inText;
  if (inText.endsWith('.0.0')) return field;
  // An expiry's Status (4.4.7) is more specific than a generic x.y.0 from the last attempt.
  if (field === '4.4.7' && /\.0$/.test(inText)) return field;
  if (['4.4.7', '4.7.0'].includes(field) || field.startsWith('5.3.')) return inText;
  if (/^\d\.5\.[1245]$/.test(field)) return inText;
  if (field === '5.1.1') return /\.0$|^5\.5\./.test(inText) ? field : inText;
  if (field === '5.1.3' && inText.startsWith('5.7.')) return inText;
  return field;
}
