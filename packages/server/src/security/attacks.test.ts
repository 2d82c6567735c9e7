import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyLimitFor } from '../http/limits/bodyLimits';
import { BODY_LIMITS } from '../http/limits/settings';
import { type AttackBed, type Flavour, openAttackBed, type TokenKind } from './attackBed';
import { MAX_JSON_DEPTH } from './inputGuard';

/**
 * The attack table (issue 11, "Hostile clients"): every row is an attack on a real-mode Sendwell
 * over a real socket, and every row must be refused. Each entry point also has a control row that
 * succeeds with a good token, so a refusal is the attack's doing, not a broken route.
 */
let bed: AttackBed;
beforeAll(async () => {
  bed = await openAttackBed();
}, 240_000);
afterAll(async () => {
  await bed?.close();
});

const BAD_KINDS: TokenKind[] = ['forged', 'expired', 'wrong-audience', 'wrong-issuer', 'alg-none'];
const HOUR = 3_600_000;

interface EntryPoint {
  flavour: Flavour;
  call(token: string): Promise<Response>;
}

const addonEvent = (userIdToken: string) => ({
  commonEventObject: { hostApp: 'GMAIL', timeZone: { id: 'UTC', offset: 0 } },
  authorizationEventObject: { userIdToken },
});
const addon = (system: string, user: string) =>
  fetch(`${bed.base}/gmail/addon?t=home`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${system}` },
    body: JSON.stringify(addonEvent(user)),
  });
const feedStream = async (path: string) => {
  const response = await fetch(`${bed.base}${path}`, { signal: AbortSignal.timeout(10_000) });
  await response.body?.cancel(); // a stream that was let in is closed at once
  return response;
};

const ENTRY_POINTS: Record<string, EntryPoint> = {
  'API (Authorization: Bearer)': {
    flavour: 'microsoft',
    call: (t) => fetch(`${bed.base}/api/v1/me`, { headers: { authorization: `Bearer ${t}` } }),
  },
  'feed (SSE, ?access_token=)': {
    flavour: 'microsoft',
    call: (t) => feedStream(`/api/v1/feed/stream?access_token=${encodeURIComponent(t)}`),
  },
  'add-on (Google system token)': {
    flavour: 'google',
    call: async (t) => addon(t, await bed.token('google-user', 'good')),
  },
  'add-on (user ID token)': {
    flavour: 'google-user',
    call: async (t) => addon(await bed.token('google', 'good'), t),
  },
  'web app (Authorization: Bearer)': {
    flavour: 'microsoft',
    call: (t) => fetch(`${bed.base}/api/v1/templates`, { headers: { authorization: `Bearer ${t}` } }),
  },
};

describe.each(Object.entries(ENTRY_POINTS))('%s', (_name, entry) => {
  it('lets a good token in (control)', async () => {
    expect((await entry.call(await bed.token(entry.flavour, 'good'))).status).toBe(200);
  });
  it.each(BAD_KINDS)('refuses a %s token with 401', async (kind) => {
    const response = await entry.call(await bed.token(entry.flavour, kind));
    expect(response.status).toBe(401);
  });
});

describe('Sendwell’s own tokens', () => {
  let userId: string;
  let apiToken: string;
  beforeAll(async () => {
    const me = await fetch(`${bed.base}/api/v1/me`, {
      headers: { authorization: `Bearer ${await bed.token('microsoft', 'good')}` },
    });
    userId = ((await me.json()) as { user: { id: string } }).user.id;
    apiToken = bed.sendwell.apiTokenFor(userId);
  });
  const tamper = (token: string) => token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
  const webSession = (token: string) =>
    fetch(`${bed.base}/app/session`, { headers: { cookie: `sw_session=${token}` } });
  const bearer = (token: string) =>
    fetch(`${bed.base}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });

  it('controls: the API token, a fresh session cookie and bearer are let in', async () => {
    expect((await bearer(apiToken)).status).toBe(200);
    expect((await webSession(bed.session(userId, 0))).status).toBe(200);
    expect((await bearer(bed.session(userId, 0))).status).toBe(200);
  });
  it.each([
    ['a tampered API token on the API', () => bearer(tamper(apiToken))],
    ['a tampered session on the API', () => bearer(tamper(bed.session(userId, 0)))],
    ['an expired session (9 h old) on the API', () => bearer(bed.session(userId, 9 * HOUR))],
    ['a tampered session cookie on the web app', () => webSession(tamper(bed.session(userId, 0)))],
    ['an expired session cookie on the web app', () => webSession(bed.session(userId, 9 * HOUR))],
    ['an API token as the web app’s session cookie', () => webSession(apiToken)],
  ])('refuses %s with 401', async (_label, call) => {
    expect((await call()).status).toBe(401);
  });
});

describe('the feed’s ?access_token= is accepted on the feed stream only', () => {
  const good = () => bed.token('microsoft', 'good');
  const q = async () => `access_token=${encodeURIComponent(await good())}`;
  it('control: the stream itself', async () => {
    expect((await feedStream(`/api/v1/feed/stream?${await q()}`)).status).toBe(200);
  });
  it.each([
    ['/api/v1/me'],
    ['/api/v1/feed'],
    ['/api/v1/templates/api/v1/feed/stream'],
    ['/api/v1/x/feed/stream'],
    ['/api/v1/feed/stream/'],
  ])('refuses the query token on %s with 401', async (path) => {
    expect((await fetch(`${bed.base}${path}?${await q()}`)).status).toBe(401);
  });
});

/** A request with a raw body (bytes as given) and the good token of the entry point. */
async function raw(path: string, body: Uint8Array<ArrayBuffer> | string, type = 'application/json') {
  return fetch(`${bed.base}${path}`, {
    method: 'POST',
    headers: { 'content-type': type, authorization: `Bearer ${await bed.token('microsoft', 'good')}` },
    body,
  });
}
const nested = (depth: number) => `{"name":${'['.repeat(depth)}${']'.repeat(depth)}}`;
const invalidUtf8 = Uint8Array.from(
  Buffer.concat([Buffer.from('{"name":"caf'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]),
);
const BODY_PATHS = { API: '/api/v1/templates', 'add-on': '/gmail/addon?t=home', 'web app': '/app/signout' };

describe.each(Object.entries(BODY_PATHS))('hostile bodies on the %s', (_name, path) => {
  it.each([
    [
      'a NUL escape in a JSON string',
      () => raw(path, '{"name":"a\\u0000b","subject":"s","body":"b"}'),
      400,
      'nul-character',
    ],
    ['a raw NUL byte', () => raw(path, 'a\u0000b', 'text/plain'), 400, 'nul-character'],
    ['invalid UTF-8', () => raw(path, invalidUtf8), 400, 'invalid-utf8'],
    [
      `JSON nested ${MAX_JSON_DEPTH + 1} deep`,
      () => raw(path, nested(MAX_JSON_DEPTH + 1)),
      400,
      'json-too-deep',
    ],
    // 40 KB: deep enough to overflow a recursive parser, small enough for every entry point's body
    // limit (the web app's is 64 KB), so the depth check is what refuses it.
    ['JSON nested 20,000 deep', () => raw(path, nested(20_000)), 400, 'json-too-deep'],
    [
      'a body over the limit',
      () => raw(path, `"${'x'.repeat(bodyLimitFor(path, BODY_LIMITS))}"`),
      413,
      'body-too-large',
    ],
  ])('refuses %s', async (_label, call, status, code) => {
    const response = await call();
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
  });
});

describe('hostile addresses and headers', () => {
  const get = async (path: string, headers: Record<string, string> = {}) =>
    fetch(`${bed.base}${path}`, {
      headers: { authorization: `Bearer ${await bed.token('microsoft', 'good')}`, ...headers },
      signal: AbortSignal.timeout(10_000),
    });
  it.each([
    ['a NUL in the API path', '/api/v1/templates/a%00b'],
    ['a NUL in the API query', '/api/v1/templates?q=a%00b'],
    ['a NUL in the feed query', '/api/v1/feed/stream?scope=%00'],
    ['a NUL in a web app path', '/app/a%00b'],
    ['a malformed escape in the query', '/api/v1/templates?q=%E0%A4%A'],
  ])('refuses %s with 400', async (_label, path) => {
    expect((await get(path)).status).toBe(400);
  });
  it.each([
    ['a number past bigint', '99999999999999999999'],
    ['a negative id', '-1'],
    ['text', '1; drop table events'],
  ])('refuses a Last-Event-ID that is %s with 400', async (_label, id) => {
    const response = await get('/api/v1/feed/stream', { 'last-event-id': id });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('invalid-last-event-id');
  });
});
