import type { MergeRecipient, MergeStamp, MessageKey, Voice } from '@sendwell/core';
import { encodeStamp, findTemplate, NO_TEMPLATE, needsModeChoice } from '../compose/prepareTemplate';
import type { ChannelView, QuotaView, TemplateView } from '../deps';
import type { DraftRecipients } from '../event';
import {
  type ComposeExtras,
  campaignSection,
  recentSection,
  searchWidgets,
  sendAtWidget,
} from './composeExtras';
import type { Card, CardSection, Widget } from './types';
import { action, button, buttonList, decorated, escapeText, paragraph } from './widgets';
import { channelWidgets, quotaWidget } from './words';

/** The outcome line shown after an action on the compose card. */
export type ComposeStatus = { kind: 'queued' | 'error' | 'info'; text: string; details?: string[] };

export interface ComposeCardData {
  addonUrl: string;
  templates: TemplateView[];
  selectedTemplateId: string | undefined;
  /** "One email each" or one merged email, when the template is personal and To has several people. */
  insertMode: 'one' | 'each' | undefined;
  recipients: DraftRecipients;
  channel: ChannelView;
  quota: QuotaView | null;
  /** Ties this card's actions together (one compose window). */
  session: string;
  /** The last Insert: whom it was merged for. */
  stamp: MergeStamp | null;
  /** A draft this card already sent: Send again says so instead of sending. */
  sentDraftId?: string;
  voice: Voice;
  status?: ComposeStatus;
  /** Shown first while Gmail needs reconnecting (connectCard's `reconnectBanner`). */
  banner?: CardSection | null;
  /** Search, recently used, send at, campaigns (absent: the card without them). */
  extras?: ComposeExtras;
}

export const TEMPLATE_INPUT = 'templateId';
export const MODE_INPUT = 'insertMode';

function formatRecipient(recipient: MergeRecipient): string {
  return recipient.displayName ? `${recipient.displayName} <${recipient.email}>` : recipient.email;
}

/** Parameters every compose action carries. */
export function composeParameters(
  data: Pick<ComposeCardData, 'session' | 'stamp' | 'sentDraftId'> & { sendAt?: string | undefined },
) {
  return {
    session: data.session,
    stamp: data.stamp ? encodeStamp(data.stamp) : undefined,
    sentDraft: data.sentDraftId,
    // The confirm card has no picker: the chosen "send at" rides on its buttons.
    sendAt: data.sendAt,
  };
}

/** The templates the picker lists: the search's matches (and the one selected), else all of them. */
function listed(data: ComposeCardData): TemplateView[] {
  const results = data.extras?.search.results;
  if (!results) return data.templates;
  const chosen = findTemplate(data.templates, data.selectedTemplateId);
  return chosen && !results.some((t) => t.id === chosen.id) ? [chosen, ...results] : results;
}

function templatePicker(data: ComposeCardData): Widget {
  const selected = findTemplate(data.templates, data.selectedTemplateId)?.id ?? NO_TEMPLATE;
  const items = [
    {
      text: escapeText(data.voice.t('gmail.noTemplate')),
      value: NO_TEMPLATE,
      selected: selected === NO_TEMPLATE,
    },
    ...listed(data).map((t) => ({ text: escapeText(t.name), value: t.id, selected: t.id === selected })),
  ];
  return {
    selectionInput: {
      name: TEMPLATE_INPUT,
      label: data.voice.t('ui.template'),
      type: 'DROPDOWN',
      items,
      // Choosing a template re-renders the card, so the "one email each" choice can appear.
      onChangeAction: action(data.addonUrl, 'compose-refresh', composeParameters(data)),
    },
  };
}

function modeChoice(data: ComposeCardData): Widget[] {
  const template = findTemplate(data.templates, data.selectedTemplateId);
  if (!needsModeChoice(template, data.recipients)) return [];
  const first = data.recipients.to[0]!;
  const name = first.displayName ?? first.email;
  const mode = data.insertMode ?? 'each';
  return [
    {
      selectionInput: {
        name: MODE_INPUT,
        label: data.voice.t('insert.peopleInTo', { n: data.voice.number(data.recipients.to.length) }),
        type: 'RADIO_BUTTON',
        items: [
          { text: escapeText(data.voice.t('ui.oneEmailEach')), value: 'each', selected: mode === 'each' },
          {
            text: escapeText(data.voice.t('ui.oneEmailMergedFor', { name })),
            value: 'one',
            selected: mode === 'one',
          },
        ],
      },
    },
  ];
}

/** To (named), and how many in Cc and Bcc. */
export function audienceWidget(recipients: Pick<DraftRecipients, 'to' | 'cc' | 'bcc'>, voice: Voice): Widget {
  const { to, cc, bcc } = recipients;
  const extra = voice.join(
    cc.length > 0 && voice.t('ui.cc', { n: voice.number(cc.length) }),
    bcc.length > 0 && voice.t('ui.bcc', { n: voice.number(bcc.length) }),
  );
  return decorated({
    topLabel: escapeText(voice.t('ui.to')),
    text: escapeText(to.map(formatRecipient).join(voice.t('list.comma'))),
    ...(extra ? { bottomLabel: escapeText(extra) } : {}),
  });
}

function recipientsWidget(recipients: DraftRecipients, voice: Voice): Widget {
  if (!recipients.to.length) return paragraph(escapeText(voice.t('gmail.addRecipients')));
  return audienceWidget(recipients, voice);
}

function stampWidget(stamp: MergeStamp | null, templates: TemplateView[], voice: Voice): Widget[] {
  if (!stamp) return [];
  const name = templates.find((t) => t.id === stamp.templateId)?.name ?? voice.t('gmail.aTemplate');
  const whom =
    stamp.mode === 'each'
      ? voice.t('gmail.filledForEach')
      : stamp.mergedFor
        ? voice.t('ui.mergedFor', { name: stamp.mergedFor.displayName ?? stamp.mergedFor.email })
        : voice.t('gmail.nothingToMerge');
  return [
    decorated({ topLabel: escapeText(voice.t('gmail.inserted')), text: escapeText(voice.join(name, whom)) }),
  ];
}

function actionsWidget(data: ComposeCardData): Widget {
  const parameters = composeParameters(data);
  // Insert puts the template at the cursor, replacing a selection; once inserted, the button says
  // so, and a second Insert asks the rep to select the old text first instead of adding it twice.
  const { t } = data.voice;
  const insert = button(
    data.addonUrl,
    t(data.stamp ? 'ui.insertAgain' : 'ui.insertTemplate'),
    'insert-template',
    {
      ...parameters,
      ...(data.stamp ? { again: '1' } : {}),
    },
  );
  const send = button(data.addonUrl, t('ui.sendWithSendwell'), 'send-with-sendwell', parameters);
  const ready = data.recipients.to.length > 0 && data.channel.available;
  return buttonList([insert, ready ? send : { ...send, disabled: true }]);
}

const STATUS_HEADER = {
  error: 'ui.notSent',
  queued: 'gmail.status.queued',
  info: 'gmail.status.info',
} as const satisfies Record<ComposeStatus['kind'], MessageKey>;

const statusSection = (status: ComposeStatus, voice: Voice): CardSection => ({
  header: escapeText(voice.t(STATUS_HEADER[status.kind])),
  widgets: [
    paragraph(escapeText(status.text)),
    ...(status.details?.length ? [paragraph(status.details.map(escapeText).join('<br>'))] : []),
  ],
});

/** The compose card: template picker ("No template" too), the draft's recipients, insert/send, channel. */
export function composeCard(data: ComposeCardData): Card {
  const sending: Widget[] = [...channelWidgets(data.channel, data.voice)];
  if (data.quota) sending.push(quotaWidget(data.quota, data.voice));
  const { extras } = data;
  const common = { addonUrl: data.addonUrl, voice: data.voice, parameters: composeParameters(data) };
  return {
    name: 'compose',
    header: { title: 'Sendwell', subtitle: escapeText(data.voice.t('gmail.composeSubtitle')) },
    sections: [
      ...(data.banner ? [data.banner] : []),
      ...(data.status ? [statusSection(data.status, data.voice)] : []),
      {
        header: escapeText(data.voice.t('ui.template')),
        widgets: [
          ...(extras ? searchWidgets(extras, common) : []),
          templatePicker(data),
          ...modeChoice(data),
          recipientsWidget(data.recipients, data.voice),
          ...stampWidget(data.stamp, data.templates, data.voice),
          ...(extras ? [sendAtWidget(extras, data.voice)] : []),
          actionsWidget(data),
        ],
      },
      ...(extras ? [...recentSection(extras, common), ...campaignSection(extras, common)] : []),
      { header: escapeText(data.voice.t('gmail.sending')), widgets: sending },
    ],
  };
}
