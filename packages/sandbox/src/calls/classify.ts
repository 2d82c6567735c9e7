import { GMAIL_METHODS } from './gmailMethods';
import type { CallKind } from './kinds';

/** One provider call, reduced to what the log keeps. */
export interface CallShape {
  /** Route template, e.g. `GET /gmail/v1/users/{userId}/messages/{id}`. */
  route: string;
  kind: CallKind;
  /** Gmail quota units (0 for Graph and EWS). */
  units: number;
}

function matches(template: string[], segments: string[]): boolean {
  return template.length === segments.length && template.every((t, i) => t === '{id}' || t === segments[i]);
}

/** A Gmail API call by HTTP method and request path (anything before `/gmail/v1/` or `/upload/gmail/v1/` is ignored). */
export function classifyGmail(verb: string, path: string): CallShape {
  const found = /(\/upload)?\/gmail\/v1\/users\/[^/]+/.exec(path);
  if (!found) return { route: `${verb} ${path}`, kind: 'other', units: 0 };
  const prefix = `${found[1] ?? ''}/gmail/v1/users/{userId}`;
  const segments = path
    .slice(found.index + found[0].length)
    .split('/')
    .filter(Boolean);
  const method = GMAIL_METHODS.find((x) => x.verb === verb && matches(x.path.split('/'), segments));
  if (method) return { route: `${verb} ${prefix}/${method.path}`, kind: method.kind, units: method.units };
  const template = segments.map((s, i) => (i % 2 === 1 ? '{id}' : s)).join('/');
  const touchesMail = /^(messages|threads|labels)$/.test(segments[0] ?? '');
  return {
    route: `${verb} ${prefix}/${template}`,
    kind: verb === 'GET' ? 'read' : touchesMail ? 'mutate' : 'other',
    units: 0,
  };
}

/** Segments followed by an item id in Graph's mail paths. */
const ID_AFTER = new Set(['users', 'messages', 'mailFolders', 'childFolders', 'attachments', 'extensions']);
/** Well-known folder names stay in the template: they tell Inbox from Sent Items. */
const WELL_KNOWN = new Set([
  'inbox',
  'sentitems',
  'drafts',
  'deleteditems',
  'junkemail',
  'archive',
  'outbox',
]);
const SENDS = new Set(['send', 'reply', 'replyAll', 'forward']);
const DRAFTS = new Set(['createReply', 'createReplyAll', 'createForward']);
const MUTATIONS = new Set(['move', 'copy', 'permanentDelete']);

function graphTemplate(segments: string[]): string[] {
  return segments.map((s, i) => {
    const before = segments[i - 1] ?? '';
    if (!ID_AFTER.has(before) || s === 'delta' || s === '$count') return s;
    return before === 'mailFolders' && WELL_KNOWN.has(s.toLowerCase()) ? s.toLowerCase() : '{id}';
  });
}

function graphKind(verb: string, template: string[]): CallKind {
  const last = template[template.length - 1] ?? '';
  if (verb === 'GET') return 'read';
  if (verb === 'POST' && (last === 'sendMail' || SENDS.has(last))) return 'send';
  if (verb === 'POST' && DRAFTS.has(last)) return 'draft';
  // POST /me/messages (and into Drafts) creates a draft; into any other folder it files mail.
  if (verb === 'POST' && last === 'messages') {
    const folder = template[template.length - 2];
    return folder === 'me' || folder === '{id}' || folder === 'drafts' ? 'draft' : 'mutate';
  }
  if (verb === 'POST' && MUTATIONS.has(last)) return 'mutate';
  const mail = template.some((s) => s === 'messages' || s === 'mailFolders' || s === 'childFolders');
  return mail ? 'mutate' : 'other';
}

/** A Microsoft Graph call by HTTP method and path (the part after `/v1.0`). */
export function classifyGraph(verb: string, path: string): CallShape {
  const rest = path.replace(/^.*?\/v1\.0(?=\/|$)/, '');
  const segments = rest.split('/').filter(Boolean);
  const template = graphTemplate(segments);
  // POST /me/messages: "me" is the owner, not a folder id.
  const kind = graphKind(verb, template[0] === 'users' ? ['me', ...template.slice(2)] : template);
  return { route: `${verb} /${template.join('/')}`, kind, units: 0 };
}

/** EWS operations that change mail (MS-OXWSCORE, MS-OXWSFOLD); CreateItem depends on its disposition. */
const EWS_MUTATIONS = new Set([
  'UpdateItem',
  'DeleteItem',
  'MoveItem',
  'CopyItem',
  'MarkAsJunk',
  'MarkAllItemsAsRead',
  'CreateFolder',
  'UpdateFolder',
  'DeleteFolder',
  'MoveFolder',
  'CopyFolder',
  'EmptyFolder',
  'UploadItems',
  'ArchiveItem',
]);

/** An EWS SOAP call by its operation (the first element of the SOAP body) and CreateItem's MessageDisposition. */
export function classifyEws(operation: string, disposition: string | null): CallShape {
  let kind: CallKind = 'other';
  if (/^(Get|Find|Resolve|Sync|Convert|Expand)/.test(operation)) kind = 'read';
  if (EWS_MUTATIONS.has(operation)) kind = 'mutate';
  if (operation === 'SendItem') kind = 'send';
  if (operation === 'CreateItem') kind = disposition === 'SaveOnly' ? 'draft' : 'send';
  return { route: `POST /EWS/Exchange.asmx ${operation}`, kind, units: 0 };
}
