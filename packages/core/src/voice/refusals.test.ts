import { describe, expect, it } from 'vitest';
import { ManualClock } from '../ports/clock';
import { type DraftContent, personalise } from '../templates/personalise';
import { translate } from './catalog';
import { LOCALES } from './locale';
import { createVoice } from './voice';

const clock = new ManualClock('2026-03-02T09:00:00Z');
const ada = { email: 'ada@acme.test', displayName: 'Ada Lovelace' };
const bare = { email: 'nn@acme.test' };

function draft(partial: Partial<DraftContent>): DraftContent {
  return { to: [ada], cc: [], bcc: [], subject: 'S', body: 'B', format: 'text', ...partial };
}

function refused(content: DraftContent, mode: 'one' | 'each') {
  const result = personalise(content, mode);
  if (result.outcome !== 'refused') throw new Error('expected a refusal');
  return result;
}

// Issue 6, "one voice": personalise's refusals reach the rep in their language, from its code and data.
describe('voice.refusal', () => {
  it.each(LOCALES)('words an unfilled tag in %s', (locale) => {
    const voice = createVoice({ locale, clock });
    const refusal = refused(draft({ body: 'Hi {{x}}' }), 'one');
    expect(voice.refusal(refusal)).toBe(translate(locale, 'refusal.unfilledTags', { tags: '{{x}}' }));
  });

  it.each(LOCALES)('words "one email each" with copies in %s', (locale) => {
    const voice = createVoice({ locale, clock });
    const refusal = refused(draft({ cc: ['c@acme.test'] }), 'each');
    expect(voice.refusal(refusal)).toBe(translate(locale, 'refusal.eachWithCopies'));
  });

  it.each(LOCALES)('names each recipient lacking a value in %s', (locale) => {
    const voice = createVoice({ locale, clock });
    const refusal = refused(draft({ to: [ada, bare], body: 'Hi {{recipient.firstName}}' }), 'each');
    expect(refusal.lacking).toEqual([{ address: bare.email, tags: ['{{recipient.firstName}}'] }]);
    const lacking = translate(locale, 'refusal.missingFor', {
      address: bare.email,
      tags: '{{recipient.firstName}}',
    });
    expect(voice.refusal(refusal)).toBe(translate(locale, 'refusal.missingValues', { lacking }));
  });

  it('keeps the English message for API clients', () => {
    const refusal = refused(draft({ to: [bare], body: 'Hi {{recipient.firstName}}' }), 'each');
    expect(refusal.message).toBe(createVoice({ locale: 'en', clock }).refusal(refusal));
  });
});

describe('voice.invalidAddresses', () => {
  it.each([
    [['a@b'], 'refusal.invalidAddresses.one'],
    [['a@b', 'c@d'], 'refusal.invalidAddresses.other'],
  ] as const)('names %j in English', (addresses, key) => {
    const quoted = addresses.map((text) => `"${text}"`).join(', ');
    expect(createVoice({ locale: 'en', clock }).invalidAddresses(addresses)).toBe(
      translate('en', key, { addresses: quoted }),
    );
  });
});
