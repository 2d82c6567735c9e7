import { z } from 'zod';

/**
 * `/api/v1/channels`: the delivery-channel catalog a rep picks from for web and campaign sends, the
 * SMTP channels (personal, and one per team set by an admin), the check and test send, the team
 * default and the legacy switch. Passwords travel only inward (create, update, check): no answer
 * carries one.
 */

export const smtpSecuritySchema = z.enum(['starttls', 'tls', 'none']).meta({
  id: 'SmtpSecurity',
  description: 'STARTTLS on a plain port (587), implicit TLS (465), or none (only to a server on loopback).',
});

const limit = (what: string) => z.number().int().min(1).max(1_000_000).optional().meta({ description: what });

export const smtpLimitsSchema = z
  .object({
    perMinute: limit('Messages a minute your server accepts.'),
    perHour: limit('Messages an hour.'),
    perDay: limit('Messages a day.'),
    recipientsPerDay: limit('Recipients a day, over all messages.'),
  })
  .strict()
  .meta({ id: 'SmtpLimits', description: "Your SMTP server's limits; the throttle stays under them." });

const host = z
  .string()
  .trim()
  .min(1, 'The host is missing')
  .max(253)
  .regex(/^[A-Za-z0-9.\-:[\]]+$/, 'The host should be a name like smtp.example.com or an IP address');
const port = z.number().int().min(1, 'The port should be 1-65535').max(65_535, 'The port should be 1-65535');
const username = z.string().min(1, 'The username is missing').max(320);
const password = z.string().min(1, 'The password is missing').max(1_000);
const label = z.string().trim().min(1, 'The name is missing').max(80);

/** What a check needs: where the server is and how to sign in (nothing is saved). */
export const smtpCheckRequestSchema = z
  .object({
    host,
    port,
    security: smtpSecuritySchema,
    username,
    password,
    allowSelfSigned: z.boolean().optional(),
  })
  .strict()
  .meta({ id: 'SmtpCheckRequest' });
export type SmtpCheckRequest = z.infer<typeof smtpCheckRequestSchema>;

export const createSmtpChannelSchema = smtpCheckRequestSchema
  .extend({
    scope: z.enum(['personal', 'team']).meta({ description: 'team: the one team server (admins only).' }),
    label,
    limits: smtpLimitsSchema.optional(),
  })
  .strict()
  .meta({ id: 'CreateSmtpChannel' });
export type CreateSmtpChannel = z.infer<typeof createSmtpChannelSchema>;

/** Any subset; a password given replaces the stored one (and lets held sends go again). */
export const updateSmtpChannelSchema = z
  .object({
    label: label.optional(),
    host: host.optional(),
    port: port.optional(),
    security: smtpSecuritySchema.optional(),
    username: username.optional(),
    password: password.optional(),
    limits: smtpLimitsSchema.nullable().optional().meta({ description: 'null removes the limits.' }),
    allowSelfSigned: z.boolean().optional(),
  })
  .strict()
  .meta({ id: 'UpdateSmtpChannel' });
export type UpdateSmtpChannel = z.infer<typeof updateSmtpChannelSchema>;

export const bounceTrackingSchema = z
  .object({ available: z.boolean(), reason: z.string() })
  .meta({ id: 'BounceTracking' });

export const catalogEntrySchema = z
  .object({
    id: z.string().nullable().meta({ description: 'null: the legacy hosted server, not yet used by you.' }),
    kind: z.enum(['exchange', 'gmail', 'exchange-server', 'custom-smtp', 'legacy-hosted']),
    scope: z.enum(['native', 'personal', 'team', 'hosted']),
    label: z.string(),
    recommended: z.boolean(),
    warning: z.string().nullable(),
    selectable: z.boolean(),
    chosen: z.boolean(),
    teamDefault: z.boolean(),
    bounceTracking: bounceTrackingSchema,
  })
  .meta({ id: 'CatalogEntry' });

/** An SMTP channel as its owner (or, for the team's, an admin) manages it. */
export const smtpChannelSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['custom-smtp', 'legacy-hosted']),
    scope: z.enum(['personal', 'team', 'hosted']),
    label: z.string(),
    host: z
      .string()
      .nullable()
      .meta({ description: 'null for the legacy hosted server (run by the operator).' }),
    port: z.number().int().nullable(),
    security: smtpSecuritySchema.nullable(),
    username: z.string().nullable(),
    limits: smtpLimitsSchema.nullable(),
    allowSelfSigned: z.boolean(),
    state: z.enum(['connected', 'needs-reconnect', 'disconnected', 'disabled']),
    problem: z.string().nullable().meta({ description: '`password-rejected` after a failed sign-in.' }),
    manageable: z.boolean().meta({ description: 'Whether the caller may change or delete it.' }),
  })
  .meta({ id: 'SmtpChannel' });
export type SmtpChannel = z.infer<typeof smtpChannelSchema>;

export const channelsAnswerSchema = z
  .object({
    catalog: z.array(catalogEntrySchema),
    webChannelId: z
      .string()
      .nullable()
      .meta({ description: 'The lane web and campaign sends use now; null when none can send.' }),
    teamDefaultId: z.string().nullable(),
    legacyVisible: z.boolean(),
    legacyHostedConfigured: z.boolean(),
    smtpChannels: z.array(smtpChannelSchema).meta({ description: 'The SMTP channels the caller can see.' }),
  })
  .meta({ id: 'Channels' });
export type ChannelsAnswer = z.infer<typeof channelsAnswerSchema>;

export const smtpCheckReportSchema = z
  .object({
    ok: z.boolean(),
    steps: z.array(
      z.object({
        step: z.enum(['connect', 'ehlo', 'tls', 'auth']),
        ok: z.boolean(),
        detail: z.string(),
      }),
    ),
    extensions: z.array(z.string()),
    dsn: z.boolean().meta({ description: 'Whether the server offers delivery status notifications.' }),
    size: z.number().nullable().meta({ description: 'The largest message the server accepts, in bytes.' }),
  })
  .meta({ id: 'SmtpCheckReport' });
export type SmtpCheckReportBody = z.infer<typeof smtpCheckReportSchema>;

export const smtpChannelCheckSchema = z
  .object({ report: smtpCheckReportSchema, channel: smtpChannelSchema })
  .meta({ id: 'SmtpChannelCheck' });

export const smtpTestSendRequestSchema = z
  .object({
    to: z
      .email('The test address should be an email address')
      .optional()
      .meta({ description: "Default: the caller's own address." }),
  })
  .strict()
  .meta({ id: 'SmtpTestSendRequest' });

export const smtpTestSendResultSchema = z
  .object({
    outcome: z.enum(['submitted', 'throttled', 'failed']),
    to: z.string(),
    detail: z.string().meta({ description: 'What the server answered, in words.' }),
  })
  .meta({ id: 'SmtpTestSendResult' });
export type SmtpTestSendResult = z.infer<typeof smtpTestSendResultSchema>;

export const chooseChannelSchema = z
  .object({
    channelId: z.string().min(1).nullable().meta({
      description: 'A channel id, `legacy-hosted` (legacy accounts), or null for the team default.',
    }),
  })
  .strict()
  .meta({ id: 'ChooseChannel' });

export const teamDefaultChannelSchema = z
  .object({ channelId: z.string().min(1).nullable() })
  .strict()
  .meta({ id: 'TeamDefaultChannel' });

export const legacyVisibilitySchema = z
  .object({ visible: z.boolean() })
  .strict()
  .meta({ id: 'LegacyVisibility' });
