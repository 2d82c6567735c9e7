import { createVoice, ManualClock } from '@sendwell/core';
import { describe, expect, it } from 'vitest';
import { addonEventSchema, draftRecipients, formValue, parameter, parseRecipient, voiceFor } from './event';

describe('parseRecipient', () => {
  it.each([
    ['ada@example.com', { email: 'ada@example.com' }],
    ['Ada Lovelace <ada@example.com>', { email: 'ada@example.com', displayName: 'Ada Lovelace' }],
    ['"Lovelace, Ada" <ada@example.com>', { email: 'ada@example.com', displayName: 'Lovelace, Ada' }],
    ['  <bob@example.com> ', { email: 'bob@example.com' }],
    ['not an address', null],
    ['', null],
  ])('%j', (text, expected) => {
    expect(parseRecipient(text)).toEqual(expected);
  });
});

describe('event accessors', () => {
  const event = addonEventSchema.parse({
    commonEventObject: {
      hostApp: 'GMAIL',
      timeZone: { id: 'Europe/Berlin', offset: 3_600_000 },
      formInputs: {
        templateId: { stringInputs: { value: ['t-2'] } },
        empty: { stringInputs: { value: [''] } },
      },
      parameters: { session: 's-1' },
    },
    gmail: { toRecipients: ['Ada Lovelace <ada@example.com>', 'junk'], ccRecipients: ['cc@example.com'] },
    extra: { kept: true },
  });

  it.each([
    ['templateId', 't-2'],
    ['empty', undefined],
    ['missing', undefined],
  ])('formValue(%s)', (name, expected) => {
    expect(formValue(event, name)).toBe(expected);
  });

  it('reads parameters and the draft audience (dropping unparsable entries)', () => {
    expect(parameter(event, 'session')).toBe('s-1');
    expect(draftRecipients(event)).toEqual({
      to: [{ email: 'ada@example.com', displayName: 'Ada Lovelace' }],
      cc: [{ email: 'cc@example.com' }],
      bcc: [],
    });
  });

  it.each([
    [{ commonEventObject: { parameters: { a: 1 } } }],
    [{ gmail: { toRecipients: 'ada@example.com' } }],
    ['not an object'],
  ])('rejects a malformed event %#', (body) => {
    expect(addonEventSchema.safeParse(body).success).toBe(false);
  });
});

describe("voiceFor: the rep's language and zone from the Gmail event", () => {
  const clock = new ManualClock('2026-03-02T10:00:00Z');
  const at = '2026-03-02T14:57:00Z';
  it.each([
    ['en-US', 'America/New_York', 'en', 'America/New_York'],
    ['zh-CN', 'Asia/Shanghai', 'zh-Hans', 'Asia/Shanghai'],
    ['de-DE', 'Not/AZone', 'en', 'UTC'],
    [undefined, undefined, 'en', 'UTC'],
  ])('%s in %s', (userLocale, zone, locale, timeZone) => {
    const event = addonEventSchema.parse({
      commonEventObject: {
        ...(userLocale ? { userLocale } : {}),
        ...(zone ? { timeZone: { id: zone, offset: 0 } } : {}),
      },
    });
    const voice = voiceFor(event, clock);
    expect([voice.locale, voice.timeZone]).toEqual([locale, timeZone]);
    expect(voice.time(at)).toBe(createVoice({ locale: locale as 'en', timeZone, clock }).time(at));
  });
});
