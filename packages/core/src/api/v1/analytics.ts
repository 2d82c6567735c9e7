import { z } from 'zod';
import { templateScopeSchema } from './templates';

/** `/api/v1/analytics…`: how templates fared, and a rep's (or the team's) sends and bounces per day. */

export const analyticsCountsSchema = z
  .object({
    messages: z.number().int().meta({ description: 'Messages submitted to the provider.' }),
    recipients: z.number().int().meta({ description: 'Recipients (To + Cc + Bcc) of those messages.' }),
    messagesBounced: z
      .number()
      .int()
      .meta({ description: 'Messages with at least one recipient that failed (not merely delayed).' }),
    recipientsBounced: z
      .number()
      .int()
      .meta({ description: 'Recipients that failed: hard + soft + unclassified.' }),
    recipientsHardBounced: z.number().int(),
    recipientsSoftBounced: z.number().int(),
    recipientsDelayed: z
      .number()
      .int()
      .meta({ description: 'Recipients with a delay notice and no failure (yet).' }),
    messagesReplied: z
      .number()
      .int()
      .meta({ description: 'Messages a recipient answered (auto-replies and out-of-office do not count).' }),
  })
  .meta({ id: 'AnalyticsCounts' });

/** One template's sends: the team's (everyone in the tenant) and the asking rep's own, apart. */
export const templateAnalyticsSchema = z
  .object({ templateId: z.string(), team: analyticsCountsSchema, mine: analyticsCountsSchema })
  .meta({ id: 'TemplateAnalytics' });

export const analyticsScopeQuerySchema = z.object({
  scope: z
    .enum(['mine', 'team'])
    .default('mine')
    .meta({ description: "Whose sends to count: the caller's or the team's." }),
});

export const templateAnalyticsItemSchema = z
  .object({
    templateId: z.string(),
    name: z.string(),
    scope: templateScopeSchema,
    counts: analyticsCountsSchema.meta({
      description: "The caller's sends (scope=mine) or the team's (scope=team).",
    }),
  })
  .meta({ id: 'TemplateAnalyticsItem' });
export const templateAnalyticsPageSchema = z
  .object({ items: z.array(templateAnalyticsItemSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'TemplateAnalyticsPage' });

export const numbersQuerySchema = z.object({
  days: z.coerce
    .number()
    .int('The number of days must be a whole number')
    .min(1, 'The number of days must be at least 1')
    .max(90, 'The number of days can be at most 90')
    .default(30),
});

export const dayCountsSchema = z
  .object({
    date: z.string().meta({ description: 'The UTC day, YYYY-MM-DD.', example: '2026-12-04' }),
    sends: z.number().int().meta({ description: 'Messages submitted that day.' }),
    bounces: z.number().int().meta({ description: 'Recipients that failed that day (delays not counted).' }),
  })
  .meta({ id: 'DayCounts' });

export const bounceReasonCountSchema = z
  .object({
    reason: z
      .string()
      .meta({ description: "The bounce classifier's reason (e.g. `userunknown`), or `unknown`." }),
    count: z.number().int(),
  })
  .meta({ id: 'BounceReasonCount' });

const numbersFields = {
  days: z.number().int(),
  from: z.string().meta({ description: 'First UTC day counted (YYYY-MM-DD).' }),
  to: z.string().meta({ description: 'Last UTC day counted, today (YYYY-MM-DD).' }),
  totals: z.object({ sends: z.number().int(), bounces: z.number().int() }),
  perDay: z.array(dayCountsSchema).meta({ description: 'One entry per day, oldest first, zeros included.' }),
  bounceReasons: z.array(bounceReasonCountSchema).meta({ description: 'Most frequent first.' }),
};

export const myNumbersSchema = z.object(numbersFields).meta({ id: 'MyNumbers' });

export const memberNumbersSchema = z
  .object({
    userId: z.string(),
    name: z.string(),
    email: z.string(),
    sends: z.number().int(),
    bounces: z.number().int(),
  })
  .meta({ id: 'MemberNumbers' });

export const teamNumbersSchema = z
  .object({ ...numbersFields, members: z.array(memberNumbersSchema) })
  .meta({ id: 'TeamNumbers' });

export type AnalyticsCounts = z.infer<typeof analyticsCountsSchema>;
export type TemplateAnalytics = z.infer<typeof templateAnalyticsSchema>;
export type TemplateAnalyticsItem = z.infer<typeof templateAnalyticsItemSchema>;
export type DayCounts = z.infer<typeof dayCountsSchema>;
export type MyNumbers = z.infer<typeof myNumbersSchema>;
export type TeamNumbers = z.infer<typeof teamNumbersSchema>;
