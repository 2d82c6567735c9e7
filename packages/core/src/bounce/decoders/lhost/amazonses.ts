import type { BounceMessage, Decoded, DecodedRecipient } from '../contract';
import { findAddress, findStatus, MAX_RECIPIENTS, recipientFrom, safely, scanText } from './util';

/**
 * Amazon SES notifications delivered by e-mail through SNS ("AWS Notification Message" from
 * no-reply@sns.amazonaws.com): the body is the SES JSON event, line-wrapped, followed by "--" and
 * SNS's unsubscribe footer. Bounce → failed recipients with status and diagnostic; Complaint → a
 * feedback report; Delivery → a delivered notice. JSON.parse is the only parser used.
 */
interface SesRecipient {
  emailAddress?: string;
  action?: string;
  status?: string;
  diagnosticCode?: string;
}
interface SesEvent {
  notificationType?: string;
  eventType?: string;
  bounce?: { bounceType?: string; bouncedRecipients?: SesRecipient[] };
  complaint?: { complainedRecipients?: SesRecipient[]; complaintFeedbackType?: string };
  delivery?: { recipients?: string[]; smtpResponse?: string };
  mail?: { messageId?: string; commonHeaders?: { messageId?: string } };
}

function parseJson(text: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The SES event: the body itself, or (raw SNS delivery) the JSON string in its "Message" field. */
function parseEvent(body: string): SesEvent | null {
  const start = body.indexOf('{');
  if (start < 0) return null;
  const footer = body.indexOf('\n--\n', start);
  // SNS wraps long lines; the breaks fall between or inside JSON tokens, never in escapes.
  const outer = parseJson(body.slice(start, footer < 0 ? undefined : footer).replace(/\n/g, ''));
  if (outer && outer.Type === 'Notification' && typeof outer.Message === 'string') {
    return parseJson(outer.Message) as SesEvent | null;
  }
  return outer as SesEvent | null;
}

function bounced(event: SesEvent): DecodedRecipient[] {
  const transient = event.bounce?.bounceType === 'Transient';
  return (event.bounce?.bouncedRecipients ?? []).slice(0, MAX_RECIPIENTS).map((r) => {
    const diagnostic = String(r.diagnosticCode ?? '').replace(/^smtp;\s*/i, '');
    const status = findStatus(String(r.status ?? '')) ?? undefined;
    return recipientFrom(findAddress(String(r.emailAddress ?? '')), diagnostic, {
      action: transient ? 'delayed' : 'failed',
      status,
    });
  });
}

function toDecoded(event: SesEvent): Decoded | null {
  const type = event.notificationType ?? event.eventType ?? '';
  const messageId = event.mail?.commonHeaders?.messageId?.replace(/^<|>$/g, '');
  const base = messageId ? { originalMessageId: messageId } : {};
  if (type === 'Bounce') return { decoder: 'AmazonSES', kind: 'bounce', recipients: bounced(event), ...base };
  if (type === 'Complaint') {
    const recipients = (event.complaint?.complainedRecipients ?? [])
      .slice(0, MAX_RECIPIENTS)
      .map((r) => ({ address: findAddress(String(r.emailAddress ?? '')), reason: 'feedback' as const }));
    return { decoder: 'AmazonSES', kind: 'feedback', recipients, ...base };
  }
  if (type === 'Delivery') {
    const response = String(event.delivery?.smtpResponse ?? '');
    const recipients = (event.delivery?.recipients ?? [])
      .slice(0, MAX_RECIPIENTS)
      .map((a) =>
        recipientFrom(findAddress(String(a)), response, { action: 'delivered', reason: 'delivered' }),
      );
    return { decoder: 'AmazonSES', kind: 'delivered', recipients, ...base };
  }
  return null;
}

function isSes(m: BounceMessage): boolean {
  return /@sns\.amazonaws\.com|amazonses\.com/i.test(m.from) || m.headers.has('x-amz-sns-message-id');
}

export const AmazonSES = safely('AmazonSES', (m) => {
  if (!isSes(m)) return null;
  const event = parseEvent(scanText(m.body));
  const decoded = event ? toDecoded(event) : null;
  if (!decoded) return null;
  decoded.recipients = decoded.recipients.filter((r) => r.address);
  return decoded;
});
