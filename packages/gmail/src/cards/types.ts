/**
 * The subset of the Workspace add-on card JSON (google.apps.card.v1) Sendwell emits. There are no
 * official TypeScript types for card JSON; these follow the published schema's field names.
 */
export interface Card {
  /** Stable card name (used by popToCard and by the previewer's `data-card-name`). */
  name: string;
  header?: CardHeader;
  sections: CardSection[];
}

export interface CardHeader {
  title: string;
  subtitle?: string;
}

export interface CardSection {
  header?: string;
  widgets: Widget[];
}

export interface ActionParameter {
  key: string;
  value: string;
}

export interface OnClick {
  action: { function: string; parameters?: ActionParameter[]; loadIndicator?: 'SPINNER' | 'NONE' };
}

export interface Button {
  text: string;
  onClick: OnClick;
  disabled?: boolean;
}

export interface DecoratedText {
  topLabel?: string;
  text: string;
  bottomLabel?: string;
  wrapText?: boolean;
}

export interface SelectionItem {
  text: string;
  value: string;
  selected: boolean;
}

export interface SelectionInput {
  name: string;
  label: string;
  type: 'DROPDOWN' | 'RADIO_BUTTON' | 'CHECK_BOX';
  items: SelectionItem[];
}

export interface TextInput {
  name: string;
  label: string;
  value?: string;
}

/**
 * `id` is the schema's widget id (`[a-zA-Z0-9-]+`, unique per card). Sendwell spells it
 * `<stable-name>` or `<stable-name>--<key>`; the previewer turns the stable name into `data-testid`.
 */
export type Widget = { id?: string } & (
  | { textParagraph: { text: string } }
  | { decoratedText: DecoratedText }
  | { selectionInput: SelectionInput }
  | { textInput: TextInput }
  | { buttonList: { buttons: Button[] } }
  | { divider: Record<string, never> }
);

export interface Notification {
  text: string;
}

export interface DraftUpdate {
  updateBody?: {
    insertContents: { content: string; contentType: 'MUTABLE_HTML' | 'IMMUTABLE_HTML' | 'TEXT' }[];
    type: 'IN_PLACE_INSERT';
  };
  updateSubject?: { subject: string };
}

/** What every add-on endpoint answers. */
export interface AddonResponse {
  renderActions: {
    action?: {
      navigations?: ({ pushCard: Card } | { updateCard: Card })[];
      notification?: Notification;
    };
    hostAppAction?: { gmailAction: { updateDraftActionMarkup: DraftUpdate } };
  };
}
