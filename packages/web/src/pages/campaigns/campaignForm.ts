import {
  type Campaign,
  createCampaignBodySchema,
  isTimeZone,
  MAX_CAMPAIGN_STEPS,
  sendWindowSchema,
  WEEKDAYS,
} from '@sendwell/core';
import { z } from 'zod';

/**
 * The create/edit form: core's campaign rules with words a rep can act on, plus `useWindow` (the
 * form always holds a window so switching it off and on keeps what was typed). `toCampaignBody`
 * gives the API exactly core's `CreateCampaign`, checked by core's own schema.
 */

const wholeNumber = (min: number, max: number) =>
  z
    .number({ error: 'Enter a whole number.' })
    .int('Enter a whole number.')
    .min(min, `At least ${min}.`)
    .max(max, `At most ${max}.`);

const windowFormSchema = z
  .object({
    startHour: wholeNumber(0, 23),
    endHour: wholeNumber(1, 24),
    days: z.array(z.enum(WEEKDAYS)).min(1, 'Pick at least one day.'),
    zone: z.enum(['rep', 'person']),
  })
  .refine((w) => w.endHour > w.startHour, {
    message: 'The window must end after it starts.',
    path: ['endHour'],
  });

const stepFormSchema = z
  .object({
    id: z.string().optional(),
    templateId: z.string().min(1, 'Pick a template.'),
    delay: z.object({
      amount: wholeNumber(0, 365),
      unit: z.enum(['hours', 'days']),
      businessDays: z.boolean(),
    }),
    useWindow: z.boolean(),
    // Kept while switched off (so switching back on restores it), checked only while on.
    window: z.object({
      startHour: z.number().or(z.nan()),
      endHour: z.number().or(z.nan()),
      days: z.array(z.enum(WEEKDAYS)),
      zone: z.enum(['rep', 'person']),
    }),
    thread: z.enum(['new', 'same']),
  })
  .superRefine((step, ctx) => {
    if (!step.useWindow) return;
    for (const issue of windowFormSchema.safeParse(step.window).error?.issues ?? [])
      ctx.addIssue({ code: 'custom', message: issue.message, path: ['window', ...issue.path] });
  });
export type StepForm = z.infer<typeof stepFormSchema>;

export const campaignFormSchema = z.object({
  name: z.string().trim().min(1, 'Name the campaign.').max(200, 'The name is too long.'),
  timeZone: z.string().trim().refine(isTimeZone, 'Enter a time zone such as Europe/Paris.'),
  steps: z
    .array(stepFormSchema)
    .min(1, 'Add at least one step.')
    .max(MAX_CAMPAIGN_STEPS, `A campaign has at most ${MAX_CAMPAIGN_STEPS} steps.`),
});
export type CampaignForm = z.infer<typeof campaignFormSchema>;

const OFFICE_HOURS = sendWindowSchema.parse({ startHour: 9, endHour: 17 });

/** A new step: two days after the previous one (right away for the first), office hours, new thread. */
export function newStep(first: boolean): StepForm {
  return {
    templateId: '',
    delay: { amount: first ? 0 : 2, unit: 'days', businessDays: !first },
    useWindow: true,
    window: { ...OFFICE_HOURS, days: [...OFFICE_HOURS.days] },
    thread: 'new',
  };
}

/** The browser's own zone, as a new campaign's default (the rep can change it). */
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export function newCampaignForm(timeZone = browserTimeZone()): CampaignForm {
  return { name: '', timeZone, steps: [newStep(true)] };
}

/** The form for an existing campaign: step ids kept, so the server never sends a step twice. */
export function campaignToForm(campaign: Campaign): CampaignForm {
  return {
    name: campaign.name,
    timeZone: campaign.timeZone,
    steps: campaign.steps.map((step) => ({
      id: step.id,
      templateId: step.templateId,
      delay: { ...step.delay },
      useWindow: step.window !== null,
      window: step.window ? { ...step.window, days: [...step.window.days] } : { ...OFFICE_HOURS },
      thread: step.thread,
    })),
  };
}

/** Core's `CreateCampaign` body; business days only count with days, the first step starts a thread. */
export function toCampaignBody(form: CampaignForm) {
  return createCampaignBodySchema.parse({
    name: form.name.trim(),
    timeZone: form.timeZone.trim(),
    steps: form.steps.map((step, index) => ({
      ...(step.id ? { id: step.id } : {}),
      templateId: step.templateId,
      delay: { ...step.delay, businessDays: step.delay.unit === 'days' && step.delay.businessDays },
      window: step.useWindow ? step.window : null,
      thread: index === 0 ? 'new' : step.thread,
    })),
  });
}
