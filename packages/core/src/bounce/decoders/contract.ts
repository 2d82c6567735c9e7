import type { BounceReason, DeliveryAction, MessageKind } from '../types';

/**
 * What every decoder sees: one message, already MIME-parsed by postal-mime and flattened into the
 * views bounce decoders need (Sisimai's "BeforeFact"). Built once per message by the engine.
 */
export interface BounceMessage {
  /** Lower-cased header name → values in order (unfolded, RFC 2047 decoded). */
  headers: Map<string, string[]>;
  /** First value of a header, or '' (name is case-insensitive). */
  header(name: string): string;
  subject: string;
  /** From header as written (display name and address). */
  from: string;
  /**
   * The readable body: the text/plain parts (or text/html reduced to text when there is no plain
   * part) in order, then each message/delivery-status part, then the returned message or its
   * headers, each separated by a line `--- <content-type> ---`. Line endings normalised to \n.
   */
  body: string;
  /** The text of each leaf part in order, with its content type, lower-cased. */
  parts: { contentType: string; text: string }[];
  /** Concatenated message/delivery-status (or message/global-delivery-status) parts, or null. */
  deliveryStatus: string | null;
  /** message/feedback-report part, or null. */
  feedbackReport: string | null;
  /** The returned original message (message/rfc822 or text/rfc822-headers), raw text, or null. */
  returnedMessage: string | null;
}

/** One recipient as a decoder read it. Fields it could not find stay undefined. */
export interface DecodedRecipient {
  address: string;
  /** Original-Recipient or alias when the notice gives one. */
  alias?: string;
  action?: DeliveryAction;
  /** Enhanced status code from the notice, e.g. `5.1.1`. */
  status?: string;
  /** The reporting MTA's comment on that code (`Status: 5.2.1 (mailbox disabled, not accepting messages)`). */
  statusComment?: string;
  /** SMTP reply code, e.g. `550`. */
  replyCode?: string;
  /** The error text for this recipient (Diagnostic-Code or the MTA's sentence). */
  diagnostic?: string;
  /** SMTP command that failed (RCPT, DATA, MAIL, CONN...), when the notice says. */
  command?: string;
  /** Type of the diagnostic (`SMTP`, `X-UNIX`, `X-POSTFIX`...), when the notice says. */
  diagnosticType?: string;
  /** A reason the decoder knows for sure from the format (e.g. a provider-specific code). */
  reason?: BounceReason;
  /** When a delayed delivery stops being retried (RFC 3464 Will-Retry-Until), as ISO 8601. */
  retryUntil?: string;
}

export interface Decoded {
  /** Decoder name, Sisimai-style (`Postfix`, `Exim`, `RFC3464`, `Gmail`...). */
  decoder: string;
  kind: MessageKind;
  recipients: DecodedRecipient[];
  /** Message-ID of the returned original, without angle brackets, if the decoder found it. */
  originalMessageId?: string;
}

/**
 * A decoder recognises one family of notices. It returns null ("declines") when the message is not
 * its own, and never throws: the engine tries the next one.
 */
export interface Decoder {
  name: string;
  decode(message: BounceMessage): Decoded | null;
}
