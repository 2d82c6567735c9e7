import type { MailboxPort } from '@sendwell/core';
import { GmailApiMailbox, GmailDrafts } from '@sendwell/gmail';
import type { ProviderSettings } from '../providerSettings';
import type { MailboxRow } from '../store/rows';
import { EwsMailbox } from './ewsMailbox';
import { GmailSentFolder } from './gmailSentFolder';
import { GraphMailbox } from './graphMailbox';

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
 * The native adapters for each mailbox, pointed at the configured endpoints (real or sandbox: the
 * same code), with tokens from the vault-backed token manager. One port per mailbox, cached.
 */
export function createMailboxPorts(providers: ProviderSettings, credentials: MailboxCredentials) {
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
        throw new Error(`SMTP channel ${row.id}: the SMTP adapter is not wired yet`);
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
    /** A reconnect or a new password: build the adapter again next time. */
    forget: (mailboxId: string) => ports.delete(mailboxId),
  };
}

function required(value: string | undefined, provider: string): string {
  if (!value)
    throw new Error(`${provider} is not configured on this Sendwell, so its mailboxes cannot be reached`);
  return value;
}
