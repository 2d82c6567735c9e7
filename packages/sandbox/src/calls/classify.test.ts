import { describe, expect, it } from 'vitest';
import { classifyEws, classifyGmail, classifyGraph } from './classify';

describe('classifyGmail', () => {
  it.each([
    ['GET', '/sandbox/google/gmail/v1/users/me/profile', 'GET /gmail/v1/users/{userId}/profile', 'read', 1],
    ['GET', '/gmail/v1/users/me/messages', 'GET /gmail/v1/users/{userId}/messages', 'read', 5],
    [
      'GET',
      '/gmail/v1/users/gus@acme.test/messages/18c1',
      'GET /gmail/v1/users/{userId}/messages/{id}',
      'read',
      5,
    ],
    ['GET', '/gmail/v1/users/me/history', 'GET /gmail/v1/users/{userId}/history', 'read', 2],
    ['GET', '/gmail/v1/users/me/threads/18c1', 'GET /gmail/v1/users/{userId}/threads/{id}', 'read', 10],
    ['POST', '/gmail/v1/users/me/messages/send', 'POST /gmail/v1/users/{userId}/messages/send', 'send', 100],
    [
      'POST',
      '/upload/gmail/v1/users/me/messages/send',
      'POST /upload/gmail/v1/users/{userId}/messages/send',
      'send',
      100,
    ],
    ['POST', '/gmail/v1/users/me/drafts', 'POST /gmail/v1/users/{userId}/drafts', 'draft', 10],
    ['PUT', '/gmail/v1/users/me/drafts/r-1', 'PUT /gmail/v1/users/{userId}/drafts/{id}', 'draft', 15],
    ['POST', '/gmail/v1/users/me/drafts/send', 'POST /gmail/v1/users/{userId}/drafts/send', 'send', 100],
    [
      'POST',
      '/gmail/v1/users/me/messages/18c1/modify',
      'POST /gmail/v1/users/{userId}/messages/{id}/modify',
      'mutate',
      5,
    ],
    [
      'POST',
      '/gmail/v1/users/me/messages/batchModify',
      'POST /gmail/v1/users/{userId}/messages/batchModify',
      'mutate',
      50,
    ],
    [
      'POST',
      '/gmail/v1/users/me/messages/18c1/trash',
      'POST /gmail/v1/users/{userId}/messages/{id}/trash',
      'mutate',
      5,
    ],
    [
      'DELETE',
      '/gmail/v1/users/me/messages/18c1',
      'DELETE /gmail/v1/users/{userId}/messages/{id}',
      'mutate',
      10,
    ],
    ['POST', '/gmail/v1/users/me/messages', 'POST /gmail/v1/users/{userId}/messages', 'mutate', 25],
    [
      'POST',
      '/gmail/v1/users/me/messages/import',
      'POST /gmail/v1/users/{userId}/messages/import',
      'mutate',
      25,
    ],
    ['POST', '/gmail/v1/users/me/labels', 'POST /gmail/v1/users/{userId}/labels', 'mutate', 5],
    [
      'POST',
      '/gmail/v1/users/me/threads/18c1/modify',
      'POST /gmail/v1/users/{userId}/threads/{id}/modify',
      'mutate',
      10,
    ],
  ])('%s %s', (verb, path, route, kind, units) => {
    expect(classifyGmail(verb, path)).toEqual({ route, kind, units });
  });
});

describe('classifyGraph', () => {
  it.each([
    ['GET', '/sandbox/graph/v1.0/me', 'GET /me', 'read'],
    ['POST', '/graph/v1.0/me/sendMail', 'POST /me/sendMail', 'send'],
    [
      'GET',
      '/graph/v1.0/me/mailFolders/Inbox/messages/delta',
      'GET /me/mailFolders/inbox/messages/delta',
      'read',
    ],
    ['GET', '/graph/v1.0/me/mailFolders/AQMkAD1/messages', 'GET /me/mailFolders/{id}/messages', 'read'],
    ['GET', '/graph/v1.0/me/messages/AAMk1/$value', 'GET /me/messages/{id}/$value', 'read'],
    ['PATCH', '/graph/v1.0/me/messages/AAMk1', 'PATCH /me/messages/{id}', 'mutate'],
    ['DELETE', '/graph/v1.0/me/messages/AAMk1', 'DELETE /me/messages/{id}', 'mutate'],
    ['POST', '/graph/v1.0/me/messages/AAMk1/move', 'POST /me/messages/{id}/move', 'mutate'],
    ['POST', '/graph/v1.0/me/messages/AAMk1/copy', 'POST /me/messages/{id}/copy', 'mutate'],
    ['POST', '/graph/v1.0/me/mailFolders/inbox/messages', 'POST /me/mailFolders/inbox/messages', 'mutate'],
    ['POST', '/graph/v1.0/me/messages', 'POST /me/messages', 'draft'],
    ['POST', '/graph/v1.0/users/ava@contoso.test/messages', 'POST /users/{id}/messages', 'draft'],
    ['POST', '/graph/v1.0/me/messages/AAMk1/createReply', 'POST /me/messages/{id}/createReply', 'draft'],
    ['POST', '/graph/v1.0/me/messages/AAMk1/reply', 'POST /me/messages/{id}/reply', 'send'],
    ['POST', '/graph/v1.0/me/messages/AAMk1/send', 'POST /me/messages/{id}/send', 'send'],
    ['PATCH', '/graph/v1.0/me/mailFolders/AQMk1', 'PATCH /me/mailFolders/{id}', 'mutate'],
  ])('%s %s', (verb, path, route, kind) => {
    expect(classifyGraph(verb, path)).toEqual({ route, kind, units: 0 });
  });
});

describe('classifyEws', () => {
  it.each([
    ['FindItem', null, 'read'],
    ['GetFolder', null, 'read'],
    ['CreateItem', 'SendAndSaveCopy', 'send'],
    ['CreateItem', 'SaveOnly', 'draft'],
    ['UpdateItem', null, 'mutate'],
    ['MoveItem', null, 'mutate'],
    ['DeleteItem', null, 'mutate'],
  ])('%s %s → %s', (operation, disposition, kind) => {
    expect(classifyEws(operation, disposition).kind).toBe(kind);
  });
});
