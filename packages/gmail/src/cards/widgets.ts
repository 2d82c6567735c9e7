import type { ActionParameter, Button, DecoratedText, OnClick, Widget } from './types';

/** The callback URL of a card action: the same endpoint with `?t=action&a=<name>`. */
function actionUrl(addonUrl: string, name: string): string {
  const url = new URL(addonUrl);
  url.searchParams.set('t', 'action');
  url.searchParams.set('a', name);
  return url.toString();
}

export function action(
  addonUrl: string,
  name: string,
  parameters: Record<string, string | undefined> = {},
): OnClick['action'] {
  const list: ActionParameter[] = Object.entries(parameters)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => ({ key, value }));
  return {
    function: actionUrl(addonUrl, name),
    loadIndicator: 'SPINNER',
    ...(list.length ? { parameters: list } : {}),
  };
}

export function button(
  addonUrl: string,
  text: string,
  name: string,
  parameters: Record<string, string | undefined> = {},
): Button {
  return { text, onClick: { action: action(addonUrl, name, parameters) } };
}

export const buttonList = (buttons: Button[]): Widget => ({ buttonList: { buttons } });
export const paragraph = (text: string): Widget => ({ textParagraph: { text } });
export const decorated = (text: DecoratedText): Widget => ({ decoratedText: { wrapText: true, ...text } });

/** Card text fields accept a small HTML subset, so anything from users is escaped. */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
