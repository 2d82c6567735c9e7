import { createVoice, ManualClock, stampMerge } from '@sendwell/core';
import { describe, expect, it } from 'vitest';
import { NO_TEMPLATE } from '../compose/prepareTemplate';
import { defaultFakeState } from '../testing/fakeDeps';
import { buttonAction, buttonActions, buttonByText, decoratedByLabel, inputByName } from './cardTestUtils';
import { type ComposeCardData, composeCard, MODE_INPUT, TEMPLATE_INPUT } from './composeCard';

const { templates, channel } = defaultFakeState();
const ada = { email: 'ada@example.com', displayName: 'Ada Lovelace' };
const bob = { email: 'bob@example.com' };

function data(change: Partial<ComposeCardData> = {}): ComposeCardData {
  return {
    addonUrl: 'https://sendwell.example/gmail/addon',
    templates,
    selectedTemplateId: undefined,
    insertMode: undefined,
    recipients: { to: [ada], cc: [], bcc: [] },
    channel,
    quota: null,
    session: 's-1',
    stamp: null,
    voice: createVoice({ locale: 'en', timeZone: 'UTC', clock: new ManualClock('2026-03-02T10:00:00Z') }),
    ...change,
  };
}

describe('composeCard', () => {
  it.each([
    [undefined, NO_TEMPLATE],
    ['t-plain', 't-plain'],
    ['t-gone', NO_TEMPLATE],
  ])('the picker offers "No template" first; %s selects %s', (selectedTemplateId, expected) => {
    const picker = inputByName(composeCard(data({ selectedTemplateId })), TEMPLATE_INPUT);
    expect(picker?.items[0]?.value).toBe(NO_TEMPLATE);
    expect(picker?.items.filter((i) => i.selected).map((i) => i.value)).toEqual([expected]);
  });

  it.each<[string, Partial<ComposeCardData>, boolean]>([
    ['ready (even with no template: a hand-written draft sends)', { templates: [] }, false],
    ['no recipients', { recipients: { to: [], cc: [], bcc: [] } }, true],
    ['no mailbox', { channel: { available: false, reason: 'no-native-mailbox', explanation: 'none' } }, true],
  ])('send button when %s (disabled=%s)', (_name, change, disabled) => {
    expect(buttonActions(composeCard(data(change)))).toEqual([
      { action: 'insert-template', disabled: false },
      { action: 'send-with-sendwell', disabled },
    ]);
  });

  it.each([
    [[ada, bob], 't-intro', true],
    [[ada], 't-intro', false],
    [[ada, bob], 't-plain', false],
  ])('asks "one email each" or "merged for Ada" for %j with %s', (to, selectedTemplateId, shown) => {
    const choice = inputByName(
      composeCard(data({ recipients: { to, cc: [], bcc: [] }, selectedTemplateId })),
      MODE_INPUT,
    );
    expect(choice !== undefined).toBe(shown);
    if (choice)
      expect(choice.items.map((i) => i.text)).toEqual([
        'One email each, merged for each person',
        'One email, merged for Ada Lovelace',
      ]);
  });

  it('after Insert: remembers the merge on every action and offers Insert again', () => {
    const stamp = stampMerge('t-intro', 'one', [ada], ada);
    const card = composeCard(data({ stamp }));
    expect(decoratedByLabel(card, 'Inserted')).toMatchObject({
      text: `Intro · ${data().voice.t('ui.mergedFor', { name: 'Ada Lovelace' })}`,
    });
    const again = buttonByText(card, 'Insert again');
    expect(again && buttonAction(again).parameters).toMatchObject({
      again: '1',
      stamp: JSON.stringify(stamp),
      session: 's-1',
    });
  });
});
