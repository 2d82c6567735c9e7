import { type CampaignStep, escapeHtml, isTimeZone, mergeTemplate, stepDueAt } from '@sendwell/core';
import type { CampaignRow, EnrolmentRow } from '../store/campaigns';
import type { Db } from '../store/db';
import type { SendRow, SendThreadRef, UserRow } from '../store/rows';
import { findSend } from '../store/sends';
import { findVisibleTemplate } from '../store/templates';
import { ApiError } from './errors';
import { createSend, type DraftOutcome, type SendDeps } from './sends';

/**
 * One step's email for one person: the step's template merged with the person's fields and name,
 * queued through `createSend` (channel policy, suppression, throttle, outbox) under the key
 * `campaign:<campaignId>:step:<stepId>:person:<enrolmentId>`, so however often this runs and
 * however the campaign is edited, a step reaches a person at most once.
 */

export const stepSendKey = (campaignId: string, stepId: string, enrolmentId: string) =>
  `campaign:${campaignId}:step:${stepId}:person:${enrolmentId}`;

/** The zone a step's window is read in: the person's when the window asks for it and it is known. */
function stepZone(campaign: CampaignRow, step: CampaignStep, person: { timeZone?: string | null }): string {
  const zone = step.window?.zone === 'person' && person.timeZone ? person.timeZone : campaign.timeZone;
  // Both are checked when they come in; a zone this runtime no longer knows reads as UTC.
  return isTimeZone(zone) ? zone : 'UTC';
}

/** When `step` is due for this person, counted from `from` (enrolment, or the previous step's submission). */
export function dueAt(
  campaign: CampaignRow,
  step: CampaignStep,
  person: { timeZone?: string | null },
  from: Date,
): Date {
  return stepDueAt({
    from,
    delay: step.delay,
    window: step.window,
    timeZone: stepZone(campaign, step, person),
  });
}

const FIELD = /\{\{\s*([a-zA-Z][\w.]*)\s*(?:\|([^{}|]*))?\}\}/g;

/**
 * The person's own merge fields first (a CSV's `recipient.firstName` beats one guessed from the
 * display name), then core's merge for the rest. Values are escaped in HTML, never markup.
 */
export function mergeForPerson(
  text: string,
  person: Pick<EnrolmentRow, 'email' | 'displayName' | 'fields'>,
  format: 'html' | 'text',
): string {
  const own = text.replace(FIELD, (whole, name: string) => {
    const value = person.fields[name];
    if (value === undefined || value === '') return whole;
    return format === 'html' ? escapeHtml(value) : value;
  });
  return mergeTemplate(own, { email: person.email, displayName: person.displayName ?? undefined }, format)
    .text;
}

/** `thread: 'same'`: a reply in the previous step's thread, with its subject. */
function replyTo(previous: SendRow): { thread: SendThreadRef; subject: string } {
  const id = previous.rfcMessageId ?? previous.messageId;
  const subject = /^re:/i.test(previous.subject) ? previous.subject : `Re: ${previous.subject}`;
  return {
    thread: {
      inReplyTo: id,
      references: [...(previous.thread?.references ?? []), id],
      threadId: previous.threadId ?? null,
    },
    subject,
  };
}

export interface StepToQueue {
  campaign: CampaignRow;
  owner: UserRow;
  enrolment: EnrolmentRow;
  stepIndex: number;
  /** The step's due time: the send goes no earlier (the throttle may put it later). */
  due: Date;
}

/** Queues the step's email; throws the `ApiError` createSend refuses with (suppressed, unfilled tag, …). */
export async function queueStep(deps: SendDeps & { db: Db }, s: StepToQueue): Promise<DraftOutcome> {
  const step = s.campaign.steps[s.stepIndex]!;
  const template = await findVisibleTemplate(deps.db, s.owner, step.templateId);
  if (!template)
    throw new ApiError(
      404,
      'template-not-found',
      `Not sent: step ${s.stepIndex + 1} uses template ${step.templateId}, which is gone or no longer the owner's to use.`,
    );
  let subject = mergeForPerson(template.subject, s.enrolment, 'text');
  let thread: SendThreadRef | undefined;
  const previous =
    step.thread === 'same' && s.enrolment.lastSendId ? await findSend(deps.db, s.enrolment.lastSendId) : null;
  if (previous) ({ thread, subject } = replyTo(previous));
  return createSend(
    deps,
    s.owner,
    {
      host: 'web',
      to: [s.enrolment.email],
      cc: [],
      bcc: [],
      subject,
      body: mergeForPerson(template.body, s.enrolment, 'html'),
      templateId: template.id,
      idempotencyKey: stepSendKey(s.campaign.id, step.id, s.enrolment.id),
      personalise: 'one',
      displayNames: s.enrolment.displayName ? { [s.enrolment.email]: s.enrolment.displayName } : {},
      sendAt: s.due.toISOString(),
    },
    {
      campaign: {
        campaignId: s.campaign.id,
        enrolmentId: s.enrolment.id,
        stepId: step.id,
        stepIndex: s.stepIndex,
      },
      thread,
    },
  );
}
