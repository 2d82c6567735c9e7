import { personalise } from '@sendwell/core';
import { describe, expect, it } from 'vitest';
import type { SavedDraft } from '../deps';
import { prepareSend, sendModes } from './prepareSend';

const ada = { email: 'ada@example.com', displayName: 'Ada Lovelace' };
const bob = { email: 'bob@example.com', displayName: 'Bob Stone' };
const bare = { email: 'bare@example.com' };
const draft = (change: Partial<SavedDraft> = {}): SavedDraft => ({
  id: 'r-1',
  threadId: 'th-1',
  to: [ada],
  cc: [],
  bcc: [],
  subject: 'Edited subject',
  html: '<p>Edited by hand</p>',
  savedAt: '2026-03-02T10:00:00.000Z',
  ...change,
});

describe('prepareSend', () => {
  it('sends the saved draft exactly as written, keyed by the draft', () => {
    const prepared = prepareSend(draft({ cc: [bob] }), 'one', null);
    expect(prepared).toMatchObject({
      outcome: 'ready',
      request: {
        to: ['ada@example.com'],
        cc: ['bob@example.com'],
        subject: 'Edited subject',
        body: '<p>Edited by hand</p>',
        idempotencyKey: 'gmail-draft:r-1',
        personalise: 'one',
        templateId: null,
      },
    });
  });

  it.each<[string, SavedDraft, string[]]>([
    ['a hand-written draft', draft(), ['one']],
    ['a personal draft to one person', draft({ html: '<p>Hi {{recipient.firstName}}</p>' }), ['for']],
    [
      'a personal draft to several people',
      draft({ to: [ada, bob], subject: 'Hi {{recipient.firstName}}' }),
      ['each', 'for'],
    ],
  ])('ways to send %s', (_name, d, modes) => {
    expect(sendModes(d)).toEqual(modes);
  });

  it('one email each: the server personalises per recipient, with their names', () => {
    const d = draft({ to: [ada, bob], subject: 'Hi {{recipient.firstName}}' });
    const prepared = prepareSend(d, 'each', 't-1');
    expect(prepared).toMatchObject({
      outcome: 'ready',
      count: 2,
      request: {
        personalise: 'each',
        displayNames: { 'ada@example.com': 'Ada Lovelace', 'bob@example.com': 'Bob Stone' },
      },
    });
  });

  it('one email merged for the first person: values escaped, no tag left', () => {
    const prepared = prepareSend(
      draft({ to: [ada, bob], html: '<p>Hi {{recipient.name}}</p>' }),
      'for',
      null,
    );
    expect(prepared.outcome === 'ready' && prepared.request.body).toBe('<p>Hi Ada Lovelace</p>');
  });

  it('refuses with the field named when a merge field has no value (core personalise)', () => {
    const d = draft({ to: [bare], html: '<p>Hi {{recipient.firstName}}</p>' });
    const core = personalise(
      { to: [bare], cc: [], bcc: [], subject: d.subject, body: d.html, format: 'html' },
      'one',
    );
    const prepared = prepareSend(d, 'for', null);
    expect(prepared).toEqual({ outcome: 'refused', refusal: core });
    expect(prepared.outcome === 'refused' && prepared.refusal.details).toEqual(['{{recipient.firstName}}']);
  });
});
