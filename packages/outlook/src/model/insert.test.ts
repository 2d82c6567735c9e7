import { describe, expect, it } from 'vitest';
import { mayWriteSubject, planInsert } from './insert';

const ada = { email: 'ada@acme.test', displayName: 'Ada Lovelace' };
const bob = { email: 'bob@acme.test', displayName: 'Bob Byte' };
const personal = {
  id: 'p',
  name: 'P',
  subject: 'For {{recipient.firstName}}',
  body: '<b>{{recipient.name}}</b>',
};
const plain = { id: 'n', name: 'N', subject: 'News', body: '<p>News</p>' };
const recipients = (...to: (typeof ada)[]) => ({ to, cc: [], bcc: [] });

describe('planInsert', () => {
  it.each([
    [
      'one recipient',
      personal,
      recipients(ada),
      undefined,
      { outcome: 'ready', mode: 'one', subject: 'For Ada' },
    ],
    [
      'nobody yet',
      personal,
      recipients(),
      undefined,
      { outcome: 'ready', mergedFor: null, missing: ['recipient.firstName', 'recipient.name'] },
    ],
    [
      'two, no choice yet',
      personal,
      recipients(ada, bob),
      undefined,
      { outcome: 'choose', first: ada, recipients: 2 },
    ],
    [
      'two, each',
      personal,
      recipients(ada, bob),
      'each',
      { outcome: 'ready', mode: 'each', body: personal.body },
    ],
    ['two, one', personal, recipients(ada, bob), 'one', { outcome: 'ready', mode: 'one', mergedFor: ada }],
    [
      'two, no personal field',
      plain,
      recipients(ada, bob),
      undefined,
      { outcome: 'ready', mode: 'one', personal: false },
    ],
  ] as const)('%s', (_case, template, to, choice, expected) => {
    expect(planInsert(template, to, choice)).toMatchObject(expected);
  });

  it('refuses unknown fields, each named once', () => {
    const template = { ...plain, body: '{{recipient.company}} {{deal.size}} {{recipient.company}}' };
    expect(planInsert(template, recipients(ada))).toEqual({
      outcome: 'refused',
      unknownFields: ['recipient.company', 'deal.size'],
    });
  });
});

describe('mayWriteSubject', () => {
  it.each([
    ['', null, true],
    ['  ', null, true],
    ['Mine', null, false],
    ['For Ada', 'For Ada', true],
    ['For Ada, edited', 'For Ada', false],
  ])('current %j, written before %j → %s', (current, before, expected) => {
    expect(mayWriteSubject(current, before)).toBe(expected);
  });
});
