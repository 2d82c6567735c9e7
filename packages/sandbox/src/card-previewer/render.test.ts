import { describe, expect, it } from 'vitest';
import {
  actionTestId,
  draftUpdateOf,
  navigate,
  renderCard,
  sanitizeCardText,
  splitWidgetId,
  unwrapResponse,
} from './render.js';

const ADDON = 'https://sendwell.example/gmail/addon';
const onClick = (name: string) => ({
  action: { function: `${ADDON}?t=action&a=${name}`, parameters: [{ key: 'session', value: 's1' }] },
});

const card = {
  name: 'compose',
  header: { title: 'Sendwell', subtitle: 'rep@example.com' },
  sections: [
    {
      header: 'Template',
      widgets: [
        {
          id: 'template-picker',
          selectionInput: {
            name: 'templateId',
            label: 'Template',
            type: 'DROPDOWN',
            items: [
              { text: 'Intro', value: 't-1', selected: false },
              { text: 'Plain', value: 't-2', selected: true },
            ],
          },
        },
        { textInput: { name: 'note', label: 'Note', value: 'a "quoted" <value>' } },
        {
          buttonList: {
            buttons: [
              { text: 'Insert template', onClick: onClick('insert-template') },
              { text: 'Send with Sendwell', onClick: onClick('send-with-sendwell'), disabled: true },
            ],
          },
        },
        { divider: {} },
      ],
    },
    {
      header: 'Recent activity',
      widgets: [
        {
          id: 'feed-item--0',
          decoratedText: {
            topLabel: 'Bounce · hard',
            text: 'nobody@bounce.test',
            bottomLabel: 'userunknown 5.1.1',
          },
        },
        { id: 'template-analytics--t-1', decoratedText: { topLabel: 'Intro', text: '5 sent · 2 bounced' } },
        { textParagraph: { text: '<b>Bold</b> and &lt;escaped&gt; and <img src=x onerror=alert(1)>' } },
        { grid: {} },
      ],
    },
  ],
};

describe('renderCard', () => {
  const { html, actions } = renderCard(card);

  it.each([
    ['card root', 'data-testid="card" data-card-name="compose"'],
    ['header', '<div class="card-title">Sendwell</div>'],
    ['template picker', '<select data-input-name="templateId" data-testid="template-picker">'],
    ['selected option', '<option value="t-2" selected>Plain</option>'],
    [
      'text input by name, escaped value',
      'data-input-name="note" data-testid="note" value="a &quot;quoted&quot; &lt;value&gt;"',
    ],
    ['insert button', 'data-testid="insert-template" data-action-index="0">Insert template</button>'],
    ['disabled send button', 'data-testid="send-with-sendwell" data-action-index="1" disabled>'],
    ['feed item with key', 'data-testid="feed-item" data-key="0"'],
    ['template analytics', 'data-testid="template-analytics" data-key="t-1"'],
    ['divider', '<hr class="w-divider">'],
    ['allowed markup', '<b>Bold</b> and &lt;escaped&gt;'],
    ['neutralised tag', '&lt;img src=x onerror=alert(1)>'],
    ['unsupported widget', 'Unsupported widget: grid'],
  ])('renders the %s', (_name, fragment) => {
    expect(html).toContain(fragment);
  });

  it('collects the button callbacks in order', () => {
    expect(actions).toEqual([onClick('insert-template'), onClick('send-with-sendwell')]);
  });
});

describe('helpers', () => {
  it.each([
    ['feed-item--12', { testId: 'feed-item', key: '12' }],
    ['quota', { testId: 'quota', key: '' }],
  ])('splitWidgetId(%s)', (id, expected) => {
    expect(splitWidgetId(id)).toEqual(expected);
  });

  it.each([
    [onClick('refresh'), 'Refresh', 'refresh'],
    [{ action: { function: 'https://x.example/other' } }, 'Do It Now!', 'do-it-now'],
    [undefined, 'Open', 'open'],
  ])('actionTestId %#', (click, text, expected) => {
    expect(actionTestId(click, text)).toBe(expected);
  });

  it.each([
    ['<script>x</script>', '&lt;script>x&lt;/script>'],
    ['a<br>b<br/>', 'a<br>b<br/>'],
  ])('sanitizeCardText(%s)', (text, expected) => {
    expect(sanitizeCardText(text)).toBe(expected);
  });
});

describe('responses', () => {
  const a = { name: 'a', sections: [] };
  const b = { name: 'b', sections: [] };
  it.each([
    [[], [{ pushCard: a }], ['a']],
    [[a], [{ updateCard: b }], ['b']],
    [[a, b], [{ pop: true }], ['a']],
    [[a, b], [{ popToCard: 'a' }], ['a']],
    [[a, b, a], [{ popToRoot: true }], ['a']],
  ])('navigate %#', (stack, navigations, names) => {
    expect(navigate(stack, navigations).map((c: { name: string }) => c.name)).toEqual(names);
  });

  const update = { updateSubject: { subject: 'Hi' } };
  it.each([
    [{ renderActions: { hostAppAction: { gmailAction: { updateDraftActionMarkup: update } } } }, update],
    [{ renderActions: { hostAppAction: { editorAction: { updateDraftActionMarkup: update } } } }, update],
    [{ renderActions: { action: { notification: { text: 'x' } } } }, null],
  ])('draftUpdateOf %#', (response, expected) => {
    expect(draftUpdateOf(unwrapResponse(response).hostAppAction)).toEqual(expected);
  });

  it.each([
    [{ renderActions: { action: { navigations: [{ pushCard: a }] } } }, [{ pushCard: a }]],
    [{ action: { navigations: [{ updateCard: a }] } }, [{ updateCard: a }]],
    [a, [{ pushCard: a }]],
  ])('unwrapResponse %#', (response, navigations) => {
    expect(unwrapResponse(response).action.navigations).toEqual(navigations);
  });
});
