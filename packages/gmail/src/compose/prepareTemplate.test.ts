import { describe, expect, it } from 'vitest';
import type { TemplateView } from '../deps';
import type { DraftRecipients } from '../event';
import { prepareInsert, prepareSend } from './prepareTemplate';

const templates: TemplateView[] = [
  {
    id: 't-1',
    name: 'Intro',
    subject: 'Hi {{recipient.firstName}}',
    body: '<p>Hello {{recipient.firstName}} {{recipient.lastName}}</p>',
  },
  { id: 't-2', name: 'Plain', subject: 'Quick question', body: '<p>Are you free?</p>' },
];
const ada = { email: 'ada@example.com', displayName: 'Ada Lovelace' };
const bare = { email: 'bob@example.com' };
const draft = (to: DraftRecipients['to'], cc: DraftRecipients['cc'] = []): DraftRecipients => ({
  to,
  cc,
  bcc: [],
});

describe('prepareInsert', () => {
  it.each([
    ['t-1', [ada], 'Hi Ada', '<p>Hello Ada Lovelace</p>', []],
    [undefined, [ada], 'Hi Ada', '<p>Hello Ada Lovelace</p>', []],
    [
      't-1',
      [bare],
      'Hi {{recipient.firstName}}',
      '<p>Hello {{recipient.firstName}} {{recipient.lastName}}</p>',
      ['recipient.firstName', 'recipient.lastName'],
    ],
    [
      't-1',
      [],
      'Hi {{recipient.firstName}}',
      '<p>Hello {{recipient.firstName}} {{recipient.lastName}}</p>',
      ['recipient.firstName', 'recipient.lastName'],
    ],
    ['t-2', [bare], 'Quick question', '<p>Are you free?</p>', []],
  ])('template %s for %j', (id, to, subject, html, missing) => {
    const result = prepareInsert(templates, id, draft(to));
    expect(result).toMatchObject({ outcome: 'ready', value: { subject, html, missing } });
  });

  it.each([
    [[], undefined, 'Pick a template first.'],
    [templates, 'gone', 'That template no longer exists.'],
  ])('blocks without a usable template %#', (list, id, message) => {
    expect(prepareInsert(list, id, draft([ada]))).toEqual({ outcome: 'blocked', message });
  });
});

describe('prepareSend', () => {
  it('builds the send request for the whole audience', () => {
    const result = prepareSend(templates, 't-1', draft([ada, bare], [{ email: 'cc@example.com' }]), 's-1');
    expect(result).toMatchObject({
      outcome: 'ready',
      value: {
        to: ['ada@example.com', 'bob@example.com'],
        cc: ['cc@example.com'],
        subject: 'Hi Ada',
        templateId: 't-1',
      },
    });
  });

  it.each([
    ['no recipients', 't-1', [], /at least one recipient/],
    ['a missing merge field', 't-1', [bare], /Missing merge fields for bob@example.com: recipient.firstName/],
    ['an unknown template', 'gone', [ada], /no longer exists/],
  ])('blocks with %s', (_name, id, to, message) => {
    const result = prepareSend(templates, id, draft(to), 's-1');
    expect(result.outcome).toBe('blocked');
    expect(result.outcome === 'blocked' && result.message).toMatch(message);
  });

  it('keeps the idempotency key for repeated clicks and changes it per session and audience', () => {
    const key = (session: string, to: DraftRecipients['to']) => {
      const result = prepareSend(templates, 't-2', draft(to), session);
      return result.outcome === 'ready' ? result.value.idempotencyKey : null;
    };
    expect(key('s-1', [ada, bare])).toBe(key('s-1', [bare, ada]));
    expect(key('s-1', [ada])).not.toBe(key('s-2', [ada]));
    expect(key('s-1', [ada])).not.toBe(key('s-1', [bare]));
  });
});
