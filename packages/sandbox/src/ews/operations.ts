import { type EwsErrorCode, itemError, operationResponse, success } from './answers';
import { internetHeaderName, messageFromRequest } from './message';
import type { EwsOrg, EwsUser } from './orgs';
import { attr, child, children, text, type XmlNode } from './soap';
import type { EwsItem, EwsStore } from './store';

export interface OperationContext {
  org: EwsOrg;
  user: EwsUser;
  store: EwsStore;
  now: Date;
}

export type OperationOutcome =
  | { kind: 'answer'; body: XmlNode; accepted: boolean }
  | { kind: 'fault'; code: EwsErrorCode; messageXml?: Record<string, string> };

const answer = (body: XmlNode, accepted = false): OperationOutcome => ({ kind: 'answer', body, accepted });
const invalid: OperationOutcome = { kind: 'fault', code: 'ErrorInvalidRequest' };

const FOLDER_NAMES: Record<string, string> = {
  sentitems: 'Sent Items',
  inbox: 'Inbox',
  msgfolderroot: 'Top of Information Store',
};

/** Another mailbox named in a DistinguishedFolderId: Basic users only open their own. */
function mailboxError(ctx: OperationContext, folderId: XmlNode | undefined): EwsErrorCode | null {
  const address = text(child(folderId, 'Mailbox'), 'EmailAddress')?.trim().toLowerCase();
  if (!address || address === ctx.user.address) return null;
  return ctx.org.users.some((u) => u.address === address) ? 'ErrorAccessDenied' : 'ErrorNonExistentMailbox';
}

/** CreateItem: SendAndSaveCopy files the message in Sent Items; SendOnly just sends. No drafts (SaveOnly). */
function createItem(ctx: OperationContext, op: XmlNode): OperationOutcome {
  const messages = children(child(op, 'Items'), 'Message');
  const disposition = attr(op, 'MessageDisposition');
  if (messages.length === 0) return invalid;
  const reply = (perItem: XmlNode[], accepted: boolean) =>
    answer(operationResponse('CreateItem', perItem), accepted);
  if (!disposition)
    return reply(
      messages.map(() => itemError('ErrorMessageDispositionRequired')),
      false,
    );
  if (disposition !== 'SendAndSaveCopy' && disposition !== 'SendOnly') return invalid;
  const folder = children(child(op, 'SavedItemFolderId'), 'DistinguishedFolderId')[0];
  if (folder && attr(folder, 'Id') !== 'sentitems') return invalid;
  const denied = mailboxError(ctx, folder);
  if (denied)
    return reply(
      messages.map(() => itemError(denied)),
      false,
    );
  let accepted = false;
  const perItem = messages.map((message) => {
    const item = messageFromRequest(ctx.org, ctx.user, message, ctx.now);
    if (item.to.length + item.cc.length + item.bcc.length === 0) return itemError('ErrorInvalidRecipients');
    if (disposition === 'SendAndSaveCopy') ctx.store.file(ctx.org, ctx.user, item);
    accepted = true;
    // Sent messages get no ItemId back: the copy in Sent Items is a new item.
    return success({ 'm:Items': '' });
  });
  return reply(perItem, accepted);
}

interface Restriction {
  header: string;
  value: string;
}

/** The one restriction the sandbox evaluates: IsEqualTo on an internet header's named property. */
function readRestriction(op: XmlNode): Restriction | null | 'unsupported' {
  const restriction = child(op, 'Restriction');
  if (!restriction) return null;
  const equal = child(restriction, 'IsEqualTo');
  const header = internetHeaderName(children(equal, 'ExtendedFieldURI')[0]);
  const value = attr(child(child(equal, 'FieldURIOrConstant'), 'Constant'), 'Value');
  if (!header || value === undefined) return 'unsupported';
  return { header, value };
}

function itemXml(item: EwsItem, shape: string, extra: string[]): XmlNode {
  const properties = extra
    .filter((name) => name in item.internetHeaders)
    .map((name) => ({
      't:ExtendedFieldURI': {
        '@_DistinguishedPropertySetId': 'InternetHeaders',
        '@_PropertyName': name,
        '@_PropertyType': 'String',
      },
      't:Value': item.internetHeaders[name],
    }));
  return {
    't:ItemId': { '@_Id': item.itemId, '@_ChangeKey': item.changeKey },
    ...(shape === 'IdOnly' ? {} : { 't:Subject': item.subject, 't:DateTimeSent': item.sentAt.toISOString() }),
    ...(properties.length ? { 't:ExtendedProperty': properties } : {}),
  };
}

/** FindItem, shallow, in Sent Items (or an empty Inbox), with an optional IsEqualTo restriction. */
function findItem(ctx: OperationContext, op: XmlNode): OperationOutcome {
  const folder = children(child(op, 'ParentFolderIds'), 'DistinguishedFolderId')[0];
  const folderName = attr(folder, 'Id') ?? '';
  const restriction = readRestriction(op);
  if (!(folderName in FOLDER_NAMES) || restriction === 'unsupported') return invalid;
  const denied = mailboxError(ctx, folder);
  if (denied) return answer(operationResponse('FindItem', [itemError(denied)]));
  const all = folderName === 'sentitems' ? ctx.store.sentItems(ctx.org.id, ctx.user.id) : [];
  const matching = all.filter(
    (item) =>
      !restriction ||
      item.internetHeaders[restriction.header]?.toLowerCase() === restriction.value.toLowerCase(),
  );
  const view = child(op, 'IndexedPageItemView');
  const offset = Number(attr(view, 'Offset') ?? 0);
  const max = Number(attr(view, 'MaxEntriesReturned') ?? 1000);
  const page = matching.slice(offset, offset + max);
  const shape = text(child(op, 'ItemShape'), 'BaseShape') ?? 'Default';
  const extra = children(child(child(op, 'ItemShape'), 'AdditionalProperties'), 'ExtendedFieldURI')
    .map((uri) => internetHeaderName(uri))
    .filter((name): name is string => name !== null);
  const rootFolder = {
    '@_IndexedPagingOffset': String(offset + page.length),
    '@_TotalItemsInView': String(matching.length),
    '@_IncludesLastItemInRange': String(offset + page.length >= matching.length),
    't:Items': page.length ? { 't:Message': page.map((item) => itemXml(item, shape, extra)) } : '',
  };
  return answer(operationResponse('FindItem', [success({ 'm:RootFolder': rootFolder })]));
}

/** GetFolder on distinguished folders: what a client reads first to check it can open the mailbox. */
function getFolder(ctx: OperationContext, op: XmlNode): OperationOutcome {
  const ids = children(child(op, 'FolderIds'), 'DistinguishedFolderId');
  if (ids.length === 0) return invalid;
  const unknown = ids.find((id) => !((attr(id, 'Id') ?? '') in FOLDER_NAMES));
  // The Id is an enumeration in types.xsd: anything else fails schema validation.
  if (unknown) return { kind: 'fault', code: 'ErrorSchemaValidation' };
  const perFolder = ids.map((id) => {
    const denied = mailboxError(ctx, id);
    if (denied) return itemError(denied);
    const name = attr(id, 'Id')!;
    const count = name === 'sentitems' ? ctx.store.sentItems(ctx.org.id, ctx.user.id).length : 0;
    const folderId = Buffer.from(`${ctx.org.id}/${ctx.user.id}/${name}`).toString('base64');
    return success({
      'm:Folders': {
        't:Folder': {
          't:FolderId': { '@_Id': folderId, '@_ChangeKey': 'AQAAABYAAAA=' },
          't:DisplayName': FOLDER_NAMES[name],
          't:TotalCount': String(count),
          't:ChildFolderCount': '0',
          't:UnreadCount': '0',
        },
      },
    });
  });
  return answer(operationResponse('GetFolder', perFolder));
}

export const OPERATIONS: Record<string, (ctx: OperationContext, op: XmlNode) => OperationOutcome> = {
  CreateItem: createItem,
  FindItem: findItem,
  GetFolder: getFolder,
};
