import { describe, expect, it } from 'vitest';
import { planSend } from './plan';
import { customSmtpProfile, getProfile, MINUTE_MS } from './profiles';
import { type ProfileId, type Reservation, ThrottleInputError } from './types';

const NOW = new Date('2026-01-05T09:00:00Z');
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);
const sends = (count: number, offsetMs: (i: number) => number, recipients = 1, external = 1): Reservation[] =>
  Array.from({ length: count }, (_, i) => ({ at: at(offsetMs(i)), recipients, external }));
const one = { recipients: 1, external: 1 };

describe('planSend slots', () => {
  it.each([
    {
      name: 'an empty mailbox sends now',
      profile: 'exchange-online',
      history: [],
      expectAt: 0,
      limitedBy: 'none',
      reason: /^Sends now: within Exchange Online's limits/,
    },
    {
      name: '27 sends in the last minute wait until the oldest ages out',
      profile: 'exchange-online',
      history: sends(27, (i) => -50_000 + i * 1_000),
      expectAt: 10_000,
      limitedBy: 'window',
      reason: /^Waits for a free slot: Exchange Online allows 30 messages a minute \(we aim for 27\)/,
    },
    {
      name: '9,000 recipients over the day wait for the first ones to age out',
      profile: 'exchange-online',
      history: sends(18, (i) => -23 * 3_600_000 + i * 60_000, 500, 0),
      expectAt: 3_600_000,
      limitedBy: 'window',
      reason: /^Waits for a free slot: Exchange Online allows 10,000 recipients a day \(we aim for 9,000\)/,
    },
    {
      name: 'a send one second ago only asks for spacing',
      profile: 'exchange-online',
      history: sends(1, () => -1_000),
      expectAt: 1_000,
      limitedBy: 'pace',
      reason: /spaced 2 seconds apart/,
    },
    {
      name: 'a reservation ahead of us queues us behind it',
      profile: 'gmail-workspace',
      history: sends(1, () => 30 * MINUTE_MS),
      expectAt: 30 * MINUTE_MS + 1_000,
      limitedBy: 'queue',
      reason: /^Waits for a free slot: after the messages already queued/,
    },
    {
      name: 'Gmail external recipients are capped by the unique-external figure',
      profile: 'gmail-workspace',
      history: sends(18, (i) => -20 * 3_600_000 + i * 1_000, 100, 100),
      expectAt: 4 * 3_600_000,
      limitedBy: 'window',
      reason: /Google Workspace Gmail allows 2,000 unique external recipients a day \(we aim for 1,800\)/,
    },
  ] as const)('$name', ({ profile, history, expectAt, limitedBy, reason }) => {
    const result = planSend({
      profile: getProfile(profile as ProfileId),
      history: [...history],
      request: one,
      now: NOW,
    });
    expect(result).toMatchObject({ outcome: 'slot', sendAt: at(expectAt), waitMs: expectAt, limitedBy });
    if (result.outcome === 'slot') expect(result.reason).toMatch(reason);
  });

  it('waits out a provider pause and says so', () => {
    const pausedUntil = at(90 * MINUTE_MS);
    const result = planSend({
      profile: getProfile('gmail-consumer'),
      history: [],
      request: one,
      now: NOW,
      pausedUntil,
    });
    expect(result).toMatchObject({ outcome: 'slot', sendAt: pausedUntil, limitedBy: 'pause' });
    if (result.outcome === 'slot')
      expect(result.reason).toBe('Waits for a free slot: Gmail asked us to pause sending from this mailbox.');
  });

  it('ignores a pause that is over', () => {
    const result = planSend({
      profile: getProfile('gmail-consumer'),
      history: [],
      request: one,
      now: NOW,
      pausedUntil: at(-1),
    });
    expect(result).toMatchObject({ outcome: 'slot', sendAt: NOW, limitedBy: 'none' });
  });

  // Issue 6, observation 10: "scheduled for 02:57 PM … Next slot 14:57" mixed the front end's clock
  // with the planner's. The reason names the rule only; the voice prints sendAt in the rep's zone.
  it('words the rule without a clock time the front end cannot localise', () => {
    const history = sends(450, (i) => -MINUTE_MS * 600 + i * 1_000); // gmail-consumer: 450 a day
    const result = planSend({ profile: getProfile('gmail-consumer'), history, request: one, now: NOW });
    expect(result).toMatchObject({ outcome: 'slot', sendAt: at(14 * 3_600_000) });
    if (result.outcome === 'slot') {
      expect(result.reason).toMatch(/^Waits for a free slot: Gmail allows 500 messages a day/);
      expect(result.reason).not.toMatch(/\d{1,2}:\d{2}|\b(AM|PM)\b|in \d+ s/);
    }
  });

  it('holds back to the admin batch and explains the clamp', () => {
    const history = sends(20, (i) => -40_000 + i * 2_000);
    const result = planSend({
      profile: getProfile('exchange-online'),
      history,
      request: one,
      now: NOW,
      batch: { size: 25, everySeconds: 45 },
    });
    expect(result).toMatchObject({ outcome: 'slot', sendAt: at(5_000), limitedBy: 'batch' });
    if (result.outcome === 'slot') {
      expect(result.reason).toMatch(
        /batches of 20 every 45 seconds \(the setting of 25 every 45 seconds is faster than Exchange Online's 30 messages a minute\)/,
      );
    }
  });
});

describe('planSend rejections', () => {
  it.each([
    ['exchange-online', 501, /at most 500 recipients/],
    ['gmail-workspace', 101, /at most 100 recipients/],
    ['gmail-consumer', 101, /at most 100 recipients/],
  ] as const)('%s rejects a message with %i recipients', (profile, recipients, message) => {
    const result = planSend({
      profile: getProfile(profile),
      history: [],
      request: { recipients, external: 0 },
      now: NOW,
    });
    expect(result).toMatchObject({
      outcome: 'rejected',
      code: 'too-many-recipients',
      message: expect.stringMatching(message),
    });
  });

  it('accepts the largest message a provider carries', () => {
    const result = planSend({
      profile: getProfile('exchange-online'),
      history: [],
      request: { recipients: 500, external: 500 },
      now: NOW,
    });
    expect(result.outcome).toBe('slot');
  });

  it('rejects a message larger than a whole window could ever hold', () => {
    const profile = customSmtpProfile({ recipientsPerDay: 50, recipientsPerMessage: 100 });
    const result = planSend({ profile, history: [], request: { recipients: 60, external: 0 }, now: NOW });
    expect(result).toMatchObject({ outcome: 'rejected', message: expect.stringMatching(/can never fit/) });
  });

  it.each([
    [{ recipients: 0, external: 0 }],
    [{ recipients: 2, external: 3 }],
    [{ recipients: 1.5, external: 0 }],
    [{ recipients: 2, external: -1 }],
  ])('throws a typed error for a malformed request %o', (request) => {
    expect(() =>
      planSend({ profile: getProfile('exchange-online'), history: [], request, now: NOW }),
    ).toThrow(ThrottleInputError);
  });
});
