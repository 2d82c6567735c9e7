import {
  type AccessTokenSource,
  type Clock,
  type ConnectionProblem,
  type Logger,
  MailboxAuthError,
} from '@sendwell/core';
import {
  type CredentialWithAccess,
  loadCredential,
  lockCredential,
  readCredentialWithAccess,
  type SharedAccessToken,
  saveRefreshedTokens,
} from '../store/credentials';
import type { Db } from '../store/db';
import { identitiesOf } from '../store/identities';
import type { MailboxRow } from '../store/rows';
import type { Vault } from '../vault/vault';
import { GrantError, type OAuthClient } from './types';

export interface TokenManagerDeps {
  db: Db;
  vault: Vault;
  clock: Clock;
  logger: Logger;
  clientFor(provider: 'exchange' | 'gmail'): OAuthClient | null;
  /** The connection service's markLost: the mailbox needs reconnecting. */
  onLost(mailboxId: string, problem: ConnectionProblem): Promise<void>;
}

export interface TokenManager {
  accessTokenSource(mailbox: MailboxRow): AccessTokenSource;
  /** The stored password of an Exchange Server (EWS) connection; never refreshed, never cached. */
  passwordFor(mailboxId: string): Promise<string>;
  /** Drops the cached access token (disconnect, reconnect, disable). */
  forget(mailboxId: string): void;
}

/** Refresh this long before expiry, so a token handed out still works for a whole send or scan. */
export const REFRESH_MARGIN_MS = 5 * 60_000;

interface Cached {
  token: string;
  expiresAt: Date;
}

/** What one refresh attempt ended with; the grant's loss is handled after the lock is released. */
type Outcome =
  | { kind: 'token'; token: Cached; refreshed: boolean }
  | { kind: 'lost'; problem: ConnectionProblem; providerError: string; generation: number };

const noCredential = (mailboxId: string) =>
  new MailboxAuthError(
    'grant-revoked',
    `mailbox ${mailboxId} has no stored credential: it needs connecting again`,
  );

export function createTokenManager(deps: TokenManagerDeps): TokenManager {
  const cache = new Map<string, Cached>();
  const inFlight = new Map<string, Promise<string>>();
  const fresh = (t: SharedAccessToken | Cached | null | undefined): t is Cached =>
    !!t && t.expiresAt.getTime() - deps.clock.now().getTime() > REFRESH_MARGIN_MS;

  /**
   * Single flight per mailbox in this process: callers share the refresh under way (and its error).
   * A forced caller does not accept the token the provider just rejected: it starts the next one.
   */
  async function tokenFor(mailbox: MailboxRow, forceRefresh: boolean): Promise<string> {
    const cached = cache.get(mailbox.id);
    if (!forceRefresh && fresh(cached)) return cached.token;
    const rejected = forceRefresh ? (cached?.token ?? null) : null;
    for (;;) {
      const running = inFlight.get(mailbox.id);
      if (!running) return fly(mailbox, rejected);
      const token = await running;
      if (token !== rejected) return token;
    }
  }

  function fly(mailbox: MailboxRow, rejected: string | null): Promise<string> {
    const settle = () => {
      if (inFlight.get(mailbox.id) === running) inFlight.delete(mailbox.id);
    };
    const running: Promise<string> = obtain(mailbox, rejected).then(
      (token) => {
        cache.set(mailbox.id, token);
        settle();
        return token.token;
      },
      (error: unknown) => {
        settle();
        throw error;
      },
    );
    inFlight.set(mailbox.id, running);
    return running;
  }

  /** The shared token if another instance (or an earlier run) left a fresh one, else a refresh. */
  async function obtain(mailbox: MailboxRow, rejected: string | null): Promise<Cached> {
    const client = oauthClientOf(mailbox);
    const seen = await readCredentialWithAccess(deps.db, deps.vault, mailbox.id);
    if (!seen) throw noCredential(mailbox.id);
    if (usable(seen, rejected)) return seen.accessToken;
    const work = (tx: Db) => refreshLocked(tx, mailbox, client, rejected);
    // PGlite has a single owner process, so the single flight above already serialises refreshes;
    // a transaction there would hold the whole database for the provider's round trip.
    const outcome = await (deps.db.engine === 'postgres' ? deps.db.transaction(work) : work(deps.db));
    if (outcome.kind === 'lost') return lose(mailbox, outcome);
    if (outcome.refreshed) deps.logger.info('access token refreshed', { mailboxId: mailbox.id });
    return outcome.token;
  }

  const usable = (
    c: CredentialWithAccess,
    rejected: string | null,
  ): c is CredentialWithAccess & { accessToken: Cached } =>
    fresh(c.accessToken) && c.accessToken.token !== rejected;

  /**
   * Holds the credential row's lock across the provider call: another instance refreshing the same
   * mailbox waits here, then finds this one's token (fresh, not the rejected one) and uses it.
   */
  async function refreshLocked(
    tx: Db,
    mailbox: MailboxRow,
    client: OAuthClient,
    rejected: string | null,
  ): Promise<Outcome> {
    const locked = await lockCredential(tx, deps.vault, mailbox.id);
    if (!locked) throw noCredential(mailbox.id);
    if (locked.kind !== 'oauth')
      throw new Error(`mailbox ${mailbox.id} has a password credential, not a token`);
    if (usable(locked, rejected)) return { kind: 'token', token: locked.accessToken, refreshed: false };
    try {
      const tokens = await client.refresh(locked.secret, await tenantOf(tx, mailbox));
      await saveRefreshedTokens(tx, deps.vault, {
        mailboxId: mailbox.id,
        refreshToken: tokens.refreshToken,
        accessToken: tokens.accessToken,
        expiresAt: tokens.expiresAt,
        scopes: tokens.scopes,
      });
      return {
        kind: 'token',
        token: { token: tokens.accessToken, expiresAt: tokens.expiresAt },
        refreshed: true,
      };
    } catch (error) {
      if (error instanceof GrantError && error.problem)
        return {
          kind: 'lost',
          problem: error.problem,
          providerError: error.providerError,
          generation: locked.generation,
        };
      throw refreshFailed(mailbox, error);
    }
  }

  function refreshFailed(mailbox: MailboxRow, error: unknown): Error {
    const detail =
      error instanceof GrantError ? error.providerError : error instanceof Error ? error.message : 'unknown';
    // Not the rep's to fix (provider down, network, a server_error): the sender tries again later.
    deps.logger.warn('access token refresh failed', { mailboxId: mailbox.id, detail });
    return new Error(`refreshing the access token of mailbox ${mailbox.id} failed: ${detail}`, {
      cause: error,
    });
  }

  async function lose(
    mailbox: MailboxRow,
    { problem, providerError, generation }: Extract<Outcome, { kind: 'lost' }>,
  ): Promise<never> {
    cache.delete(mailbox.id);
    // A reconnect stored a new grant while the old one was being refused: the new one is not lost.
    const now = await readCredentialWithAccess(deps.db, deps.vault, mailbox.id);
    if (now && now.generation !== generation)
      throw new Error(`mailbox ${mailbox.id} was reconnected while its old grant was refused: try again`);
    deps.logger.warn('mailbox grant lost', { mailboxId: mailbox.id, problem, providerError });
    await deps.onLost(mailbox.id, problem);
    throw new MailboxAuthError(
      problem,
      `the provider no longer honours mailbox ${mailbox.id}'s grant (${providerError})`,
    );
  }

  function oauthClientOf(mailbox: MailboxRow): OAuthClient {
    if (mailbox.provider === 'exchange-server' || mailbox.provider === 'smtp')
      throw new Error(
        `mailbox ${mailbox.id} is an Exchange Server or SMTP connection: it uses a password, not tokens`,
      );
    const client = deps.clientFor(mailbox.provider);
    if (!client)
      throw new Error(`no OAuth client is configured for ${mailbox.provider} (mailbox ${mailbox.id})`);
    return client;
  }

  return {
    accessTokenSource: (mailbox) => (options) => tokenFor(mailbox, options?.forceRefresh ?? false),
    async passwordFor(mailboxId) {
      const credential = await loadCredential(deps.db, deps.vault, mailboxId);
      if (!credential) throw noCredential(mailboxId);
      if (credential.kind !== 'password')
        throw new Error(`mailbox ${mailboxId} has an OAuth grant, not a password`);
      return credential.secret;
    },
    forget: (mailboxId) => void cache.delete(mailboxId),
  };
}

/** Entra refresh tokens are redeemed at the rep's own tenant; Google has no tenant. */
async function tenantOf(tx: Db, mailbox: MailboxRow): Promise<string | undefined> {
  if (mailbox.provider !== 'exchange') return undefined;
  return (await identitiesOf(tx, mailbox.userId)).find((i) => i.provider === 'microsoft')?.tenantId;
}
