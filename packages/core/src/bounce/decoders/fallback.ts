import { cleanAddress } from '../fields';
import { readablePart } from '../text';
import type { BounceMessage, DecodedRecipient, Decoder } from './contract';
import { looksLikeNotice } from './notice-hints';

const ERROR_WORDS =
  /unknown|full|quota|not found|does ?n[o']t exist|no such|rejected|refused|denied|failed|failure|unable|invalid|error|blocked|expired|couldn't|could not|undeliverable|unavailable|disabled|suspended|not accept|permanent|over the limit|too (big|large)|timed? ?out|\b[45]\d\d\b|\b[45]\.\d{1,3}\.\d{1,3}\b/i;
const ADDRESS = /<?([^\s<>"'(),;:[\]@]{1,64}@[A-Za-z0-9][A-Za-z0-9.-]{0,253}\.[A-Za-z]{2,63})>?/g; // bounded (RFC 5321): linear on hostile text
const MAX_FALLBACK_RECIPIENTS = 20;

/**
 * Last resort for notices in no known format: a delivery notice (by its From, Subject or
 * X-Failed-Recipients) whose readable text names an address next to an error. It never runs on
 * ordinary mail: without the notice envelope it declines.
 */
export const textFallback: Decoder = {
  name: 'TextFallback',
  decode(message) {
    if (!looksLikeNotice(message)) return null;
    const failed = headerRecipients(message);
    const found = failed.length ? withDiagnostics(failed, readable(message)) : scanText(message);
    if (!found.length) return null;
    if (found.length === 1) withRemoteAnswer(found[0] as DecodedRecipient, readable(message));
    return { decoder: 'TextFallback', kind: 'bounce', recipients: found.slice(0, MAX_FALLBACK_RECIPIENTS) };
  },
};

function headerRecipients(message: BounceMessage): string[] {
  const values = message.headers.get('x-failed-recipients') ?? [];
  return values
    .flatMap((v) => v.split(','))
    .map((v) => cleanAddress(v))
    .filter((a): a is string => !!a);
}

/** The readable text only: not the machine-readable parts nor the returned original. */
function readable(message: BounceMessage): string {
  const text = readablePart(message.body);
  const original = text.search(/^(Return-Path|Received|Message-I[dD]|DKIM-Signature|MIME-Version):/m);
  return (original > 0 ? text.slice(0, original) : text).slice(0, 64 * 1024);
}

function withDiagnostics(addresses: string[], text: string): DecodedRecipient[] {
  return addresses.map((address) => {
    const diagnostic = errorNear(text, address);
    return diagnostic ? { address, diagnostic } : { address };
  });
}

function scanText(message: BounceMessage): DecodedRecipient[] {
  const text = readable(message);
  const ignore = new Set(
    [message.header('to'), message.from, message.header('reply-to')]
      .map((v) => cleanAddress(v))
      .filter(Boolean),
  );
  const lines = text.split('\n');
  const out: DecodedRecipient[] = [];
  lines.forEach((line, i) => {
    for (const match of line.matchAll(ADDRESS)) {
      const address = cleanAddress(match[1]);
      if (
        !address ||
        ignore.has(address) ||
        /^(mailer-daemon|postmaster|root|noreply|no-reply)@/i.test(address)
      )
        continue;
      if (out.some((r) => r.address === address)) continue;
      const around = lines.slice(Math.max(0, i - 1), i + 3).join(' ');
      if (!ERROR_WORDS.test(around)) continue;
      out.push({ address, diagnostic: around.replace(/\s+/g, ' ').trim() });
    }
  });
  return out;
}

/**
 * The remote server's answer, where a notice labels it ("Reported error:", "Remote Server returned",
 * hMailServer's "Remote server replied:", "The response was:"): Exchange's NDR card and Gmail's notice put it apart from the recipient's line.
 */
const LABELLED_ANSWER =
  /(?:reported error|remote server (?:returned|replied)|the response (?:from the remote server )?was)\s*:?\s*'?([245]\d\d[ -][^\n']{3,400})/i;

/** A single recipient whose words carry no SMTP code gets the notice's labelled answer. */
function withRemoteAnswer(recipient: DecodedRecipient, text: string): void {
  if (recipient.diagnostic && /\b[245]\d\d[ -][245]\.\d{1,3}\.\d{1,3}\b/.test(recipient.diagnostic)) return;
  const answer = LABELLED_ANSWER.exec(text)?.[1]?.trim();
  if (answer) recipient.diagnostic = recipient.diagnostic ? `${answer} ${recipient.diagnostic}` : answer;
}

function errorNear(text: string, address: string): string | undefined {
  const at = text.toLowerCase().indexOf(address);
  if (at < 0) return undefined;
  const around = text
    .slice(Math.max(0, at - 200), at + 400)
    .replace(/\s+/g, ' ')
    .trim();
  return ERROR_WORDS.test(around) ? around : undefined;
}
