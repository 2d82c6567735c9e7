import { findCommand, findTranscriptCommand } from './command';
import type { Decoded, DecodedRecipient } from './decoders/contract';
import { cleanAddress } from './fields';
import { MAX_DIAGNOSTIC_CHARS, MAX_RECIPIENTS } from './limits';
import { classifyReason, isHardBounce } from './reason/classify';
import { findReplyCode, findStatusCode, isStatusCode, preferStatus } from './status-code';
import { answersAlikeOnTwin, collapseWhiteSpace, latin1Twin } from './text';
import type { BouncedRecipient, BounceReport, DeliveryAction } from './types';

/** Turn one decoder's result into the public per-recipient rows (status, reason, hard/soft). */
/**
 * Wording of a "still trying" notice. Without it, a notice that gives no Action is a failure: an MTA
 * that gave up after retrying (4xx status and all) reports `failed`, reason `expired`.
 */
const STILL_TRYING =
  /\b(delivery (is )?delayed|has been delayed|(will|to) (continue to be attempted|retry|keep trying|be retried)|still trying|hasn't been delivered yet|not yet been delivered|warning: (message|could not send))/i;

/** It answers alike on the notice's Latin-1 twin (text.ts), which spares its two-byte compile. */
const STILL_TRYING_ON_TWIN = answersAlikeOnTwin(STILL_TRYING);

export function toRecipients(decoded: Decoded, context = ''): BouncedRecipient[] {
  const seen = new Set<string>();
  const rows: BouncedRecipient[] = [];
  let stillTrying: boolean | undefined; // one scan of the notice's words, not one per recipient
  for (const recipient of decoded.recipients) {
    const address = cleanAddress(recipient.address) ?? recipient.address.trim().toLowerCase();
    if (!address || seen.has(address)) continue;
    seen.add(address);
    stillTrying ??= STILL_TRYING.test(STILL_TRYING_ON_TWIN ? latin1Twin(context) : context);
    rows.push(toRow(address, recipient, decoded.kind, context, stillTrying));
    if (rows.length >= MAX_RECIPIENTS) break;
  }
  return rows;
}

function toRow(
  address: string,
  r: DecodedRecipient,
  kind: Decoded['kind'],
  context: string,
  stillTrying: boolean,
): BouncedRecipient {
  const diagnostic = r.diagnostic
    ? withWholeReply(collapseWhiteSpace(r.diagnostic).trim(), context).slice(0, MAX_DIAGNOSTIC_CHARS)
    : null;
  const replyCode = r.replyCode ?? findReplyCode(diagnostic);
  const fieldStatus = isStatusCode(r.status) ? r.status : null;
  const status = preferStatus(fieldStatus, findStatusCode(diagnostic), replyCode);
  const action = actionOf(r.action, status, kind, stillTrying);
  if (kind !== 'bounce') {
    const reason =
      kind === 'feedback'
        ? 'feedback'
        : kind === 'auto-reply'
          ? 'vacation'
          : kind === 'delivered'
            ? 'delivered'
            : (r.reason ?? null);
    return { address, action, status, hard: null, reason, diagnostic };
  }
  const command = r.command?.toUpperCase() || findCommand(diagnostic) || findTranscriptCommand(context);
  const facts = {
    status,
    diagnostic,
    action,
    command,
    replyCode,
    decoderReason: r.reason ?? null,
    diagnosticType: r.diagnosticType?.toUpperCase() ?? null,
    statusComment: r.statusComment ?? null,
    context,
  };
  let reason = classifyReason(facts);
  // A terse diagnostic ("550 5.0.0") says nothing; the notice's own words often do.
  if ((reason === 'onhold' || reason === 'undefined') && context) {
    const second = classifyReason({ ...facts, diagnostic: `${diagnostic ?? ''} ${context}`, context: null });
    // The notice's general words can say what went wrong, not who filtered what.
    if (second !== 'onhold' && second !== 'undefined' && second !== 'filtered') reason = second;
  }
  const row: BouncedRecipient = {
    address,
    action,
    status: reportedStatus(fieldStatus, status, action),
    // A delay is never hard: the address may still take the message.
    hard: action !== 'delayed' && isHardBounce(reason, status, replyCode),
    reason,
    diagnostic,
  };
  if (r.retryUntil && action === 'delayed') row.retryUntil = r.retryUntil;
  return row;
}

/**
 * Sendmail quotes only the first line of a multi-line reply ("(reason: 550-5.7.1 ... has a)"); its
 * session transcript in the notice has every line (`<<< 550-5.7.1 ...` ... `<<< 550 5.7.1 ...`).
 * A diagnostic that stops at a continuation line is completed from that transcript.
 */
function withWholeReply(diagnostic: string, context: string): string {
  // Only a transcript in the notice can complete it, and a continuation line has a "-".
  if (!context.includes('<<< ') || !diagnostic.includes('-')) return diagnostic;
  const code = /\b([245]\d\d)-[245]\.\d{1,3}\.\d{1,3}\b/.exec(diagnostic)?.[1];
  if (!code || !context.includes(`<<< ${code}-`) || new RegExp(`\\b${code} [245]\\.`).test(diagnostic))
    return diagnostic;
  // The reply ends where the transcript goes on: another reply or command, an address, "...".
  const end = '(?= <<<| >>>| <\\S+@| \\.\\.\\. | [245]\\d\\d [245]\\.|$)';
  const whole = new RegExp(`<<< ${code}-.{0,1500}?<<< ${code} .{0,400}?${end}`).exec(context)?.[0];
  return whole ? whole.replace(/<<< /g, '') : diagnostic;
}

/**
 * A delay notice's own `Status: 4.4.7` is the status it states for the recipient; the more specific
 * code of the attempt quoted in its text ("441 4.4.1 ... Failed to connect") only says why, and is
 * what the reason was classified on.
 */
function reportedStatus(field: string | null, chosen: string | null, action: DeliveryAction | null) {
  return action === 'delayed' && field === '4.4.7' ? field : chosen;
}

function actionOf(
  action: DeliveryAction | undefined,
  status: string | null,
  kind: Decoded['kind'],
  stillTrying: boolean,
): DeliveryAction | null {
  if (action) return action;
  if (kind === 'delivered') return 'delivered';
  if (kind !== 'bounce') return null;
  return stillTrying && !status?.startsWith('5') ? 'delayed' : 'failed';
}

/** The report's kind follows its recipients: a DSN whose every row was delivered is `delivered`. */
export function reportKind(decoded: Decoded, rows: BouncedRecipient[]): BounceReport['kind'] {
  if (decoded.kind !== 'bounce' && decoded.kind !== 'delivered') return decoded.kind;
  if (!rows.length) return decoded.kind;
  const bounced = rows.some((r) => r.action === 'failed' || r.action === 'delayed');
  return bounced ? 'bounce' : 'delivered';
}
