import { z } from 'zod';
import { isTimeZone } from '../../campaigns/timeZone';
import { emailAddressSchema } from '../sendRequest';
import { isoTime, pageOf, pageQuerySchema } from './common';

/**
 * `/api/v1/campaigns`: multi-step sequences. A campaign belongs to its owner (a rep) and their team;
 * each step's email goes through channel policy, suppression, the outbox and the throttle like any
 * send, with the idempotency key `campaign:<campaignId>:step:<stepId>:person:<enrolmentId>`.
 */

export const MAX_CAMPAIGN_STEPS = 20;
export const MAX_ENROL_BATCH = 5_000;
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** When in the day a step may go out, in the rep's time zone (or the person's when it is known). */
export const sendWindowSchema = z
  .object({
    startHour: z.number().int().min(0).max(23),
    endHour: z.number().int().min(1).max(24).meta({ description: 'Exclusive: 17 means up to 16:59.' }),
    days: z
      .array(z.enum(WEEKDAYS))
      .min(1, 'Pick at least one day')
      .default(['mon', 'tue', 'wed', 'thu', 'fri']),
    zone: z
      .enum(['rep', 'person'])
      .default('rep')
      .meta({ description: "`person`: the person's own time zone when known, else the rep's." }),
  })
  .refine((w) => w.endHour > w.startHour, {
    message: 'The window must end after it starts',
    path: ['endHour'],
  })
  .meta({ id: 'SendWindow' });
export type SendWindow = z.output<typeof sendWindowSchema>;

export const stepDelaySchema = z
  .object({
    amount: z.number().int().min(0).max(365),
    unit: z.enum(['hours', 'days']),
    businessDays: z
      .boolean()
      .default(false)
      .meta({ description: 'Count only Monday to Friday (days only).' }),
  })
  .meta({ id: 'StepDelay' });
export type StepDelay = z.output<typeof stepDelaySchema>;

export const campaignStepSchema = z
  .object({
    id: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .meta({ description: 'Kept across edits (new steps get one): sends are keyed by it.' }),
    templateId: z.string().min(1),
    delay: stepDelaySchema.meta({
      description: 'After the previous step went out (the first step: after enrolment).',
    }),
    window: sendWindowSchema.nullable().default(null),
    thread: z.enum(['new', 'same']).default('new').meta({
      description: "`same`: a reply in the previous step's thread (In-Reply-To/References, Gmail threadId).",
    }),
  })
  .meta({ id: 'CampaignStep' });
export type CampaignStepInput = z.input<typeof campaignStepSchema>;
export type CampaignStep = z.output<typeof campaignStepSchema> & { id: string };

export const CAMPAIGN_STATUSES = ['draft', 'active', 'paused', 'archived'] as const;
export const campaignStatusSchema = z.enum(CAMPAIGN_STATUSES).meta({ id: 'CampaignStatus' });
export type CampaignStatus = z.infer<typeof campaignStatusSchema>;

/** Why a campaign is paused: the rep paused it, or the bounce-rate circuit breaker did. */
export const campaignPauseSchema = z
  .object({
    by: z.enum(['owner', 'circuit-breaker', 'admin', 'mailbox']).meta({
      description:
        "`mailbox`: the owner's mailbox could not take the step emails (disconnected, disabled, gone).",
    }),
    at: isoTime,
    /** The breaker's evidence: bounces among the last sends and the threshold. */
    bounced: z.number().int().optional(),
    window: z.number().int().optional(),
    threshold: z.number().optional(),
    message: z.string(),
  })
  .meta({ id: 'CampaignPause' });

/**
 * Opens and clicks, only meaningful while the team tracks them (`CampaignAnalytics.tracking`).
 * Counted per message: a person opening an email five times is one opened message. Machine
 * requests (privacy proxies, link scanners) are kept apart: a message counts as a machine open only
 * if no person opened it, so `opened + machineOpens <= sent`.
 */
export const engagementCountsSchema = z
  .object({
    opened: z.number().int().meta({ description: 'Messages a person opened (the tracking pixel loaded).' }),
    clicked: z.number().int().meta({ description: 'Messages in which a person clicked a tracked link.' }),
    machineOpens: z.number().int().meta({
      description: 'Messages opened only by machines (e.g. Apple Mail Privacy Protection, image proxies).',
    }),
    machineClicks: z
      .number()
      .int()
      .meta({ description: 'Messages whose links were followed only by machines (link scanners).' }),
  })
  .meta({ id: 'EngagementCounts' });
export type EngagementCounts = z.infer<typeof engagementCountsSchema>;

export const stepCountsSchema = z
  .object({
    enrolled: z.number().int().meta({ description: 'People who reached this step (its email was due).' }),
    sent: z.number().int(),
    bouncedHard: z.number().int(),
    bouncedSoft: z.number().int(),
    replied: z.number().int(),
    unsubscribed: z.number().int(),
    finished: z.number().int().meta({ description: 'People who finished the campaign (last step only).' }),
    bounceRate: z.number().meta({ description: '(hard + soft) / sent, 0 when nothing was sent.' }),
    replyRate: z.number(),
    unsubscribeRate: z.number(),
    engagement: engagementCountsSchema.optional().meta({
      description: "Opens and clicks of the step's messages (read with CampaignAnalytics.tracking).",
    }),
  })
  .meta({ id: 'StepCounts' });
export type StepCounts = z.infer<typeof stepCountsSchema>;

export const campaignSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    timeZone: z.string(),
    status: campaignStatusSchema,
    pause: campaignPauseSchema.nullable(),
    owner: z.object({ id: z.string(), name: z.string(), email: z.string() }),
    steps: z.array(
      campaignStepSchema
        .extend({ id: z.string(), templateName: z.string().nullable() })
        .meta({ id: 'CampaignStepView' }),
    ),
    counts: stepCountsSchema
      .extend({ active: z.number().int(), left: z.number().int() })
      .meta({ id: 'CampaignCounts' }),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .meta({ id: 'Campaign' });
export type Campaign = z.infer<typeof campaignSchema>;
export const campaignPageSchema = pageOf(campaignSchema, 'CampaignPage');

export const createCampaignBodySchema = z
  .object({
    name: z.string().trim().min(1, 'Name the campaign').max(200),
    timeZone: z
      .string()
      .min(1)
      .max(64)
      .refine(isTimeZone, 'Not a time zone (use one like Europe/Paris)')
      .default('UTC')
      .meta({ description: "The rep's IANA time zone (send windows use it unless the person's is known)." }),
    steps: z.array(campaignStepSchema).min(1, 'Add at least one step').max(MAX_CAMPAIGN_STEPS),
  })
  .meta({ id: 'CreateCampaign' });
/** Editing keeps step ids: a step already sent to someone is never sent to them again. */
export const updateCampaignBodySchema = createCampaignBodySchema.partial().meta({ id: 'UpdateCampaign' });

export const ENROLMENT_STATUSES = ['active', 'finished', 'left'] as const;
export const LEFT_REASONS = [
  'bounced',
  'replied',
  'unsubscribed',
  'complained',
  'suppressed',
  'removed',
] as const;
export const leftReasonSchema = z.enum(LEFT_REASONS).meta({ id: 'LeftReason' });
export type LeftReason = z.infer<typeof leftReasonSchema>;

/** Merge fields a person brings (first name, company, …): the same names templates use. */
export const personFieldsSchema = z.record(z.string().min(1).max(64), z.string().max(1_000));

export const enrolPersonSchema = z
  .object({
    email: emailAddressSchema,
    displayName: z.string().max(256).optional(),
    timeZone: z
      .string()
      .max(64)
      .refine(isTimeZone, 'Not a time zone (use one like Europe/Paris)')
      .optional()
      .meta({ description: 'IANA zone, e.g. `Europe/Paris`.' }),
    fields: personFieldsSchema.default({}),
  })
  .meta({ id: 'EnrolPerson' });
export type EnrolPerson = z.input<typeof enrolPersonSchema>;

/** `POST /campaigns/{id}/enrolments`: people (from the web app's CSV import, the pane, the card, the API). */
export const enrolBodySchema = z
  .object({
    people: z.array(z.unknown()).min(1, 'Add at least one person').max(MAX_ENROL_BATCH),
    source: z.enum(['web', 'csv', 'outlook', 'gmail', 'api']).default('api'),
    /** `true`: check only, enrol nobody (the CSV preview). */
    dryRun: z.boolean().default(false),
  })
  .meta({ id: 'EnrolRequest' });

/** One row the server refused, by its position in `people` (0-based) and why; the rest are enrolled. */
export const enrolRowErrorSchema = z
  .object({
    row: z.number().int(),
    email: z.string().nullable(),
    code: z.enum(['invalid', 'suppressed', 'already-enrolled', 'duplicate-in-batch']),
    /** Which value of an `invalid` row is wrong (absent: the email address). */
    field: z.enum(['email', 'timeZone', 'displayName', 'fields']).optional(),
    message: z.string(),
  })
  .meta({ id: 'EnrolRowError' });
export type EnrolRowError = z.infer<typeof enrolRowErrorSchema>;

export const enrolAnswerSchema = z
  .object({
    enrolled: z.number().int(),
    enrolmentIds: z.array(z.string()),
    errors: z.array(enrolRowErrorSchema),
    dryRun: z.boolean(),
  })
  .meta({ id: 'EnrolAnswer' });
export type EnrolAnswer = z.infer<typeof enrolAnswerSchema>;

export const enrolmentSchema = z
  .object({
    id: z.string(),
    campaignId: z.string(),
    campaignName: z.string(),
    email: z.string(),
    displayName: z.string().nullable(),
    status: z.enum(ENROLMENT_STATUSES),
    leftReason: leftReasonSchema.nullable(),
    /** The evidence: the send and notice or reply that made the person leave. */
    leftDetail: z.record(z.string(), z.unknown()).nullable(),
    stepsSent: z.number().int(),
    nextStep: z
      .number()
      .int()
      .nullable()
      .meta({ description: '0-based index of the next step; null when none.' }),
    nextAt: isoTime.nullable().meta({ description: "The throttle's forecast for the next step's email." }),
    enrolledAt: isoTime,
    updatedAt: isoTime,
  })
  .meta({ id: 'Enrolment' });
export type Enrolment = z.infer<typeof enrolmentSchema>;
export const enrolmentPageSchema = pageOf(enrolmentSchema, 'EnrolmentPage');

/** `GET /campaigns/{id}/analytics`: the whole campaign and each step, for the funnel. */
export const campaignAnalyticsSchema = z
  .object({
    campaignId: z.string(),
    total: stepCountsSchema,
    steps: z.array(stepCountsSchema.extend({ stepId: z.string(), index: z.number().int() })),
    left: z.record(leftReasonSchema, z.number().int()),
    tracking: z
      .object({ opens: z.boolean(), clicks: z.boolean() })
      // An answer from a server that predates tracking reads as "not tracked".
      .default({ opens: false, clicks: false })
      .meta({
        description:
          'Whether the team tracks opens and clicks now (bounce rules); off = engagement means nothing.',
      }),
  })
  .meta({ id: 'CampaignAnalytics' });
export type CampaignAnalytics = z.infer<typeof campaignAnalyticsSchema>;

/** `GET /campaigns/{id}/forecast`: when each step's pending emails will go out, from the throttle. */
export const campaignForecastSchema = z
  .object({
    steps: z.array(
      z.object({
        stepId: z.string(),
        index: z.number().int(),
        pending: z.number().int(),
        firstAt: isoTime.nullable(),
        lastAt: isoTime.nullable(),
      }),
    ),
    explanation: z.string(),
  })
  .meta({ id: 'CampaignForecast' });
export type CampaignForecast = z.infer<typeof campaignForecastSchema>;

/** `GET /people/{email}`: a person's campaigns and whether they are suppressed (pane, card, web app). */
export const personStatusSchema = z
  .object({
    email: z.string(),
    enrolments: z.array(enrolmentSchema),
    suppression: z
      .object({ reason: z.string(), message: z.string(), until: isoTime.nullable(), since: isoTime })
      .nullable(),
  })
  .meta({ id: 'PersonStatus' });
export type PersonStatus = z.infer<typeof personStatusSchema>;

/** `GET /campaigns`: mine (default) or the whole team's (every member may read them), by status. */
export const listCampaignsQuerySchema = pageQuerySchema.extend({
  scope: z.enum(['mine', 'team']).default('mine'),
  status: campaignStatusSchema.optional(),
});

/** `GET /campaigns/{id}/enrolments`: in the order people joined, optionally one status. */
export const listEnrolmentsQuerySchema = pageQuerySchema.extend({
  status: z.enum(ENROLMENT_STATUSES).optional(),
});

/** `POST /people/{email}/remove`: out of one campaign, or (no id) every campaign the caller may change. */
export const removePersonBodySchema = z
  .object({ campaignId: z.string().min(1).max(100).optional() })
  .meta({ id: 'RemovePerson' });
