import { createHash } from 'node:crypto';
import { type MergeRecipient, mergeTemplate } from '@sendwell/core';
import type { SendRequest, TemplateView } from '../deps';
import type { DraftRecipients } from '../event';

export interface MergedTemplate {
  template: TemplateView;
  subject: string;
  html: string;
  /** Merge fields without a value for the first recipient (left as `{{…}}` in an insert). */
  missing: string[];
}

export type Prepared<T> = { outcome: 'ready'; value: T } | { outcome: 'blocked'; message: string };

function pickTemplate(templates: TemplateView[], templateId: string | undefined): TemplateView | undefined {
  return templateId ? templates.find((t) => t.id === templateId) : templates[0];
}

/** Merge the chosen template for one recipient (subject and body share the same fields). */
export function mergeFor(template: TemplateView, recipient: MergeRecipient | undefined): MergedTemplate {
  const subject = mergeTemplate(template.subject, recipient);
  const body = mergeTemplate(template.body, recipient);
  const missing = [...new Set([...subject.missing, ...body.missing])];
  return { template, subject: subject.text, html: body.text, missing };
}

/** Insert: always possible once a template exists; missing fields stay visible for the rep to fill. */
export function prepareInsert(
  templates: TemplateView[],
  templateId: string | undefined,
  recipients: DraftRecipients,
): Prepared<MergedTemplate> {
  const template = pickTemplate(templates, templateId);
  if (!template)
    return {
      outcome: 'blocked',
      message: templateId ? 'That template no longer exists.' : 'Pick a template first.',
    };
  return { outcome: 'ready', value: mergeFor(template, recipients.to[0]) };
}

function idempotencyKey(session: string, templateId: string, recipients: DraftRecipients): string {
  const audience = [recipients.to, recipients.cc, recipients.bcc].map((list) =>
    list
      .map((r) => r.email.toLowerCase())
      .sort()
      .join(','),
  );
  const digest = createHash('sha256')
    .update(JSON.stringify([templateId, audience]))
    .digest('hex')
    .slice(0, 24);
  return `gmail-compose:${session}:${digest}`;
}

/**
 * Send: one message to the draft's audience, merged for the first To recipient. Blocked when a merge
 * field has no value: a sales email must never go out with `{{recipient.firstName}}` in it.
 */
export function prepareSend(
  templates: TemplateView[],
  templateId: string | undefined,
  recipients: DraftRecipients,
  session: string,
): Prepared<SendRequest> {
  if (!recipients.to.length)
    return { outcome: 'blocked', message: 'Add at least one recipient to the draft first.' };
  const insert = prepareInsert(templates, templateId, recipients);
  if (insert.outcome === 'blocked') return insert;
  const merged = insert.value;
  if (merged.missing.length) {
    return {
      outcome: 'blocked',
      message: `Missing merge fields for ${recipients.to[0]!.email}: ${merged.missing.join(', ')}. Add the recipient's name to the draft.`,
    };
  }
  const emails = (list: MergeRecipient[]) => list.map((r) => r.email);
  return {
    outcome: 'ready',
    value: {
      to: emails(recipients.to),
      ...(recipients.cc.length ? { cc: emails(recipients.cc) } : {}),
      ...(recipients.bcc.length ? { bcc: emails(recipients.bcc) } : {}),
      subject: merged.subject,
      body: merged.html,
      templateId: merged.template.id,
      idempotencyKey: idempotencyKey(session, merged.template.id, recipients),
    },
  };
}
