import { isPersonal, type MergeStamp, mergeTemplate, stampMerge } from '@sendwell/core';
import { z } from 'zod';
import type { TemplateView } from '../deps';
import type { DraftRecipients } from '../event';

/** The picker's "No template" value: the rep writes the draft by hand and sends it as written. */
export const NO_TEMPLATE = 'none';

/** How an inserted template is personalised when the draft has several To recipients. */
export type InsertMode = 'one' | 'each';

export interface MergedTemplate {
  template: TemplateView;
  subject: string;
  html: string;
  /** Merge fields without a value for the first recipient (left as `{{…}}` for the rep to fill). */
  missing: string[];
  /** Whom the merge was made for, kept on the card so a change of recipients is noticed. */
  stamp: MergeStamp;
}

/** Blocked: the catalog key (and its values) that says why, worded by the handler in the rep's language. */
export type Prepared<T> =
  | { outcome: 'ready'; value: T }
  | { outcome: 'blocked'; reason: BlockedReason; params?: Record<string, string> };

type BlockedReason = 'insert.templateGone' | 'insert.pickTemplate' | 'insert.needsRecipient';

export function findTemplate(
  templates: TemplateView[],
  templateId: string | undefined,
): TemplateView | undefined {
  return templateId && templateId !== NO_TEMPLATE ? templates.find((t) => t.id === templateId) : undefined;
}

/** Does choosing between "one email each" and "one email, merged for …" matter for this template? */
export function needsModeChoice(template: TemplateView | undefined, recipients: DraftRecipients): boolean {
  return !!template && recipients.to.length > 1 && isPersonal(`${template.subject}\n${template.body}`);
}

/**
 * Insert: `one` merges the template for the first To recipient (values HTML-escaped in the body);
 * `each` inserts it with its tags, which the server fills per recipient at send time. A template that
 * is merged for someone is refused while the draft has nobody to merge it for, rather than setting
 * the subject to an unmerged `{{…}}`.
 */
export function prepareInsert(
  templates: TemplateView[],
  templateId: string | undefined,
  recipients: DraftRecipients,
  mode: InsertMode,
): Prepared<MergedTemplate> {
  const template = findTemplate(templates, templateId);
  if (!template) {
    const gone = templateId && templateId !== NO_TEMPLATE;
    return { outcome: 'blocked', reason: gone ? 'insert.templateGone' : 'insert.pickTemplate' };
  }
  const personal = isPersonal(`${template.subject}\n${template.body}`);
  const first = recipients.to[0];
  if (personal && !first)
    return { outcome: 'blocked', reason: 'insert.needsRecipient', params: { name: template.name } };
  if (mode === 'each' && needsModeChoice(template, recipients)) {
    const stamp = stampMerge(template.id, 'each', recipients.to, null);
    return {
      outcome: 'ready',
      value: { template, subject: template.subject, html: template.body, missing: [], stamp },
    };
  }
  const subject = mergeTemplate(template.subject, first, 'text');
  const body = mergeTemplate(template.body, first, 'html');
  const missing = [...new Set([...subject.missing, ...body.missing])];
  const stamp = stampMerge(template.id, 'one', recipients.to, personal && first ? first : null);
  return { outcome: 'ready', value: { template, subject: subject.text, html: body.text, missing, stamp } };
}

const stampSchema = z.object({
  templateId: z.string(),
  mode: z.enum(['one', 'each']),
  mergedFor: z.object({ email: z.string(), displayName: z.string().optional() }).nullable(),
  to: z.array(z.string()),
});

/** A stamp travels in card action parameters as JSON (parameters are strings). */
export const encodeStamp = (stamp: MergeStamp): string => JSON.stringify(stamp);

export function decodeStamp(text: string | undefined): MergeStamp | null {
  if (!text) return null;
  try {
    const parsed = stampSchema.safeParse(JSON.parse(text));
    return parsed.success ? (parsed.data as MergeStamp) : null;
  } catch {
    return null;
  }
}
