import { randomToken } from '../mail/ids';
import { renderMessage, textPart } from '../mime/build';
import {
  decodeWords,
  encodeWord,
  formatMailbox,
  type Header,
  headerValue,
  parseAddressList,
  parseHeaderBlock,
  rfc5322Date,
  splitHeadBody,
} from '../mime/headers';
import type { EwsOrg, EwsUser } from './orgs';
import { attr, child, children, text, type XmlNode } from './soap';
import type { EwsItem } from './store';

/** PS_INTERNET_HEADERS: named properties in it are the message's internet headers. */
const INTERNET_HEADERS_SET = '00020386-0000-0000-c000-000000000046';

/** The header name an ExtendedFieldURI names in PS_INTERNET_HEADERS, lower-cased as Exchange keeps them. */
export function internetHeaderName(uri: XmlNode | undefined): string | null {
  if (!uri) return null;
  const distinguished = attr(uri, 'DistinguishedPropertySetId') === 'InternetHeaders';
  if (!distinguished && attr(uri, 'PropertySetId')?.toLowerCase() !== INTERNET_HEADERS_SET) return null;
  return attr(uri, 'PropertyName')?.toLowerCase() ?? null;
}

const addresses = (list: XmlNode | undefined) =>
  children(list, 'Mailbox')
    .map((m) => text(m, 'EmailAddress')?.trim() ?? '')
    .filter((a) => a.length > 0);

type NewItem = Omit<EwsItem, 'itemId' | 'changeKey' | 'sentAt'>;

/** What Exchange makes of a `t:Message` in CreateItem: from MimeContent, or from Subject/Body/recipients. */
export function messageFromRequest(org: EwsOrg, user: EwsUser, message: XmlNode, now: Date): NewItem {
  const mime = text(message, 'MimeContent');
  const headers: Record<string, string> = {};
  for (const property of children(message, 'ExtendedProperty')) {
    const name = internetHeaderName(children(property, 'ExtendedFieldURI')[0]);
    if (name) headers[name] = text(property, 'Value') ?? '';
  }
  if (mime) return fromMime(org, Buffer.from(mime, 'base64').toString('utf8'), message, headers);
  const item = {
    subject: text(message, 'Subject') ?? '',
    to: addresses(child(message, 'ToRecipients')),
    cc: addresses(child(message, 'CcRecipients')),
    bcc: addresses(child(message, 'BccRecipients')),
    internetHeaders: headers,
    internetMessageId: `<${randomToken(12)}@${org.host}>`,
  };
  const body = child(message, 'Body');
  const html = attr(body, 'BodyType') === 'HTML';
  const part = textPart(html ? 'text/html' : 'text/plain', text(message, 'Body') ?? '');
  return { ...item, raw: renderMessage(topHeaders(user, item, now), part) };
}

function topHeaders(user: EwsUser, item: Omit<NewItem, 'raw'>, now: Date): Header[] {
  const list = (values: string[]) => values.join(', ');
  return [
    { name: 'From', value: formatMailbox({ name: user.name, address: user.address }) },
    ...(item.to.length ? [{ name: 'To', value: list(item.to) }] : []),
    ...(item.cc.length ? [{ name: 'Cc', value: list(item.cc) }] : []),
    ...(item.bcc.length ? [{ name: 'Bcc', value: list(item.bcc) }] : []),
    { name: 'Subject', value: encodeWord(item.subject) },
    { name: 'Date', value: rfc5322Date(now) },
    { name: 'Message-ID', value: item.internetMessageId },
    // Named properties in PS_INTERNET_HEADERS go out as headers, under the names Exchange stored.
    ...Object.entries(item.internetHeaders).map(([name, value]) => ({ name, value })),
  ];
}

/** A MIME message as the client built it; explicit recipients win over its headers, as in Exchange. */
function fromMime(org: EwsOrg, raw: string, message: XmlNode, properties: Record<string, string>): NewItem {
  const head = parseHeaderBlock(splitHeadBody(raw).head);
  const fromHeader = (name: string) => parseAddressList(headerValue(head, name)).map((m) => m.address);
  const explicit = (name: string) => addresses(child(message, name));
  const pick = (element: string, header: string) =>
    explicit(element).length ? explicit(element) : fromHeader(header);
  const internetHeaders = Object.fromEntries(
    head.filter((h) => /^x-/i.test(h.name)).map((h) => [h.name.toLowerCase(), h.value]),
  );
  return {
    subject: decodeWords(headerValue(head, 'Subject') ?? ''),
    to: pick('ToRecipients', 'To'),
    cc: pick('CcRecipients', 'Cc'),
    bcc: pick('BccRecipients', 'Bcc'),
    internetHeaders: { ...internetHeaders, ...properties },
    internetMessageId: headerValue(head, 'Message-ID') ?? `<${randomToken(12)}@${org.host}>`,
    raw,
  };
}
