import type { MergeRecipient } from '@sendwell/core';
import type { ChannelView, QuotaView, TemplateView } from '../deps';
import type { DraftRecipients } from '../event';
import { quotaText } from './format';
import { channelWidgets } from './homeCard';
import type { Card, CardSection, Widget } from './types';
import { button, buttonList, decorated, escapeText, paragraph } from './widgets';

/** The outcome line shown after "Send with Sendwell". */
export type ComposeStatus = { kind: 'queued' | 'error'; text: string };

export interface ComposeCardData {
  addonUrl: string;
  templates: TemplateView[];
  selectedTemplateId: string | undefined;
  recipients: DraftRecipients;
  channel: ChannelView;
  quota: QuotaView | null;
  /** Ties repeated clicks on this card's Send button to one idempotency key. */
  session: string;
  offsetMinutes: number;
  status?: ComposeStatus;
}

export const TEMPLATE_INPUT = 'templateId';

export function formatRecipient(recipient: MergeRecipient): string {
  return recipient.displayName ? `${recipient.displayName} <${recipient.email}>` : recipient.email;
}

function templatePicker(data: ComposeCardData): Widget {
  if (!data.templates.length)
    return paragraph('No templates yet. Create one in Sendwell first.', 'templates-empty');
  const selected = data.selectedTemplateId ?? data.templates[0]!.id;
  return {
    id: 'template-picker',
    selectionInput: {
      name: TEMPLATE_INPUT,
      label: 'Template',
      type: 'DROPDOWN',
      items: data.templates.map((t) => ({ text: t.name, value: t.id, selected: t.id === selected })),
    },
  };
}

function recipientsWidget(recipients: DraftRecipients): Widget {
  const { to, cc, bcc } = recipients;
  if (!to.length)
    return paragraph(
      'Add recipients to the draft: merge fields come from the first one.',
      'draft-recipients',
    );
  const extra = [cc.length ? `Cc ${cc.length}` : '', bcc.length ? `Bcc ${bcc.length}` : '']
    .filter(Boolean)
    .join(' · ');
  return decorated('draft-recipients', {
    topLabel: 'To (merge fields from the first)',
    text: escapeText(to.map(formatRecipient).join(', ')),
    ...(extra ? { bottomLabel: extra } : {}),
  });
}

function actionsWidget(data: ComposeCardData): Widget {
  const parameters = { session: data.session };
  const send = button(data.addonUrl, 'Send with Sendwell', 'send-with-sendwell', parameters);
  const ready = data.templates.length > 0 && data.recipients.to.length > 0 && data.channel.available;
  return buttonList([
    button(data.addonUrl, 'Insert template', 'insert-template', parameters),
    ready ? send : { ...send, disabled: true },
  ]);
}

function statusSection(status: ComposeStatus): CardSection {
  return {
    widgets: [paragraph(escapeText(status.text), status.kind === 'queued' ? 'send-status' : 'send-error')],
  };
}

/** The compose card: template picker, the draft's recipients, insert/send, and the channel used. */
export function composeCard(data: ComposeCardData): Card {
  const sending: Widget[] = [...channelWidgets(data.channel)];
  if (data.quota) sending.push(decorated('quota', quotaText(data.quota, data.offsetMinutes)));
  return {
    name: 'compose',
    header: { title: 'Sendwell', subtitle: 'Insert a template or send it through your Gmail' },
    sections: [
      ...(data.status ? [statusSection(data.status)] : []),
      {
        header: 'Template',
        widgets: [templatePicker(data), recipientsWidget(data.recipients), actionsWidget(data)],
      },
      { header: 'Sending', widgets: sending },
    ],
  };
}
