import { randomBytes } from 'node:crypto';
import { type ConnectionProblem, MailboxAuthError, silentLogger } from '@sendwell/core';
import { GmailApiMailbox } from '@sendwell/gmail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphMailbox } from '../mailboxes/graphMailbox';
import { loadCredential, saveCredential } from '../store/credentials';
import type { Db } from '../store/db';
import { bindIdentity } from '../store/identities';
import type { MailboxRow } from '../store/rows';
import { openTestDb } from '../store/testing';
import { upsertMailbox, upsertUser } from '../store/users';
import { createVault } from '../vault/vault';
import { createGoogleOAuthClient } from './providers/google';
import { createMicrosoftOAuthClient } from './providers/microsoft';
import { type ServedSandbox, serveSandbox } from './providers/sandboxServer.testing';
import { createTokenManager, type TokenManager } from './tokenManager';

// The token manager with the real Entra and Google clients against the sandbox's token routes over
// HTTP (rotation, lifetimes, revocation as the providers do them), feeding the real mailbox adapters.
let served: ServedSandbox;
let db: Db;
let tokens: TokenManager;
const vault = createVault([randomBytes(32)]);
const lost: { mailboxId: string; problem: ConnectionProblem }[] = [];

const user = (id: string) => served.sandbox.users.find((u) => u.id === id)!;
const mailboxOf = (id: string, provider: 'exchange' | 'gmail'): MailboxRow => ({
  id: `mbx_${id}`,
  userId: id,
  provider,
  address: user(id).email,
  profileId: provider === 'gmail' ? 'gmail-workspace' : 'exchange-online',
  pausedUntil: null,
  pauseReason: null,
  scanCursor: null,
});

function clients(s: ServedSandbox) {
  const { sandbox, appBaseUrl, clock } = s;
  return {
    exchange: createMicrosoftOAuthClient({
      clientId: sandbox.oauthClients.microsoft.clientId,
      clientSecret: sandbox.oauthClients.microsoft.clientSecret,
      authorityHost: sandbox.microsoft.authorityHost,
      redirectUri: `${appBaseUrl}/connect/callback/microsoft`,
      graphBaseUrl: sandbox.microsoft.graphBaseUrl,
      clock,
    }),
    gmail: createGoogleOAuthClient({
      clientId: sandbox.oauthClients.google.clientId,
      clientSecret: sandbox.oauthClients.google.clientSecret,
      authUrl: `${sandbox.google.accountsUrl}/o/oauth2/v2/auth`,
      tokenUrl: `${sandbox.google.oauthUrl}/token`,
      revokeUrl: `${sandbox.google.oauthUrl}/revoke`,
      issuer: sandbox.google.issuer,
      jwksUrl: sandbox.google.jwksUrl,
      redirectUri: `${appBaseUrl}/connect/callback/google`,
      gmailRootUrl: sandbox.google.rootUrl,
      clock,
    }),
  };
}

/** A rep who connected once: the sandbox's offline grant stored in the vault, as the callback does. */
async function connect(
  id: string,
  provider: 'exchange' | 'gmail',
): Promise<{ mailbox: MailboxRow; refreshToken: string }> {
  const u = user(id);
  const mailbox = mailboxOf(id, provider);
  await upsertUser(db, {
    id,
    email: u.email,
    name: id,
    tenantId: u.tenantId,
    legacy: false,
    defaultChannel: null,
    role: 'rep',
  });
  const oauth = provider === 'gmail' ? 'google' : 'microsoft';
  await bindIdentity(
    db,
    { provider: oauth, tenantId: oauth === 'google' ? 'google' : u.tenantId, subject: u.subject },
    id,
  );
  await upsertMailbox(db, mailbox);
  const { refreshToken } = served.sandbox.grantOffline(id, oauth);
  await saveCredential(db, vault, { mailboxId: mailbox.id, kind: 'oauth', secret: refreshToken });
  return { mailbox, refreshToken };
}

const graph = (mailbox: MailboxRow) =>
  new GraphMailbox({
    baseUrl: served.sandbox.microsoft.graphBaseUrl,
    address: mailbox.address,
    getToken: tokens.accessTokenSource(mailbox),
  });

beforeAll(async () => {
  served = await serveSandbox();
  db = await openTestDb('pglite');
  const byKind = clients(served);
  tokens = createTokenManager({
    db,
    vault,
    clock: served.clock,
    logger: silentLogger,
    clientFor: (kind) => byKind[kind],
    onLost: async (mailboxId, problem) => void lost.push({ mailboxId, problem }),
  });
});
afterAll(async () => {
  await db.close();
  await served.close();
});

describe('token manager against the sandbox providers', () => {
  it('Entra: Graph works with the token, a refresh near expiry stores the rotated refresh token', async () => {
    const { mailbox, refreshToken } = await connect('ava', 'exchange');
    expect(await graph(mailbox).findSent('snd-none')).toBe(false);
    served.clock.advance(3_600_000);
    expect(await graph(mailbox).findSent('snd-none')).toBe(false);
    const stored = await loadCredential(db, vault, mailbox.id);
    expect(stored?.secret).not.toBe(refreshToken);
    // The next refresh presents the rotated one, and rotates it again.
    served.clock.advance(3_600_000);
    expect(await graph(mailbox).findSent('snd-none')).toBe(false);
    expect(await loadCredential(db, vault, mailbox.id)).toMatchObject({ generation: 4 });
    expect((await loadCredential(db, vault, mailbox.id))?.secret).not.toBe(stored?.secret);
  });

  it('Entra: after the rep revokes access, Graph’s 401 and the forced refresh end in MailboxAuthError and onLost', async () => {
    const { mailbox } = await connect('eli', 'exchange');
    expect(await graph(mailbox).findSent('snd-none')).toBe(false);
    await served.dev('revoke', 'eli');
    const error = await graph(mailbox)
      .send({
        sendwellId: 'snd-1',
        messageId: 'snd-1@sendwell.local',
        from: mailbox.address,
        to: ['pat@example.com'],
        subject: 'Hi',
        html: '<p>Hi</p>',
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MailboxAuthError);
    expect(lost).toEqual([{ mailboxId: mailbox.id, problem: (error as MailboxAuthError).problem }]);
    expect((error as MailboxAuthError).problem).toBe('consent-revoked');
  });

  it('Google: refresh keeps the stored refresh token (Google does not rotate) and Gmail works with the token', async () => {
    const { mailbox, refreshToken } = await connect('gus', 'gmail');
    const gmail = new GmailApiMailbox({
      address: mailbox.address,
      rootUrl: served.sandbox.google.rootUrl,
      getToken: tokens.accessTokenSource(mailbox),
      clock: served.clock,
    });
    expect(await gmail.findSent('snd-none')).toBe(false);
    served.clock.advance(3_600_000);
    expect(await gmail.findSent('snd-none')).toBe(false);
    expect(await loadCredential(db, vault, mailbox.id)).toMatchObject({
      secret: refreshToken,
      generation: 3,
    });
  });
});
