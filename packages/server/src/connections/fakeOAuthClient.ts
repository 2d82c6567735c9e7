import { createHash } from 'node:crypto';
import type { OAuthProvider } from '@sendwell/core';
import { GrantError, type OAuthClient, type ProviderIdentity, type TokenSet } from './types';

type AuthorizationRequest = Parameters<OAuthClient['authorizationUrl']>[0];

/**
 * An in-memory identity provider for the connection service's tests: it hands out codes for a
 * consent, redeems each once against its PKCE challenge (S256, as a real token endpoint checks),
 * and remembers what it was asked and which grants were revoked.
 */
export class FakeOAuthClient implements OAuthClient {
  readonly scopes = ['offline_access', 'mail.send', 'mail.read'];
  readonly requests: AuthorizationRequest[] = [];
  readonly revoked: string[] = [];
  /** Set to make the next code redemption fail as the token endpoint would. */
  failNextRedeem: Error | null = null;
  #codes = new Map<string, { identity: ProviderIdentity; challenge: string }>();
  #issued = 0;

  constructor(
    readonly provider: OAuthProvider,
    readonly clock: { now(): Date },
  ) {}

  /** Forgets every request, code and revocation (between tests). */
  reset(): void {
    this.requests.length = 0;
    this.revoked.length = 0;
    this.failNextRedeem = null;
    this.#codes.clear();
  }

  async authorizationUrl(input: AuthorizationRequest): Promise<string> {
    this.requests.push(input);
    const url = new URL(`https://idp.example/${input.tenantId ?? 'common'}/authorize`);
    url.searchParams.set('state', input.state);
    url.searchParams.set('code_challenge', input.codeChallenge);
    url.searchParams.set('code_challenge_method', 'S256');
    if (input.loginHint) url.searchParams.set('login_hint', input.loginHint);
    return url.toString();
  }

  /** The person `identity` accepts the consent page of the request with `state`: the redirect's code. */
  consent(state: string, identity: ProviderIdentity): string {
    const request = this.requests.find((r) => r.state === state);
    if (!request) throw new Error(`no authorization request with state ${state}`);
    const code = `code-${++this.#issued}`;
    this.#codes.set(code, { identity, challenge: request.codeChallenge });
    return code;
  }

  async exchangeCode(input: { code: string; codeVerifier: string }) {
    const failure = this.failNextRedeem;
    this.failNextRedeem = null;
    if (failure) throw failure;
    const entry = this.#codes.get(input.code);
    this.#codes.delete(input.code);
    if (!entry)
      throw new GrantError(null, 'invalid_grant', 'The authorization code is unknown or was already used.');
    const challenge = createHash('sha256').update(input.codeVerifier).digest('base64url');
    if (challenge !== entry.challenge)
      throw new GrantError(null, 'invalid_grant', 'The code verifier does not match the challenge.');
    return { tokens: this.#tokens(), identity: entry.identity };
  }

  async refresh(_refreshToken: string): Promise<TokenSet> {
    return this.#tokens();
  }

  async revoke(refreshToken: string): Promise<void> {
    this.revoked.push(refreshToken);
  }

  #tokens(): TokenSet {
    const n = ++this.#issued;
    return {
      accessToken: `access-${n}`,
      expiresAt: new Date(this.clock.now().getTime() + 3_599_000),
      refreshToken: `refresh-${n}`,
      scopes: [...this.scopes],
    };
  }
}
