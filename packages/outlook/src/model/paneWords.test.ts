import { createVoice, ManualClock } from '@sendwell/core';
import { describe, expect, it } from 'vitest';
import { paneWords } from './paneWords';

const clock = new ManualClock('2026-03-02T09:00:00Z');
const en = paneWords(createVoice({ locale: 'en', clock }));
const zh = paneWords(createVoice({ locale: 'zh-Hans', clock }));
const KEYS = [
  'searchTemplates',
  'recentlyUsed',
  'noMatches',
  'sendAt',
  'sendAtEmpty',
  'sendAtInvalid',
  'cancelSend',
  'campaigns',
  'chooseCampaign',
  'noCampaigns',
  'noRecipients',
  'notInCampaign',
  'checkRecipients',
  'inCampaign',
] as const;

// The temporary labels hold to the catalog's rule until they move there: both languages, same placeholders.
describe('pane labels (temporary, until core has them)', () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  it.each(KEYS)('%s has the same placeholders in English and Chinese', (key) => {
    const raw = (words: typeof en) => words(key); // unfilled placeholders stay as written
    expect(placeholders(raw(zh))).toEqual(placeholders(raw(en)));
    expect(raw(zh)).not.toBe(raw(en));
  });

  it('fills numbers through the voice and strings as given', () => {
    expect(en('noMatches', { q: 'zebra' })).toContain('“zebra”');
    expect(zh('inCampaign', { campaign: '春季', status: '进行中' })).toBe('春季：进行中');
  });
});
