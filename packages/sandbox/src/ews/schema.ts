import { XMLParser } from 'fast-xml-parser';

/**
 * The parts of messages.xsd/types.xsd whose element order the sandbox checks, as Exchange does
 * (a schema-invalid request is ErrorSchemaValidation, not a best effort). Sequences are the
 * schema's, trimmed to elements a client may send.
 */
const MESSAGE = [
  // ItemType
  'MimeContent',
  'ItemId',
  'ParentFolderId',
  'ItemClass',
  'Subject',
  'Sensitivity',
  'Body',
  'Attachments',
  'DateTimeReceived',
  'Size',
  'Categories',
  'Importance',
  'InReplyTo',
  'IsSubmitted',
  'IsDraft',
  'IsFromMe',
  'IsResend',
  'IsUnmodified',
  'InternetMessageHeaders',
  'DateTimeSent',
  'DateTimeCreated',
  'ResponseObjects',
  'ReminderDueBy',
  'ReminderIsSet',
  'ReminderMinutesBeforeStart',
  'DisplayCc',
  'DisplayTo',
  'HasAttachments',
  'ExtendedProperty',
  'Culture',
  // MessageType
  'Sender',
  'ToRecipients',
  'CcRecipients',
  'BccRecipients',
  'IsReadReceiptRequested',
  'IsDeliveryReceiptRequested',
  'ConversationIndex',
  'ConversationTopic',
  'From',
  'InternetMessageId',
  'IsRead',
  'IsResponseRequested',
  'References',
  'ReplyTo',
];
const OPERATIONS: Record<string, string[]> = {
  CreateItem: ['SavedItemFolderId', 'Items'],
  FindItem: [
    'ItemShape',
    'IndexedPageItemView',
    'FractionalPageItemView',
    'SeekToConditionPageItemView',
    'CalendarView',
    'ContactsView',
    'GroupBy',
    'DistinguishedGroupBy',
    'Restriction',
    'SortOrder',
    'ParentFolderIds',
    'QueryString',
  ],
  GetFolder: ['FolderShape', 'FolderIds'],
};
/** ExchangeVersionType values Exchange 2016/2019 accept in RequestServerVersion. */
export const REQUEST_VERSIONS = new Set([
  'Exchange2007',
  'Exchange2007_SP1',
  'Exchange2010',
  'Exchange2010_SP1',
  'Exchange2010_SP2',
  'Exchange2013',
  'Exchange2013_SP1',
  'Exchange2015',
  'Exchange2016',
  'V2015_10_05',
  'V2016_01_06',
  'V2016_04_13',
  'V2016_07_13',
  'V2016_10_10',
  'V2017_01_07',
  'V2017_04_14',
  'V2017_07_11',
]);

type Ordered = Record<string, unknown>[];
const ordered = new XMLParser({ preserveOrder: true, removeNSPrefix: true, ignoreAttributes: true });

const nameOf = (node: Record<string, unknown>) => Object.keys(node).find((k) => k !== ':@' && k !== '#text');
const names = (nodes: Ordered) => nodes.map(nameOf).filter((n): n is string => !!n);
const inside = (nodes: Ordered | undefined, name: string): Ordered[] =>
  (nodes ?? []).filter((n) => nameOf(n) === name).map((n) => n[name] as Ordered);

function violation(parent: string, found: string[], sequence: string[]): string | null {
  let last = -1;
  for (const element of found) {
    const at = sequence.indexOf(element);
    if (at < 0 || at < last)
      return `The element '${parent}' in namespace 'http://schemas.microsoft.com/exchange/services/2006/types' has invalid child element '${element}'.`;
    last = at;
  }
  return null;
}

/** The first schema violation among the checked sequences of a well-formed request, or null. */
export function schemaViolation(text: string): string | null {
  const envelope = inside(ordered.parse(text) as Ordered, 'Envelope')[0];
  const body = inside(envelope, 'Body')[0] ?? [];
  const operation = names(body)[0];
  const sequence = operation ? OPERATIONS[operation] : undefined;
  if (!operation || !sequence) return null;
  const children = inside(body, operation)[0] ?? [];
  const own = violation(operation, names(children), sequence);
  if (own || operation !== 'CreateItem') return own;
  for (const message of inside(inside(children, 'Items')[0], 'Message')) {
    const found = violation('Message', names(message), MESSAGE);
    if (found) return found;
  }
  return null;
}
