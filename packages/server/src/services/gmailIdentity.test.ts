import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import {
  type ConnectionInfo,
  type ConnectionsAnswer,
  createVoice,
  MailboxAuthError,
  ManualClock,
  silentLogger,
  systemClock,
} from '@sendwell/core';
import {
  type AddonResponse,
  type Card,
  createGmailAddon,
  createTestGoogle,
  type GoogleAuthConfig,
} from '@sendwell/gmail';
import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config';
import { createSendwell, type Sendwell } from '../sendwell';
import type { UserRow } from '../store/rows';
import { FeedHub } from './feedHub';
import { type GmailDepsOptions, gmailAddonDeps } from './gmailDeps';

/**
 * Issue 7 on the server's side of the add-on: the Google account is bound by `sub` (identities
 * table), never by email; the add-on endpoint refuses the sandbox's tokens when they are not for it;
 * the card's connection comes from the connection service, and a grant that dies while reading drafts
 * is reported to it. Against a real Sendwell (PGlite, seeded sandbox users, the sandbox's JWKS).
 */
const en = createVoice({ locale: 'en', clock: systemClock });
let sendwell: Sendwell;
let server: ServerType;
const dataDir = mkdtempSync(join(tmpdir(), 'sendwell-gmail-identity-'));

beforeAll(async () => {
  server = serve({ fetch: (req) => sendwell.app.fetch(req), port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  sendwell = await createSendwell(loadConfig({ port, dataDir }, {}), { logger: silentLogger });
});
afterAll(async () => {
  server.close();
  await sendwell.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const sandbox = () => sendwell.sandbox!;
const addonUrl = () => `${sendwell.config.baseUrl}/gmail/addon`;
const subjectOf = (id: string) => sandbox().users.find((u) => u.id === id)!.subject;

/** The add-on over the real services with extra options (another key set, a connection service…). */
function addonWith(options: Partial<GmailDepsOptions> & { auth: GoogleAuthConfig }) {
  const clock = options.clock ?? systemClock;
  const deps = gmailAddonDeps({
    db: sendwell.db,
    hub: new FeedHub(),
    wakeSender: () => {},
    addonUrl: addonUrl(),
    ...options,
    clock,
  });
  return createGmailAddon(deps);
}

async function post(
  app: { request: (url: string, init: RequestInit) => Response | Promise<Response> },
  tokens: { system: string; user: string },
  query = 't=home',
  event: Record<string, unknown> = {},
) {
  const res = await app.request(`/addon?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.system}` },
    body: JSON.stringify({
      commonEventObject: { hostApp: 'GMAIL', timeZone: { id: 'UTC', offset: 0 } },
      ...event,
      authorizationEventObject: { userIdToken: tokens.user },
    }),
  });
  const json = (await res.json()) as AddonResponse & { error?: { code: string } };
  const nav = res.status === 200 ? json.renderActions.action?.navigations?.[0] : undefined;
  const card = nav ? ('pushCard' in nav ? nav.pushCard : nav.updateCard) : undefined;
  return { status: res.status, code: json.error?.code, card: card as Card | undefined, json };
}

/** How the composition root verifies add-on requests in sandbox mode (the sandbox's JWKS over HTTP). */
const sandboxAuth = (): GoogleAuthConfig => ({
  jwksUrl: sandbox().google.jwksUrl,
  issuers: [sandbox().google.issuer],
  systemAudience: addonUrl(),
  userAudience: sandbox().google.clientId,
  serviceAccountEmail: sandbox().google.serviceAccountEmail,
});

describe('the Gmail add-on finds the Sendwell user by Google sub', () => {
  it("a Google token for Ava's address with another sub does not open Ava's account", async () => {
    const google = await createTestGoogle(addonUrl());
    const app = addonWith({ auth: google.auth });
    const tokens = {
      system: await google.systemToken(),
      user: await google.userToken('ava@contoso.test', { sub: '999000111222333444555' }),
    };
    const { card } = await post(app, tokens);
    expect(card?.name).toBe('not-connected');
    expect(JSON.stringify(card)).not.toContain('First touch'); // none of Ava's team's templates
  });

  it("gus's sub opens gus's account, whatever the email in the token", async () => {
    const google = await createTestGoogle(addonUrl());
    const app = addonWith({ auth: google.auth });
    const tokens = {
      system: await google.systemToken(),
      user: await google.userToken('gus.renamed@acme.test', { sub: subjectOf('gus') }),
    };
    const { card } = await post(app, tokens);
    expect(card?.name).toBe('home');
    expect(card?.header?.subtitle).toBe('gus@acme.test');
  });
});

describe("the add-on endpoint refuses the sandbox's tokens that are not for it", () => {
  const genuine = async () => ({
    system: await sandbox().issueGoogleSystemIdToken(addonUrl()),
    user: await sandbox().issueGoogleIdToken('gus'),
  });

  /** A token with the sandbox's issuer and claims, signed by a key Google never published. */
  async function forgedWithSandboxIssuer(aud: string, email: string) {
    const { privateKey } = await generateKeyPair('RS256');
    return new SignJWT({ email, email_verified: true, sub: subjectOf('gus') })
      .setProtectedHeader({ alg: 'RS256', kid: 'forged' })
      .setIssuer(sandbox().google.issuer)
      .setAudience(aud)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
  }

  /** POST to the running Sendwell's add-on endpoint, as Google does. */
  async function callEndpoint(tokens: { system: string; user: string }) {
    const res = await fetch(`${addonUrl()}?t=home`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.system}` },
      body: JSON.stringify({ authorizationEventObject: { userIdToken: tokens.user } }),
    });
    return [res.status, ((await res.json()) as { error?: { code: string } }).error?.code ?? null];
  }

  it('answers a genuine pair (each row below changes one token)', async () => {
    expect(await callEndpoint(await genuine())).toEqual([200, null]);
  });

  it.each<[string, () => Promise<{ system?: string; user?: string }>, string]>([
    [
      'a user ID token for another OAuth client',
      async () => ({ user: await sandbox().issueGoogleIdToken('gus', 'other-client') }),
      'invalid-user-token',
    ],
    [
      'a Microsoft token as the user ID token (other issuer and keys)',
      async () => ({ user: await sandbox().issueMicrosoftToken('ava') }),
      'invalid-user-token',
    ],
    [
      'a forged user ID token (sandbox issuer, unknown key)',
      async () => ({ user: await forgedWithSandboxIssuer(sandbox().google.clientId, 'gus@acme.test') }),
      'invalid-user-token',
    ],
    [
      'a system ID token for another endpoint',
      async () => ({ system: await sandbox().issueGoogleSystemIdToken('https://evil.example/gmail/addon') }),
      'invalid-system-token',
    ],
    [
      'a user ID token as the system ID token',
      async () => ({ system: await sandbox().issueGoogleIdToken('gus', addonUrl()) }),
      'invalid-system-token',
    ],
    [
      'a forged system ID token (sandbox issuer, unknown key)',
      async () => ({
        system: await forgedWithSandboxIssuer(addonUrl(), sandbox().google.serviceAccountEmail),
      }),
      'invalid-system-token',
    ],
  ])('%s: 401', async (_name, change, code) => {
    expect(await callEndpoint({ ...(await genuine()), ...(await change()) })).toEqual([401, code]);
  });

  it('expired tokens: the same sandbox tokens two hours later are refused', async () => {
    const later = new ManualClock(new Date(Date.now() + 2 * 3600_000).toISOString());
    const auth = sandboxAuth();
    const tokens = await genuine();
    expect((await post(addonWith({ auth }), tokens)).card?.name).toBe('home');
    expect(await post(addonWith({ auth, clock: later }), tokens)).toMatchObject({
      status: 401,
      code: 'invalid-system-token',
    });
  });
});

describe("the card's connection comes from the connection service", () => {
  const gusMailbox = (state: ConnectionInfo['state']): ConnectionInfo => ({
    mailboxId: 'mbx-gus',
    provider: 'gmail',
    address: 'gus@acme.test',
    state,
    problem: state === 'needs-reconnect' ? 'grant-revoked' : null,
    since: new Date().toISOString(),
    heldSends: 0,
    bounceTracking: true,
  });

  /** A stand-in for the connection service: what it lists, the URLs it starts, the losses it hears of. */
  function fakeService(connections: ConnectionInfo[]) {
    const started: string[] = [];
    const lost: [string, string][] = [];
    return {
      started,
      lost,
      list: async (_user: UserRow): Promise<ConnectionsAnswer> => ({ connections, connectable: ['google'] }),
      async start(user: UserRow, provider: 'microsoft' | 'google') {
        const authorizationUrl = `https://accounts.example/o/oauth2/v2/auth?user=${user.id}&provider=${provider}`;
        started.push(authorizationUrl);
        return { authorizationUrl, expiresAt: new Date().toISOString() };
      },
      async markLost(mailboxId: string, problem: string) {
        lost.push([mailboxId, problem]);
      },
    };
  }

  const tokens = async () => ({
    system: await sandbox().issueGoogleSystemIdToken(addonUrl()),
    user: await sandbox().issueGoogleIdToken('gus'),
  });

  it('no Gmail connection: Connect Gmail opens the URL the service started for this user', async () => {
    const service = fakeService([]);
    const { card } = await post(addonWith({ auth: sandboxAuth(), connections: service }), await tokens());
    expect(card?.name).toBe('connect');
    const link = card!.sections
      .flatMap((s) => s.widgets)
      .flatMap((w) => ('buttonList' in w ? w.buttonList.buttons : []))
      .flatMap((b) => ('openLink' in b.onClick ? [{ text: b.text, ...b.onClick.openLink }] : []));
    expect(link).toEqual([
      { text: en.t('gmail.connect.button'), url: service.started[0], openAs: 'OVERLAY', onClose: 'RELOAD' },
    ]);
    expect(service.started[0]).toContain('user=gus&provider=google');
  });

  it('a grant Google refuses while reading drafts is reported once to the service, nothing is sent', async () => {
    const service = fakeService([gusMailbox('connected')]);
    const refused = async (): Promise<never> => {
      throw new MailboxAuthError('grant-revoked', 'Token has been expired or revoked.');
    };
    const app = addonWith({
      auth: sandboxAuth(),
      connections: service,
      draftsFor: () => ({ recent: refused, get: refused, remove: refused }),
    });
    const answer = await post(app, await tokens(), 't=action&a=send-with-sendwell', {
      gmail: { toRecipients: ['ada@example.com'] },
    });
    expect(answer.json.renderActions.action?.notification?.text).toBe(en.t('gmail.connect.draftUnreadable'));
    expect(service.lost).toEqual([['mbx-gus', 'grant-revoked']]);
  });

  it('a mailbox already waiting for a reconnect is not asked again: nothing read, nothing sent', async () => {
    const reads: string[] = [];
    const reading = async (): Promise<never> => {
      reads.push('read');
      throw new Error('the grant should not be tried');
    };
    await sendwell.db.query(
      "update mailboxes set state = 'needs-reconnect', state_problem = 'grant-revoked' where id = 'mbx-gus'",
    );
    try {
      const service = fakeService([gusMailbox('needs-reconnect')]);
      const app = addonWith({
        auth: sandboxAuth(),
        connections: service,
        draftsFor: () => ({ recent: reading, get: reading, remove: reading }),
      });
      const answer = await post(app, await tokens(), 't=action&a=send-with-sendwell', {
        gmail: { toRecipients: ['ada@example.com'] },
      });
      expect(answer.json.renderActions.action?.notification?.text).toBe(
        en.t('gmail.connect.draftUnreadable'),
      );
      expect(reads).toEqual([]);
    } finally {
      await sendwell.db.query(
        "update mailboxes set state = 'connected', state_problem = null where id = 'mbx-gus'",
      );
    }
  });
});
