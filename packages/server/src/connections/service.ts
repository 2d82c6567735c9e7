import type {
  Clock,
  ConnectionChange,
  ConnectionInfo,
  ConnectionProblem,
  ConnectionsAnswer,
  ConnectStart,
  Logger,
  OAuthProvider,
} from '@sendwell/core';
import { ApiError } from '../services/errors';
import type { FeedHub } from '../services/feedHub';
import {
  type ConnectionRow,
  deleteOAuthStatesBefore,
  findConnection,
  insertOAuthState,
  listConnections,
} from '../store/connections';
import { deleteCredential, loadCredential } from '../store/credentials';
import type { Db } from '../store/db';
import { identitiesOf } from '../store/identities';
import type { UserRow } from '../store/rows';
import { findUser } from '../store/users';
import { vaultContext } from '../vault/contexts';
import type { Vault } from '../vault/vault';
import { AUTH_REQUEST_TTL_MS, newState, pkcePair } from './authRequest';
import { type ConnectOutcome, completeConnect, PROVIDER_LABEL } from './callback';
import { changeConnection, loseConnection } from './connectionLife';
import { connectionInfo, grantProvider, storeGrant } from './grant';
import type { OAuthClient } from './types';

export type { ConnectOutcome } from './callback';

export interface ConnectionServiceDeps {
  db: Db;
  clock: Clock;
  hub: FeedHub;
  logger: Logger;
  vault: Vault;
  clients: Partial<Record<OAuthProvider, OAuthClient>>;
  tokens: { forget(mailboxId: string): void };
  wakeSender(): void;
}

export interface ConnectionService {
  start(user: UserRow, provider: OAuthProvider): Promise<ConnectStart>;
  /** The provider's redirect; never throws for the rep's mistakes: answers what the page shows. */
  complete(provider: OAuthProvider, query: Record<string, string | undefined>): Promise<ConnectOutcome>;
  list(user: UserRow): Promise<ConnectionsAnswer>;
  disconnect(user: UserRow, mailboxId: string): Promise<ConnectionInfo>;
  disable(admin: UserRow, mailboxId: string): Promise<ConnectionInfo>;
  enable(admin: UserRow, mailboxId: string): Promise<ConnectionInfo>;
  markLost(mailboxId: string, problem: ConnectionProblem): Promise<void>;
  /** For a password connection (EWS): save the credential and mark connected / reconnected. */
  connectWithPassword(
    user: UserRow,
    input: {
      provider: 'exchange-server';
      address: string;
      settings: Record<string, unknown>;
      password: string;
    },
  ): Promise<ConnectionInfo>;
}

const PROVIDERS: readonly OAuthProvider[] = ['microsoft', 'google'];
/** Authorization requests are kept a day past their expiry, so a late redirect still says "expired". */
const STATE_KEEP_MS = 24 * 60 * 60_000;

const notFound = () => new ApiError(404, 'connection-not-found', 'No such mailbox connection among yours.');

/**
 * A rep's mailbox connections: OAuth consent (start → provider → complete), the list with what
 * waits on each, the rep's disconnect, an admin's disable/enable, and a lost grant (the token
 * manager and the workers report it). Every change goes through core's lifecycle and is recorded
 * once in the feed.
 */
export function createConnectionService(deps: ConnectionServiceDeps): ConnectionService {
  const life = { db: deps.db, clock: deps.clock, hub: deps.hub };

  async function start(user: UserRow, provider: OAuthProvider): Promise<ConnectStart> {
    const client = deps.clients[provider];
    if (!client)
      throw new ApiError(
        409,
        'provider-not-configured',
        `This Sendwell is not set up to connect ${PROVIDER_LABEL[provider]} mailboxes; ask your admin.`,
      );
    const now = deps.clock.now();
    await deleteOAuthStatesBefore(deps.db, new Date(now.getTime() - STATE_KEEP_MS));
    const state = newState();
    const { verifier, challenge } = pkcePair();
    // The rep's own Entra tenant, so they land on their organisation's sign-in page.
    const tenantId =
      provider === 'microsoft'
        ? ((await identitiesOf(deps.db, user.id)).find((i) => i.provider === 'microsoft')?.tenantId ?? null)
        : null;
    const expiresAt = new Date(now.getTime() + AUTH_REQUEST_TTL_MS);
    await insertOAuthState(deps.db, {
      state,
      userId: user.id,
      provider,
      verifier: deps.vault.seal(verifier, vaultContext.oauthStateVerifier(state)),
      tenantId,
      createdAt: now,
      expiresAt,
    });
    const authorizationUrl = await client.authorizationUrl({
      state,
      codeChallenge: challenge,
      loginHint: user.email,
      ...(tenantId ? { tenantId } : {}),
    });
    return { authorizationUrl, expiresAt: expiresAt.toISOString() };
  }

  /** The caller's own mailbox, or a 404 that does not say whether someone else's exists. */
  async function ownMailbox(user: UserRow, mailboxId: string): Promise<ConnectionRow> {
    const row = await findConnection(deps.db, mailboxId);
    if (!row || row.mailbox.userId !== user.id) throw notFound();
    return row;
  }

  /** A mailbox of the admin's own team: 404 outside it, 403 for a rep. */
  async function teamMailbox(admin: UserRow, mailboxId: string): Promise<ConnectionRow> {
    const row = await findConnection(deps.db, mailboxId);
    const owner = row ? await findUser(deps.db, row.mailbox.userId) : null;
    if (!row || owner?.tenantId !== admin.tenantId) throw notFound();
    if (admin.role !== 'admin')
      throw new ApiError(403, 'admin-only', 'Only a team admin can disable or enable a mailbox.');
    return row;
  }

  async function change(row: ConnectionRow, what: ConnectionChange): Promise<ConnectionInfo> {
    const result = await changeConnection(life, row.mailbox.id, what);
    return connectionInfo(deps.db, result?.row ?? row);
  }

  /** Best effort: tell the provider to drop the grant; the credential goes whatever it answers. */
  async function revoke(row: ConnectionRow): Promise<void> {
    const provider = grantProvider(row.mailbox.provider);
    const client = provider ? deps.clients[provider] : undefined;
    try {
      const credential = await loadCredential(deps.db, deps.vault, row.mailbox.id);
      if (client && credential?.kind === 'oauth') await client.revoke(credential.secret);
    } catch (error) {
      deps.logger.warn('revoking a grant failed', {
        mailboxId: row.mailbox.id,
        detail: error instanceof Error ? error.message : String(error),
      });
    }
    await deleteCredential(deps.db, row.mailbox.id);
  }

  return {
    start,
    complete: (provider, query) =>
      completeConnect(
        deps,
        (user) =>
          start(user, provider).then(
            (s) => s.authorizationUrl,
            () => undefined,
          ),
        provider,
        query,
      ),
    async list(user) {
      const rows = await listConnections(deps.db, user.id);
      return {
        connections: await Promise.all(rows.map((row) => connectionInfo(deps.db, row))),
        connectable: PROVIDERS.filter((p) => deps.clients[p]),
      };
    },
    async disconnect(user, mailboxId) {
      const row = await ownMailbox(user, mailboxId);
      await revoke(row);
      deps.tokens.forget(mailboxId);
      return change(row, { type: 'disconnected-by-rep' });
    },
    async disable(admin, mailboxId) {
      const info = await change(await teamMailbox(admin, mailboxId), { type: 'disabled-by-admin' });
      deps.tokens.forget(mailboxId);
      return info;
    },
    async enable(admin, mailboxId) {
      const info = await change(await teamMailbox(admin, mailboxId), { type: 'enabled-by-admin' });
      deps.wakeSender();
      return info;
    },
    async markLost(mailboxId, problem) {
      await loseConnection(life, mailboxId, problem);
      deps.tokens.forget(mailboxId);
    },
    async connectWithPassword(user, input) {
      const stored = await deps.db.transaction((tx) =>
        storeGrant({ ...life, vault: deps.vault }, tx, {
          userId: user.id,
          kind: input.provider,
          address: input.address,
          // On-premises limits are the organisation's own; Exchange Online's stricter ones are assumed.
          profileId: 'exchange-online',
          settings: input.settings,
          credential: { kind: 'password', secret: input.password },
        }),
      );
      if (stored.outcome === 'refused') throw new ApiError(409, stored.code, stored.message);
      for (const event of stored.events) deps.hub.publish(event);
      deps.tokens.forget(stored.row.mailbox.id);
      deps.wakeSender();
      return connectionInfo(deps.db, stored.row);
    },
  };
}
