import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { isTrackableUrl } from '@sendwell/core';

/**
 * Signed tracking tokens. A click token carries the send and the original URL, so the redirect
 * goes only where the email's own link went (never an open redirect: an altered URL fails the
 * signature). Keys are derived (HKDF) from the server secret for this purpose only, so a tracking
 * token can never stand in for an unsubscribe, session or API token signed with the same secret.
 */
const PURPOSE = 'sendwell engagement tracking v1';
const MAX_TOKEN = 8_192;
const keys = new WeakMap<Buffer, Buffer>();

function purposeKey(secret: Buffer): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), PURPOSE, 32));
    keys.set(secret, key);
  }
  return key;
}

// The kind is signed too: an open token is never accepted as a click token, nor the reverse.
const mac = (secret: Buffer, kind: 'o' | 'c', payload: string) =>
  createHmac('sha256', purposeKey(secret)).update(`${kind}\0${payload}`).digest();

const b64 = (text: string) => Buffer.from(text).toString('base64url');

export function openToken(secret: Buffer, sendId: string): string {
  return `${b64(sendId)}.${mac(secret, 'o', sendId).toString('base64url')}`;
}

export function clickToken(secret: Buffer, sendId: string, url: string): string {
  const payload = JSON.stringify([sendId, url]);
  return `${b64(payload)}.${mac(secret, 'c', payload).toString('base64url')}`;
}

function verified(secret: Buffer, kind: 'o' | 'c', token: string): string | null {
  if (token.length > MAX_TOKEN) return null;
  const match = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const payload = Buffer.from(match[1]!, 'base64url').toString();
  const given = Buffer.from(match[2]!, 'base64url');
  const expected = mac(secret, kind, payload);
  return given.length === expected.length && timingSafeEqual(given, expected) ? payload : null;
}

/** The send an open pixel names, or null when we did not sign it. */
export function readOpenToken(secret: Buffer, token: string): string | null {
  return verified(secret, 'o', token);
}

/** The send and original URL a click token names, or null when we did not sign it. */
export function readClickToken(secret: Buffer, token: string): { sendId: string; url: string } | null {
  const payload = verified(secret, 'c', token);
  if (payload === null) return null;
  try {
    const [sendId, url] = JSON.parse(payload) as unknown[];
    // Signed by us, but still checked: the redirect only ever goes to an http(s) page.
    if (typeof sendId !== 'string' || typeof url !== 'string' || !isTrackableUrl(url)) return null;
    return { sendId, url };
  } catch {
    return null;
  }
}
