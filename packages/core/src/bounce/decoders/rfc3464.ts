import { findCommand } from '../command';
import { cleanAddress, type FieldBlock, readFieldBlocks, stripDiagnosticType } from '../fields';
import { findReplyCode, findStatusCode, isStatusCode } from '../status-code';
import { collapseWhiteSpace, readablePart } from '../text';
import type { DeliveryAction } from '../types';
import type { Decoded, DecodedRecipient, Decoder } from './contract';

const ACTIONS: Record<string, DeliveryAction> = {
  failed: 'failed',
  failure: 'failed',
  delayed: 'delayed',
  delivered: 'delivered',
  deliverable: 'delivered',
  relayed: 'relayed',
  expanded: 'expanded',
  expired: 'failed',
};

/**
 * RFC 3464 delivery status notifications: a message/delivery-status part (or, for notices that
 * paste it into the text, the same fields in the body) with one block per recipient.
 */
export const rfc3464: Decoder = {
  name: 'RFC3464',
  decode(message) {
    const inline = message.deliveryStatus === null;
    const fields = message.deliveryStatus ?? inlineDeliveryStatus(message.body);
    if (!fields) return null;
    // Pasted fields count only with an Action or Status: a read receipt has Final-Recipient too.
    const recipients = readRecipients(fields).filter((r) => !inline || r.action || r.status);
    if (!recipients.length) return null;
    const readable = readablePart(message.body, '\n--- message/');
    // Lower-cased once per notice, not once per recipient: a notice may list hundreds of them.
    const readableLower = readable.toLowerCase();
    for (const r of recipients) {
      enrichFromText(r, readable, readableLower);
      r.diagnostic = wholeReply(r.diagnostic, readable);
    }
    const command = transcriptCommand(readable, readableLower);
    if (command) for (const r of recipients) r.command ??= command;
    return { decoder: 'RFC3464', kind: kindOf(recipients), recipients };
  },
};

/** Per-recipient blocks of a delivery-status text, with per-message fields as defaults. */
function readRecipients(fields: string): DecodedRecipient[] {
  const out: DecodedRecipient[] = [];
  for (const block of readFieldBlocks(fields)) {
    const recipient = recipientOf(block);
    if (recipient) out.push(recipient);
  }
  return out;
}

function recipientOf(block: FieldBlock): DecodedRecipient | null {
  const final = cleanAddress(block.get('final-recipient'));
  const original = cleanAddress(block.get('original-recipient'));
  const actual = cleanAddress(block.get('x-actual-recipient'));
  const address = final ?? original ?? actual;
  if (!address) return null;
  const recipient: DecodedRecipient = { address };
  const alias =
    original && original !== address ? original : actual && actual !== address ? actual : undefined;
  if (alias) recipient.alias = alias;
  const action = actionOf(block.get('action'));
  if (action) recipient.action = action;
  const statusValue = block.get('status');
  const status = statusField(statusValue);
  if (status) recipient.status = status;
  // The comment is in parentheses: without a `(` the regex cannot match.
  const comment = statusValue?.includes('(')
    ? /\(([^()]{3,120})\)/.exec(statusValue)?.[1]?.trim()
    : undefined;
  if (comment) recipient.statusComment = comment;
  const retryUntil = dateField(block.get('will-retry-until'));
  if (retryUntil && action === 'delayed') recipient.retryUntil = retryUntil;
  // Diagnostic-Code is read (type and text split off) once, for both the diagnostic and its type.
  const dsnCode = block.get('diagnostic-code');
  const dsnParts = dsnCode ? stripDiagnosticType(dsnCode) : null;
  const diagnostic = diagnosticOf(block, dsnParts);
  const type = dsnParts?.type ?? undefined;
  if (type) recipient.diagnosticType = type;
  if (diagnostic) {
    recipient.diagnostic = diagnostic;
    const reply = findReplyCode(diagnostic);
    if (reply) recipient.replyCode = reply;
  }
  return recipient;
}

/** An RFC 5322 date field as ISO 8601; undefined when absent or unreadable. */
function dateField(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const at = Date.parse(value.replace(/\s*\([^)]*\)\s*$/, '').trim());
  return Number.isFinite(at) ? new Date(at).toISOString() : undefined;
}

function statusField(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const code = /^\s*([245]\.\d{1,3}\.\d{1,3})/.exec(value)?.[1];
  // Leading zeros off ("5.01.1" → "5.1.1"): only a part after a dot can have one.
  if (code && isStatusCode(code)) return code.includes('.0') ? code.split('.').map(Number).join('.') : code;
  return findStatusCode(value) ?? undefined;
}

/** `Action: failed (permanent)` → `failed`: the first word, lower-cased, if it is a known action. */
function actionOf(value: string | undefined): DeliveryAction | undefined {
  const lower = (value ?? '').toLowerCase();
  // A value that is itself an action has no space or `(` to split at: the split would give it back.
  if (Object.hasOwn(ACTIONS, lower)) return ACTIONS[lower];
  return ACTIONS[lower.split(/[\s(]/)[0] ?? ''];
}

/** `dsnParts`: the block's Diagnostic-Code already split by `stripDiagnosticType`, if it has one. */
function diagnosticOf(
  block: FieldBlock,
  dsnParts: ReturnType<typeof stripDiagnosticType> | null,
): string | undefined {
  const raw =
    block.get('diagnostic-code') ?? block.get('x-diagnostic-code') ?? block.get('x-postfix-diagnostic-code');
  if (!raw) return undefined;
  const text = collapseWhiteSpace((dsnParts ?? stripDiagnosticType(raw)).text).trim();
  return text || undefined;
}

const SMTP_RESPONSE =
  /\bsaid:|in reply to|remote server returned|\b[245]\d\d[ -][245]\.\d|^\s*\d{3}[ -]|error:|reason:/im;

/**
 * Many MTAs (Postfix, Sendmail, Exchange, OpenSMTPD, PowerMTA) write the remote server's full answer
 * next to the recipient in the readable part, and the DSN fields carry less. Take that paragraph as
 * the diagnostic when it holds an SMTP answer (or there is no Diagnostic-Code), and the command it names.
 */
function enrichFromText(recipient: DecodedRecipient, readable: string, readableLower: string): void {
  const paragraph = paragraphAbout(readable, readableLower, recipient.address);
  if (!paragraph) return;
  // The length first: it is free, and the regex then runs only where its answer matters.
  if (
    !recipient.diagnostic ||
    (paragraph.length > recipient.diagnostic.length && SMTP_RESPONSE.test(paragraph))
  ) {
    recipient.diagnostic = paragraph;
  }
  const command = findCommand(paragraph);
  if (command && !recipient.command) recipient.command = command;
}

/**
 * Sendmail's Diagnostic-Code keeps only the first line of a multi-line reply (`550-5.7.1 ...`); its
 * transcript (`<<< 550-5.7.1 ...`) has the rest, which is where the reason often is ("... DMARC
 * policy"). Join the reply's lines, each without its code prefix.
 */
function wholeReply(diagnostic: string | undefined, readable: string): string | undefined {
  if (!diagnostic || !/^\d{3}-/.test(diagnostic)) return diagnostic;
  const at = readable.indexOf(`<<< ${diagnostic.slice(0, 40)}`);
  if (at < 0) return diagnostic;
  const parts: string[] = [];
  for (const line of readable
    .slice(at, at + 4000)
    .split('\n')
    .slice(0, 30)) {
    const m = /^<<< (\d{3})([- ])(?:[245]\.\d{1,3}\.\d{1,3} )?(.*)$/.exec(line.trim());
    if (!m) break;
    parts.push(parts.length ? (m[3] ?? '') : line.trim().slice(4));
    if (m[2] === ' ') break;
  }
  return parts.length > 1 ? collapseWhiteSpace(parts.join(' ')).trim() : diagnostic;
}

/**
 * The paragraph about one recipient: from a line naming the address to the next blank line or the
 * next line that starts with another address (bounded). Of the places the address appears, the
 * first whose paragraph holds an SMTP answer or an error wins.
 */
function paragraphAbout(text: string, lower: string, address: string): string | null {
  const needle = address.toLowerCase();
  let best: string | null = null;
  for (
    let at = lower.indexOf(needle), seen = 0;
    at >= 0 && seen < 6;
    at = lower.indexOf(needle, at + needle.length), seen++
  ) {
    const paragraph = paragraphFrom(text, text.lastIndexOf('\n', at) + 1, needle);
    if (paragraph.length <= address.length + 3) continue;
    if (SMTP_RESPONSE.test(paragraph) || ERRORISH.test(paragraph)) return paragraph;
    if (!best || paragraph.length > best.length) best = paragraph;
  }
  return best;
}

const ERRORISH =
  /unknown|refused|rejected|denied|failed|full|quota|does ?n[o']t exist|no such|deferred|timed? ?out|unable|invalid/i;

/**
 * Reads the lines of the next 2000 characters one at a time (most paragraphs end within a few lines,
 * so the rest is never split off).
 */
function paragraphFrom(text: string, start: number, needle: string): string {
  const end = Math.min(text.length, start + 2000);
  const kept: string[] = [];
  for (let at = start, first = true; ; first = false) {
    const newline = text.indexOf('\n', at);
    const stop = newline < 0 || newline >= end ? end : newline;
    const line = text.slice(at, stop);
    if (!line.trim()) break;
    if (!first && startsWithOtherAddress(line, needle)) break;
    kept.push(line);
    if (stop === end) break;
    at = stop + 1;
  }
  return collapseWhiteSpace(kept.join(' ')).trim();
}

/** A line that starts with an address other than `needle` starts the next recipient's paragraph. */
function startsWithOtherAddress(line: string, needle: string): boolean {
  if (!line.includes('@')) return false; // the address pattern needs one
  // Greedy up to the address's end, then trailing dots off: `<a@b.example>... User Unknown`.
  const other = /^\s*<?([^\s<>@]+@[^\s<>:,]+)/
    .exec(line)?.[1]
    ?.replace(/[.>]+$/, '')
    .toLowerCase();
  return !!other && other !== needle;
}

/**
 * The SMTP command named in the human-readable part (`readable`, already cut before the
 * machine-readable fields): a transcript line (`>>> RCPT TO:<...>`) or Postfix's
 * `(in reply to RCPT TO command)`.
 */
function transcriptCommand(readable: string, lower: string): string | undefined {
  // Each alternative needs its words: `>>> `, or `in reply to` in any case (an ASCII pattern with `i`
  // matches ASCII letters only, so the lower-cased text has them). Without both, skip the scan.
  if (!readable.includes('>>> ') && !lower.includes('in reply to')) return undefined;
  const lines = readable.match(/^\s*>>> .*$|in reply to[\s\S]{0,24}?command/gim);
  const last = lines?.[lines.length - 1];
  return last ? (findCommand(last) ?? undefined) : undefined;
}

function kindOf(recipients: DecodedRecipient[]): Decoded['kind'] {
  const bounced = recipients.some((r) => r.action === 'failed' || r.action === 'delayed' || !r.action);
  return bounced ? 'bounce' : 'delivered';
}

/** DSN fields pasted into a text body (some gateways do that): from the first Final-Recipient on. */
function inlineDeliveryStatus(body: string): string | null {
  const at = body.search(/^\s*(Final|Original)-Recipient\s*:/im);
  if (at < 0) return null;
  const start = body.lastIndexOf('\n\n', at);
  return body.slice(Math.max(start, 0), at + 20000).replace(/^[ \t]+(?=[A-Za-z-]+:)/gm, '');
}
