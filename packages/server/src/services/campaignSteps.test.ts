import { mergeTemplate } from '@sendwell/core';
import { describe, expect, it } from 'vitest';
import { mergeForPerson, stepSendKey } from './campaignSteps';

const person = (fields: Record<string, string> = {}, displayName: string | null = 'Pat Lee') => ({
  email: 'pat@example.com',
  displayName,
  fields,
});

describe('mergeForPerson', () => {
  it.each([
    [
      'the display name when no field says otherwise',
      'Hi {{recipient.firstName}}',
      person(),
      'text',
      'Hi Pat',
    ],
    [
      "the person's own field first",
      'Hi {{recipient.firstName}}',
      person({ 'recipient.firstName': 'Patricia' }),
      'text',
      'Hi Patricia',
    ],
    [
      'a CSV column that is not a core field',
      'At {{company}}',
      person({ company: 'Lee & Sons' }),
      'text',
      'At Lee & Sons',
    ],
    [
      'values escaped in HTML',
      '<b>{{company}}</b>',
      person({ company: '<Lee & Sons>' }),
      'html',
      '<b>&lt;Lee &amp; Sons&gt;</b>',
    ],
    [
      'an empty field falls back',
      'Hi {{recipient.firstName|there}}',
      person({ 'recipient.firstName': '' }, null),
      'text',
      'Hi there',
    ],
    [
      'an unknown tag stays for the send check to refuse',
      'Hi {{recipient.firstName}}',
      person({}, null),
      'text',
      'Hi {{recipient.firstName}}',
    ],
  ] as const)('uses %s', (_what, text, who, format, expected) => {
    expect(mergeForPerson(text, who, format)).toBe(expected);
  });

  it("agrees with core's merge when the person brings no fields", () => {
    const text = '<p>{{recipient.name}} · {{recipient.lastName|?}} · {{recipient.email}}</p>';
    expect(mergeForPerson(text, person(), 'html')).toBe(
      mergeTemplate(text, { email: 'pat@example.com', displayName: 'Pat Lee' }, 'html').text,
    );
  });
});

describe('stepSendKey', () => {
  it('is one key per (campaign, step, person), within the send schema’s 200 characters', () => {
    const id = '0a3c1e52-9d4a-4b6e-8a21-3c5d0f9b1a10';
    const keys = new Set([
      stepSendKey(id, `step-${id}`, id),
      stepSendKey(id, `step-${id}`, `${id}x`),
      stepSendKey(id, 'step-other', id),
    ]);
    expect(keys.size).toBe(3);
    for (const key of keys) expect(key.length).toBeLessThanOrEqual(200);
  });
});
