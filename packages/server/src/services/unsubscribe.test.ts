import { describe, expect, it } from 'vitest';
import { readUnsubscribeToken, unsubscribeToken, unsubscribeUrl } from './unsubscribe';

const SECRET = Buffer.from('a'.repeat(64), 'hex');
const OTHER = Buffer.from('b'.repeat(64), 'hex');

describe('unsubscribe tokens', () => {
  it('round-trips a send id, in a URL under /u/ of the base URL', () => {
    const url = unsubscribeUrl('https://sendwell.example/', SECRET, 'send-42');
    expect(url).toMatch(/^https:\/\/sendwell\.example\/u\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(readUnsubscribeToken(SECRET, url.split('/u/')[1]!)).toBe('send-42');
  });

  const good = unsubscribeToken(SECRET, 'send-42');
  const [id, mac] = good.split('.') as [string, string];
  it.each([
    ['signed with another secret', unsubscribeToken(OTHER, 'send-42')],
    ['another send id under the same signature', `${Buffer.from('send-43').toString('base64url')}.${mac}`],
    ['a signature changed by one character', `${id}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`],
    ['no signature', id],
    ['not a token at all', 'hello world'],
    ['empty', ''],
  ])('refuses a token %s', (_what, token) => {
    expect(readUnsubscribeToken(SECRET, token)).toBeNull();
  });

  it('is not an API or session signature of the same id (a purpose key of its own)', async () => {
    const { createHmac } = await import('node:crypto');
    const plain = createHmac('sha256', SECRET).update('send-42').digest('base64url');
    expect(mac).not.toBe(plain);
  });
});
