import type { chat_v1 } from '@googleapis/chat';
import { describe, expect, it } from 'vitest';
import { createSchemaCheck } from '../testing/cardSchema';
import type { Button, Card, CardSection, DecoratedText, SelectionInput, Widget } from './types';

interface Google {
  Card: chat_v1.Schema$GoogleAppsCardV1Card;
  Section: chat_v1.Schema$GoogleAppsCardV1Section;
  Widget: chat_v1.Schema$GoogleAppsCardV1Widget;
  Button: chat_v1.Schema$GoogleAppsCardV1Button;
  DecoratedText: chat_v1.Schema$GoogleAppsCardV1DecoratedText;
  SelectionInput: chat_v1.Schema$GoogleAppsCardV1SelectionInput;
}

/** Compile-time: every card type the builders use is one of Google's published card types. */
type Assignable<T extends U, U> = [T, U];
export type CardTypesFitGoogle = [
  Assignable<Card, Google['Card']>,
  Assignable<CardSection, Google['Section']>,
  Assignable<Widget, Google['Widget']>,
  Assignable<Button, Google['Button']>,
  Assignable<DecoratedText, Google['DecoratedText']>,
  Assignable<SelectionInput, Google['SelectionInput']>,
];

describe('the card schema check (derived from @googleapis/chat)', () => {
  const check = createSchemaCheck();
  const card = (widgets: unknown[]) => ({
    renderActions: { action: { navigations: [{ pushCard: { name: 'c', sections: [{ widgets }] } }] } },
  });

  it('accepts a card made only of schema fields', () => {
    expect(
      check(
        card([
          { textParagraph: { text: 'hi' } },
          { decoratedText: { topLabel: 'a', text: 'b', wrapText: true } },
        ]),
      ),
    ).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    ['a widget id (Workspace Studio only)', { id: 'x', textParagraph: { text: 'hi' } }, 'has no field "id"'],
    [
      'a Chat-only field',
      { decoratedText: { text: 'a', topLabelText: { text: 'x' } } },
      'has no field "topLabelText"',
    ],
    ['an unknown spelling', { textParagraph: { txt: 'hi' } }, 'has no field "txt"'],
    ['two kinds in one widget (oneof)', { textParagraph: { text: 'a' }, divider: {} }, 'a oneof'],
    ['no kind at all', {}, 'needs one of'],
    [
      'an enum value Google does not define',
      { selectionInput: { name: 'n', label: 'l', type: 'COMBO', items: [] } },
      '"COMBO" is not one of',
    ],
  ])('rejects %s', (_name, widget, problem) => {
    expect(check(card([widget])).join('\n')).toContain(problem);
  });

  it('checks the Gmail draft markup envelope too', () => {
    const markup = {
      updateBody: { insertContents: [{ content: 'x', contentType: 'HTML' }], type: 'REPLACE' },
    };
    const problems = check({
      renderActions: { hostAppAction: { gmailAction: { updateDraftActionMarkup: markup } } },
    });
    expect(problems.join('\n')).toMatch(/"HTML" is not one of[\s\S]*"REPLACE" is not one of/);
  });
});
