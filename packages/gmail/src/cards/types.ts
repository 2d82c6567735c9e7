/**
 * The subset of the Workspace add-on card JSON (google.apps.card.v1) Sendwell emits, narrower than
 * Google's `GoogleAppsCardV1*` types (published with `@googleapis/chat`): `cardTypes.test.ts` checks
 * at compile time that every type here is assignable to Google's, and `testing/cardSchema.ts` checks
 * every emitted card against the schema at run time (no widget `id`: Gmail add-ons have none).
 */
export interface Card {
  /** Stable card name (used by popToCard and by the previewer's `data-card-name`). */
  name: string;
  header?: CardHeader;
  sections: CardSection[];
}

interface CardHeader {
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

/** A callback to the add-on endpoint (`?t=action&a=<name>`). */
export interface CardAction {
  function: string;
  parameters?: ActionParameter[];
  loadIndicator?: 'SPINNER' | 'NONE';
}

/**
 * A link the host opens (google.apps.card.v1 `OpenLink`). `OVERLAY` opens it in a popup over Gmail;
 * `onClose: 'RELOAD'` makes Gmail re-run the add-on when that window closes (e.g. after consent).
 */
export interface OpenLink {
  url: string;
  openAs?: 'FULL_SIZE' | 'OVERLAY';
  onClose?: 'NOTHING' | 'RELOAD';
}

/** One of the schema's `OnClick` oneof: call the add-on, or open a link. */
type OnClick = { action: CardAction } | { openLink: OpenLink };

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
  /** A button after the text (e.g. "Remove from campaign" on a person's row). */
  button?: Button;
}

interface SelectionItem {
  text: string;
  value: string;
  selected: boolean;
}

export interface SelectionInput {
  name: string;
  label: string;
  type: 'DROPDOWN' | 'RADIO_BUTTON' | 'CHECK_BOX';
  items: SelectionItem[];
  /** Re-renders the card when the choice changes (e.g. the template picker). */
  onChangeAction?: CardAction;
}

interface TextInput {
  name: string;
  label: string;
  value?: string;
  /** Runs when the rep leaves the field after changing it (e.g. the template search). */
  onChangeAction?: CardAction;
}

/**
 * google.apps.card.v1 `DateTimePicker`: `valueMsEpoch` is an instant (an int64 as a string), shown
 * in `timezoneOffsetDate` (minutes from UTC); the event answers `formInputs.<name>.dateTimeInput`.
 */
interface DateTimePicker {
  name: string;
  label: string;
  type: 'DATE_AND_TIME' | 'DATE_ONLY' | 'TIME_ONLY';
  valueMsEpoch?: string;
  timezoneOffsetDate?: number;
}

/** One widget: exactly one of the kinds (the schema's `data` oneof). */
export type Widget =
  | { textParagraph: { text: string } }
  | { decoratedText: DecoratedText }
  | { selectionInput: SelectionInput }
  | { textInput: TextInput }
  | { dateTimePicker: DateTimePicker }
  | { buttonList: { buttons: Button[] } }
  | { divider: Record<string, never> };

interface Notification {
  text: string;
}

export interface DraftUpdate {
  updateBody?: {
    insertContents: { content: string; contentType: 'MUTABLE_HTML' | 'IMMUTABLE_HTML' | 'TEXT' }[];
    /** At the cursor, replacing a selection (what a rep expects of "Insert"), or at the start / end. */
    type: 'IN_PLACE_INSERT' | 'INSERT_AT_START' | 'INSERT_AT_END';
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
