import type { ActionParameter, Button, CardAction, DecoratedText, Widget } from './types';

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
): CardAction {
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

/**
 * A button that opens `url` in a popup over Gmail; when the popup closes, Gmail reloads the add-on
 * (how a card learns that the rep finished consenting elsewhere).
 */
export function linkButton(text: string, url: string): Button {
  return { text, onClick: { openLink: { url, openAs: 'OVERLAY', onClose: 'RELOAD' } } };
}

export const buttonList = (buttons: Button[]): Widget => ({ buttonList: { buttons } });
export const paragraph = (text: string): Widget => ({ textParagraph: { text } });
export const decorated = (text: DecoratedText): Widget => ({ decoratedText: { wrapText: true, ...text } });

/** Card text fields accept a small HTML subset, so anything from users is escaped. */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
