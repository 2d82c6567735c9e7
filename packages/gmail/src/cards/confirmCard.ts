import type { MergeStamp, StampCheck, Voice } from '@sendwell/core';
import type { PreparedSend, SendMode } from '../compose/prepareSend';
import { draftFingerprint, firstLine } from '../compose/savedDraft';
import type { SavedDraft } from '../deps';
import { composeParameters, formatRecipient } from './composeCard';
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
  return 'Send';
}

function preview(data: ConfirmCardData): Widget[] {
  const ready = data.options.find((o) => o.prepared.outcome === 'ready')?.prepared;
  const first = ready?.outcome === 'ready' ? ready.first : null;
  const subject = first?.subject ?? data.draft.subject;
  const line = firstLine(first?.body ?? data.draft.html);
  const { to, cc, bcc } = data.draft;
  const extra = [cc.length ? `Cc ${cc.length}` : '', bcc.length ? `Bcc ${bcc.length}` : '']
    .filter(Boolean)
    .join(' · ');
  return [
    decorated({ topLabel: escapeText(data.voice.t('ui.subject')), text: escapeText(subject || '—') }),
    decorated({ topLabel: escapeText(data.voice.t('ui.firstLine')), text: escapeText(line || '—') }),
    decorated({
      topLabel: 'To',
      text: escapeText(to.map(formatRecipient).join(', ')),
      ...(extra ? { bottomLabel: extra } : {}),
    }),
  ];
}

function warnings(data: ConfirmCardData): Widget[] {
  const notes: Widget[] = [];
  if (data.note) notes.push(paragraph(escapeText(data.note)));
  if (data.others > 0)
    notes.push(
      paragraph(
        `${data.others} older saved draft${data.others === 1 ? '' : 's'} go to the same people; this is the one saved last.`,
      ),
    );
  const check = data.stampCheck;
  if (check?.outcome === 'recipients-changed' && data.stamp) {
    const whom = data.stamp.mergedFor
      ? `${data.stamp.mergedFor.displayName ?? data.stamp.mergedFor.email}`
      : data.stamp.to.join(', ') || 'nobody';
    const now = data.draft.to.map((r) => r.email).join(', ');
    notes.push(
      paragraph(
        escapeText(
          `The template was merged for ${whom}, but the draft now goes to ${now}. Select the old text in the draft and choose Merge again, or send it as it reads.`,
        ),
      ),
    );
  }
  return notes;
}

/**
 * "Check before sending": the saved draft's subject and first line as they will go out, its
 * recipients, and one Send button per way it can go (or core's refusal, naming what is missing).
 * The buttons carry the draft id and a fingerprint: a draft edited since is shown again, not sent.
 */
export function confirmCard(data: ConfirmCardData): Card {
  const common = composeParameters({ session: data.session, stamp: data.stamp });
  const fingerprint = draftFingerprint(data.draft);
  const buttons: Button[] = [];
  const refusals: Widget[] = [];
  for (const { mode, prepared } of data.options) {
    if (prepared.outcome === 'refused') refusals.push(paragraph(escapeText(prepared.message)));
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
      button(data.addonUrl, 'Merge again', 'insert-template', {
        ...common,
        again: '1',
        templateId: data.stamp?.templateId,
      }),
    );
  buttons.push(button(data.addonUrl, 'Back', 'compose-refresh', common));
  return {
    name: 'confirm',
    header: {
      title: escapeText(data.voice.t('ui.checkBeforeSending')),
      subtitle: 'This is the draft Gmail saved',
    },
    sections: [{ widgets: [...preview(data), ...warnings(data), ...refusals, buttonList(buttons)] }],
  };
}
