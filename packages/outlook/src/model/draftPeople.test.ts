import type { FeedEvent } from '@sendwell/core';
import { describe, expect, it } from 'vitest';
import { draftPeople, MAX_PEOPLE, touchesPeople } from './draftPeople';

describe('draftPeople', () => {
  it('lists To, Cc and Bcc once each, in that order, whatever the case', () => {
    const people = draftPeople({
      to: [{ email: 'Ada@acme.test', displayName: 'Ada' }, { email: 'bob@acme.test' }],
      cc: [{ email: 'ada@ACME.test' }, { email: 'cy@acme.test' }],
      bcc: [{ email: 'bob@acme.test' }, { email: ' ' }],
    });
    expect(people.map((p) => p.email)).toEqual(['Ada@acme.test', 'bob@acme.test', 'cy@acme.test']);
  });

  it(`reads at most ${MAX_PEOPLE} people`, () => {
    const to = Array.from({ length: MAX_PEOPLE + 5 }, (_, i) => ({ email: `p${i}@acme.test` }));
    expect(draftPeople({ to, cc: [], bcc: [] })).toHaveLength(MAX_PEOPLE);
  });
});

describe('touchesPeople', () => {
  const emails = new Set(['ada@acme.test']);
  const event = (partial: Partial<FeedEvent>): FeedEvent => ({
    id: 1,
    type: 'bounce',
    at: '2026-03-02T09:00:00Z',
    sendId: null,
    recipient: null,
    templateId: null,
    detail: {},
    ...partial,
  });
  it.each([
    { what: 'a bounce for her', e: event({ recipient: 'ADA@acme.test' }), want: true },
    { what: 'a bounce for someone else', e: event({ recipient: 'bob@acme.test' }), want: false },
    {
      what: 'her leaving a campaign',
      e: event({ type: 'campaign.left', recipient: 'ada@acme.test' }),
      want: true,
    },
    { what: 'a batch enrolment', e: event({ type: 'campaign.enrolled' }), want: true },
    {
      what: 'a step to her submitted',
      e: event({ type: 'send.submitted', detail: { to: ['ada@acme.test'] } }),
      want: true,
    },
    {
      what: 'a send to others',
      e: event({ type: 'send.submitted', detail: { to: ['bob@acme.test'] } }),
      want: false,
    },
    { what: 'a throttle pause', e: event({ type: 'throttle.paused' }), want: false },
  ])('$what → $want', ({ e, want }) => {
    expect(touchesPeople(e, emails)).toBe(want);
  });
});
