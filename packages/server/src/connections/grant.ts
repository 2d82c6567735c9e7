import { randomBytes } from 'node:crypto';
import type { ConnectionInfo, OAuthProvider, ProfileId, ProviderKind } from '@sendwell/core';
import { nextConnectionStatus } from '@sendwell/core';
import {
  type ConnectionRow,
  countQueuedSends,
  hasCredential,
  insertConnectedMailbox,
  lockConnection,
  lockUserMailbox,
  setConnectionState,
  updateMailboxAddress,
} from '../store/connections';
import { saveCredential } from '../store/credentials';
import type { Db } from '../store/db';
import type { EventRow } from '../store/rows';
import type { Vault } from '../vault/vault';
import { type ConnectionLifeDeps, changeConnection, insertConnectionEvent } from './connectionLife';

/** The mailbox kind a provider's consent connects. */
export const MAILBOX_KIND: Record<OAuthProvider, ProviderKind> = { microsoft: 'exchange', google: 'gmail' };

/** The provider whose OAuth grant a mailbox holds (none for Exchange Server: a password). */
export function grantProvider(kind: ProviderKind | 'smtp'): OAuthProvider | null {
  return kind === 'exchange' ? 'microsoft' : kind === 'gmail' ? 'google' : null;
}

/** The mailbox as `GET /api/v1/connections` shows it; held sends only count while it does not send. */
export async function connectionInfo(db: Db, row: ConnectionRow): Promise<ConnectionInfo> {
  return {
    mailboxId: row.mailbox.id,
    // Connections are native mailboxes: SMTP lanes are channels and never listed here.
    provider: row.mailbox.provider as ProviderKind,
    address: row.mailbox.address,
    state: row.state,
    problem: row.problem,
    since: row.changedAt.toISOString(),
    heldSends: row.state === 'connected' ? 0 : await countQueuedSends(db, row.mailbox.id),
    // Sendwell cannot read an on-premises inbox incrementally for bounces (EWS subset: send + Sent Items).
    bounceTracking: row.mailbox.provider !== 'exchange-server',
  };
}

/** What the rep just granted: their mailbox, and the secret that keeps it connected. */
export interface Grant {
  userId: string;
  kind: ProviderKind;
  address: string;
  profileId: ProfileId;
  settings: Record<string, unknown> | null;
  credential: { kind: 'oauth' | 'password'; secret: string; scopes?: string[] };
}

export type GrantOutcome =
  | {
      outcome: 'connected' | 'reconnected';
      row: ConnectionRow;
      events: EventRow[];
      released: number;
    }
  | { outcome: 'refused'; code: 'mailbox-disabled'; message: string };

/**
 * Stores a grant on the rep's one mailbox of that kind (a new `mbx_…` the first time), inside the
 * caller's transaction, and moves the connection on: `connection.connected` the first time a
 * credential is stored, else core's lifecycle (`connection.reconnected`, with the sends it lets go).
 * A mailbox a team admin disabled stays disabled: its credential is not even stored.
 */
export async function storeGrant(
  deps: ConnectionLifeDeps & { vault: Vault },
  tx: Db,
  grant: Grant,
): Promise<GrantOutcome> {
  const existing = await lockUserMailbox(tx, grant.userId, grant.kind);
  if (existing?.state === 'disabled') {
    const refusal = nextConnectionStatus(existing, { type: 'connected' });
    const message = refusal.changed ? '' : (refusal.refusal ?? '');
    return { outcome: 'refused', code: 'mailbox-disabled', message };
  }
  const at = deps.clock.now();
  const first = !existing || !(await hasCredential(tx, existing.mailbox.id));
  const mailboxId = existing?.mailbox.id ?? `mbx_${randomBytes(9).toString('hex')}`;
  if (!existing) {
    await insertConnectedMailbox(tx, { ...grant, id: mailboxId, provider: grant.kind }, at);
  } else if (existing.mailbox.address !== grant.address || grant.settings) {
    await updateMailboxAddress(tx, mailboxId, grant.address, grant.settings ?? undefined);
  }
  await saveCredential(tx, deps.vault, { mailboxId, ...grant.credential });
  if (first) {
    await setConnectionState(tx, mailboxId, 'connected', null, at);
    const row = (await lockConnection(tx, mailboxId))!;
    const released = await countQueuedSends(tx, mailboxId);
    const event = await insertConnectionEvent(tx, 'connection.connected', row, at, { released });
    return { outcome: 'connected', row, events: [event], released };
  }
  const change = (await changeConnection(deps, mailboxId, { type: 'connected' }, tx))!;
  return { outcome: 'reconnected', row: change.row, events: change.events, released: change.released };
}
