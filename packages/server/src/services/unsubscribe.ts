import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/**
 * RFC 8058 one-click unsubscribe: a signed, unguessable URL per send. The token is
 * `base64url(sendId).base64url(HMAC-SHA256(key, sendId))` with a key derived (HKDF) from the
 * server secret for this purpose only, so an unsubscribe token can never stand in for a session
 * or API token signed with the same secret.
 */
const PURPOSE = 'sendwell unsubscribe v1';
const keys = new WeakMap<Buffer, Buffer>();

function purposeKey(secret: Buffer): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), PURPOSE, 32));
    keys.set(secret, key);
  }
  return key;
}

const sign = (secret: Buffer, sendId: string) =>
  createHmac('sha256', purposeKey(secret)).update(sendId).digest();

export function unsubscribeToken(secret: Buffer, sendId: string): string {
  return `${Buffer.from(sendId).toString('base64url')}.${sign(secret, sendId).toString('base64url')}`;
}

/** `${baseUrl}/u/<token>`: the `List-Unsubscribe` URL of one send. */
export function unsubscribeUrl(baseUrl: string, secret: Buffer, sendId: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/u/${unsubscribeToken(secret, sendId)}`;
}

/** The send id a token names, or null when we did not sign it (or it was altered). */
export function readUnsubscribeToken(secret: Buffer, token: string): string | null {
  const match = /^([A-Za-z0-9_-]{1,200})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const sendId = Buffer.from(match[1]!, 'base64url').toString();
  const given = Buffer.from(match[2]!, 'base64url');
  const expected = sign(secret, sendId);
  return given.length === expected.length && timingSafeEqual(given, expected) ? sendId : null;
}
