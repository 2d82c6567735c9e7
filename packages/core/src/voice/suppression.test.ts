import { describe, expect, it } from 'vitest';
import { SUPPRESSION_REASONS } from '../api/v1/suppression';
import { ManualClock } from '../ports/clock';
import { LOCALES } from './locale';
import { createVoice } from './voice';

const NOW = '2026-01-05T14:00:00Z';
const voice = createVoice({ locale: 'en', timeZone: 'UTC', clock: new ManualClock(NOW) });
const since = '2026-01-05T09:00:00Z';

describe('why an address is suppressed', () => {
  it.each([
    [
      { reason: 'hard-bounce', detail: { reason: 'userunknown' } },
      `bo@bounce.test is suppressed for your team since 9:00\\sAM: an email to it bounced hard. The notice said: ${voice.bounceReason('userunknown')}.`,
    ],
    [
      { reason: 'unsubscribe' },
      'bo@bounce.test is suppressed for your team since 9:00\\sAM: they unsubscribed.',
    ],
    [
      { reason: 'soft-bounces', until: '2026-01-08T09:00:00Z', detail: { softBounces: 3, withinDays: 7 } },
      'bo@bounce.test is suppressed for your team until Thu\\s9:00\\sAM: emails to it bounced temporarily too often. 3 soft bounces within 7 days.',
    ],
    [
      { reason: 'manual', detail: { note: 'asked by phone' }, liftedAt: '2026-01-05T13:00:00Z' },
      'bo@bounce.test is suppressed for your team since 9:00\\sAM: added by hand. Note: asked by phone Lifted 1:00\\sPM.',
    ],
    [{ reason: 'from-the-future', message: 'Server words.' }, 'Server words.'],
  ])('%j', (facts, pattern) => {
    const text = voice.whySuppressed({ email: 'bo@bounce.test', since, until: null, ...facts });
    expect(text).toMatch(new RegExp(`^${pattern.replace(/[.()]/g, '\\$&')}$`));
  });

  it.each(LOCALES)('every reason has a label and a sentence in %s', (locale) => {
    const v = createVoice({ locale, timeZone: 'UTC', clock: new ManualClock(NOW) });
    for (const reason of SUPPRESSION_REASONS) {
      expect(v.suppressionReason(reason)).not.toBe(reason);
      expect(v.whySuppressed({ email: 'a@x.test', reason, since, until: NOW })).toContain('a@x.test');
    }
  });

  it.each([
    [['a@x.test'], 'Not sent: a@x.test is suppressed for your team.'],
    [['a@x.test', 'b@x.test'], 'Not sent: a@x.test, b@x.test are suppressed for your team.'],
  ])('a refused send names %j', (addresses, text) => {
    expect(voice.suppressedRefusal(addresses)).toBe(text);
  });
});
