import { cleanAddress } from '../fields';
import { answersAlikeOnTwin, latin1Twin } from '../text';
import type { BounceMessage } from './contract';
import { isListManagerAddress } from './prose/exclusion';
import { fold } from './prose/fold';
import { PHRASES } from './prose/phrases';

/** A sender that only ever sends delivery notices. */
const DAEMON_FROM =
  /mailer-daemon|postmaster|mail delivery|mailerdaemon|mail administrator|microsoftexchange/i;
/** Subjects delivery notices use. */
const BOUNCE_SUBJECT =
  /undeliver|undelivered|delivery (status|failure|failed|notification|has failed|problem)|returned mail|failure notice|mail delivery|could not be delivered|error sending|non[- ]?delivery|delivery has failed|not delivered|mail failure|returned to sender|nondeliverable|delivery report|rejected/i;

/** Subjects of automatic replies (out-of-office, vacation) in the languages the engine reads. */
export const AUTO_REPLY_SUBJECT =
  /^(auto(matic)?[ -]?(reply|response|antwort|risposta|r[ée]ponse)|auto:|out of (the )?office|vacation|abwesenheit|away from|i am (away|out)|r[ée]ponse automatique|respuesta autom[aá]tica|risposta automatica|automatisch antwoord|automatische antwort|abwesenheitsnotiz|resposta autom[aá]tica|automaattinen vastaus|automatiskt svar|automatisk svar|absent du bureau|fuori sede|fuori ufficio|fuera de la oficina|fora do escrit[oó]rio)/i;

/**
 * True when the From names a mail system: MAILER-DAEMON, postmaster, "Mail Delivery System" in six
 * languages, or a list manager's role address (LISTSERV@, `-owner`, `+owner`, `-request`).
 */
export function fromMailSystem(message: BounceMessage): boolean {
  if (DAEMON_FROM.test(message.from) || PHRASES.sender.test(fold(message.from.slice(0, 300)))) return true;
  const address = cleanAddress(message.from);
  return !!address && isListManagerAddress(address);
}

/**
 * An automatic reply by a person's mailbox (`Auto-Submitted: auto-replied` or an out-of-office
 * Subject, not from a mail system, no X-Failed-Recipients): even with "undeliverable" in its Subject
 * ("Automatic reply: Undeliverable: ...") it is not a delivery notice.
 */
function isPersonalAutoReply(message: BounceMessage): boolean {
  if (fromMailSystem(message) || message.header('x-failed-recipients')) return false;
  return (
    message.header('auto-submitted').toLowerCase().startsWith('auto-replied') ||
    AUTO_REPLY_SUBJECT.test(message.subject.trim())
  );
}

/**
 * A Subject in Japanese or with curly quotes is a two-byte string: on its Latin-1 twin (text.ts) the
 * subject patterns answer alike and are not compiled a second time for it.
 */
const SUBJECT_ON_TWIN = answersAlikeOnTwin(PHRASES.subject) && answersAlikeOnTwin(BOUNCE_SUBJECT);

function subjectForPhrases(folded: string): string {
  return SUBJECT_ON_TWIN ? latin1Twin(folded) : folded;
}

/**
 * True when the envelope of the notice (From, Subject, X-Failed-Recipients) says delivery failed or
 * is delayed, in English, French, German, Italian, Spanish or Portuguese.
 */
export function looksLikeNotice(message: BounceMessage): boolean {
  if (message.header('x-failed-recipients')) return true;
  if (isPersonalAutoReply(message)) return false;
  return (
    fromMailSystem(message) ||
    BOUNCE_SUBJECT.test(subjectForPhrases(message.subject)) ||
    PHRASES.subject.test(subjectForPhrases(fold(message.subject.slice(0, 500))))
  );
}

/**
 * Bulk mail (a newsletter, a list post) without a mail system's From: its words about "returned
 * mail" or "delivery problems" are content, not a notice. A list manager's notice that returns the
 * refused post ("Your message to Team-list was rejected", Precedence: bulk) is still a notice.
 */
export function isBulkMail(message: BounceMessage): boolean {
  if (fromMailSystem(message) || message.header('x-failed-recipients')) return false;
  if (message.returnedMessage || message.deliveryStatus) return false;
  return (
    !!message.header('list-unsubscribe') ||
    !!message.header('list-id') ||
    /^(bulk|list|junk)/i.test(message.header('precedence').trim())
  );
}

/**
 * Forward and reply prefixes of mail clients: English, French (TR, RE), German (WG, AW), Italian (I,
 * R, RIF), Spanish (RV, RE), Portuguese (ENC, RES), Dutch and Nordic ones.
 */
const FORWARD_SUBJECT = /^\s*(fwd?|fw|tr|wg|rv|enc|doorst|re|aw|sv|vs|rif|res|i|r)\s*:/i;
/** Some carriers' notices come from `post_master@` with a "Re:" subject (Verizon, Apache James). */
const SYSTEM_FROM = /post_master|no-?reply|daemon/i;
/** Machine-readable delivery-status fields, quoted or not. */
const REPORT_FIELDS =
  /^[>\s]*(final-recipient|original-recipient)\s*:|^[>\s]*action\s*:\s*(failed|delayed)/im;

/**
 * A person forwarding (or replying to) a notice they received, with only its readable text ("FW:
 * Undeliverable: ..." from a colleague): a conversation about a bounce, not a bounce. A forward that carries the
 * whole report (its delivery-status fields, a returned message part, X-Failed-Recipients) is still
 * read as the notice it carries, as Sisimai does.
 */
export function isForwardedByPerson(message: BounceMessage): boolean {
  if (!FORWARD_SUBJECT.test(message.subject)) return false;
  if (DAEMON_FROM.test(message.from) || SYSTEM_FROM.test(message.from)) return false;
  if (message.deliveryStatus || message.feedbackReport || message.returnedMessage) return false;
  if (message.header('x-failed-recipients') || message.header('auto-submitted')) return false;
  return !REPORT_FIELDS.test(message.body.slice(0, 64 * 1024));
}
