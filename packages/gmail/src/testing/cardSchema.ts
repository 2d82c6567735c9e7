import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * A runtime check of add-on answers against Google's published schema: field names per type (read
 * from the `Schema$GoogleAppsCardV1*` definitions Google ships in `@googleapis/chat`, minus the fields
 * its docs mark as Chat-only or Workspace-Studio-only, such as `Widget.id`), enum values and oneof
 * groups (from the google.apps.card.v1 reference, which the generated types leave as `string`), and
 * the add-on response envelope (renderActions, navigations, the Gmail draft markup). Test-only.
 */

type Field =
  | { kind: 'string' | 'boolean' | 'number' | 'opaque'; array: boolean }
  | { kind: 'ref'; ref: string; array: boolean };

interface TypeSchema {
  fields: Record<string, Field>;
}

const CARD_PREFIX = 'GoogleAppsCardV1';

/** Fields the docs say a Gmail add-on cannot use. */
function notForGmailAddons(comment: string): boolean {
  if (/Available for Google Workspace add-ons that extend Google Workspace Studio/.test(comment)) return true;
  if (/Unavailable for Google Workspace add-ons/.test(comment)) return true;
  // "[Google Chat apps](…)" alone marks a Chat-only field; "[Google Workspace add-ons and Chat apps]" does not.
  return /\[Google Chat apps\]\(/.test(comment) && !/add-ons/.test(comment);
}

function fieldOf(type: string): Field {
  const array = /\[\]/.test(type);
  const ref = new RegExp(`Schema\\$${CARD_PREFIX}(\\w+)`).exec(type);
  if (ref) return { kind: 'ref', ref: ref[1]!, array };
  if (/^string/.test(type)) return { kind: 'string', array };
  if (/^boolean/.test(type)) return { kind: 'boolean', array };
  if (/^number/.test(type)) return { kind: 'number', array };
  return { kind: 'opaque', array };
}

/** Every `Schema$GoogleAppsCardV1<Type>` interface of the installed `@googleapis/chat`, parsed. */
function googleCardTypes(): Record<string, TypeSchema> {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('@googleapis/chat/package.json'));
  const source = readFileSync(join(root, 'build', 'v1.d.ts'), 'utf8');
  const types: Record<string, TypeSchema> = {};
  const block = new RegExp(`export interface Schema\\$${CARD_PREFIX}(\\w+) \\{([\\s\\S]*?)\\n    \\}`, 'g');
  for (const [, name, body] of source.matchAll(block)) {
    const fields: Record<string, Field> = {};
    const field = /\/\*\*([\s\S]*?)\*\/\s*(\w+)\?: ([^;]+);/g;
    for (const [, comment, key, type] of body!.matchAll(field)) {
      if (!notForGmailAddons(comment!)) fields[key!] = fieldOf(type!.trim());
    }
    types[name!] = { fields };
  }
  return types;
}

/** Enum values per `Type.field` (google.apps.card.v1 and the add-on response reference). */
const ENUMS: Record<string, readonly string[]> = {
  'Action.loadIndicator': ['SPINNER', 'NONE'],
  'Button.type': ['TYPE_UNSPECIFIED', 'OUTLINED', 'FILLED', 'FILLED_TONAL', 'BORDERLESS'],
  'Card.displayStyle': ['DISPLAY_STYLE_UNSPECIFIED', 'PEEK', 'REPLACE'],
  'Card.sectionDividerStyle': ['DIVIDER_STYLE_UNSPECIFIED', 'SOLID_DIVIDER', 'NO_DIVIDER'],
  'CardHeader.imageType': ['SQUARE', 'CIRCLE'],
  'ChipList.layout': ['LAYOUT_UNSPECIFIED', 'WRAPPED', 'HORIZONTAL_SCROLLABLE'],
  'DateTimePicker.type': ['DATE_AND_TIME', 'DATE_ONLY', 'TIME_ONLY'],
  'Icon.imageType': ['SQUARE', 'CIRCLE'],
  'OpenLink.openAs': ['FULL_SIZE', 'OVERLAY'],
  'OpenLink.onClose': ['NOTHING', 'RELOAD'],
  'SelectionInput.type': ['CHECK_BOX', 'RADIO_BUTTON', 'SWITCH', 'DROPDOWN', 'MULTI_SELECT'],
  'SwitchControl.controlType': ['SWITCH', 'CHECKBOX', 'CHECK_BOX'],
  'TextInput.type': ['SINGLE_LINE', 'MULTIPLE_LINE'],
  'Validation.inputType': ['INPUT_TYPE_UNSPECIFIED', 'TEXT', 'INTEGER', 'FLOAT', 'EMAIL', 'EMOJI_PICKER'],
  'Widget.horizontalAlignment': ['HORIZONTAL_ALIGNMENT_UNSPECIFIED', 'START', 'CENTER', 'END'],
  'UpdateDraftBodyMarkup.type': [
    'UNSPECIFIED_ACTION_TYPE',
    'IN_PLACE_INSERT',
    'INSERT_AT_START',
    'INSERT_AT_END',
  ],
  'Content.contentType': ['TEXT', 'MUTABLE_HTML', 'IMMUTABLE_HTML'],
};

/** Oneof groups: at most one member set; `required` groups need exactly one. */
const ONEOFS: Record<string, { members: readonly string[]; required: boolean }[]> = {
  Widget: [
    {
      members: [
        'textParagraph',
        'image',
        'decoratedText',
        'buttonList',
        'textInput',
        'selectionInput',
        'dateTimePicker',
        'divider',
        'grid',
        'columns',
        'chipList',
        'carousel',
      ],
      required: true,
    },
  ],
  OnClick: [
    { members: ['action', 'openLink', 'openDynamicLinkAction', 'card', 'overflowMenu'], required: true },
  ],
  DecoratedText: [{ members: ['button', 'switchControl', 'endIcon'], required: false }],
  Icon: [{ members: ['knownIcon', 'iconUrl', 'materialIcon'], required: true }],
  Navigation: [
    { members: ['popToRoot', 'pop', 'popToCard', 'pushCard', 'updateCard', 'endNavigation'], required: true },
  ],
  GmailClientActionMarkup: [
    {
      members: [
        'taskAction',
        'updateDraftActionMarkup',
        'openCreatedDraftActionMarkup',
        'addonComposeUiActionMarkup',
      ],
      required: true,
    },
  ],
};

const ref = (name: string, array = false): Field => ({ kind: 'ref', ref: name, array });
const str: Field = { kind: 'string', array: false };
const bool: Field = { kind: 'boolean', array: false };

/** The add-on response envelope (Workspace add-ons "RenderActions" and Gmail action markup reference). */
const ENVELOPE: Record<string, TypeSchema> = {
  AddonResponse: { fields: { renderActions: ref('RenderActions') } },
  RenderActions: { fields: { action: ref('RenderAction'), hostAppAction: ref('HostAppAction') } },
  RenderAction: {
    fields: {
      navigations: ref('Navigation', true),
      link: ref('OpenLink'),
      notification: ref('Notification'),
    },
  },
  Navigation: {
    fields: {
      popToRoot: bool,
      pop: bool,
      popToCard: str,
      pushCard: ref('Card'),
      updateCard: ref('Card'),
      endNavigation: { kind: 'opaque', array: false },
    },
  },
  Notification: { fields: { text: str } },
  HostAppAction: { fields: { gmailAction: ref('GmailClientActionMarkup') } },
  GmailClientActionMarkup: {
    fields: {
      taskAction: { kind: 'opaque', array: false },
      updateDraftActionMarkup: ref('UpdateDraftActionMarkup'),
      openCreatedDraftActionMarkup: { kind: 'opaque', array: false },
      addonComposeUiActionMarkup: { kind: 'opaque', array: false },
    },
  },
  UpdateDraftActionMarkup: {
    fields: {
      updateBody: ref('UpdateDraftBodyMarkup'),
      updateSubject: ref('UpdateSubject'),
      updateToRecipients: { kind: 'opaque', array: false },
      updateCcRecipients: { kind: 'opaque', array: false },
      updateBccRecipients: { kind: 'opaque', array: false },
    },
  },
  UpdateDraftBodyMarkup: { fields: { insertContents: ref('Content', true), type: str } },
  Content: { fields: { content: str, contentType: str } },
  UpdateSubject: { fields: { subject: str } },
};

export type SchemaCheck = (value: unknown, type?: string) => string[];

/** A validator over Google's card types plus the envelope; answers the problems found, by path. */
export function createSchemaCheck(): SchemaCheck {
  const types = { ...googleCardTypes(), ...ENVELOPE };
  const check = (value: unknown, type: string, path: string, problems: string[]): void => {
    const schema = types[type];
    if (!schema) return void problems.push(`${path}: no schema for ${type}`);
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return void problems.push(`${path}: expected a ${type} object`);
    const entries = Object.entries(value as Record<string, unknown>);
    for (const [key, child] of entries) {
      const field = schema.fields[key];
      if (!field) problems.push(`${path}.${key}: ${type} has no field "${key}" for Gmail add-ons`);
      else checkField(child, field, `${type}.${key}`, `${path}.${key}`, problems);
    }
    for (const group of ONEOFS[type] ?? []) {
      const set = group.members.filter((m) => m in (value as object));
      if (set.length > 1) problems.push(`${path}: ${type} sets ${set.join(' and ')}, a oneof`);
      if (group.required && set.length === 0)
        problems.push(`${path}: ${type} needs one of ${group.members.join(', ')}`);
    }
  };
  const checkField = (value: unknown, field: Field, name: string, path: string, problems: string[]): void => {
    if (field.array) {
      if (!Array.isArray(value)) return void problems.push(`${path}: expected a list`);
      value.forEach((item, i) => {
        checkField(item, { ...field, array: false }, name, `${path}[${i}]`, problems);
      });
      return;
    }
    if (field.kind === 'ref') {
      check(value, field.ref, path, problems);
      return;
    }
    if (field.kind === 'opaque') return;
    if (typeof value !== field.kind) return void problems.push(`${path}: expected a ${field.kind}`);
    const allowed = ENUMS[name];
    if (allowed && !allowed.includes(value as string))
      problems.push(`${path}: "${String(value)}" is not one of ${allowed.join(', ')}`);
  };
  return (value, type = 'AddonResponse') => {
    const problems: string[] = [];
    check(value, type, type, problems);
    return problems;
  };
}
