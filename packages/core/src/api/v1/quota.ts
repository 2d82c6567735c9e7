import { z } from 'zod';
import type { ChannelKind, ProfileId } from '../../channel/types';
import { isoTime } from './common';

/**
 * `GET /api/v1/channel` and `GET /api/v1/quota`: the channel a send from a host goes through and
 * today's budget of its mailbox. The Outlook pane, the Gmail card and the web app read these.
 */

export const HOST_NAMES = ['outlook', 'gmail', 'web'] as const;
export const hostSchema = z.enum(HOST_NAMES).meta({ id: 'Host' });

export const channelKindSchema = z
  .enum([
    'exchange',
    'gmail',
    'exchange-server',
    'custom-smtp',
    'legacy-hosted',
  ] as const satisfies readonly ChannelKind[])
  .meta({ id: 'ChannelKind' });

export const profileIdSchema = z
  .enum([
    'exchange-online',
    'outlook-com',
    'gmail-workspace',
    'gmail-workspace-trial',
    'gmail-consumer',
    'custom-smtp',
  ] as const satisfies readonly ProfileId[])
  .meta({ id: 'ProfileId' });

/** `?host=outlook|gmail|web` (web when absent). */
export const hostQuerySchema = z.object({ host: hostSchema.default('web') });

export const channelInfoSchema = z
  .object({
    channel: z.object({
      kind: channelKindSchema,
      label: z.string(),
      address: z.string(),
      profileId: profileIdSchema,
    }),
    forced: z.boolean(),
    explanation: z.string().meta({
      description: 'English sentence for logs and old clients; front ends word the channel with the voice.',
    }),
    override: z
      .object({ defaultChannel: z.object({ kind: channelKindSchema, label: z.string() }) })
      .nullable()
      .meta({ description: 'Which default channel a forced native send bypasses; null when none.' }),
  })
  .meta({ id: 'ChannelInfo' });

export const metricSchema = z.enum(['messages', 'recipients', 'external']).meta({ id: 'Metric' });

/** One rolling window of the mailbox's profile: the provider's ceiling, our target and what is used. */
export const quotaWindowInfoSchema = z
  .object({
    id: z.string(),
    label: z
      .string()
      .meta({ description: 'The provider\'s limit in English words, e.g. "30 messages a minute".' }),
    metric: metricSchema,
    windowMs: z.number(),
    ceiling: z.number().meta({ description: "The provider's published figure." }),
    margin: z
      .number()
      .meta({ description: 'The fraction of the ceiling Sendwell aims for (0.9: stop at 90%).' }),
    target: z.number().meta({ description: 'Where Sendwell stops: floor(ceiling × margin).' }),
    used: z.number(),
    remaining: z.number(),
  })
  .meta({ id: 'QuotaWindow' });

const batchNumbers = z.object({ size: z.number().int(), everySeconds: z.number().int() });

/**
 * The team's "batch of N every S seconds" (Marketo parity) and what the planner makes of it: a
 * setting faster than the provider's per-minute limit is clamped, and the answer says so.
 */
export const batchInfoSchema = z
  .object({
    requested: batchNumbers.meta({ description: 'What the team admin set.' }),
    effective: batchNumbers.meta({ description: 'What the planner enforces.' }),
    clamped: z.boolean(),
    clampedBy: z
      .object({ id: z.string(), label: z.string(), target: z.number() })
      .nullable()
      .meta({ description: 'The provider window that forced the clamp; null when the setting fits.' }),
    explanation: z
      .string()
      .meta({ description: 'One English sentence: why the setting was lowered, or that it fits.' }),
  })
  .meta({ id: 'BatchInfo' });

const perMetric = <T extends z.ZodType>(value: T) =>
  z.object({ messages: value, recipients: value, external: value });

export const quotaInfoSchema = z
  .object({
    profileId: profileIdSchema,
    providerName: z
      .string()
      .meta({ description: 'The provider as people know it: "Gmail", "Exchange Online".' }),
    used: perMetric(z.number()).meta({ description: 'Rolling 24 h counts (queued reservations included).' }),
    limits: perMetric(z.number().nullable()).meta({
      description: 'Our daily target per count; null where the provider sets none.',
    }),
    remaining: perMetric(z.number().nullable()),
    windows: z.array(quotaWindowInfoSchema),
    nextFreeAt: isoTime
      .nullable()
      .meta({ description: 'When the next one-recipient send fits; null when one fits now.' }),
    pausedUntil: isoTime.nullable(),
    pauseReason: z
      .string()
      .nullable()
      .meta({ description: "The provider's words for a pause, when paused." }),
    queued: z.number().int(),
    batch: batchInfoSchema.nullable().optional().meta({
      description: "The batch setting as the planner applies it to this mailbox's profile; null when none.",
    }),
  })
  .meta({ id: 'Quota' });
