import { MailboxAuthError } from '@sendwell/core';
import { z } from 'zod';
import { loadCredential } from '../store/credentials';
import type { Db } from '../store/db';
import type { MailboxRow } from '../store/rows';
import type { Vault } from '../vault/vault';
import { EwsMailbox, type PasswordSource } from './ewsMailbox';

/** What connectExchangeServer saved in `mailboxes.settings` (never the password). */
const ewsSettings = z.object({ ewsUrl: z.string().min(1), username: z.string().min(1) });

/**
 * The mailbox's password from the vault, read once per mailbox object and again when a 401 asks
 * (`forceRefresh`): a rep who reconnected with a new password is picked up without a restart.
 */
function vaultPasswordSource(db: Db, vault: Vault, mailboxId: string): PasswordSource {
  let cached: string | null = null;
  return async (options) => {
    if (cached !== null && !options?.forceRefresh) return cached;
    const credential = await loadCredential(db, vault, mailboxId);
    if (credential?.kind !== 'password')
      throw new MailboxAuthError(
        'password-rejected',
        'No Exchange Server password is saved for this mailbox.',
      );
    cached = credential.secret;
    return cached;
  };
}

/** The EWS adapter for an `exchange-server` mailbox row (the composition root's mailboxFor). */
export function ewsMailboxFor(
  deps: { db: Db; vault: Vault; fetch?: typeof fetch },
  mailbox: MailboxRow,
): EwsMailbox {
  const settings = ewsSettings.parse(mailbox.settings ?? {});
  return new EwsMailbox({
    ewsUrl: settings.ewsUrl,
    username: settings.username,
    address: mailbox.address,
    password: vaultPasswordSource(deps.db, deps.vault, mailbox.id),
    fetch: deps.fetch,
  });
}
