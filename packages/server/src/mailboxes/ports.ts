import type { MailboxPort } from '@sendwell/core';
import { GmailApiMailbox, GmailDrafts } from '@sendwell/gmail';
import type { LegacySmtpConfig } from '../config/config';
import type { ProviderSettings } from '../providerSettings';
import type { MailboxRow } from '../store/rows';
import { EwsMailbox } from './ewsMailbox';
import { GmailSentFolder } from './gmailSentFolder';
import { GraphMailbox } from './graphMailbox';
import { smtpLane } from './smtpLane';
import { SmtpMailbox } from './smtpMailbox';

/** What the adapters need from the token manager: the rep's access token, or their EWS password. */
export interface MailboxCredentials {
  accessTokenSource(mailbox: MailboxRow): (options?: { forceRefresh?: boolean }) => Promise<string>;
  passwordFor(mailboxId: string): Promise<string>;
}

/** EWS connection settings kept on the mailbox row (`mailboxes.settings`). */
interface EwsSettings {
  ewsUrl: string;
  username: string;
}

function ewsSettings(row: MailboxRow): EwsSettings {
  const settings = (row.settings ?? {}) as Partial<EwsSettings>;
  if (!settings.ewsUrl || !settings.username)
    throw new Error(`Exchange Server mailbox ${row.id} has no EWS URL or username stored`);
  return { ewsUrl: settings.ewsUrl, username: settings.username };
}

/**
 * The adapters for each mailbox, pointed at the configured endpoints (real or sandbox: the same
 * code), with tokens from the vault-backed token manager; SMTP lanes through nodemailer (legacy
 * hosted ones through `legacySmtp`). One port per mailbox, cached.
 */
export function createMailboxPorts(
  providers: ProviderSettings,
  credentials: MailboxCredentials,
  legacySmtp: LegacySmtpConfig | null = null,
) {
  const ports = new Map<string, MailboxPort>();
  const graphBaseUrl = () => required(providers.microsoft?.graphBaseUrl, 'Microsoft 365');
  const gmailRootUrl = () => required(providers.google?.gmailRootUrl, 'Google');
  const mailboxFor = (row: MailboxRow): MailboxPort => {
    const cached = ports.get(row.id);
    if (cached) return cached;
    const port = build(row);
    ports.set(row.id, port);
    return port;
  };
  const build = (row: MailboxRow): MailboxPort => {
    switch (row.provider) {
      case 'exchange':
        return new GraphMailbox({
          baseUrl: graphBaseUrl(),
          address: row.address,
          getToken: credentials.accessTokenSource(row),
        });
      case 'gmail':
        return new GmailApiMailbox({
          rootUrl: gmailRootUrl(),
          address: row.address,
          getToken: credentials.accessTokenSource(row),
        });
      case 'exchange-server':
        return new EwsMailbox({
          ...ewsSettings(row),
          address: row.address,
          password: () => credentials.passwordFor(row.id),
        });
      case 'smtp':
        return smtpLane(row, { passwordFor: (id) => credentials.passwordFor(id), legacySmtp });
    }
  };
  return {
    mailboxFor,
    /** Gmail's Sent folder for the budget scan (Graph and EWS mailboxes read their own Sent Items). */
    sentFolderFor: (row: MailboxRow) =>
      row.provider === 'gmail'
        ? new GmailSentFolder({ rootUrl: gmailRootUrl(), getToken: credentials.accessTokenSource(row) })
        : null,
    draftsFor: (row: MailboxRow) =>
      new GmailDrafts({ rootUrl: gmailRootUrl(), getToken: credentials.accessTokenSource(row) }),
    /** A reconnect or a new password: build the adapter again next time (closing an SMTP pool). */
    forget: (mailboxId: string) => {
      const port = ports.get(mailboxId);
      ports.delete(mailboxId);
      if (port instanceof SmtpMailbox) void port.close();
    },
    /** Shutting down: close the SMTP lanes' pooled connections (they would linger until idle). */
    closeAll: async () => {
      const smtp = [...ports.values()].filter((port) => port instanceof SmtpMailbox);
      ports.clear();
      await Promise.all(smtp.map((port) => port.close()));
    },
  };
}

function required(value: string | undefined, provider: string): string {
  if (!value)
    throw new Error(`${provider} is not configured on this Sendwell, so its mailboxes cannot be reached`);
  return value;
}
