import { mergeTemplate } from '@sendwell/core';
import type { SendRequest, Template } from '../api/types';
import type { DraftRecipient, DraftRecipients } from '../office/types';

export interface MergedTemplate {
  subject: string;
  body: string;
  /** Merge fields left unfilled (e.g. no recipient yet), shown to the rep. */
  missing: string[];
  mergedFor: DraftRecipient | undefined;
}

/** Fields resolve from the first To recipient: a compose send is written to one prospect. */
export function mergeForDraft(template: Template, recipients: DraftRecipients): MergedTemplate {
  const recipient = recipients.to[0];
  const subject = mergeTemplate(template.subject, recipient);
  const body = mergeTemplate(template.body, recipient);
  const missing = [...new Set([...subject.missing, ...body.missing])];
  return { subject: subject.text, body: body.text, missing, mergedFor: recipient };
}

export interface DraftContent {
  recipients: DraftRecipients;
  subject: string;
  body: string;
}

export type SendDraftCheck = { ok: true; request: SendRequest } | { ok: false; message: string };

const addresses = (list: DraftRecipient[]) => list.map((recipient) => recipient.email);

export function buildSendRequest(
  draft: DraftContent,
  options: { idempotencyKey: string; templateId?: string },
): SendDraftCheck {
  if (draft.recipients.to.length === 0)
    return { ok: false, message: 'Add at least one recipient in To before sending.' };
  if (!draft.subject.trim()) return { ok: false, message: 'Add a subject before sending.' };
  const request: SendRequest = {
    host: 'outlook',
    to: addresses(draft.recipients.to),
    subject: draft.subject,
    body: draft.body,
    idempotencyKey: options.idempotencyKey,
  };
  if (draft.recipients.cc.length) request.cc = addresses(draft.recipients.cc);
  if (draft.recipients.bcc.length) request.bcc = addresses(draft.recipients.bcc);
  if (options.templateId) request.templateId = options.templateId;
  return { ok: true, request };
}
