import { z } from 'zod';
import { batchInfoSchema, profileIdSchema } from './quota';

/** `/api/v1/settings/throttle`: per provider profile, our target under its ceiling and the batch setting. */

/** A day is the longest window any provider counts; a batch slower than that is not a batch. */
export const MAX_BATCH_EVERY_SECONDS = 86_400;
export const MAX_BATCH_SIZE = 10_000;

export const batchSettingSchema = z
  .object({
    size: z
      .number({ error: 'The batch size must be a number' })
      .int('The batch size must be a whole number of emails')
      .min(1, 'The batch size must be at least 1 email')
      .max(MAX_BATCH_SIZE, `The batch size can be at most ${MAX_BATCH_SIZE.toLocaleString('en')} emails`),
    everySeconds: z
      .number({ error: 'The interval must be a number of seconds' })
      .int('The interval must be a whole number of seconds')
      .min(1, 'The interval must be at least 1 second')
      .max(MAX_BATCH_EVERY_SECONDS, 'The interval can be at most 86,400 seconds (one day)'),
  })
  .strict()
  .meta({
    id: 'BatchSetting',
    description: '"Send N emails every S seconds" (Marketo\'s throttle setting).',
  });

export const throttleWindowSchema = z
  .object({
    id: z.string(),
    label: z.string().meta({ description: 'The provider\'s limit in words, e.g. "30 messages a minute".' }),
    metric: z.enum(['messages', 'recipients', 'external']),
    windowMs: z.number(),
    ceiling: z.number().meta({ description: "The provider's published figure." }),
    target: z.number().meta({ description: 'Where Sendwell stops (a margin under the ceiling).' }),
  })
  .meta({ id: 'ThrottleWindow' });

export const throttleForecastSchema = z
  .object({
    perDay: z
      .number()
      .int()
      .meta({ description: 'Messages one mailbox of this profile can send in a day at this pace.' }),
    perHour: z.number().int().meta({ description: 'Messages in the first hour at this pace.' }),
    limitedBy: z
      .string()
      .meta({ description: 'What caps the day: `batch` or the id of the provider window that binds first.' }),
    explanation: z.string().meta({ description: 'The forecast in one English sentence.' }),
  })
  .meta({ id: 'ThrottleForecast' });

export const profileThrottleSchema = z
  .object({
    profileId: profileIdSchema,
    providerName: z.string(),
    windows: z
      .array(throttleWindowSchema)
      .meta({ description: "The provider's ceilings and our targets under them." }),
    batch: batchSettingSchema
      .nullable()
      .meta({ description: "This profile's own setting; null when it follows the team-wide one (or none)." }),
    teamBatch: batchSettingSchema
      .nullable()
      .meta({ description: 'The team-wide setting every profile without its own follows.' }),
    applied: batchInfoSchema.nullable().meta({
      description: 'The setting in force (own, else team-wide) as the planner applies it; null when none.',
    }),
    explanation: z.string().meta({ description: 'In words: the pace, and why a setting was clamped.' }),
    forecast: throttleForecastSchema,
  })
  .meta({ id: 'ProfileThrottle' });

export const throttleSettingsSchema = z.object({ profiles: z.array(profileThrottleSchema) }).meta({
  id: 'ThrottleSettings',
  description: "One entry per provider profile the team's mailboxes and channels use.",
});

/** `PUT /api/v1/settings/throttle`: one profile's batch, or null to follow the team-wide one again. */
export const throttleUpdateSchema = z
  .object({ profileId: profileIdSchema, batch: batchSettingSchema.nullable() })
  .strict()
  .meta({ id: 'ThrottleUpdate' });

export type BatchSettingBody = z.infer<typeof batchSettingSchema>;
export type ThrottleForecast = z.infer<typeof throttleForecastSchema>;
export type ProfileThrottle = z.infer<typeof profileThrottleSchema>;
export type ThrottleSettings = z.infer<typeof throttleSettingsSchema>;
export type ThrottleUpdate = z.infer<typeof throttleUpdateSchema>;
