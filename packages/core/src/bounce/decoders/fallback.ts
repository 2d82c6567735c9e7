import { cleanAddress } from '../fields';
import type { BounceMessage, Decoded, DecodedRecipient, Decoder } from './contract';
import { fromMailSystem, isBulkMail, looksLikeNotice } from './notice-hints';
import { isDelayWarning, isSuccessOnly } from './prose/delay';
import { diagnosticAt, firstFailureParagraph, firstSmtpAnswer } from './prose/diagnostic';
import { excludedAddresses, isRoleAddress } from './prose/exclusion';
import { findInProse, type ProseFindings } from './prose/finder';
import { fold } from './prose/fold';
import type { LineFacts } from './prose/lines';
import { proseReason } from './prose/reasons';
import { type NamedAddress, noticeText, originalRecipients } from './prose/returned';

/** "This address does not exist" in the six languages (folded). */
const ADDRESS_UNKNOWN =
  /(?<![a-z])(?:(?:user|recipient|address|mailbox|account)(?: name)? (?:is )?(?:unknown|not found|not recognized|not recognised|does ?n.t exist|not exist)|unknown (?:user|recipient|address|mailbox)|no such (?:user|mailbox|address|recipient|account)|(?:destinataire|utilisateur|adresse|compte) (?:est )?(?:inconnu|introuvable|inexistant)|n'existe pas|(?:empfanger|benutzer|adresse|postfach|konto) (?:ist )?(?:unbekannt|existiert nicht|nicht gefunden)|unbekannte?r? (?:empfanger|benutzer)|(?:utente|destinatario|indirizzo|casella) (?:e )?(?:sconosciut|inesistente|non trovat|non esiste)|(?:usuario|destinatario|direccion|buzon|cuenta) (?:es )?(?:desconocid|inexistente|no existe|no encontrad)|(?:usuario|utilizador|destinatario|endereco|conta) (?:e )?(?:desconhecid|inexistente|nao existe|nao encontrad))/;

type Original = ReturnType<typeof noticeText>['original'];

/** Recipients one prose notice may report (the finder reads at most this many too). */
const MAX_FALLBACK_RECIPIENTS = 200;

/**
 * Last resort for notices in no known format: a delivery notice (by its From, Subject or
 * X-Failed-Recipients, `notice-hints.ts`) whose prose names the failed recipients next to failure
 * words, after a label ("Recipient:", "Empfänger:") or in a list after "the following recipients",
 * in six languages (`prose/`). A notice that names none gets the returned original's only To/Cc.
 * Delay warnings come out with action `delayed`. It never runs on ordinary mail, bulk mail or
 * automatic replies: without the notice envelope it declines.
 */
export const textFallback: Decoder = {
  name: 'TextFallback',
  decode(message) {
    if (!looksLikeNotice(message) || isBulkMail(message)) return null;
    const { prose, original } = noticeText(message);
    if (!hasNoticeEnvelope(message, original)) return null;
    const failedHeader = headerRecipients(message);
    const findings = findInProse(prose);
    if (!failedHeader.length && isSuccessOnly(prose)) return deliveredReport(message, findings, original);
    const found = failedHeader.length
      ? failedHeader.map((address) => withDiagnostic(address, findings.lines))
      : proseRecipients(message, findings, original);
    if (!found.length) return null;
    if (found.length === 1) withRemoteAnswer(found[0] as DecodedRecipient, prose, findings.lines);
    if (isDelayWarning(message.subject, prose)) for (const r of found) r.action = 'delayed';
    if (!hasSmtpDialogue(prose))
      for (const r of found) if (saysAddressUnknown(r.diagnostic)) r.command = 'RCPT';
    for (const r of found) r.reason ??= proseReason(r.diagnostic);
    return { decoder: 'TextFallback', kind: 'bounce', recipients: found.slice(0, MAX_FALLBACK_RECIPIENTS) };
  },
};

/** Traces of an SMTP conversation with another server: a transcript, a reply code, a named command. */
const SMTP_DIALOGUE =
  /^\s*(?:>>>|<<<)|\b(?:RCPT|MAIL FROM|DATA|end of data|in reply to|remote (?:server|host)|said:)|(?<![\d.:/-])[245]\d\d[ -]/im;

function hasSmtpDialogue(prose: string): boolean {
  return SMTP_DIALOGUE.test(prose.slice(0, 16 * 1024));
}

/**
 * A notice with no SMTP conversation in it reports its own server's lookup of the address
 * (GroupWise's "user not found", Exchange's "The recipient name is not recognized"): that verdict is
 * the one an SMTP server gives at RCPT, not a filter's answer after DATA, so the recipient's command
 * is RCPT and the classifier reads "unknown" as `userunknown`.
 */
function saysAddressUnknown(diagnostic: string | undefined): boolean {
  return !!diagnostic && ADDRESS_UNKNOWN.test(fold(diagnostic));
}

/**
 * A success report without a delivery-status part ("Your message was delivered to the following
 * recipients"): `delivered`, for the addresses it lists or labels, or the returned original's only To.
 */
function deliveredReport(
  message: BounceMessage,
  findings: ProseFindings,
  original: Original,
): Decoded | null {
  const excluded = excludedAddresses(message, original);
  const keep = (address: string) => !excluded.has(address) && !isRoleAddress(address);
  const listed = findings.recipients
    .filter((r) => r.how !== 'phrase' && keep(r.address))
    .map((r) => r.address);
  const returned = originalRecipients(original).filter((c) => keep(c.address));
  const addresses = listed.length
    ? listed
    : returned.length === 1
      ? [(returned[0] as NamedAddress).address]
      : [];
  if (!addresses.length) return null;
  const recipients = addresses.map((address): DecodedRecipient => ({ address, action: 'delivered' }));
  return {
    decoder: 'TextFallback',
    kind: 'delivered',
    recipients: recipients.slice(0, MAX_FALLBACK_RECIPIENTS),
  };
}

/**
 * A Subject alone ("Delivery delayed", "Returned mail") is not enough: a shop's "your order's delivery
 * is delayed" says the same. A notice also comes from a mail system, names X-Failed-Recipients, has
 * the null Return-Path of RFC 5321 bounces, or returns the original (attached or pasted).
 */
function hasNoticeEnvelope(
  message: BounceMessage,
  original: ReturnType<typeof noticeText>['original'],
): boolean {
  return (
    fromMailSystem(message) ||
    !!message.header('x-failed-recipients') ||
    /^\s*<\s*>\s*$/.test(message.header('return-path')) ||
    !!original ||
    !!message.deliveryStatus
  );
}

function headerRecipients(message: BounceMessage): string[] {
  const values = message.headers.get('x-failed-recipients') ?? [];
  return values
    .flatMap((v) => v.split(','))
    .map((v) => cleanAddress(v))
    .filter((a): a is string => !!a);
}

/** An X-Failed-Recipients address with the paragraph of the prose that names it, if any. */
function withDiagnostic(address: string, lines: readonly LineFacts[]): DecodedRecipient {
  const at = lines.findIndex((line) => line.text.toLowerCase().includes(address));
  const diagnostic = at >= 0 ? diagnosticAt(lines, at) : firstFailureParagraph(lines);
  return diagnostic ? { address, diagnostic } : { address };
}

/**
 * The failed recipients the prose names, without the notice's own, the sender's and the lists'
 * addresses; when it names none, the returned original's To/Cc if that is exactly one address.
 */
function proseRecipients(
  message: BounceMessage,
  findings: ProseFindings,
  original: Original,
): DecodedRecipient[] {
  const excluded = excludedAddresses(message, original);
  const keep = (address: string) => !excluded.has(address) && !isRoleAddress(address);
  const named = findings.recipients.filter((r) => keep(r.address));
  if (named.length)
    return named.map((r) => ({ address: r.address, diagnostic: diagnosticAt(findings.lines, r.line) }));
  if (!findings.lines.some((line) => line.failure)) return [];
  const candidates = onlyOneMentioned(
    [
      ...findings.toAddresses.map((address) => ({ address, name: '' })),
      ...originalRecipients(original),
    ].filter((c) => keep(c.address)),
    findings.lines,
  );
  return candidates
    ? [{ address: candidates.address, diagnostic: firstFailureParagraph(findings.lines) }]
    : [];
}

/**
 * The one failed recipient among the returned original's To/Cc: the only one there is, or the only
 * one whose local part or display name the failure lines mention ("dan123 (user not found)",
 * Exchange's "'Robert Hill' on 15/04/2003 ... The recipient name is not recognized").
 */
function onlyOneMentioned(candidates: NamedAddress[], lines: readonly LineFacts[]): NamedAddress | null {
  const unique = candidates.filter((c, i) => candidates.findIndex((d) => d.address === c.address) === i);
  if (unique.length <= 1) return unique[0] ?? null;
  const failing = lines
    .filter((line, i) => line.failure || lines.slice(Math.max(0, i - 3), i).some((l) => l.introducer))
    .map((line) => line.text.toLowerCase())
    .join('\n');
  const mentioned = unique.filter((c) => {
    const local = c.address.slice(0, c.address.lastIndexOf('@'));
    return [local, c.name.toLowerCase()].some((word) => word.length >= 3 && wholeWord(failing, word));
  });
  return mentioned.length === 1 ? (mentioned[0] as NamedAddress) : null;
}

function wholeWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const before = text[at - 1] ?? ' ';
    const after = text[at + word.length] ?? ' ';
    if (!/[\p{L}\p{N}@._-]/u.test(before) && !/[\p{L}\p{N}@_-]/u.test(after)) return true;
  }
  return false;
}

/**
 * The remote server's answer, where a notice labels it ("Reported error:", "Remote Server returned",
 * hMailServer's "Remote server replied:", "The response was:"): Exchange's NDR card and Gmail's notice put it apart from the recipient's line.
 */
const LABELLED_ANSWER =
  /(?:reported error|remote server (?:returned|replied)|the response (?:from the remote server )?was)\s*:?\s*'?([245]\d\d[ -][^\n']{3,400})/i;

/**
 * A single recipient whose words carry no SMTP code gets the notice's labelled answer, or else the
 * first SMTP answer the prose quotes (with one recipient, it can only be about that one).
 */
function withRemoteAnswer(recipient: DecodedRecipient, prose: string, lines: readonly LineFacts[]): void {
  if (recipient.diagnostic && /\b[245]\d\d[ -][245]\.\d{1,3}\.\d{1,3}\b/.test(recipient.diagnostic)) return;
  const at = lines.findIndex((line) => line.text.toLowerCase().includes(recipient.address));
  const answer = LABELLED_ANSWER.exec(prose)?.[1]?.trim() ?? firstSmtpAnswer(lines, at, recipient.diagnostic);
  if (!answer || recipient.diagnostic?.includes(answer)) return;
  recipient.diagnostic = recipient.diagnostic ? `${answer} ${recipient.diagnostic}` : answer;
}
