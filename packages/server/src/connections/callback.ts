import type { OAuthProvider } from '@sendwell/core';
import { type OAuthStateRow, takeOAuthState } from '../store/connections';
import { findUserByIdentity } from '../store/identities';
import type { UserRow } from '../store/rows';
import { findUser } from '../store/users';
import { vaultContext } from '../vault/contexts';
import { VaultError } from '../vault/vault';
import { type Grant, MAILBOX_KIND, storeGrant } from './grant';
import type { ConnectionServiceDeps } from './service';
import { GrantError, type ProviderIdentity, type TokenSet } from './types';

/** What the callback page shows; never a token. `retryUrl` starts a fresh request for the same rep. */
export type ConnectOutcome =
  | { outcome: 'connected' | 'reconnected'; mailboxId: string; address: string; released: number }
  | {
      outcome: 'refused';
      code: string;
      /** English, for logs and API clients; the page words `code` with `params` in the rep's language. */
      message: string;
      params?: Record<string, string>;
      retryUrl?: string;
    };

/** The provider's name as the rep knows it from the consent page. */
export const PROVIDER_LABEL: Record<OAuthProvider, string> = { microsoft: 'Microsoft', google: 'Google' };

const START_AGAIN = 'Start again from Sendwell (Connect in the add-in).';

type Refusal = Extract<ConnectOutcome, { outcome: 'refused' }>;
type Redeemed = { tokens: TokenSet; identity: ProviderIdentity };

/**
 * The provider's redirect (`/connect/callback/:provider?code&state`, or `?error=…`). Checks the
 * request is one we started for this provider, unused and unexpired (and uses it up), redeems the
 * code with its PKCE verifier, refuses any identity but the rep's own bound one, then stores the
 * grant. Never throws for the rep's mistakes: it answers what the page says.
 */
export async function completeConnect(
  deps: ConnectionServiceDeps,
  retry: (user: UserRow) => Promise<string | undefined>,
  provider: OAuthProvider,
  query: Record<string, string | undefined>,
): Promise<ConnectOutcome> {
  const checked = await takeRequest(deps, provider, query.state);
  if ('outcome' in checked) return checked;
  const { request, user } = checked;
  const again = async (r: Refusal): Promise<Refusal> => ({ ...r, retryUrl: await retry(user) });
  const unusable = requestProblem(request, deps.clock.now()) ?? answerProblem(provider, query);
  if (unusable) return again(unusable);
  const codeVerifier = openVerifier(deps, request.verifier, request.state);
  if (!codeVerifier)
    return again(refused('state-unreadable', 'This connection request can no longer be read.'));
  const redeemed = await redeem(deps, provider, {
    code: query.code!,
    codeVerifier,
    tenantId: request.tenantId ?? undefined,
  });
  if ('outcome' in redeemed) return again(redeemed);
  const mismatch = await identityMismatch(deps, user, redeemed.identity);
  if (mismatch) return again(mismatch);
  if (!redeemed.tokens.refreshToken) {
    const label = PROVIDER_LABEL[provider];
    const message = `${label} did not grant offline access, so Sendwell could not keep sending.`;
    return again(refused('no-offline-grant', message, { provider: label }));
  }
  return connect(deps, user, redeemed, redeemed.tokens.refreshToken);
}

/** The request this redirect answers, used up now; refused when Sendwell never started it. */
async function takeRequest(
  deps: ConnectionServiceDeps,
  provider: OAuthProvider,
  state: string | undefined,
): Promise<{ request: OAuthStateRow; user: UserRow } | Refusal> {
  const unknown = refused('unknown-state', `Sendwell did not start this connection request. ${START_AGAIN}`);
  if (!state)
    return refused(
      'invalid-request',
      `This page did not get an answer from ${PROVIDER_LABEL[provider]}. ${START_AGAIN}`,
      { provider: PROVIDER_LABEL[provider] },
    );
  const request = await takeOAuthState(deps.db, state, deps.clock.now());
  if (!request || request.provider !== provider) return unknown;
  const user = await findUser(deps.db, request.userId);
  return user ? { request, user } : unknown;
}

function requestProblem(request: OAuthStateRow, now: Date): Refusal | null {
  if (request.usedAt) return refused('state-used', 'This connection request was already used.');
  if (request.expiresAt <= now)
    return refused('state-expired', 'This connection request expired: they last 10 minutes.');
  return null;
}

/** The provider's own answer: the rep cancelled, or it could not give a code. */
function answerProblem(provider: OAuthProvider, query: Record<string, string | undefined>): Refusal | null {
  const label = PROVIDER_LABEL[provider];
  if (query.error === 'access_denied')
    return refused('access-denied', `You cancelled at ${label}'s consent page; nothing was connected.`, {
      provider: label,
    });
  if (query.error || !query.code) {
    const why = query.error_description ?? query.error ?? 'no authorization code';
    return refused('provider-error', `${label} did not connect the mailbox: ${why}`, {
      provider: label,
      detail: why,
    });
  }
  return null;
}

const refused = (code: string, message: string, params?: Record<string, string>): Refusal => ({
  outcome: 'refused',
  code,
  message,
  ...(params ? { params } : {}),
});

/** The PKCE verifier, or null when its key is gone (a secret dropped from SENDWELL_SECRET_PREVIOUS). */
function openVerifier(deps: ConnectionServiceDeps, envelope: string, state: string): string | null {
  try {
    return deps.vault.open(envelope, vaultContext.oauthStateVerifier(state));
  } catch (error) {
    if (error instanceof VaultError) return null;
    throw error;
  }
}

async function redeem(
  deps: ConnectionServiceDeps,
  provider: OAuthProvider,
  input: { code: string; codeVerifier: string; tenantId?: string },
): Promise<Redeemed | Refusal> {
  const client = deps.clients[provider];
  const label = PROVIDER_LABEL[provider];
  if (!client)
    return refused('provider-not-configured', `This Sendwell is not set up to connect ${label} mailboxes.`, {
      provider: label,
    });
  try {
    return await client.exchangeCode(input);
  } catch (error) {
    if (error instanceof GrantError)
      return refused('grant-refused', `${label} refused the sign-in: ${error.message}`, {
        provider: label,
        detail: error.message,
      });
    // The message may quote the provider's answer but never a token (the clients never put one there).
    deps.logger.warn('authorization code redemption failed', {
      provider,
      detail: error instanceof Error ? error.message : String(error),
    });
    return refused('provider-unavailable', `Sendwell could not reach ${label} to finish connecting.`, {
      provider: label,
    });
  }
}

/** The consenting person must be the rep: their own identity row, never an email match. */
async function identityMismatch(
  deps: ConnectionServiceDeps,
  user: UserRow,
  identity: ProviderIdentity,
): Promise<Refusal | null> {
  const bound = await findUserByIdentity(deps.db, identity);
  if (bound?.id === user.id) return null;
  return refused(
    'wrong-identity',
    `You are signed in to Sendwell as ${user.email} but connected ${identity.email}. Connect the mailbox of ${user.email}, or sign in to Sendwell as ${identity.email}.`,
    { signedIn: user.email, connected: identity.email },
  );
}

async function connect(
  deps: ConnectionServiceDeps,
  user: UserRow,
  { tokens, identity }: Redeemed,
  refreshToken: string,
): Promise<ConnectOutcome> {
  const grant: Grant = {
    userId: user.id,
    kind: MAILBOX_KIND[identity.provider],
    address: identity.email,
    profileId:
      identity.provider === 'microsoft'
        ? 'exchange-online'
        : identity.hostedDomain
          ? 'gmail-workspace'
          : 'gmail-consumer',
    settings: null,
    credential: { kind: 'oauth', secret: refreshToken, scopes: tokens.scopes },
  };
  const stored = await deps.db.transaction((tx) => storeGrant(deps, tx, grant));
  if (stored.outcome === 'refused') return stored;
  for (const event of stored.events) deps.hub.publish(event);
  deps.tokens.forget(stored.row.mailbox.id);
  deps.wakeSender();
  return {
    outcome: stored.outcome,
    mailboxId: stored.row.mailbox.id,
    address: stored.row.mailbox.address,
    released: stored.released,
  };
}
