import { z } from 'zod';
import { emailAddressSchema } from '../sendRequest';
import { isoTime, pageOf, pageQuerySchema } from './common';

/**
 * `/api/v1/suppressions`, `/api/v1/settings/bounce-rules`, `/api/v1/unattributed` and the engagement
 * setting: what keeps a team's sending domain healthy.
 */

export const SUPPRESSION_REASONS = [
  'hard-bounce',
  'unsubscribe',
  'complaint',
  'soft-bounces',
  'manual',
] as const;
export const suppressionReasonSchema = z.enum(SUPPRESSION_REASONS).meta({ id: 'SuppressionReason' });
export type SuppressionReason = z.infer<typeof suppressionReasonSchema>;

export const suppressionSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    reason: suppressionReasonSchema,
    message: z.string().meta({ description: 'Why, in words the rep can read.' }),
    /** The evidence: send id, notice status and diagnostic, soft-bounce count, … */
    detail: z.record(z.string(), z.unknown()),
    since: isoTime,
    until: isoTime.nullable().meta({ description: 'Soft-bounce suppressions expire; null = until lifted.' }),
    liftedAt: isoTime.nullable(),
  })
  .meta({ id: 'Suppression' });
export type Suppression = z.infer<typeof suppressionSchema>;
export const suppressionPageSchema = pageOf(suppressionSchema, 'SuppressionPage');
export type SuppressionPage = z.infer<typeof suppressionPageSchema>;

export const addSuppressionBodySchema = z
  .object({ email: emailAddressSchema, note: z.string().trim().max(500).optional() })
  .meta({ id: 'AddSuppression' });
export type AddSuppression = z.infer<typeof addSuppressionBodySchema>;

/** `GET /suppressions?email=&state=live|all`: one address (exact, case-insensitive) or all; live only by default. */
export const suppressionQuerySchema = pageQuerySchema.extend({
  email: z.string().trim().toLowerCase().max(320).optional().meta({ description: 'One address.' }),
  state: z
    .enum(['live', 'all'])
    .default('live')
    .meta({ description: '`all` adds lifted and expired suppressions (the history).' }),
});

/** Team rules (admin): soft bounces → a suppression that expires; the campaign circuit breaker. */
export const bounceRulesSchema = z
  .object({
    softBounceLimit: z.number().int().min(1).max(100).meta({ description: 'N soft bounces …' }),
    softBounceDays: z
      .number()
      .int()
      .min(1)
      .max(365)
      .meta({ description: '… within D days suppress the address …' }),
    softSuppressDays: z.number().int().min(1).max(365).meta({ description: '… for this many days.' }),
    breakerWindow: z
      .number()
      .int()
      .min(5)
      .max(1_000)
      .meta({ description: 'K: the last K sends of a campaign.' }),
    breakerRate: z
      .number()
      .min(0.01)
      .max(1)
      .meta({ description: 'Pause the campaign when bounces / K reach this rate.' }),
    trackOpens: z.boolean().meta({ description: 'Open pixels (off by default).' }),
    trackClicks: z.boolean().meta({ description: 'Signed redirect links (off by default).' }),
  })
  .strict()
  .meta({ id: 'BounceRules' });
export type BounceRules = z.infer<typeof bounceRulesSchema>;

/** `PUT /settings/bounce-rules`: any subset of the rules; the others keep their value. */
export const bounceRulesUpdateSchema = bounceRulesSchema.partial().strict().meta({ id: 'BounceRulesUpdate' });
export type BounceRulesUpdate = z.infer<typeof bounceRulesUpdateSchema>;

export const DEFAULT_BOUNCE_RULES: BounceRules = {
  softBounceLimit: 3,
  softBounceDays: 7,
  softSuppressDays: 30,
  breakerWindow: 20,
  breakerRate: 0.2,
  trackOpens: false,
  trackClicks: false,
};

/** A bounce or reply the scanner found but could not tie to one of our sends: kept, counted, shown. */
export const unattributedSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['bounce', 'reply']),
    mailboxAddress: z.string(),
    from: z.string().nullable(),
    recipient: z.string().nullable(),
    at: isoTime,
    /** What we had to go on: status, reason, diagnostic, In-Reply-To, References, thread, subject. */
    evidence: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'Unattributed' });
export type Unattributed = z.infer<typeof unattributedSchema>;
export const unattributedPageSchema = pageOf(unattributedSchema, 'UnattributedPage').extend({
  counts: z.object({ bounces: z.number().int(), replies: z.number().int() }),
});

/** `GET /unattributed`: one kind at a time; `team` (admins) reads every member's mailboxes. */
export const unattributedQuerySchema = pageQuerySchema.extend({
  kind: z.enum(['bounce', 'reply']).default('bounce'),
  scope: z.enum(['mine', 'team']).default('mine'),
});

/** One open or click; `machine` when it was a privacy proxy (Apple MPP) or a link scanner, not a person. */
export const engagementSchema = z
  .object({
    sendId: z.string(),
    kind: z.enum(['open', 'click']),
    url: z.string().nullable(),
    machine: z.boolean(),
    why: z
      .string()
      .nullable()
      .meta({ description: 'Why it counts as a machine, e.g. "Apple Mail Privacy Protection".' }),
    at: isoTime,
  })
  .meta({ id: 'Engagement' });
export type Engagement = z.infer<typeof engagementSchema>;
