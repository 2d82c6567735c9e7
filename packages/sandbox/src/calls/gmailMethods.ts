import type { CallKind } from './kinds';

/**
 * Gmail API methods by HTTP method and path (under `gmail/v1/users/{userId}/`), with the quota
 * units Google charges for each. Source: "Usage limits — Per-method quota usage",
 * https://developers.google.com/gmail/api/reference/quota (drafts.create 10, drafts.delete 10,
 * drafts.get 5, drafts.list 5, drafts.send 100, drafts.update 15, getProfile 1, history.list 2,
 * labels.create 5, labels.delete 5, labels.get 1, labels.list 1, labels.update 5,
 * messages.attachments.get 5, messages.batchDelete 50, messages.batchModify 50, messages.delete 10,
 * messages.get 5, messages.import 25, messages.insert 25, messages.list 5, messages.modify 5,
 * messages.send 100, messages.trash 5, messages.untrash 5, threads.delete 20, threads.get 10,
 * threads.list 10, threads.modify 10, threads.trash 10, threads.untrash 10, watch 100, stop 50).
 * `kind` says what the call does to the user's mail: `mutate` = changes mail the user has
 * (labels, trash, delete, insert/import); sends and drafts are counted apart.
 */
interface GmailMethod {
  name: string;
  verb: string;
  /** Path after `users/{userId}/`, `{id}` for an id segment. */
  path: string;
  units: number;
  kind: CallKind;
}

const m = (name: string, verb: string, path: string, units: number, kind: CallKind): GmailMethod => ({
  name,
  verb,
  path,
  units,
  kind,
});

export const GMAIL_METHODS: readonly GmailMethod[] = [
  m('getProfile', 'GET', 'profile', 1, 'read'),
  m('messages.list', 'GET', 'messages', 5, 'read'),
  m('messages.get', 'GET', 'messages/{id}', 5, 'read'),
  m('messages.attachments.get', 'GET', 'messages/{id}/attachments/{id}', 5, 'read'),
  m('messages.send', 'POST', 'messages/send', 100, 'send'),
  m('messages.insert', 'POST', 'messages', 25, 'mutate'),
  m('messages.import', 'POST', 'messages/import', 25, 'mutate'),
  m('messages.modify', 'POST', 'messages/{id}/modify', 5, 'mutate'),
  m('messages.batchModify', 'POST', 'messages/batchModify', 50, 'mutate'),
  m('messages.trash', 'POST', 'messages/{id}/trash', 5, 'mutate'),
  m('messages.untrash', 'POST', 'messages/{id}/untrash', 5, 'mutate'),
  m('messages.delete', 'DELETE', 'messages/{id}', 10, 'mutate'),
  m('messages.batchDelete', 'POST', 'messages/batchDelete', 50, 'mutate'),
  m('history.list', 'GET', 'history', 2, 'read'),
  m('threads.list', 'GET', 'threads', 10, 'read'),
  m('threads.get', 'GET', 'threads/{id}', 10, 'read'),
  m('threads.modify', 'POST', 'threads/{id}/modify', 10, 'mutate'),
  m('threads.trash', 'POST', 'threads/{id}/trash', 10, 'mutate'),
  m('threads.untrash', 'POST', 'threads/{id}/untrash', 10, 'mutate'),
  m('threads.delete', 'DELETE', 'threads/{id}', 20, 'mutate'),
  m('labels.list', 'GET', 'labels', 1, 'read'),
  m('labels.get', 'GET', 'labels/{id}', 1, 'read'),
  m('labels.create', 'POST', 'labels', 5, 'mutate'),
  m('labels.update', 'PUT', 'labels/{id}', 5, 'mutate'),
  m('labels.patch', 'PATCH', 'labels/{id}', 5, 'mutate'),
  m('labels.delete', 'DELETE', 'labels/{id}', 5, 'mutate'),
  m('drafts.list', 'GET', 'drafts', 5, 'draft'),
  m('drafts.get', 'GET', 'drafts/{id}', 5, 'draft'),
  m('drafts.create', 'POST', 'drafts', 10, 'draft'),
  m('drafts.update', 'PUT', 'drafts/{id}', 15, 'draft'),
  m('drafts.delete', 'DELETE', 'drafts/{id}', 10, 'draft'),
  m('drafts.send', 'POST', 'drafts/send', 100, 'send'),
  m('watch', 'POST', 'watch', 100, 'other'),
  m('stop', 'POST', 'stop', 50, 'other'),
];

/** Quota units of a Gmail method by name (0 for one not in Google's table). */
export function gmailUnits(name: string): number {
  return GMAIL_METHODS.find((x) => x.name === name)?.units ?? 0;
}
