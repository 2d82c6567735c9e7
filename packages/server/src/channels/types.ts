import type { Clock, Logger, SmtpCheckReportBody, SmtpSettings, SubmitResult } from '@sendwell/core';
import type { LegacySmtpConfig } from '../config/config';
import type { Db } from '../store/db';
import type { Vault } from '../vault/vault';

/** A check of an SMTP server: each step (connect, EHLO, TLS, AUTH) reported on its own. */
export type SmtpCheckReport = SmtpCheckReportBody;

/** The SMTP conversations the channel service holds (H1's `checkSmtp` / `sendTestEmail`). */
export interface SmtpProbe {
  check(settings: SmtpSettings, password: string): Promise<SmtpCheckReport>;
  sendTest(
    settings: SmtpSettings,
    password: string,
    mail: { from: string; to: string; subject?: string },
  ): Promise<SubmitResult>;
}

export interface ChannelServiceDeps {
  db: Db;
  clock: Clock;
  vault: Vault;
  logger: Logger;
  /** The operator's legacy hosted server (`SENDWELL_LEGACY_SMTP_URL`, or the sandbox's), or none. */
  legacySmtp: LegacySmtpConfig | null;
  smtp: SmtpProbe;
  /** A lane's settings or password changed: drop its cached adapter (pooled connection). */
  forgetLane(mailboxId: string): void;
  /** Held sends may go now (a lane's password was fixed). */
  wakeSender(): void;
}
