import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { apiTokenFor } from '../auth/apiTokens';
import { issueSessionToken, signed } from '../auth/sessionTokens';
import { consoleLogger } from '../logger';
import { looksSecret, REDACTED, redactFields, redactText, rememberSecret } from './redact';
import { requestIdFrom, withRequestId } from './requestContext';

const key = randomBytes(32);
// Real tokens from the real issuers, not look-alikes typed here.
const apiToken = apiTokenFor(key, 'ava');
const session = issueSessionToken(key, 'ava', new Date());
const signedValue = signed(key, 'unsubscribe', { s: 'send-1', e: 'pat@example.com' });
const jwt = `${Buffer.from('{"alg":"RS256","kid":"k1"}').toString('base64url')}.${Buffer.from('{"sub":"ava","aud":"api"}').toString('base64url')}.c2lnbmF0dXJlLXNpZ25hdHVyZQ`;

describe('redaction by value', () => {
  it.each([
    ['an API token in a message', `token ${apiToken} refused`, apiToken],
    ['a web session token', `session ${session}`, session],
    ['a signed link value', `/u/${signedValue}`, signedValue],
    ['a JWT (Microsoft access token, ID token)', `jose: ${jwt} expired`, jwt],
    ['a bearer header quoted in an error', 'Authorization: Bearer abc.def-ghi_123', 'abc.def-ghi_123'],
    ['basic credentials', 'Authorization: Basic dXNlcjpwYXNz', 'dXNlcjpwYXNz'],
    ['a password in an SMTP URL', 'connect smtp://eli:hunter2-secret@mail.test:587 failed', 'hunter2-secret'],
    ['a password in a database URL', 'postgres://sendwell:pg-pass-99@db:5432/sw down', 'pg-pass-99'],
    ['a client secret in a form body', 'grant_type=refresh_token&client_secret=abc123XYZ&x=1', 'abc123XYZ'],
    [
      'a refresh token in a form body',
      'refresh_token=1.AQabcdefghijklmnopqrstuv&scope=x',
      '1.AQabcdefghijklmnopqrstuv',
    ],
    [
      'an OAuth code in a callback URL',
      '/connect/callback/microsoft?code=M.C5_BAY.2.xyz&state=s1',
      'M.C5_BAY.2.xyz',
    ],
    [
      'a token answer quoted as JSON',
      '400 {"access_token":"opaque-value-1","expires_in":3599}',
      'opaque-value-1',
    ],
    ['a Google access token', 'Gmail said 401 for ya29.a0AfH6SMBx-token', 'ya29.a0AfH6SMBx-token'],
    ['a Google refresh token', 'invalid_grant for 1//0gLongRefreshToken_abc', '1//0gLongRefreshToken_abc'],
  ])('%s', (_name, text, secret) => {
    const out = redactText(text);
    expect(out).not.toContain(secret);
    expect(out).toContain(REDACTED);
  });

  it.each([
    ['a plain sentence', 'sent-items lookup failed: 503 Service Unavailable'],
    ['an email address', 'bounce for pat@bounce.test (5.1.1)'],
    ['an id and a route', 'GET /api/v1/sends/snd_123 404'],
    ['a cookie name with no value', 'no sw_signin cookie'],
  ])('leaves %s alone', (_name, text) => {
    expect(redactText(text)).toBe(text);
  });

  it('replaces a secret it was told about, whatever its shape', () => {
    const password = `plain words ${randomBytes(4).toString('hex')}`;
    expect(redactText(`AUTH failed for ${password}`)).toContain(password);
    rememberSecret(password);
    expect(redactText(`AUTH failed for ${password}`)).toBe(`AUTH failed for ${REDACTED}`);
  });

  it('redacts fields by name and nested values by shape', () => {
    const out = redactFields({
      password: 'x1',
      clientSecret: 'x2',
      nested: { detail: `Bearer ${apiToken}`, list: [apiToken] },
      error: new Error(`refused ${session}`),
      count: 3,
    });
    expect(JSON.stringify(out)).not.toMatch(/x1|x2|sw_/);
    expect(out.count).toBe(3);
  });
});

describe('request ids', () => {
  it.each([
    ['a sane client id is kept', 'abc-123.x:y', true],
    ['an API token is not an id', apiToken, false],
    ['spaces and quotes are refused', 'a b"c', false],
    ['too long is refused', 'a'.repeat(200), false],
  ])('%s', (_name, incoming, kept) => {
    expect(requestIdFrom(incoming) === incoming).toBe(kept);
    expect(looksSecret(requestIdFrom(incoming))).toBe(false);
  });

  it('is on every line written while the request is handled, and on none after', async () => {
    const lines: string[] = [];
    const logger = consoleLogger(false, (line) => lines.push(line));
    await withRequestId('req-1', async () => {
      logger.info('one');
      await new Promise((r) => setTimeout(r, 1));
      logger.warn('two', { detail: `refused ${apiToken}` });
    });
    logger.info('three');
    const parsed = lines.map((l) => JSON.parse(l));
    expect(parsed.map((l) => [l.message, l.requestId])).toEqual([
      ['one', 'req-1'],
      ['two', 'req-1'],
      ['three', undefined],
    ]);
    expect(lines.join('')).not.toContain(apiToken);
  });
});
