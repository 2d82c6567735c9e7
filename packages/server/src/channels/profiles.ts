import {
  customSmtpProfile,
  getProfile,
  type SmtpLimits,
  type SmtpSettings,
  smtpLimitsSchema,
  smtpSecuritySchema,
  type ThrottleProfile,
} from '@sendwell/core';
import { z } from 'zod';
import type { MailboxRow } from '../store/rows';

/** The non-secret settings of an SMTP lane as stored in `mailboxes.settings`, checked on the way out. */
const storedSmtpSettings = z.object({
  host: z.string().min(1),
  port: z.number().int().min(1).max(65_535),
  security: smtpSecuritySchema,
  username: z.string(),
  limits: smtpLimitsSchema.optional(),
  allowSelfSigned: z.boolean().optional(),
});

/** A custom SMTP lane's settings; null for a legacy hosted lane (configuration holds those). */
export function smtpSettingsOf(row: MailboxRow): SmtpSettings | null {
  if (row.provider !== 'smtp' || row.settings == null) return null;
  const parsed = storedSmtpSettings.safeParse(row.settings);
  if (!parsed.success) throw new Error(`SMTP channel ${row.id} has unreadable settings stored`);
  return parsed.data;
}

/**
 * The throttle profile a lane sends under: a native mailbox's provider profile; an SMTP lane's own
 * limits (the admin's figures for their server), or the conservative custom-SMTP defaults.
 */
export function profileForLane(row: MailboxRow): ThrottleProfile {
  if (row.provider !== 'smtp') return getProfile(row.profileId);
  return customSmtpProfile(customLimits(smtpSettingsOf(row)?.limits));
}

function customLimits(limits: SmtpLimits | undefined) {
  return {
    messagesPerMinute: limits?.perMinute,
    messagesPerHour: limits?.perHour,
    messagesPerDay: limits?.perDay,
    recipientsPerDay: limits?.recipientsPerDay,
  };
}
