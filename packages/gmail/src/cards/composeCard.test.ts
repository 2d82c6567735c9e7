import { describe, expect, it } from 'vitest';
import type { ChannelView, TemplateView } from '../deps';
import { buttonActions, widgetById } from './cardTestUtils';
import { type ComposeCardData, composeCard } from './composeCard';

const gmail: ChannelView = {
  available: true,
  label: 'Gmail',
  address: 'rep@example.com',
  profileId: 'gmail-workspace',
  forced: true,
  explanation: 'Sent through Gmail — your mailbox.',
};
const templates: TemplateView[] = [
  { id: 't-1', name: 'Intro', subject: 's', body: 'b' },
  { id: 't-2', name: 'Follow-up', subject: 's', body: 'b' },
];
const ada = { email: 'ada@example.com', displayName: 'Ada Lovelace' };

function data(change: Partial<ComposeCardData> = {}): ComposeCardData {
  return {
    addonUrl: 'https://sendwell.example/gmail/addon',
    templates,
    selectedTemplateId: undefined,
    recipients: { to: [ada], cc: [], bcc: [] },
    channel: gmail,
    quota: null,
    session: 's-1',
    offsetMinutes: 0,
    ...change,
  };
}

describe('composeCard', () => {
  it.each([
    [undefined, 't-1'],
    ['t-2', 't-2'],
  ])('picker selects %s → %s', (selectedTemplateId, expected) => {
    const picker = widgetById(composeCard(data({ selectedTemplateId })), 'template-picker');
    const items = picker && 'selectionInput' in picker ? picker.selectionInput.items : [];
    expect(items.filter((i) => i.selected).map((i) => i.value)).toEqual([expected]);
    expect(picker).toMatchObject({ selectionInput: { name: 'templateId', type: 'DROPDOWN' } });
  });

  it.each<[string, Partial<ComposeCardData>, boolean]>([
    ['ready', {}, false],
    ['no recipients', { recipients: { to: [], cc: [], bcc: [] } }, true],
    ['no templates', { templates: [] }, true],
    ['no mailbox', { channel: { available: false, explanation: 'none' } }, true],
  ])('send button when %s (disabled=%s)', (_name, change, disabled) => {
    expect(buttonActions(composeCard(data(change)))).toEqual([
      { action: 'insert-template', disabled: false },
      { action: 'send-with-sendwell', disabled },
    ]);
  });

  it('shows the draft audience and carries the session on the buttons', () => {
    const card = composeCard(
      data({
        recipients: { to: [ada, { email: 'bob@example.com' }], cc: [{ email: 'c@example.com' }], bcc: [] },
      }),
    );
    expect(widgetById(card, 'draft-recipients')).toMatchObject({
      decoratedText: { text: 'Ada Lovelace &lt;ada@example.com&gt;, bob@example.com', bottomLabel: 'Cc 1' },
    });
    expect(JSON.stringify(card)).toContain('{"key":"session","value":"s-1"}');
  });

  it.each([
    [{ kind: 'queued' as const, text: 'Queued 1 email' }, 'send-status'],
    [{ kind: 'error' as const, text: 'Quota exhausted' }, 'send-error'],
  ])('shows the send outcome %#', (status, id) => {
    expect(widgetById(composeCard(data({ status })), id)).toMatchObject({
      textParagraph: { text: status.text },
    });
  });
});
