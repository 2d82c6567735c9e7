import type { Card, Widget } from './types';

/** Every widget of a card, flattened (test helper). */
export function allWidgets(card: Card): Widget[] {
  return card.sections.flatMap((section) => section.widgets);
}

export function widgetById(card: Card, id: string): Widget | undefined {
  return allWidgets(card).find((widget) => widget.id === id);
}

/** Action names (`a=`) of every button, in order. */
export function buttonActions(card: Card): { action: string; disabled: boolean }[] {
  return allWidgets(card).flatMap((widget) =>
    'buttonList' in widget
      ? widget.buttonList.buttons.map((b) => ({
          action: new URL(b.onClick.action.function).searchParams.get('a') ?? '',
          disabled: b.disabled === true,
        }))
      : [],
  );
}
