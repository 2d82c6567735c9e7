import { mergeTemplate, stampMerge, translate } from '@sendwell/core';
import { describe, expect, it } from 'vitest';
import type { TemplateView } from '../deps';
import type { DraftRecipients } from '../event';
import { decodeStamp, encodeStamp, NO_TEMPLATE, needsModeChoice, prepareInsert } from './prepareTemplate';

const intro: TemplateView = {
  id: 't-1',
  name: 'Intro',
  subject: 'Hi {{recipient.firstName}}',
  body: '<p>Hello {{recipient.firstName}} {{recipient.lastName}}</p>',
};
const plain: TemplateView = {
  id: 't-2',
  name: 'Plain',
  subject: 'Quick question',
  body: '<p>Are you free?</p>',
};
const templates = [intro, plain];
const ada = { email: 'ada@example.com', displayName: 'Ada Lovelace' };
const bob = { email: 'bob@example.com', displayName: 'Bob Stone' };
const bare = { email: 'bare@example.com' };
const to = (...list: DraftRecipients['to']): DraftRecipients => ({ to: list, cc: [], bcc: [] });

describe('prepareInsert', () => {
  it.each<[string, string | undefined, DraftRecipients, 'one' | 'each', string]>([
    ['merged for the first recipient', 't-1', to(ada), 'one', 'Hi Ada'],
    ['a template with nothing to merge, no recipient yet', 't-2', to(), 'one', 'Quick question'],
    [
      'several people, one email each: tags kept for the server',
      't-1',
      to(ada, bob),
      'each',
      'Hi {{recipient.firstName}}',
    ],
    ['several people, one email merged for the first', 't-1', to(ada, bob), 'one', 'Hi Ada'],
  ])('%s', (_name, templateId, recipients, mode, subject) => {
    const prepared = prepareInsert(templates, templateId, recipients, mode);
    expect(prepared.outcome === 'ready' && prepared.value.subject).toBe(subject);
  });

  it('escapes merged values in the HTML body (core mergeTemplate html)', () => {
    const evil = { email: 'x@example.com', displayName: '<img src=x onerror=alert(1)>' };
    const prepared = prepareInsert(templates, 't-1', to(evil), 'one');
    expect(prepared.outcome === 'ready' && prepared.value.html).toBe(
      mergeTemplate(intro.body, evil, 'html').text,
    );
    expect(prepared.outcome === 'ready' && prepared.value.html).not.toContain('<img');
  });

  it('names the fields it could not fill (they stay visible, never sent unfilled)', () => {
    const prepared = prepareInsert(templates, 't-1', to(bare), 'one');
    expect(prepared.outcome === 'ready' && prepared.value.missing).toEqual([
      'recipient.firstName',
      'recipient.lastName',
    ]);
  });

  it.each<[string, string | undefined, DraftRecipients, string]>([
    [
      'no recipient for a merged template (the subject is not clobbered)',
      't-1',
      to(),
      'Add the recipient to the draft first',
    ],
    ['"No template"', NO_TEMPLATE, to(ada), 'Pick a template to insert.'],
    ['nothing picked', undefined, to(ada), 'Pick a template to insert.'],
    ['a template that is gone', 't-9', to(ada), 'That template no longer exists.'],
  ])('refuses %s', (_name, templateId, recipients, message) => {
    const prepared = prepareInsert(templates, templateId, recipients, 'one');
    const said = prepared.outcome === 'blocked' && translate('en', prepared.reason, prepared.params);
    expect(said).toContain(message);
  });

  it('stamps whom the merge was made for (core stampMerge)', () => {
    const prepared = prepareInsert(templates, 't-1', to(ada, bob), 'one');
    expect(prepared.outcome === 'ready' && prepared.value.stamp).toEqual(
      stampMerge('t-1', 'one', [ada, bob], ada),
    );
  });

  it.each([
    [intro, to(ada, bob), true],
    [intro, to(ada), false],
    [plain, to(ada, bob), false],
  ])(
    'offers the one/each choice only for a personal template and several people %#',
    (template, recipients, expected) => {
      expect(needsModeChoice(template, recipients)).toBe(expected);
    },
  );

  it('round-trips a stamp through card parameters and ignores garbage', () => {
    const stamp = stampMerge('t-1', 'one', [ada], ada);
    expect(decodeStamp(encodeStamp(stamp))).toEqual(stamp);
    expect(decodeStamp('{"templateId":1}')).toBeNull();
    expect(decodeStamp('not json')).toBeNull();
  });
});
