import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { insecureLoopbackAllowed } from './endpoints';
import { createPkcePair } from './pkce';

describe('createPkcePair', () => {
  it('makes an RFC 7636 verifier and its S256 challenge, new each time', async () => {
    const first = await createPkcePair();
    expect(first.verifier).toMatch(/^[A-Za-z0-9_-]{43,128}$/);
    expect(first.challenge).toBe(createHash('sha256').update(first.verifier).digest('base64url'));
    expect((await createPkcePair()).verifier).not.toBe(first.verifier);
  });
});

describe('insecureLoopbackAllowed', () => {
  it.each([
    ['https://login.microsoftonline.com', false],
    ['http://127.0.0.1:3000/sandbox/login', true],
    ['http://localhost:3000/sandbox/login', true],
    ['http://[::1]:3000/sandbox/login', true],
  ])('%s → plain http allowed: %s', (url, allowed) => {
    expect(insecureLoopbackAllowed('authority', url)).toBe(allowed);
  });

  it.each(['http://login.example.com', 'http://10.0.0.5/login', 'ftp://127.0.0.1/'])('refuses %s', (url) => {
    expect(() => insecureLoopbackAllowed('authority', url)).toThrow(/https/);
  });
});
