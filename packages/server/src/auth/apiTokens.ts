import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { API_TOKEN_MAX_DAYS } from '@sendwell/core';

/**
 * Sendwell API tokens (issue 11): `sw_2.<id>.<user id, base64url>.<issued ms>.<expires ms>.<mac>`, the
 * MAC an HMAC-SHA256 under the server secret. The token is never stored: a token made through the API
 * has a row (`store/apiTokens.ts`) for its name and revocation; the sandbox CLI derives tokens from the
 * secret alone (it cannot open a running server's PGlite), which the per-user cutoff still revokes.
 * Rotating the secret ends them all.
 */

export interface ApiTokenClaims {
  id: string;
  userId: string;
  issuedAt: Date;
  expiresAt: Date;
}

type ApiTokenCheck =
  | { outcome: 'valid'; claims: ApiTokenClaims }
  | { outcome: 'expired'; claims: ApiTokenClaims }
  /** An untimed token of the old format (`sw_<user>.<mac>`), genuinely ours: refused with its own words. */
  | { outcome: 'retired' }
  | { outcome: 'invalid' };

export const DEFAULT_API_TOKEN_DAYS = 90;
const DAY_MS = 86_400_000;
const V2 = /^sw_2\.([A-Za-z0-9_-]{16,64})\.([A-Za-z0-9_-]+)\.(\d{1,15})\.(\d{1,15})\.([A-Za-z0-9_-]{43})$/;
const V1 = /^sw_([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/;

export const newApiTokenId = (): string => randomBytes(16).toString('base64url');

/** `SENDWELL_API_TOKEN_DAYS`: whole days, 1 to API_TOKEN_MAX_DAYS; unset → 90. */
export function apiTokenDays(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_API_TOKEN_DAYS;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 1 || days > API_TOKEN_MAX_DAYS)
    throw new Error(
      `SENDWELL_API_TOKEN_DAYS must be a whole number of days, 1-${API_TOKEN_MAX_DAYS}, got ${raw}`,
    );
  return days;
}

export const daysAfter = (at: Date, days: number): Date => new Date(at.getTime() + days * DAY_MS);

export function issueApiToken(secret: Buffer, claims: ApiTokenClaims): string {
  const user = Buffer.from(claims.userId, 'utf8').toString('base64url');
  const body = `${claims.id}.${user}.${claims.issuedAt.getTime()}.${claims.expiresAt.getTime()}`;
  return `sw_2.${body}.${mac(secret, `v2.${body}`)}`;
}

/** A token with no row (tests, the sandbox CLI): a fresh id, issued `now`, living `days`. */
export function apiTokenFor(
  secret: Buffer,
  userId: string,
  now: Date = new Date(),
  days: number = DEFAULT_API_TOKEN_DAYS,
): string {
  return issueApiToken(secret, {
    id: newApiTokenId(),
    userId,
    issuedAt: now,
    expiresAt: daysAfter(now, days),
  });
}

/** What a bearer token is, as far as the secret and the clock can tell (revocation is the store's). */
export function readApiToken(secret: Buffer, token: string, now: Date): ApiTokenCheck {
  const v2 = V2.exec(token);
  if (v2) {
    const [, id, user, issued, expires, given] = v2 as unknown as string[];
    if (!macMatches(mac(secret, `v2.${id}.${user}.${issued}.${expires}`), given!))
      return { outcome: 'invalid' };
    const claims = {
      id: id!,
      userId: Buffer.from(user!, 'base64url').toString('utf8'),
      issuedAt: new Date(Number(issued)),
      expiresAt: new Date(Number(expires)),
    };
    return { outcome: claims.expiresAt.getTime() > now.getTime() ? 'valid' : 'expired', claims };
  }
  const v1 = V1.exec(token);
  if (v1) {
    const userId = Buffer.from(v1[1]!, 'base64url').toString('utf8');
    // The old MAC input, kept only to recognise our own retired tokens.
    if (macMatches(mac(secret, `sendwell-api-token:${userId}`), v1[2]!)) return { outcome: 'retired' };
  }
  return { outcome: 'invalid' };
}

function mac(secret: Buffer, input: string): string {
  return createHmac('sha256', secret).update(input).digest('base64url');
}

function macMatches(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
