import { describe, expect, it } from 'vitest';
import {
  actionTestId,
  draftUpdateOf,
  navigate,
  openLinkOf,
  plainCardText,
  renderCard,
  sanitizeCardText,
  unwrapResponse,
  whenClosed,
} from './render.js';

const ADDON = 'https://sendwell.example/gmail/addon';
const onClick = (name: string) => ({
  action: { function: `${ADDON}?t=action&a=${name}`, parameters: [{ key: 'session', value: 's1' }] },
});

// Only fields Google's card schema defines for Gmail add-ons: no widget carries an `id`.
const card = {
  name: 'compose',
  header: { title: 'Sendwell', subtitle: 'rep@example.com' },
  sections: [
    {
      header: 'Template',
      widgets: [
        {
          selectionInput: {
            name: 'templateId',
            label: 'Template',
            type: 'DROPDOWN',
            onChangeAction: onClick('compose-refresh').action,
            items: [
              { text: 'Intro', value: 't-1', selected: false },
              { text: 'Plain', value: 't-2', selected: true },
            ],
          },
        },
        { textInput: { name: 'note', label: 'Note', value: 'a "quoted" <value>' } },
        { textInput: { name: 'body', label: 'Body', type: 'MULTIPLE_LINE', value: 'line <1>' } },
        {
          selectionInput: {
            name: 'mode',
            label: 'Send as',
            type: 'RADIO_BUTTON',
            items: [
              { text: 'One email each', value: 'each', selected: true },
              { text: 'One email', value: 'one' },
            ],
          },
        },
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
          decoratedText: {
            topLabel: 'Bounce · hard',
            text: 'nobody@bounce.test',
            bottomLabel: 'address does not exist',
            button: { text: 'Details', onClick: onClick('details') },
          },
        },
        {
          decoratedText: {
            topLabel: 'Intro &amp; <b>more</b>',
            text: '5 sent · 2 bounced',
            onClick: onClick('open'),
          },
        },
        { textParagraph: { text: '<b>Bold</b> and &lt;escaped&gt; and <img src=x onerror=alert(1)>' } },
        { grid: {} },
      ],
    },
    { widgets: [{ textParagraph: { text: 'No header' } }] },
  ],
};

describe('renderCard', () => {
  const { html, actions } = renderCard(card);

  // Every field the previewer shows, and the hooks tests find widgets by: schema fields only.
  it.each([
    ['card root', 'data-testid="card" data-card-name="compose"'],
    ['header title as the card heading', '<h2 class="card-title">Sendwell</h2>'],
    ['header subtitle', '<div class="card-subtitle">rep@example.com</div>'],
    [
      'section as a region named by its header',
      '<section class="card-section" aria-labelledby="card-section-0" data-section-header="Template"><h3 class="section-header" id="card-section-0">Template</h3>',
    ],
    [
      'section without a header',
      '<section class="card-section"><p class="w-paragraph" data-widget="textParagraph">No header</p>',
    ],
    [
      'dropdown found by selectionInput.name',
      '<label class="w-selection" data-widget="selectionInput">Template<select data-input-name="templateId" data-testid="templateId" data-change-action-index="0">',
    ],
    ['selected option', '<option value="t-2" selected>Plain</option>'],
    [
      'text input found by textInput.name, escaped value',
      '<label class="w-text-input" data-widget="textInput">Note<input type="text" data-input-name="note" data-testid="note" value="a &quot;quoted&quot; &lt;value&gt;">',
    ],
    [
      'multi-line text input',
      '<textarea data-input-name="body" data-testid="body">line &lt;1&gt;</textarea>',
    ],
    [
      'radio buttons found by selectionInput.name',
      '<fieldset class="w-selection" data-widget="selectionInput" data-testid="mode"><legend>Send as</legend>',
    ],
    [
      'checked radio',
      '<input type="radio" name="mode" data-input-name="mode" value="each" checked>One email each',
    ],
    [
      'insert button by its action',
      'data-testid="insert-template" data-action-index="1">Insert template</button>',
    ],
    ['disabled send button', 'data-testid="send-with-sendwell" data-action-index="2" disabled>'],
    ['divider', '<hr class="w-divider" data-widget="divider">'],
    [
      'decoratedText found by topLabel',
      '<div class="w-decorated" data-widget="decoratedText" data-top-label="Bounce · hard"><div class="top-label">Bounce · hard</div><div class="text">nobody@bounce.test</div><div class="bottom-label">address does not exist</div>',
    ],
    ['decoratedText button', 'data-testid="details" data-action-index="3">Details</button>'],
    [
      'clickable decoratedText as a keyboard button, plain-text label',
      'data-widget="decoratedText" data-top-label="Intro &amp; more" role="button" tabindex="0" data-action-index="4">',
    ],
    [
      'paragraph with allowed markup',
      '<p class="w-paragraph" data-widget="textParagraph"><b>Bold</b> and &lt;escaped&gt;',
    ],
    ['neutralised tag', '&lt;img src=x onerror=alert(1)>'],
    ['unsupported widget', 'Unsupported widget: grid'],
  ])('renders the %s', (_name, fragment) => {
    expect(html).toContain(fragment);
  });

  it('takes no hook from a widget id (Gmail add-on widgets have none)', () => {
    const stray = { sections: [{ widgets: [{ id: 'feed-item--0', textParagraph: { text: 'x' } }] }] };
    expect(renderCard(stray).html).not.toContain('feed-item');
  });

  it('collects the onChangeAction, button and decoratedText callbacks in order', () => {
    expect(actions).toEqual([
      { action: onClick('compose-refresh').action },
      onClick('insert-template'),
      onClick('send-with-sendwell'),
      onClick('details'),
      onClick('open'),
    ]);
  });
});

describe('helpers', () => {
  it.each([
    ['Intro &amp; <b>more</b>', 'Intro & more'],
    ['a<br>b', 'a b'],
    ['&lt;x&gt; &#233;&#xe9; &unknown;', '<x> éé &unknown;'],
  ])('plainCardText(%s)', (text, expected) => {
    expect(plainCardText(text)).toBe(expected);
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

describe('OpenLink (the Connect Gmail button)', () => {
  const consent = 'https://accounts.example/o/oauth2/v2/auth?state=s1&scope=a+b';
  const linkCard = (onClose?: string) => ({
    name: 'connect',
    sections: [
      {
        widgets: [
          {
            buttonList: {
              buttons: [
                {
                  text: 'Connect Gmail',
                  onClick: { openLink: { url: consent, openAs: 'OVERLAY', onClose } },
                },
              ],
            },
          },
        ],
      },
    ],
  });

  it('renders a link button with where it goes and what happens when it closes', () => {
    const { html, actions } = renderCard(linkCard('RELOAD'));
    expect(html).toContain('data-testid="connect-gmail"');
    expect(html).toContain(`data-open-link="${consent.replace(/&/g, '&amp;')}"`);
    expect(html).toContain('data-on-close="RELOAD"');
    expect(renderCard(linkCard()).html).toContain('data-on-close="NOTHING"');
    expect(openLinkOf((actions[0] as { openLink: unknown }).openLink)).toEqual({
      url: consent,
      popup: true,
      reloadOnClose: true,
    });
  });

  it.each([
    [
      { url: consent, openAs: 'OVERLAY', onClose: 'RELOAD' },
      { url: consent, popup: true, reloadOnClose: true },
    ],
    [
      { url: consent, onClose: 'NOTHING' },
      { url: consent, popup: false, reloadOnClose: false },
    ],
    [{ url: consent }, { url: consent, popup: false, reloadOnClose: false }],
    [{}, null],
    [undefined, null],
  ])('openLinkOf %j', (link, expected) => {
    expect(openLinkOf(link)).toEqual(expected);
  });

  it('whenClosed reports the window closing once, on the first check after it closed', () => {
    const win = { closed: false };
    const checks: (() => void)[] = [];
    let stopped = 0;
    let reloads = 0;
    whenClosed(
      win,
      () => reloads++,
      (check) => checks.push(check),
      () => stopped++,
    );
    checks[0]!();
    expect(reloads).toBe(0);
    win.closed = true;
    checks[0]!();
    checks[0]!();
    expect([reloads, stopped]).toEqual([1, 1]);
  });

  it('a stopped watch reports nothing', () => {
    const win = { closed: false };
    const checks: (() => void)[] = [];
    let reloads = 0;
    const stop = whenClosed(
      win,
      () => reloads++,
      (check) => checks.push(check),
      () => {},
    );
    stop();
    win.closed = true;
    checks[0]!();
    expect(reloads).toBe(0);
  });
});
