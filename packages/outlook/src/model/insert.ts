import { isPersonal, type MergeStamp, mergeTemplate, stampMerge, unknownMergeFields } from '@sendwell/core';
import type { Template } from '../api/types';
import type { DraftRecipient, DraftRecipients } from '../office/types';

export type MergeMode = MergeStamp['mode'];

export type InsertPlan =
  /** The template uses fields Sendwell cannot fill: nothing is inserted. */
  | { outcome: 'refused'; unknownFields: string[] }
  /** Several To recipients and per-person fields: the rep chooses one email each or one for the first. */
  | { outcome: 'choose'; first: DraftRecipient; recipients: number }
  | {
      outcome: 'ready';
      mode: MergeMode;
      /** Uses per-person fields: a change of recipients makes the merge stale. */
      personal: boolean;
      subject: string;
      /** HTML with merge values escaped (a display name is data, never markup). */
      body: string;
      /** Fields left as tags: Send refuses until they are filled (merge again, or edit by hand). */
      missing: string[];
      mergedFor: DraftRecipient | null;
      stamp: MergeStamp;
    };

/**
 * What Insert will put in the draft. `one` merges for the first To recipient (or nobody yet); `each`
 * keeps the tags, which the server fills for each To recipient at send time.
 */
export function planInsert(template: Template, recipients: DraftRecipients, choice?: MergeMode): InsertPlan {
  const unknownFields = unknownMergeFields(`${template.subject}\n${template.body}`);
  if (unknownFields.length) return { outcome: 'refused', unknownFields };
  const personal = isPersonal(`${template.subject}\n${template.body}`);
  const first = recipients.to[0];
  if (personal && recipients.to.length > 1 && !choice && first)
    return { outcome: 'choose', first, recipients: recipients.to.length };
  const mode: MergeMode = personal && choice === 'each' ? 'each' : 'one';
  if (mode === 'each') {
    const stamp = stampMerge(template.id, 'each', recipients.to, null);
    const base = { subject: template.subject, body: template.body, missing: [], mergedFor: null };
    return { outcome: 'ready', mode, personal, ...base, stamp };
  }
  const mergedFor = first ?? null;
  const subject = mergeTemplate(template.subject, mergedFor ?? undefined, 'text');
  const body = mergeTemplate(template.body, mergedFor ?? undefined, 'html');
  const missing = [...new Set([...subject.missing, ...body.missing])];
  const stamp = stampMerge(template.id, 'one', recipients.to, mergedFor);
  return {
    outcome: 'ready',
    mode,
    personal,
    subject: subject.text,
    body: body.text,
    missing,
    mergedFor,
    stamp,
  };
}

/**
 * Insert writes the subject only when the draft has none, or still has the one Insert wrote before:
 * a subject the rep typed is kept (and the pane says so).
 */
export function mayWriteSubject(current: string, writtenBefore: string | null): boolean {
  return current.trim() === '' || (writtenBefore !== null && current === writtenBefore);
}
