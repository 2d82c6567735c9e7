import { describe, expect, it } from 'vitest';
import { insecureLoopbackAllowed } from './endpoints';

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
