import { createHash, randomBytes } from 'node:crypto';
import type { Clock, OAuthProvider } from '@sendwell/core';
import { decodeJwt, type JWTPayload } from 'jose';
import { z } from 'zod';
import { googleOAuthEndpoints } from '../config/config';
import { insecureLoopbackAllowed, trimSlash } from '../connections/providers/endpoints';
import { googleIssuers } from '../connections/providers/google';
import { IdTokenRejected, keySets, stringClaim, verifyIdToken } from '../connections/providers/idToken';
import type { ProviderSettings } from '../providerSettings';
import { GOOGLE_IDENTITY_TENANT } from '../store/identities';
import type { VerifiedPerson } from './signIn';

/**
 * Signing in to the team web app: OpenID Connect authorization code + PKCE with the same Microsoft
 * and Google app registrations the add-ins use, asking only for who the person is (`openid profile
 * email`): no mailbox scope, no refresh token. Connecting a mailbox stays the connection flow's job.
 */
const WEB_SIGNIN_SCOPES = 'openid profile email';

/** What the browser carries between start and callback (in a signed, short-lived cookie). */
export interface PendingSignIn {
  state: string;
  verifier: string;
  nonce: string;
}

/** The sign-in could not prove who the person is; `code` is what the sign-in page words. */
export class WebSignInFailed extends Error {
  constructor(
    readonly code: 'signin-refused' | 'signin-invalid',
    message: string,
  ) {
    super(message);
    this.name = 'WebSignInFailed';
  }
}

const random = () => randomBytes(32).toString('base64url');

export function newPendingSignIn(): PendingSignIn {
  return { state: random(), verifier: random(), nonce: random() };
}

/** The app's own callback, which must be registered with each provider beside the connect one. */
const webRedirectUri = (baseUrl: string, provider: OAuthProvider) =>
  `${trimSlash(baseUrl)}/app/auth/callback/${provider}`;

interface Endpoints {
  authorize: string;
  token: string;
  clientId: string;
  clientSecret: string;
}

function endpointsOf(providers: ProviderSettings, provider: OAuthProvider): Endpoints | null {
  if (provider === 'microsoft') {
    const ms = providers.microsoft;
    if (!ms) return null;
    // `organizations`: any work or school account; the ID token's tid is then checked by policy.
    const host = trimSlash(ms.authorityHost);
    return {
      authorize: `${host}/organizations/oauth2/v2.0/authorize`,
      token: `${host}/organizations/oauth2/v2.0/token`,
      clientId: ms.clientId,
      clientSecret: ms.clientSecret,
    };
  }
  const g = providers.google;
  if (!g) return null;
  const { authUrl, tokenUrl } = googleOAuthEndpoints(g);
  return { authorize: authUrl, token: tokenUrl, clientId: g.clientId, clientSecret: g.clientSecret };
}

/** The providers this server can sign people in with (a configured registration each). */
export function signInProviders(providers: ProviderSettings): OAuthProvider[] {
  return (['microsoft', 'google'] as const).filter((p) => endpointsOf(providers, p) !== null);
}

/** The provider's authorization URL for this pending sign-in; null when the provider is not configured. */
export function authorizationUrl(
  providers: ProviderSettings,
  provider: OAuthProvider,
  baseUrl: string,
  pending: PendingSignIn,
): string | null {
  const endpoints = endpointsOf(providers, provider);
  if (!endpoints) return null;
  const url = new URL(endpoints.authorize);
  const params = {
    client_id: endpoints.clientId,
    response_type: 'code',
    redirect_uri: webRedirectUri(baseUrl, provider),
    scope: WEB_SIGNIN_SCOPES,
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: createHash('sha256').update(pending.verifier).digest('base64url'),
    code_challenge_method: 'S256',
    // Several people may share a machine: always let them pick the account.
    prompt: 'select_account',
    ...(provider === 'microsoft' ? { response_mode: 'query' } : {}),
  };
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}

const tokenAnswerSchema = z.object({ id_token: z.string().min(1) });

export interface ExchangeInput {
  providers: ProviderSettings;
  provider: OAuthProvider;
  baseUrl: string;
  code: string;
  pending: PendingSignIn;
  clock: Clock;
  fetch?: typeof fetch;
}

/**
 * Redeems the code at the provider's token endpoint and proves who signed in from the ID token:
 * signature by the provider's JWKS, issuer, audience = our client id, expiry, and our nonce.
 */
export function createWebSignIn() {
  const keys = keySets();
  return async function exchange(input: ExchangeInput): Promise<VerifiedPerson> {
    const endpoints = endpointsOf(input.providers, input.provider);
    if (!endpoints) throw new WebSignInFailed('signin-invalid', `${input.provider} is not configured.`);
    insecureLoopbackAllowed(`The ${input.provider} token endpoint`, endpoints.token);
    const response = await (input.fetch ?? fetch)(endpoints.token, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: input.code,
        redirect_uri: webRedirectUri(input.baseUrl, input.provider),
        client_id: endpoints.clientId,
        client_secret: endpoints.clientSecret,
        code_verifier: input.pending.verifier,
        ...(input.provider === 'microsoft' ? { scope: WEB_SIGNIN_SCOPES } : {}),
      }),
    });
    const body: unknown = await response.json().catch(() => null);
    const answer = tokenAnswerSchema.safeParse(body);
    if (!response.ok || !answer.success)
      throw new WebSignInFailed(
        'signin-refused',
        `The ${input.provider} token endpoint answered ${response.status}.`,
      );
    const claims =
      input.provider === 'microsoft'
        ? await microsoftClaims(input, keys, answer.data.id_token, endpoints.clientId)
        : await googleClaims(input, keys, answer.data.id_token, endpoints.clientId);
    if (claims.nonce !== input.pending.nonce)
      throw new WebSignInFailed('signin-invalid', 'The ID token does not carry this sign-in’s nonce.');
    return input.provider === 'microsoft' ? microsoftPerson(claims) : googlePerson(claims);
  };
}

type Keys = ReturnType<typeof keySets>;

async function verified(run: () => Promise<JWTPayload>): Promise<JWTPayload> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof IdTokenRejected) throw new WebSignInFailed('signin-invalid', error.message);
    throw error;
  }
}

function microsoftClaims(input: ExchangeInput, keys: Keys, idToken: string, clientId: string) {
  const host = trimSlash(input.providers.microsoft!.authorityHost);
  // The issuer holds the token's own tenant: a token signed for tenant A cannot claim tenant B.
  const tid = unverifiedClaim(idToken, 'tid');
  if (!tid || !/^[0-9a-f-]{36}$/i.test(tid))
    throw new WebSignInFailed('signin-invalid', 'The ID token names no tenant.');
  return verified(() =>
    verifyIdToken(idToken, {
      keys: keys(`${host}/${tid}/discovery/v2.0/keys`),
      issuer: `${host}/${tid}/v2.0`,
      audience: clientId,
      clock: input.clock,
    }),
  );
}

function googleClaims(input: ExchangeInput, keys: Keys, idToken: string, clientId: string) {
  const g = input.providers.google!;
  return verified(() =>
    verifyIdToken(idToken, {
      keys: keys(g.certsUrl),
      issuer: googleIssuers(g.issuer),
      audience: clientId,
      clock: input.clock,
    }),
  );
}

function microsoftPerson(claims: JWTPayload): VerifiedPerson {
  const tid = stringClaim(claims, 'tid');
  const oid = stringClaim(claims, 'oid');
  const email = stringClaim(claims, 'preferred_username');
  if (!tid || !oid || !email)
    throw new WebSignInFailed('signin-invalid', 'The ID token has no tid, oid or preferred_username.');
  return {
    key: { provider: 'microsoft', tenantId: tid, subject: oid },
    email,
    name: stringClaim(claims, 'name') ?? email,
  };
}

function googlePerson(claims: JWTPayload): VerifiedPerson {
  const email = stringClaim(claims, 'email');
  if (!claims.sub || !email || claims.email_verified !== true)
    throw new WebSignInFailed('signin-invalid', 'The ID token has no subject or no verified email.');
  return {
    key: { provider: 'google', tenantId: GOOGLE_IDENTITY_TENANT, subject: claims.sub },
    email,
    name: stringClaim(claims, 'name') ?? email,
    hostedDomain: stringClaim(claims, 'hd'),
  };
}

function unverifiedClaim(idToken: string, name: string): string | null {
  try {
    return stringClaim(decodeJwt(idToken), name);
  } catch {
    return null; // not a JWT: verification refuses it next
  }
}
