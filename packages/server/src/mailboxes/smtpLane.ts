import type { InboxPage, MailboxPort, SubmitResult } from '@sendwell/core';
import { z } from 'zod';
import type { LegacySmtpConfig } from '../config/config';
import type { MailboxRow } from '../store/rows';
import { SmtpHasNoInboxError, SmtpMailbox } from './smtpMailbox';
import type { SmtpEndpoint } from './smtpTransport';

/** A custom SMTP lane's stored settings (`mailboxes.settings`), checked where they leave the store. */
const storedSmtpSettingsSchema = z.object({
  host: z.string().trim().min(1),
  port: z.number().int().min(1).max(65_535),
  security: z.enum(['starttls', 'tls', 'none']),
  username: z.string(),
  allowSelfSigned: z.boolean().optional(),
});

export interface SmtpLaneSources {
  /** The custom channel's password from the vault. */
  passwordFor(mailboxId: string): Promise<string>;
  /** This Sendwell's legacy hosted server (`SENDWELL_LEGACY_SMTP_URL`, or the sandbox's), if any. */
  legacySmtp: LegacySmtpConfig | null;
}

/**
 * The port for an SMTP lane: legacy hosted lanes go through the operator's server with its own
 * login, custom ones through their stored settings and the vault's password. A lane that cannot be
 * built answers every send with the reason instead of throwing in the middle of the sender's round.
 */
export function smtpLane(row: MailboxRow, sources: SmtpLaneSources): MailboxPort {
  if (row.channelKind === 'legacy-hosted') {
    const legacy = sources.legacySmtp;
    if (!legacy)
      return unusableLane(
        row.address,
        'The legacy Sendwell servers are not configured on this Sendwell any more, so this channel cannot send.',
      );
    const { password, ...endpoint } = legacy;
    return new SmtpMailbox({ settings: endpoint, password: async () => password, address: row.address });
  }
  const parsed = storedSmtpSettingsSchema.safeParse(row.settings ?? {});
  if (!parsed.success)
    return unusableLane(
      row.address,
      `The settings stored for SMTP channel ${row.label ?? row.id} are incomplete; an admin needs to save them again.`,
    );
  const settings: SmtpEndpoint = parsed.data;
  return new SmtpMailbox({ settings, password: () => sources.passwordFor(row.id), address: row.address });
}

/** A lane that refuses every send with one clear reason (never retried: nothing will change by itself). */
function unusableLane(address: string, reason: string): MailboxPort {
  const refuse = async (): Promise<SubmitResult> => ({ status: 'failed', retryable: false, detail: reason });
  return {
    provider: 'smtp',
    address,
    send: refuse,
    findSent: async () => false,
    listInboxChanges: async (): Promise<InboxPage> => {
      throw new SmtpHasNoInboxError();
    },
    getRawMessage: async () => {
      throw new SmtpHasNoInboxError();
    },
  };
}
