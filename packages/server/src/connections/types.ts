import type { ConnectionProblem, OAuthProvider } from '@sendwell/core';

/** What a token endpoint gave us. Secrets: never logged, never returned by the API. */
export interface TokenSet {
  accessToken: string;
  expiresAt: Date;
  /** Rotated by Entra on every refresh; Google keeps the first one (null = keep the stored one). */
  refreshToken: string | null;
  scopes: string[];
}

/**
 * The provider's immutable ids for the person who consented: Entra `tid` + `oid`, Google `sub`
 * (`tenantId` = 'google' for Google; `hostedDomain` is the Workspace `hd`, null for consumer Gmail).
 */
export interface ProviderIdentity {
  provider: OAuthProvider;
  tenantId: string;
  subject: string;
  email: string;
  name: string;
  hostedDomain: string | null;
}

/** A token endpoint refused the grant (RFC 6749 §5.2); `problem` is null when it is not the rep's to fix. */
export class GrantError extends Error {
  constructor(
    readonly problem: ConnectionProblem | null,
    readonly providerError: string,
    message: string,
  ) {
    super(message);
    this.name = 'GrantError';
  }
}

/**
 * One provider's OAuth 2.0 authorization-code flow with PKCE (S256) and an offline grant, as a
 * confidential client. Implemented for Entra ID v2 and Google; pointed at the real endpoints or the
 * sandbox's purely by configuration.
 */
export interface OAuthClient {
  readonly provider: OAuthProvider;
  /** Least-privilege scopes the mailbox needs (sender + scanner), plus offline access. */
  readonly scopes: readonly string[];
  authorizationUrl(input: {
    state: string;
    codeChallenge: string;
    loginHint?: string;
    /** Entra tenant to send the rep to (their own; `organizations` when unknown). */
    tenantId?: string;
  }): Promise<string>;
  /** Redeems the code; verifies the ID token (signature, issuer, audience, nonce-free per PKCE). */
  exchangeCode(input: {
    code: string;
    codeVerifier: string;
    tenantId?: string;
  }): Promise<{ tokens: TokenSet; identity: ProviderIdentity }>;
  /** Throws GrantError when the refresh token is no longer honoured. */
  refresh(refreshToken: string, tenantId?: string): Promise<TokenSet>;
  /** Best effort (Google's revoke endpoint); Entra has no per-grant revocation for a client. */
  revoke(refreshToken: string): Promise<void>;
}

/** OAuth endpoints and credentials for one provider (real or sandbox: configuration only). */
export interface MicrosoftOAuthConfig {
  clientId: string;
  clientSecret: string;
  /** e.g. `https://login.microsoftonline.com` (the tenant and `/oauth2/v2.0/...` are appended). */
  authorityHost: string;
  redirectUri: string;
  /** Graph's base URL, e.g. `https://graph.microsoft.com/v1.0`. */
  graphBaseUrl: string;
}

export interface GoogleOAuthConfig {
  clientId: string;
  clientSecret: string;
  authUrl: string;
  tokenUrl: string;
  revokeUrl: string;
  /** The issuer of Google ID tokens (`https://accounts.google.com`). */
  issuer: string;
  jwksUrl: string;
  redirectUri: string;
  /** Gmail API root, e.g. `https://gmail.googleapis.com/`. */
  gmailRootUrl: string;
}
