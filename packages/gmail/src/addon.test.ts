import { generateKeyPair, SignJWT } from 'jose';
import { beforeEach, describe, expect, it } from 'vitest';
import { createGmailAddon } from './addon';
import type { AddonResponse, Card } from './cards/types';
import { createFakeAddonDeps } from './testing/fakeDeps';
import { createTestGoogle } from './testing/googleTokens';

const ADDON_URL = 'https://sendwell.example/gmail/addon';
let google: Awaited<ReturnType<typeof createTestGoogle>>;
let deps: ReturnType<typeof createFakeAddonDeps>;
let app: ReturnType<typeof createGmailAddon>;

beforeEach(async () => {
  google ??= await createTestGoogle(ADDON_URL);
  deps = createFakeAddonDeps(google.auth, ADDON_URL);
  app = createGmailAddon(deps);
});

interface Post {
  query: string;
  email?: string;
  system?: string | null;
  body?: Record<string, unknown>;
}

async function post({ query, email = 'rep@example.com', system, body = {} }: Post) {
  const authorization = system === null ? undefined : `Bearer ${system ?? (await google.systemToken())}`;
  const event = {
    commonEventObject: { hostApp: 'GMAIL' },
    ...body,
    authorizationEventObject: { userIdToken: await google.userToken(email) },
  };
  const res = await app.request(`/addon?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(event),
  });
  return { status: res.status, json: (await res.json()) as AddonResponse & { error?: { code: string } } };
}

function shownCard(response: AddonResponse): Card {
  const nav = response.renderActions.action?.navigations?.[0];
  if (!nav) throw new Error('no card in the response');
  return 'pushCard' in nav ? nav.pushCard : nav.updateCard;
}

describe('security', () => {
  it.each<[string, Partial<Post>, number, string]>([
    ['no Authorization header', { system: null }, 401, 'missing-system-token'],
    ['a garbage system token', { system: 'abc.def.ghi' }, 401, 'invalid-system-token'],
    ['a user token used as the system token', { system: 'USER' }, 401, 'invalid-system-token'],
  ])('rejects %s', async (_name, change, status, code) => {
    const system = change.system === 'USER' ? await google.userToken('rep@example.com') : change.system;
    const result = await post({ query: 't=home', ...change, system });
    expect(result.status).toBe(status);
    expect(result.json.error?.code).toBe(code);
  });

  it.each([
    ['t=bogus', 'unknown-trigger'],
    ['t=action&a=bogus', 'unknown-trigger'],
  ])('rejects %s', async (query, code) => {
    const result = await post({ query });
    expect([result.status, result.json.error?.code]).toEqual([400, code]);
  });

  it('rejects a malformed event', async () => {
    const res = await app.request('/addon?t=home', {
      method: 'POST',
      body: '{"gmail":{"toRecipients":"x"}}',
      headers: { authorization: `Bearer ${await google.systemToken()}` },
    });
    expect(res.status).toBe(400);
  });

  it('answers a verified stranger with the not-connected card', async () => {
    const result = await post({ query: 't=home', email: 'stranger@example.com' });
    expect(shownCard(result.json).name).toBe('not-connected');
  });
});

/** A look-alike of Google's tokens: signed with the test Google's key unless `key` says otherwise. */
interface Forgery {
  iss?: string;
  aud?: string;
  email?: string;
  /** Seconds from now; negative = already expired. */
  exp?: number;
  key?: 'google' | 'stranger';
}

const SERVICE_ACCOUNT = () => google.auth.serviceAccountEmail!;
const CLIENT_ID = () => google.auth.userAudience as string;
let stranger: CryptoKey | undefined;

async function forge(f: Forgery, defaults: { aud: string; email: string }): Promise<string> {
  stranger ??= (await generateKeyPair('RS256')).privateKey;
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ email: f.email ?? defaults.email, email_verified: true })
    .setProtectedHeader({ alg: 'RS256', kid: 'test' })
    .setIssuer(f.iss ?? 'https://accounts.google.com')
    .setAudience(f.aud ?? defaults.aud)
    .setSubject('google-sub:rep@example.com')
    .setIssuedAt(now - 7200)
    .setExpirationTime(now + (f.exp ?? 3600))
    .sign(f.key === 'stranger' ? stranger : google.privateKey);
}

describe('the add-on endpoint refuses tokens Google did not issue for it (issue 7)', () => {
  async function call(system: Forgery | 'good', user: Forgery | 'good') {
    const systemToken =
      system === 'good'
        ? await google.systemToken()
        : await forge(system, { aud: ADDON_URL, email: SERVICE_ACCOUNT() });
    const userIdToken =
      user === 'good'
        ? await google.userToken('rep@example.com')
        : await forge(user, { aud: CLIENT_ID(), email: 'rep@example.com' });
    const res = await app.request('/addon?t=home', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${systemToken}` },
      body: JSON.stringify({
        commonEventObject: { hostApp: 'GMAIL' },
        authorizationEventObject: { userIdToken },
      }),
    });
    return { status: res.status, json: (await res.json()) as { error?: { code: string } } };
  }

  it('answers the home card to a genuine pair (the table below differs from it in one claim)', async () => {
    const { status, json } = await call({}, {});
    expect(status).toBe(200);
    expect(shownCard(json as AddonResponse).name).toBe('home');
  });

  it.each<[string, Forgery | 'good', Forgery | 'good', string]>([
    ['a forged user ID token (another key)', 'good', { key: 'stranger' }, 'invalid-user-token'],
    ['an expired user ID token', 'good', { exp: -60 }, 'invalid-user-token'],
    ['a user ID token from another issuer', 'good', { iss: 'https://login.example' }, 'invalid-user-token'],
    [
      'a user ID token for another OAuth client',
      'good',
      { aud: 'someone-elses-client' },
      'invalid-user-token',
    ],
    ['a forged system ID token (another key)', { key: 'stranger' }, 'good', 'invalid-system-token'],
    ['an expired system ID token', { exp: -60 }, 'good', 'invalid-system-token'],
    [
      'a system ID token from another issuer',
      { iss: 'https://login.example' },
      'good',
      'invalid-system-token',
    ],
    [
      'a system ID token for another endpoint',
      { aud: 'https://evil.example/addon' },
      'good',
      'invalid-system-token',
    ],
    [
      'a system ID token of another account',
      { email: 'someone@evil.example' },
      'good',
      'invalid-system-token',
    ],
  ])('rejects %s with 401, before any user lookup', async (_name, system, user, code) => {
    const lookups: string[] = [];
    const userByIdentity = deps.userByIdentity;
    deps.userByIdentity = async (identity) => {
      lookups.push(identity.subject);
      return userByIdentity(identity);
    };
    app = createGmailAddon(deps);
    const { status, json } = await call(system, user);
    expect([status, json.error?.code]).toEqual([401, code]);
    expect(lookups).toEqual([]);
  });
});

describe('identity: the Google account is its sub, never its email (issue 7)', () => {
  it("a token with the rep's email but another sub does not open the rep's account", async () => {
    const event = {
      commonEventObject: { hostApp: 'GMAIL' },
      authorizationEventObject: {
        userIdToken: await google.userToken('rep@example.com', { sub: 'another-google-account' }),
      },
    };
    const res = await app.request('/addon?t=home', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await google.systemToken()}` },
      body: JSON.stringify(event),
    });
    const card = shownCard((await res.json()) as AddonResponse);
    expect(card.name).toBe('not-connected');
    expect(JSON.stringify(card)).not.toContain('Intro'); // none of the rep's templates
  });

  it('passes the verified sub, email and Workspace domain to the lookup', async () => {
    const seen: unknown[] = [];
    deps.userByIdentity = async (identity) => {
      seen.push(identity);
      return { outcome: 'refused', reason: 'no-account' };
    };
    app = createGmailAddon(deps);
    const event = {
      authorizationEventObject: {
        userIdToken: await google.userToken('Rep@Example.com', { sub: '1048', hd: 'example.com' }),
      },
    };
    await app.request('/addon?t=home', {
      method: 'POST',
      headers: { authorization: `Bearer ${await google.systemToken()}` },
      body: JSON.stringify(event),
    });
    expect(seen).toEqual([{ subject: '1048', email: 'rep@example.com', hostedDomain: 'example.com' }]);
  });
});

describe('granular consent', () => {
  const scope = (name: string) => `https://www.googleapis.com/auth/${name}`;
  it.each<[string, string[], string[] | null]>([
    [
      't=compose',
      [scope('gmail.addons.execute'), scope('userinfo.email')],
      [scope('gmail.addons.current.action.compose')],
    ],
    ['t=home', [scope('gmail.addons.execute'), scope('userinfo.email')], null],
  ])('%s with %j', async (query, authorizedScopes, requested) => {
    const event = {
      commonEventObject: { hostApp: 'GMAIL' },
      authorizationEventObject: { userIdToken: await google.userToken('rep@example.com'), authorizedScopes },
    };
    const res = await app.request(`/addon?${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await google.systemToken()}` },
      body: JSON.stringify(event),
    });
    const json = (await res.json()) as { requesting_google_scopes?: { scopes: string[] } };
    expect(json.requesting_google_scopes?.scopes ?? null).toEqual(requested);
  });

  it('checks the system token before asking for scopes', async () => {
    const res = await app.request('/addon?t=compose', {
      method: 'POST',
      body: JSON.stringify({ authorizationEventObject: { authorizedScopes: [] } }),
    });
    expect(res.status).toBe(401);
  });
});
