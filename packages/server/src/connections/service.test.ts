import { randomBytes } from 'node:crypto';
import { nextConnectionStatus } from '@sendwell/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../services/errors';
import { findConnection } from '../store/connections';
import { loadCredential } from '../store/credentials';
import { listEvents } from '../store/events';
import { TEST_ENGINES } from '../store/testing';
import { createVault } from '../vault/vault';
import { AUTH_REQUEST_TTL_MS } from './authRequest';
import { type ConnectionTestbed, IDENTITY, openConnectionTestbed } from './connectionTestbed';
import { createConnectionService } from './service';
import { GrantError } from './types';

const eventsOf = async (bed: ConnectionTestbed, userId: string, type?: string) =>
  (await listEvents(bed.db, userId)).filter((e) => !type || e.type === type);

describe.each(TEST_ENGINES)('connection service on %s', (engine) => {
  let bed: ConnectionTestbed;
  beforeAll(async () => {
    bed = await openConnectionTestbed(engine);
  });
  beforeEach(async () => {
    await bed.reset();
  });
  afterAll(async () => {
    await bed.db.close();
  });

  describe('start', () => {
    it('asks for consent with the rep as login hint, their Entra tenant and an S256 challenge', async () => {
      const started = await bed.service.start(await bed.user('ava'), 'microsoft');
      const [request] = bed.clients.microsoft.requests;
      expect(request).toMatchObject({ loginHint: 'ava@contoso.test', tenantId: 'tid-contoso' });
      expect(request!.codeChallenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(request!.state).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Date.parse(started.expiresAt)).toBe(bed.clock.now().getTime() + AUTH_REQUEST_TTL_MS);
      // The verifier is stored only as a vault envelope.
      const [row] = await bed.db.query<{ verifier: string }>('select verifier from oauth_states');
      expect(row!.verifier).toMatch(/^v1\./);
    });

    it('refuses a provider this Sendwell has no client for', async () => {
      const { google: _, ...onlyMicrosoft } = bed.clients;
      const service = createConnectionService({ ...bed.deps, clients: onlyMicrosoft });
      await expect(service.start(await bed.user('gus'), 'google')).rejects.toMatchObject({
        status: 409,
        code: 'provider-not-configured',
      });
      expect((await service.list(await bed.user('gus'))).connectable).toEqual(['microsoft']);
    });
  });

  describe('complete', () => {
    it('connects a new Gmail mailbox: credential in the vault, one event, tokens forgotten, sender woken', async () => {
      const outcome = await bed.connect('gus', 'google');
      expect(outcome).toMatchObject({ outcome: 'connected', address: 'gus@acme.test', released: 0 });
      if (outcome.outcome === 'refused') throw new Error(outcome.message);
      expect(outcome.mailboxId).toMatch(/^mbx_[0-9a-f]{18}$/);
      const row = await findConnection(bed.db, outcome.mailboxId);
      expect(row).toMatchObject({
        state: 'connected',
        mailbox: { provider: 'gmail', profileId: 'gmail-workspace' },
      });
      const credential = await loadCredential(bed.db, bed.vault, outcome.mailboxId);
      expect(credential).toMatchObject({ kind: 'oauth', secret: expect.stringMatching(/^refresh-/) });
      const events = await eventsOf(bed, 'gus', 'connection.connected');
      expect(events.map((e) => e.detail)).toEqual([
        { mailboxId: outcome.mailboxId, provider: 'gmail', address: 'gus@acme.test', released: 0 },
      ]);
      expect(bed.forgotten).toEqual([outcome.mailboxId]);
      expect(bed.wakes.count).toBe(1);
    });

    it('gives a Gmail account without a Workspace domain the consumer limits', async () => {
      const outcome = await bed.connect('ivy', 'google', { ...IDENTITY.ivy!, hostedDomain: null });
      if (outcome.outcome === 'refused') throw new Error(outcome.message);
      expect((await findConnection(bed.db, outcome.mailboxId))?.mailbox.profileId).toBe('gmail-consumer');
    });

    it('stores the first grant on the mailbox the rep already has, as its first connection', async () => {
      const outcome = await bed.connect('ava', 'microsoft');
      expect(outcome).toMatchObject({ outcome: 'connected', mailboxId: 'mbx-ava' });
      expect(await eventsOf(bed, 'ava', 'connection.connected')).toHaveLength(1);
    });

    it('refuses a consent by someone else, naming both addresses, and connects nothing', async () => {
      const outcome = await bed.connect('eli', 'microsoft', IDENTITY.ava);
      expect(outcome).toMatchObject({ outcome: 'refused', code: 'wrong-identity' });
      const message = outcome.outcome === 'refused' ? outcome.message : '';
      expect(message).toContain('eli@contoso.test');
      expect(message).toContain('ava@contoso.test');
      expect(await bed.db.query("select * from mailboxes where user_id = 'eli'")).toEqual([]);
      expect(await bed.db.query('select * from credentials')).toEqual([]);
    });

    it('refuses an identity bound to nobody, even with the rep’s own email address', async () => {
      const stranger = { ...IDENTITY.gus!, subject: 'sub-someone-else' };
      expect(await bed.connect('gus', 'google', stranger)).toMatchObject({ code: 'wrong-identity' });
    });

    it.each([
      ['unknown', 'unknown-state', async (_b: ConnectionTestbed) => ({ state: 'made-up', code: 'x' })],
      [
        'used',
        'state-used',
        async (b: ConnectionTestbed) => {
          const { state } = await b.redirect('gus', 'google', (s) => ({
            code: b.clients.google.consent(s, IDENTITY.gus!),
          }));
          return { state, code: b.clients.google.consent(state, IDENTITY.gus!) };
        },
      ],
      [
        'expired',
        'state-expired',
        async (b: ConnectionTestbed) => {
          const started = await b.service.start(await b.user('gus'), 'google');
          const state = new URL(started.authorizationUrl).searchParams.get('state')!;
          b.clock.advance(AUTH_REQUEST_TTL_MS + 1);
          return { state, code: b.clients.google.consent(state, IDENTITY.gus!) };
        },
      ],
      [
        'for the other provider',
        'unknown-state',
        async (b: ConnectionTestbed) => {
          const started = await b.service.start(await b.user('ava'), 'microsoft');
          const state = new URL(started.authorizationUrl).searchParams.get('state')!;
          return { state, code: b.clients.microsoft.consent(state, IDENTITY.ava!) };
        },
      ],
    ])('refuses a %s state (%s)', async (_label, code, answer) => {
      const query = await answer(bed);
      const before = await bed.db.query('select count(*)::int as n from credentials');
      const outcome = await bed.service.complete('google', query);
      expect(outcome).toMatchObject({ outcome: 'refused', code });
      expect(await bed.db.query('select count(*)::int as n from credentials')).toEqual(before);
    });

    it('says the rep cancelled when the provider answers access_denied, and uses up the request', async () => {
      const { state, outcome } = await bed.redirect('gus', 'google', () => ({
        error: 'access_denied',
        error_description: 'The user denied the request',
      }));
      expect(outcome).toMatchObject({ outcome: 'refused', code: 'access-denied' });
      expect(outcome.outcome === 'refused' && outcome.message).toMatch(/^You cancelled/);
      // A fresh request to try again, for the same rep.
      expect(outcome.outcome === 'refused' && outcome.retryUrl).toMatch(/login_hint=gus%40acme\.test/);
      const code = bed.clients.google.consent(state, IDENTITY.gus!);
      expect(await bed.service.complete('google', { state, code })).toMatchObject({ code: 'state-used' });
    });

    it('refuses, without crashing, a request whose verifier no longer opens (its key is gone)', async () => {
      const started = await bed.service.start(await bed.user('gus'), 'google');
      const state = new URL(started.authorizationUrl).searchParams.get('state')!;
      const service = createConnectionService({ ...bed.deps, vault: createVault([randomBytes(32)]) });
      const code = bed.clients.google.consent(state, IDENTITY.gus!);
      expect(await service.complete('google', { state, code })).toMatchObject({
        outcome: 'refused',
        code: 'state-unreadable',
      });
    });

    it('says what the token endpoint refused', async () => {
      bed.clients.google.failNextRedeem = new GrantError(null, 'invalid_grant', 'Bad Request');
      expect(await bed.connect('gus', 'google')).toMatchObject({ outcome: 'refused', code: 'grant-refused' });
    });
  });

  describe('disconnect, disable, enable', () => {
    it('lets the owner disconnect: the grant is revoked and the credential deleted', async () => {
      const outcome = await bed.connect('gus', 'google');
      if (outcome.outcome === 'refused') throw new Error(outcome.message);
      const secret = (await loadCredential(bed.db, bed.vault, outcome.mailboxId))!.secret;
      const info = await bed.service.disconnect(await bed.user('gus'), outcome.mailboxId);
      expect(info).toMatchObject({ state: 'disconnected', heldSends: 0, bounceTracking: true });
      expect(bed.clients.google.revoked).toEqual([secret]);
      expect(await loadCredential(bed.db, bed.vault, outcome.mailboxId)).toBeNull();
      expect(await eventsOf(bed, 'gus', 'connection.disconnected')).toHaveLength(1);
    });

    it.each([
      ['a teammate', 'eli'],
      ['another team’s admin', 'zed'],
    ])('answers 404 when %s tries to disconnect a mailbox', async (_label, who) => {
      await bed.connect('ava', 'microsoft');
      await expect(bed.service.disconnect(await bed.user(who), 'mbx-ava')).rejects.toMatchObject({
        status: 404,
        code: 'connection-not-found',
      });
      expect((await findConnection(bed.db, 'mbx-ava'))?.state).toBe('connected');
    });

    it('lets the team admin disable and enable a rep’s mailbox, each change once in the rep’s feed', async () => {
      await bed.connect('eli', 'microsoft');
      const [eliMailbox] = await bed.service.list(await bed.user('eli')).then((a) => a.connections);
      const admin = await bed.user('ava');
      expect(await bed.service.disable(admin, eliMailbox!.mailboxId)).toMatchObject({ state: 'disabled' });
      expect(await bed.service.disable(admin, eliMailbox!.mailboxId)).toMatchObject({ state: 'disabled' });
      expect(await bed.service.enable(admin, eliMailbox!.mailboxId)).toMatchObject({ state: 'connected' });
      const types = (await eventsOf(bed, 'eli')).map((e) => e.type);
      expect(types).toEqual(['connection.connected', 'connection.disabled', 'connection.enabled']);
    });

    it('keeps a disabled mailbox disabled when its rep reconnects, with core’s reason', async () => {
      await bed.connect('eli', 'microsoft');
      const [mailbox] = (await bed.service.list(await bed.user('eli'))).connections;
      await bed.service.disable(await bed.user('ava'), mailbox!.mailboxId);
      const outcome = await bed.connect('eli', 'microsoft');
      const core = nextConnectionStatus({ state: 'disabled', problem: null }, { type: 'connected' });
      expect(outcome).toMatchObject({
        outcome: 'refused',
        code: 'mailbox-disabled',
        message: core.changed ? '' : core.refusal,
      });
    });

    it.each([
      ['a rep of the team', 'eli', 403, 'admin-only'],
      ['another team’s admin', 'zed', 404, 'connection-not-found'],
    ])('refuses disable/enable from %s', async (_label, who, status, code) => {
      await bed.connect('ava', 'microsoft');
      for (const act of ['disable', 'enable'] as const) {
        const attempt = bed.service[act](await bed.user(who), 'mbx-ava');
        await expect(attempt).rejects.toBeInstanceOf(ApiError);
        await expect(attempt).rejects.toMatchObject({ status, code });
      }
      expect((await findConnection(bed.db, 'mbx-ava'))?.state).toBe('connected');
    });
  });

  describe('markLost', () => {
    it('records one needs-reconnect per loss, with the problem, however often it is told', async () => {
      await bed.connect('ava', 'microsoft');
      await bed.service.markLost('mbx-ava', 'grant-revoked');
      await bed.service.markLost('mbx-ava', 'grant-revoked');
      await bed.service.markLost('mbx-ava', 'password-changed');
      const lost = await eventsOf(bed, 'ava', 'connection.needs-reconnect');
      expect(lost.map((e) => e.detail)).toEqual([
        { mailboxId: 'mbx-ava', provider: 'exchange', address: 'ava@contoso.test', problem: 'grant-revoked' },
      ]);
      const [info] = (await bed.service.list(await bed.user('ava'))).connections;
      expect(info).toMatchObject({ state: 'needs-reconnect', problem: 'grant-revoked' });
      expect(await bed.connect('ava', 'microsoft')).toMatchObject({ outcome: 'reconnected', released: 0 });
      await bed.service.markLost('mbx-ava', 'grant-expired');
      expect(await eventsOf(bed, 'ava', 'connection.needs-reconnect')).toHaveLength(2);
    });
  });

  describe('connectWithPassword', () => {
    it('connects an Exchange Server mailbox with its settings; bounce tracking is off', async () => {
      const info = await bed.service.connectWithPassword(await bed.user('eli'), {
        provider: 'exchange-server',
        address: 'eli@contoso.test',
        settings: { ewsUrl: 'https://mail.contoso.test/EWS/Exchange.asmx', username: 'CONTOSO\\eli' },
        password: 'correct horse',
      });
      expect(info).toMatchObject({ provider: 'exchange-server', state: 'connected', bounceTracking: false });
      expect(await loadCredential(bed.db, bed.vault, info.mailboxId)).toMatchObject({
        kind: 'password',
        secret: 'correct horse',
      });
      expect((await findConnection(bed.db, info.mailboxId))?.settings).toMatchObject({
        username: 'CONTOSO\\eli',
      });
    });
  });
});
