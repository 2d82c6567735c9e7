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
