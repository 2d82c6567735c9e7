import { describe, expect, it } from 'vitest';
import { buildSendRequest, mergeForDraft } from './draft';

describe('buildSendRequest', () => {
  const recipients = { to: [{ email: 'a@x.test' }], cc: [], bcc: [{ email: 'b@x.test' }] };
  it('leaves out empty cc and absent template', () => {
    expect(buildSendRequest({ recipients, subject: 'S', body: 'B' }, { idempotencyKey: 'k' })).toEqual({
      ok: true,
      request: {
        host: 'outlook',
        to: ['a@x.test'],
        bcc: ['b@x.test'],
        subject: 'S',
        body: 'B',
        idempotencyKey: 'k',
      },
    });
  });
  it('refuses a draft without a subject', () => {
    expect(buildSendRequest({ recipients, subject: '  ', body: 'B' }, { idempotencyKey: 'k' }).ok).toBe(
      false,
    );
  });
});

describe('mergeForDraft', () => {
  const template = {
    id: 't',
    name: 'T',
    subject: 'For {{recipient.firstName}}',
    body: '<p>{{recipient.name}} / {{recipient.lastName}}</p>',
  };
  it('merges from the first To recipient and lists fields it could not fill', () => {
    const merged = mergeForDraft(template, {
      to: [{ email: 'cher@x.test', displayName: 'Cher' }],
      cc: [],
      bcc: [],
    });
    expect(merged).toMatchObject({
      subject: 'For Cher',
      body: '<p>Cher / {{recipient.lastName}}</p>',
      missing: ['recipient.lastName'],
    });
  });
});
