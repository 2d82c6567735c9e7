import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long a web-app sign-in lasts: a working day, then the person signs in again. */
export const SESSION_TTL_MS = 8 * 60 * 60_000;

/** A token's reading: ours and current, ours but past its expiry, or not a session token at all. */
export type SessionCheck =
  | { outcome: 'valid'; userId: string; expiresAt: Date }
  | { outcome: 'expired' }
  | { outcome: 'not-session' };

/**
 * Web-app session tokens: `sws_<payload, base64url>.<HMAC-SHA256(secret, payload)>`, the payload
 * being `{u: user id, exp: epoch ms}`. Stateless like API tokens, but they expire (8 h), so a stolen
 * cookie or bearer does not work forever; rotating the server secret ends every session.
 */
export function issueSessionToken(secret: Buffer, userId: string, now: Date, ttlMs = SESSION_TTL_MS): string {
  return `sws_${signed(secret, 'session', { u: userId, exp: now.getTime() + ttlMs })}`;
}

export function verifySessionToken(secret: Buffer, token: string, now: Date): SessionCheck {
  if (!token.startsWith('sws_')) return { outcome: 'not-session' };
  const payload = readSigned(secret, 'session', token.slice(4));
  if (!payload || typeof payload.u !== 'string' || typeof payload.exp !== 'number')
    return { outcome: 'not-session' };
  if (payload.exp <= now.getTime()) return { outcome: 'expired' };
  return { outcome: 'valid', userId: payload.u, expiresAt: new Date(payload.exp) };
}

/**
 * `<payload, base64url JSON>.<MAC>` for values the browser carries but must not forge (the session,
 * the sign-in's state/PKCE/nonce cookie). `purpose` separates the MAC domains: a sign-in cookie is
 * never accepted as a session.
 */
export function signed(secret: Buffer, purpose: string, payload: Record<string, unknown>): string {
  const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  return `${body}.${mac(secret, purpose, body)}`;
}

/** The payload of a value `signed` made for this purpose, or null (tampered, other purpose, garbage). */
export function readSigned(secret: Buffer, purpose: string, value: string): Record<string, unknown> | null {
  const match = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(value);
  if (!match) return null;
  const expected = Buffer.from(mac(secret, purpose, match[1]!));
  const given = Buffer.from(match[2]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(match[1]!, 'base64url').toString('utf8'));
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function mac(secret: Buffer, purpose: string, body: string): string {
  return createHmac('sha256', secret).update(`sendwell-${purpose}:${body}`).digest('base64url');
}
