import type { ActionParameter, Button, DecoratedText, Widget } from './types';

/** Widget ids must match `[a-zA-Z0-9-]+` and stay under 64 characters. */
export function widgetId(name: string, key?: string): string {
  const safeKey = key === undefined ? '' : `--${key.replace(/[^a-zA-Z0-9-]/g, '-')}`;
  return `${name}${safeKey}`.slice(0, 64);
}

/** The callback URL of a card action: the same endpoint with `?t=action&a=<name>`. */
export function actionUrl(addonUrl: string, name: string): string {
  const url = new URL(addonUrl);
  url.searchParams.set('t', 'action');
  url.searchParams.set('a', name);
  return url.toString();
}

export function button(
  addonUrl: string,
  text: string,
  action: string,
  parameters: Record<string, string> = {},
): Button {
  const list: ActionParameter[] = Object.entries(parameters).map(([key, value]) => ({ key, value }));
  return {
    text,
    onClick: {
      action: {
        function: actionUrl(addonUrl, action),
        loadIndicator: 'SPINNER',
        ...(list.length ? { parameters: list } : {}),
      },
    },
  };
}

export const buttonList = (buttons: Button[]): Widget => ({ buttonList: { buttons } });
export const paragraph = (text: string, id?: string): Widget => ({
  ...(id ? { id } : {}),
  textParagraph: { text },
});
export const decorated = (id: string, text: DecoratedText): Widget => ({
  id,
  decoratedText: { wrapText: true, ...text },
});
export const divider = (): Widget => ({ divider: {} });

/** Card text fields accept a small HTML subset, so anything from users is escaped. */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
