import { createHash, timingSafeEqual } from 'node:crypto';
import type { Clock } from '@sendwell/core';
import { randomToken } from '../../mail/ids';
import type { OAuthProviderName } from './clients';

/** A user's consent to one client at one provider, and everything issued under it. */
export interface Grant {
  id: string;
  userId: string;
  provider: OAuthProviderName;
  clientId: string;
  /** Everything consented so far (consent accumulates, as at both providers). */
  scopes: string[];
  /** Google: a refresh token was already handed out (the next one needs prompt=consent). */
  offlineIssued: boolean;
}

export interface AuthorizationCode {
  grantId: string;
  userId: string;
  clientId: string;
  redirectUri: string;
  codeChallenge: string | null;
  /** The scopes this code's tokens carry. */
  scopes: string[];
  /** Whether redeeming it answers a refresh token. */
  offline: boolean;
  nonce: string | null;
  expiresAt: number;
  used: boolean;
}

interface Issued {
  grantId: string;
  /** Issue order: a password change kills what was issued before it, whatever the clock says. */
  serial: number;
}

/** Why a token no longer works: the user removed the app, or changed their password. */
type TokenDeath = 'revoked' | 'password';

export type RefreshCheck =
  | { ok: true; grant: Grant }
  | {
      ok: false;
      reason: 'unknown' | 'inactive' | TokenDeath;
      grant?: Grant;
      issuedAt?: Date;
      validFrom?: Date;
      /** For `inactive`: how long the token went unused. */
      inactiveMs?: number;
    };

/** Whether an access token still works: unbound ones (minted by the dev routes) always do. */
export type AccessStatus = 'unbound' | 'live' | TokenDeath;

const CODE_LIFETIME_MS = 10 * 60_000;
const ACCESS_LIFETIME_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Unused this long, a refresh token dies: Entra's 90-day inactivity window, Google's six months. */
const REFRESH_INACTIVITY_MS: Record<OAuthProviderName, number> = {
  microsoft: 90 * DAY_MS,
  google: 183 * DAY_MS,
};

/** RFC 7636 S256: BASE64URL(SHA256(verifier)) compared with the stored challenge. */
export function pkceMatches(challenge: string, verifier: string): boolean {
  const computed = Buffer.from(createHash('sha256').update(verifier).digest('base64url'));
  const expected = Buffer.from(challenge);
  return computed.length === expected.length && timingSafeEqual(computed, expected);
}

const isGmailScope = (s: string) =>
  s.startsWith('https://www.googleapis.com/auth/gmail.') || s === 'https://mail.google.com/';

/**
 * One store of grants for both providers: codes, refresh tokens and the access tokens issued
 * under each grant, so a revocation or a password change reaches all of them.
 */
export class GrantStore {
  #serial = 0;
  readonly #grants = new Map<string, Grant>();
  /** Revoked grants stay known so their tokens answer "revoked", not "unknown". */
  readonly #revokedGrants = new Map<string, Grant>();
  readonly #codes = new Map<string, AuthorizationCode>();
  readonly #refresh = new Map<string, Issued & { issuedAt: Date; lastUsedAt: Date }>();
  readonly #access = new Map<string, Issued & { issuedAt: number }>();
  /** userId → the serial and time of the last password change. */
  readonly #passwordChanges = new Map<string, { serial: number; at: Date }>();

  constructor(private readonly clock: Clock) {}

  /** The live grant of (user, provider, client), widened by `scopes`, or a new one. */
  consent(userId: string, provider: OAuthProviderName, clientId: string, scopes: string[]): Grant {
    let grant = this.liveGrant(userId, provider, clientId);
    if (!grant) {
      grant = { id: randomToken(12), userId, provider, clientId, scopes: [], offlineIssued: false };
      this.#grants.set(grant.id, grant);
    }
    grant.scopes = [...new Set([...grant.scopes, ...scopes])];
    return grant;
  }

  liveGrant(userId: string, provider: OAuthProviderName, clientId: string): Grant | undefined {
    for (const grant of this.#grants.values())
      if (grant.userId === userId && grant.provider === provider && grant.clientId === clientId) return grant;
    return undefined;
  }

  grant(grantId: string): Grant | undefined {
    return this.#grants.get(grantId);
  }

  issueCode(input: Omit<AuthorizationCode, 'expiresAt' | 'used'>, prefix: string): string {
    const code = `${prefix}${randomToken(48)}`;
    const now = this.clock.now().getTime();
    // Expired codes are never redeemable; an expired one answers "unknown" instead of "expired" after an hour.
    for (const [old, entry] of this.#codes) if (entry.expiresAt + 3_600_000 <= now) this.#codes.delete(old);
    this.#codes.set(code, {
      ...input,
      expiresAt: this.clock.now().getTime() + CODE_LIFETIME_MS,
      used: false,
    });
    return code;
  }

  /** Marks the code used; answers why it cannot be redeemed otherwise. */
  redeemCode(
    code: string,
  ): { ok: true; code: AuthorizationCode } | { ok: false; reason: 'unknown' | 'used' | 'expired' } {
    const found = this.#codes.get(code);
    if (!found || !this.#grants.has(found.grantId)) return { ok: false, reason: 'unknown' };
    if (found.used) return { ok: false, reason: 'used' };
    if (found.expiresAt <= this.clock.now().getTime()) return { ok: false, reason: 'expired' };
    found.used = true;
    return { ok: true, code: found };
  }

  issueRefreshToken(grantId: string, prefix: string): string {
    const token = `${prefix}${randomToken(64)}`;
    const now = this.clock.now();
    this.#refresh.set(token, { grantId, serial: ++this.#serial, issuedAt: now, lastUsedAt: now });
    return token;
  }

  checkRefreshToken(token: string, clientId: string): RefreshCheck {
    const issued = this.#refresh.get(token);
    const grant = issued && (this.#grants.get(issued.grantId) ?? this.#revokedGrant(issued.grantId));
    if (!issued || !grant || grant.clientId !== clientId) return { ok: false, reason: 'unknown' };
    if (this.#revokedGrants.has(grant.id)) return { ok: false, reason: 'revoked', grant };
    const change = this.#passwordChanges.get(grant.userId);
    // Entra revokes every refresh token on a password change; Google only those with Gmail scopes.
    const diesWithPassword = grant.provider === 'microsoft' || grant.scopes.some(isGmailScope);
    if (change && issued.serial <= change.serial && diesWithPassword)
      return { ok: false, reason: 'password', grant, issuedAt: issued.issuedAt, validFrom: change.at };
    const now = this.clock.now();
    const inactiveMs = now.getTime() - issued.lastUsedAt.getTime();
    if (inactiveMs > REFRESH_INACTIVITY_MS[grant.provider])
      return { ok: false, reason: 'inactive', grant, issuedAt: issued.issuedAt, inactiveMs };
    issued.lastUsedAt = now;
    return { ok: true, grant };
  }

  /** Binds an access token (Graph `uti` or the Google opaque token) to its grant. */
  recordAccessToken(key: string, grantId: string): void {
    const now = this.clock.now().getTime();
    // Forget tokens past their one-hour lifetime: the JWT or token check refuses them first anyway.
    for (const [old, entry] of this.#access)
      if (entry.issuedAt + ACCESS_LIFETIME_MS <= now) this.#access.delete(old);
    this.#access.set(key, { grantId, serial: ++this.#serial, issuedAt: now });
  }

  accessStatus(key: string): AccessStatus {
    const issued = this.#access.get(key);
    if (!issued) return 'unbound';
    if (this.#revokedGrants.has(issued.grantId)) return 'revoked';
    const grant = this.#grants.get(issued.grantId);
    const change = grant && this.#passwordChanges.get(grant.userId);
    // Microsoft only: Graph rejects older tokens at once, as under Continuous Access Evaluation.
    if (grant?.provider === 'microsoft' && change && issued.serial <= change.serial) return 'password';
    return 'live';
  }

  /** The user removes the app(s): every grant of theirs ends, with all its tokens. */
  revokeUser(userId: string): number {
    let count = 0;
    for (const grant of [...this.#grants.values()])
      if (grant.userId === userId) {
        this.#revokeGrant(grant);
        count++;
      }
    return count;
  }

  /** Google's revoke endpoint: a refresh or access token ends its whole grant. */
  revokeByToken(token: string): boolean {
    const issued = this.#refresh.get(token) ?? this.#access.get(token);
    const grant = issued && this.#grants.get(issued.grantId);
    if (!grant) return false;
    this.#revokeGrant(grant);
    return true;
  }

  changePassword(userId: string): Date {
    const at = this.clock.now();
    this.#passwordChanges.set(userId, { serial: this.#serial, at });
    return at;
  }

  grantsOf(userId: string): Grant[] {
    return [...this.#grants.values()].filter((g) => g.userId === userId);
  }

  #revokeGrant(grant: Grant): void {
    this.#grants.delete(grant.id);
    this.#revokedGrants.set(grant.id, grant);
  }

  #revokedGrant(grantId: string): Grant | undefined {
    return this.#revokedGrants.get(grantId);
  }
}
