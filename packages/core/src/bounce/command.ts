/** The SMTP command a failure happened at, read from the error text (`in reply to RCPT TO command`...). */

const DETECTABLE: [RegExp, string][] = [
  [/\b(HELO|EHLO)\b|refused to talk to me|after initial connection|greeting/g, 'HELO'],
  [/\bSTARTTLS\b/g, 'STARTTLS'],
  [/\bAUTH (PLAIN|LOGIN|CRAM-|DIGEST-)/g, 'AUTH'],
  [/\bMAIL F(ROM)?\b/gi, 'MAIL'],
  [/\bRCPT( T(O)?)?\b/gi, 'RCPT'],
  [/\bDATA\b|\bend of data\b/gi, 'DATA'],
  [/\bXFORWARD\b/g, 'XFORWARD'],
];
/** Cheap pre-check: no command word at all means nothing to look for. */
const ANY_COMMAND =
  /HELO|EHLO|STARTTLS|AUTH|MAIL|RCPT|DATA|XFORWARD|refused to talk|initial connection|greeting/i;

/**
 * The last command named in the text wins ("after RCPT TO ... in reply to end of DATA" means DATA).
 * Upper-case words only, except where the phrase itself is unambiguous, so `database@example.jp` or
 * `data.example.com` never count.
 */
export function findCommand(text: string | null | undefined): string | null {
  if (!text || !ANY_COMMAND.test(text)) return null;
  const scan = text.length > 4000 ? text.slice(0, 4000) : text;
  let best: { at: number; name: string } | null = null;
  for (const [pattern, name] of DETECTABLE) {
    // exec in a loop, not matchAll: no iterator and no copy of the pattern per text and command.
    pattern.lastIndex = 0;
    for (let match = pattern.exec(scan); match; match = pattern.exec(scan)) {
      if (isInsideWord(text, match.index, match[0].length)) continue;
      if (!best || match.index >= best.at) best = { at: match.index, name };
    }
  }
  return best?.name ?? null;
}

function isInsideWord(text: string, at: number, length: number): boolean {
  const before = text[at - 1] ?? ' ';
  const after = text[at + length] ?? ' ';
  return /[A-Za-z0-9@._-]/.test(before) && before !== ' '
    ? true
    : /[@.][A-Za-z0-9]/.test(after + (text[at + length + 1] ?? ''));
}

/**
 * The command a Sendmail-style session transcript (`>>> RCPT To:<...>` then `<<< 550 ...`, whitespace
 * collapsed) shows the first failure at. A failing reply with no command of ours before it, right
 * after "... while talking to host:", is the server's greeting: the connection itself was refused.
 */
export function findTranscriptCommand(text: string | null | undefined): string | null {
  if (!text?.includes('<< ')) return null;
  const failure =
    /(?:>>>? ([A-Za-z.]+)(?:[^<>]|<(?!<)|>(?!>)){0,300}?|while talking to \S+:? )<<<? ?[45]\d\d\b/.exec(
      text.slice(0, 4000),
    );
  if (!failure) return null;
  const sent = failure[1]?.toUpperCase();
  if (!sent) return 'CONN';
  if (sent === '.' || sent === 'DATA') return 'DATA';
  return /^(HELO|EHLO|MAIL|RCPT|STARTTLS|AUTH)$/.test(sent) ? sent : null;
}
