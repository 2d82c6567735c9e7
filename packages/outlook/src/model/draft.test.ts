import { createVoice, ManualClock, personalise, translate } from '@sendwell/core';
import { describe, expect, it } from 'vitest';
import { checkDraft, type DraftContent } from './draft';
import { type DraftState, newDraftState } from './draftState';
import { planInsert } from './insert';

const voice = createVoice({ locale: 'en', clock: new ManualClock('2026-03-02T09:00:00Z') });
const zhVoice = createVoice({ locale: 'zh-Hans', clock: new ManualClock('2026-03-02T09:00:00Z') });

const ada = { email: 'ada@acme.test', displayName: 'Ada Lovelace' };
const bob = { email: 'bob@acme.test', displayName: 'Bob Byte' };
const template = {
  id: 't',
  name: 'T',
  subject: 'For {{recipient.firstName}}',
  body: '<p>Hi {{recipient.firstName}}</p>',
};

function draft(to: DraftContent['recipients']['to'], subject = 'S', body = '<p>B</p>'): DraftContent {
  return { recipients: { to, cc: [], bcc: [] }, subject, body };
}

function insertedFor(to: DraftContent['recipients']['to'], choice?: 'one' | 'each'): DraftState {
  const plan = planInsert(template, { to, cc: [], bcc: [] }, choice);
  if (plan.outcome !== 'ready') throw new Error(plan.outcome);
  return {
    ...newDraftState('draft-key-1'),
    insert: { stamp: plan.stamp, subject: plan.subject, personal: true },
  };
}

describe('checkDraft', () => {
  it.each([
    ['no To recipient', draft([]), 'no-recipient', /at least one recipient/],
    [
      'a bad address',
      draft([{ email: 'ada@exam"ple.com' }]),
      'addresses',
      /"ada@exam"ple\.com" is not a valid/,
    ],
    ['no subject', draft([ada], '  '), 'no-subject', /subject/],
    [
      'an unfilled tag',
      draft([ada], 'S', '<p>{{recipient.lastName}}</p>'),
      'personalise',
      /\{\{recipient\.lastName\}\}/,
    ],
  ])('refuses %s', (_case, content, reason, message) => {
    const checked = checkDraft(content, newDraftState('draft-key-1'), voice);
    expect(checked).toMatchObject({ outcome: 'invalid', reason });
    expect(checked.outcome === 'invalid' && checked.message).toMatch(message);
  });

  it.each([voice, zhVoice])("words core's personalise refusal in the rep's language (%#)", (speaking) => {
    const content = draft([ada], 'S', '<p>{{x}}</p>');
    const core = personalise(
      { to: [ada], cc: [], bcc: [], subject: 'S', body: '<p>{{x}}</p>', format: 'html' },
      'one',
    );
    if (core.outcome !== 'refused') throw new Error('core should refuse');
    expect(checkDraft(content, newDraftState('k-12345678'), speaking)).toMatchObject({
      message: translate(speaking.locale, 'refusal.unfilledTags', { tags: '{{x}}' }),
    });
  });

  // One voice: a Chinese Outlook gets the catalog's Chinese, never the English hard-coded before.
  it.each([
    ['no-recipient', draft([]), translate('zh-Hans', 'refusal.noRecipientInTo')],
    ['no-subject', draft([ada], ' '), translate('zh-Hans', 'refusal.noSubject')],
    [
      'addresses',
      draft([{ email: 'ada@exam"ple.com' }]),
      translate('zh-Hans', 'refusal.invalidAddresses.other', {
        addresses: translate('zh-Hans', 'list.quoted', { text: 'ada@exam"ple.com' }),
      }),
    ],
  ])('refuses %s in Chinese from the catalog', (reason, content, message) => {
    expect(checkDraft(content, newDraftState('k-1'), zhVoice)).toEqual({
      outcome: 'invalid',
      reason,
      message,
    });
  });

  it("refuses 'each' when someone's value is missing, naming them", () => {
    const noName = { email: 'nn@acme.test' };
    const checked = checkDraft(
      draft([ada, noName], template.subject, template.body),
      insertedFor([ada, noName], 'each'),
      voice,
    );
    expect(checked).toMatchObject({ outcome: 'invalid', reason: 'personalise' });
    expect(checked.outcome === 'invalid' && checked.message).toContain('nn@acme.test');
  });

  it('sees that the To line changed since the merge', () => {
    expect(checkDraft(draft([bob]), insertedFor([ada]), voice)).toMatchObject({
      outcome: 'recipients-changed',
      added: ['bob@acme.test'],
      removed: ['ada@acme.test'],
      mergedFor: ada,
    });
  });

  it("posts 'each' with the display names and the draft's key", () => {
    const checked = checkDraft(
      draft([ada, bob], template.subject, template.body),
      insertedFor([ada, bob], 'each'),
      voice,
    );
    expect(checked).toEqual({
      outcome: 'ready',
      request: {
        host: 'outlook',
        to: [ada.email, bob.email],
        cc: [],
        bcc: [],
        subject: template.subject,
        body: template.body,
        idempotencyKey: 'draft-key-1',
        personalise: 'each',
        templateId: 't',
        displayNames: { [ada.email]: 'Ada Lovelace', [bob.email]: 'Bob Byte' },
      },
    });
  });
});
