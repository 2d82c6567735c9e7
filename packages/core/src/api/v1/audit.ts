import { z } from 'zod';
import { isoTime, pageOf } from './common';

/** `/api/v1/audit` (team admins): every admin action and every channel or setting change. */

export const AUDIT_ACTIONS = [
  'channel.created',
  'channel.updated',
  'channel.deleted',
  'channel.chosen',
  'channel.team-default.changed',
  'channel.legacy-visibility.changed',
  'settings.throttle.changed',
  'member.role.changed',
  'member.legacy.changed',
  'member.api-tokens.revoked',
  'send.cancelled',
  'template.team.created',
  'template.team.updated',
  'template.team.deleted',
  'connection.disabled',
  'connection.enabled',
  'suppression.added',
  'suppression.lifted',
  'settings.bounce-rules.changed',
  'campaign.resumed',
  'campaign.removed-person',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const auditEntrySchema = z
  .object({
    id: z.string(),
    at: isoTime,
    action: z
      .string()
      .meta({ description: `Dotted verb: ${AUDIT_ACTIONS.map((a) => `\`${a}\``).join(', ')}.` }),
    actor: z
      .object({ id: z.string(), name: z.string(), email: z.string() })
      .nullable()
      .meta({ description: 'Who did it; null for the system.' }),
    target: z
      .string()
      .nullable()
      .meta({ description: 'What it acted on: a channel, member, profile or send id.' }),
    before: z.unknown().meta({ description: 'The value before (secrets are never stored).' }),
    after: z.unknown().meta({ description: 'The value after.' }),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntryInfo = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = pageOf(auditEntrySchema, 'AuditPage');
export type AuditPage = z.infer<typeof auditPageSchema>;
