import type { AddonResponse, Button, Card, DecoratedText, OpenLink, SelectionInput, Widget } from './types';

/**
 * Test helpers that find widgets the way a person does, by what the schema shows: a button's text,
 * an input's `name`, a decorated text's `topLabel`, a paragraph's words (cards carry no widget ids).
 */
function allWidgets(card: Card): Widget[] {
  return card.sections.flatMap((section) => section.widgets);
}

export function decoratedByLabel(card: Card, topLabel: string): DecoratedText | undefined {
  for (const w of allWidgets(card))
    if ('decoratedText' in w && w.decoratedText.topLabel === topLabel) return w.decoratedText;
  return undefined;
}

export function decoratedTexts(card: Card): DecoratedText[] {
  return allWidgets(card).flatMap((w) => ('decoratedText' in w ? [w.decoratedText] : []));
}

export function inputByName(card: Card, name: string): SelectionInput | undefined {
  for (const w of allWidgets(card))
    if ('selectionInput' in w && w.selectionInput.name === name) return w.selectionInput;
  return undefined;
}

export function paragraphs(card: Card): string[] {
  return allWidgets(card).flatMap((w) => ('textParagraph' in w ? [w.textParagraph.text] : []));
}

/** Every button: in button lists and after a decorated text (a person's "Remove"), in order. */
export function buttons(card: Card): Button[] {
  return allWidgets(card).flatMap((w) => {
    if ('buttonList' in w) return w.buttonList.buttons;
    return 'decoratedText' in w && w.decoratedText.button ? [w.decoratedText.button] : [];
  });
}

export function buttonByText(card: Card, text: string): Button | undefined {
  return buttons(card).find((b) => b.text === text);
}

/** A button's callback as the add-on receives it: the action name (`a=`) and its parameters. */
export function buttonAction(b: Button): {
  action: string;
  parameters: Record<string, string>;
  disabled: boolean;
} {
  if (!('action' in b.onClick)) throw new Error(`button "${b.text}" opens a link, it calls no action`);
  const { action } = b.onClick;
  return {
    action: new URL(action.function).searchParams.get('a') ?? '',
    parameters: Object.fromEntries((action.parameters ?? []).map((p) => [p.key, p.value])),
    disabled: b.disabled === true,
  };
}

/** The link a button opens (its `openLink`), or undefined for an action button. */
export function buttonLink(b: Button): OpenLink | undefined {
  return 'openLink' in b.onClick ? b.onClick.openLink : undefined;
}

/** Action names (`a=`) of every button, in order. */
export function buttonActions(card: Card): { action: string; disabled: boolean }[] {
  return buttons(card)
    .filter((b) => 'action' in b.onClick)
    .map((b) => {
      const { action, disabled } = buttonAction(b);
      return { action, disabled };
    });
}

/** The card an answer shows (pushCard or updateCard), or undefined. */
export function shownCard(response: AddonResponse): Card | undefined {
  const nav = response.renderActions.action?.navigations?.[0];
  return nav ? ('pushCard' in nav ? nav.pushCard : nav.updateCard) : undefined;
}
