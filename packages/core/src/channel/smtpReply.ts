/**
 * What an SMTP server's refusal means for a send, as a pure decision (RFC 5321 reply codes and
 * RFC 3463 enhanced status codes). The SMTP adapter maps nodemailer's errors through it; the words
 * end up in the feed and the send's detail, so they name the server's own reply.
 */

/** One server reply: the basic code, the enhanced status code when the server gave one, the text. */
export interface SmtpReply {
  code: number;
  /** e.g. `5.1.1` (RFC 3463); wins over the basic code's class where the two disagree. */
  enhanced?: string;
  text: string;
}

export type SmtpReplyOutcome = 'retry' | 'permanent' | 'throttled' | 'auth';

export type SmtpReplyClass =
  | { outcome: 'throttled'; detail: string; retryAfterSeconds: number }
  | { outcome: Exclude<SmtpReplyOutcome, 'throttled'>; detail: string };

/** Words servers use when they slow a sender down (Exchange 4.7.500, Gmail 4.7.28, Postfix anvil). */
const RATE_WORDS = /\brate\b|too many|too fast|throttl|limit|quota|slow down|server busy/i;
/** A sending quota for the day (Gmail 5.4.5, Exchange's submission quota): waiting is the cure. */
const QUOTA_WORDS = /sending (?:limit|quota)|quota exceeded|SubmissionQuotaExceeded/i;
const RATE_BACKOFF_SECONDS = 5 * 60;
const QUOTA_BACKOFF_SECONDS = 60 * 60;
const ENHANCED = /^([245])\.(\d{1,3})\.(\d{1,3})$/;

/** Parses a raw reply (one or several `code-text` lines) into its code, enhanced code and text. */
export function parseSmtpReply(raw: string): SmtpReply | null {
  const lines = raw
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const first = lines[0]?.match(/^(\d{3})(?:[ -]|$)/);
  if (!first) return null;
  let enhanced: string | undefined;
  const texts = lines.map((line) => {
    const rest = line.replace(/^\d{3}[ -]?/, '');
    const [candidate, ...words] = rest.split(/\s+/);
    if (candidate && ENHANCED.test(candidate)) {
      enhanced ??= candidate;
      return words.join(' ');
    }
    return rest;
  });
  return { code: Number(first[1]), ...(enhanced ? { enhanced } : {}), text: texts.join(' ').trim() };
}

/** The reply as people read it: `550 5.1.1 User unknown`. */
export function describeSmtpReply(reply: SmtpReply): string {
  return [String(reply.code), reply.enhanced, reply.text].filter(Boolean).join(' ');
}

/** Whether the reply is transient (4) or permanent (5); the enhanced code decides when present. */
function replyClass(reply: SmtpReply): number {
  const enhancedClass = reply.enhanced?.match(ENHANCED)?.[1];
  return Number(enhancedClass ?? String(reply.code).charAt(0));
}

function isAuthRefusal(reply: SmtpReply): boolean {
  if (reply.code === 535 || reply.code === 534) return true;
  if (reply.enhanced === '5.7.8' || reply.enhanced === '5.7.9') return true;
  // "530 5.7.0 Authentication required": the server wants a login we did not (or could not) give.
  return reply.code === 530 && /auth/i.test(reply.text);
}

/** Classifies a refusal: retry later, give up, slow down, or the password is wrong. */
export function classifySmtpReply(reply: SmtpReply): SmtpReplyClass {
  const said = describeSmtpReply(reply);
  const klass = replyClass(reply);
  if (klass === 5 && isAuthRefusal(reply))
    return { outcome: 'auth', detail: `The SMTP server refused the username and password (${said}).` };
  if (klass === 4 && reply.enhanced?.startsWith('4.7.') && RATE_WORDS.test(reply.text))
    return {
      outcome: 'throttled',
      detail: `The SMTP server is limiting how fast this channel sends (${said}).`,
      retryAfterSeconds: RATE_BACKOFF_SECONDS,
    };
  if (klass === 5 && (reply.enhanced === '5.4.5' || QUOTA_WORDS.test(reply.text)))
    return {
      outcome: 'throttled',
      detail: `The SMTP server's sending quota is used up for now (${said}).`,
      retryAfterSeconds: QUOTA_BACKOFF_SECONDS,
    };
  if (klass === 5) return { outcome: 'permanent', detail: `The SMTP server refused the message (${said}).` };
  if (klass === 4)
    return { outcome: 'retry', detail: `The SMTP server could not take the message right now (${said}).` };
  return { outcome: 'retry', detail: `The SMTP server gave an unexpected answer (${said}).` };
}
