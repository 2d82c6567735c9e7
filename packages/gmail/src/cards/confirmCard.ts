import type { MergeStamp, StampCheck, Voice } from '@sendwell/core';
import type { PreparedSend, SendMode } from '../compose/prepareSend';
import { draftFingerprint, firstLine } from '../compose/savedDraft';
import type { SavedDraft } from '../deps';
import { audienceWidget, composeParameters } from './composeCard';
import type { Button, Card, Widget } from './types';
import { button, buttonList, decorated, escapeText, paragraph } from './widgets';

export interface ConfirmCardData {
  addonUrl: string;
  session: string;
  stamp: MergeStamp | null;
  /** The stamp checked against the draft's To line now. */
  stampCheck: StampCheck | null;
  draft: SavedDraft;
  /** Older saved drafts to the same people (the newest is the one shown). */
  others: number;
  /** Each way this draft can go, already checked by core's personalise. */
  options: { mode: SendMode; prepared: PreparedSend }[];
  /** Why the rep sees this card again (the draft changed since they confirmed). */
  note?: string;
  /** The "send at" picked on the compose card (ISO), carried to Send; null = now. */
  sendAt?: string | null;
  voice: Voice;
}

function sendLabel(mode: SendMode, prepared: PreparedSend, draft: SavedDraft, voice: Voice): string {
  if (mode === 'each') {
    const n = prepared.outcome === 'ready' ? prepared.count : draft.to.length;
    return `${voice.t('ui.oneEmailEach')} (${voice.number(n)})`;
  }
  if (mode === 'for') {
    const first = draft.to[0];
    return voice.t('ui.oneEmailMergedFor', { name: first?.displayName ?? first?.email ?? '' });
  }
  return voice.t('gmail.send');
}

function preview(data: ConfirmCardData): Widget[] {
  const ready = data.options.find((o) => o.prepared.outcome === 'ready')?.prepared;
  const first = ready?.outcome === 'ready' ? ready.first : null;
  const subject = first?.subject ?? data.draft.subject;
  const line = firstLine(first?.body ?? data.draft.html);
  const { voice } = data;
  return [
    decorated({ topLabel: escapeText(data.voice.t('ui.subject')), text: escapeText(subject || '—') }),
    decorated({ topLabel: escapeText(data.voice.t('ui.firstLine')), text: escapeText(line || '—') }),
    audienceWidget(data.draft, voice),
    ...(data.sendAt
      ? [paragraph(escapeText(voice.t('send.goesOut', { time: voice.time(data.sendAt) })))]
      : []),
  ];
}

function warnings(data: ConfirmCardData): Widget[] {
  const { voice } = data;
  const notes: Widget[] = [];
  if (data.note) notes.push(paragraph(escapeText(data.note)));
  if (data.others > 0) notes.push(paragraph(escapeText(voice.count('gmail.olderDrafts', data.others))));
  const check = data.stampCheck;
  if (check?.outcome === 'recipients-changed' && data.stamp) {
    const comma = voice.t('list.comma');
    const whom = data.stamp.mergedFor
      ? (data.stamp.mergedFor.displayName ?? data.stamp.mergedFor.email)
      : data.stamp.to.join(comma) || voice.t('gmail.nobody');
    const now = data.draft.to.map((r) => r.email).join(comma);
    notes.push(paragraph(escapeText(voice.t('gmail.mergedElsewhere', { whom, now }))));
  }
  return notes;
}

/**
 * "Check before sending": the saved draft's subject and first line as they will go out, its
 * recipients, and one Send button per way it can go (or core's refusal, naming what is missing).
 * The buttons carry the draft id and a fingerprint: a draft edited since is shown again, not sent.
 */
export function confirmCard(data: ConfirmCardData): Card {
  const common = composeParameters({
    session: data.session,
    stamp: data.stamp,
    sendAt: data.sendAt ?? undefined,
  });
  const fingerprint = draftFingerprint(data.draft);
  const buttons: Button[] = [];
  const refusals: Widget[] = [];
  for (const { mode, prepared } of data.options) {
    if (prepared.outcome === 'refused')
      refusals.push(paragraph(escapeText(data.voice.refusal(prepared.refusal))));
    else
      buttons.push(
        button(data.addonUrl, sendLabel(mode, prepared, data.draft, data.voice), 'send-draft', {
          ...common,
          draftId: data.draft.id,
          fingerprint,
          mode,
        }),
      );
  }
  if (data.stampCheck?.outcome === 'recipients-changed')
    buttons.push(
      button(data.addonUrl, data.voice.t('ui.mergeAgain'), 'insert-template', {
        ...common,
        again: '1',
        templateId: data.stamp?.templateId,
      }),
    );
  buttons.push(button(data.addonUrl, data.voice.t('gmail.back'), 'compose-refresh', common));
  return {
    name: 'confirm',
    header: {
      title: escapeText(data.voice.t('ui.checkBeforeSending')),
      subtitle: escapeText(data.voice.t('gmail.confirmSubtitle')),
    },
    sections: [{ widgets: [...preview(data), ...warnings(data), ...refusals, buttonList(buttons)] }],
  };
}
