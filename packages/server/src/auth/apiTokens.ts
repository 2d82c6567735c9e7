import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Sendwell API tokens: `sw_<user id, base64url>.<HMAC-SHA256(secret, user id)>`. Derived, not stored,
 * so the CLI can list them for a data dir without opening the running server's database; rotating the
 * secret revokes them all.
 */
export function apiTokenFor(secret: Buffer, userId: string): string {
  const id = Buffer.from(userId, 'utf8').toString('base64url');
  return `sw_${id}.${mac(secret, userId)}`;
}

/** The user id a token was issued for, or null when it is not one of ours. */
export function verifyApiToken(secret: Buffer, token: string): string | null {
  const match = /^sw_([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(token);
  if (!match) return null;
  const userId = Buffer.from(match[1]!, 'base64url').toString('utf8');
  const expected = Buffer.from(mac(secret, userId));
  const given = Buffer.from(match[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given) ? userId : null;
}

function mac(secret: Buffer, userId: string): string {
  return createHmac('sha256', secret).update(`sendwell-api-token:${userId}`).digest('base64url');
}
