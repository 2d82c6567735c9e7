import { randomBytes } from 'node:crypto';
import { ManualClock, silentLogger } from '@sendwell/core';
import type { Sandbox } from '@sendwell/sandbox';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connectExchangeServer } from '../connections/exchangeServer';
import { type ConnectionService, createConnectionService } from '../connections/service';
import { createTokenManager } from '../connections/tokenManager';
import { FeedHub } from '../services/feedHub';
import { createSend } from '../services/sends';
import { findConnection } from '../store/connections';
import { saveCredential } from '../store/credentials';
import type { Db } from '../store/db';
import { listEvents } from '../store/events';
import { findSend } from '../store/sends';
import { openTestDb, TEST_ENGINES } from '../store/testing';
import { findMailbox, findUser, upsertUser } from '../store/users';
import { createVault, type Vault } from '../vault/vault';
import { scanAllOnce } from '../workers/scannerWorker';
import { sendDueOnce } from '../workers/senderWorker';
import { serveSandbox } from './ewsTesting';
import { createMailboxPorts } from './ports';

// The real sender worker, an Exchange Server connection made through the probe and the connection
// service, and the sandbox's EWS over HTTP: what goes out, and how often.
describe.each(TEST_ENGINES)('sending through Exchange Server on-premises on %s', (engine) => {
  let sandbox: Sandbox;
  let closeSandbox: () => Promise<void>;
  let db: Db;
  let vault: Vault;
  let clock: ManualClock;
  let hub: FeedHub;
  let mailboxId: string;
  let service: ConnectionService;
  let ports: ReturnType<typeof createMailboxPorts>;
  let keys = 0;

  beforeAll(async () => {
    ({ sandbox, close: closeSandbox } = await serveSandbox());
    db = await openTestDb(engine);
    vault = createVault([randomBytes(32)]);
    clock = new ManualClock('2026-03-02T09:00:00Z');
    hub = new FeedHub();
    await upsertUser(db, {
      id: 'rio',
      email: 'rio@northwind.test',
      name: 'Rio Santos',
      tenantId: 'northwind',
      legacy: false,
      defaultChannel: null,
      role: 'rep',
    });
    // The composition root's wiring: token manager (EWS passwords from the vault) and mailbox ports.
    const tokens = createTokenManager({
      db,
      vault,
      clock,
      logger: silentLogger,
      clientFor: () => null,
      onLost: (id, problem) => service.markLost(id, problem),
    });
    ports = createMailboxPorts(
      { microsoft: null, google: null, policy: { microsoftTenants: [], googleDomains: [] } },
      tokens,
    );
    service = createConnectionService({
      db,
      clock,
      hub,
      logger: silentLogger,
      vault,
      clients: {},
      tokens: {
        forget: (id) => {
          tokens.forget(id);
          ports.forget(id);
        },
      },
      wakeSender: () => {},
    });
    mailboxId = await connectRio();
  });
  afterAll(async () => {
    await db.close();
    await closeSandbox();
  });
  beforeEach(() => {
    clock.advance(3_600_000);
  });

  /** Rio connects (or reconnects) their mailbox with the password the sandbox's Exchange knows. */
  async function connectRio(): Promise<string> {
    const rio = sandbox.ews.orgs.find((o) => o.id === 'northwind')!.users.find((u) => u.id === 'rio')!;
    const connected = await connectExchangeServer(service, (await findUser(db, 'rio'))!, {
      ewsUrl: sandbox.ews.url('northwind'),
      username: rio.username,
      password: rio.password,
      address: rio.address,
    });
    if (connected.kind !== 'connected') throw new Error(`not connected: ${connected.message}`);
    return connected.connection.mailboxId;
  }
  const deps = () => ({
    db,
    clock,
    hub,
    logger: silentLogger,
    mailboxFor: ports.mailboxFor,
  });
  const queue = async () => {
    const { sends } = await createSend({ db, clock, hub, wake: () => {} }, (await findUser(db, 'rio'))!, {
      host: 'outlook',
      to: ['pat@example.com'],
      subject: 'Quick question',
      body: '<p>Hello</p>',
      idempotencyKey: `ews-outbox-${engine}-${++keys}`,
    });
    return sends[0]!.send;
  };
  const inSentItems = (sendId: string) =>
    sandbox.ews.sentItems('northwind', 'rio').filter((i) => i.internetHeaders['x-sendwell-id'] === sendId);
  const submittedEvents = async (sendId: string) =>
    (await listEvents(db, 'rio', 0, 1000)).filter((e) => e.type === 'send.submitted' && e.sendId === sendId);

  it('queues into the Exchange Server mailbox and the send lands in Sent Items once', async () => {
    const send = await queue();
    expect(send.mailboxId).toBe(mailboxId);
    expect((await findMailbox(db, mailboxId))!.provider).toBe('exchange-server');
    clock.set(send.sendAt);
    await sendDueOnce(deps());
    expect((await findSend(db, send.id))!.status).toBe('submitted');
    expect(inSentItems(send.id)).toHaveLength(1);
    expect(inSentItems(send.id)[0]!.raw).toContain('<p>Hello</p>');
  });

  it('a send to the sandbox EWS lands in Sent Items once, with reconcile before retry', async () => {
    const send = await queue();
    sandbox.ews.crashAfterAccept('northwind');
    clock.set(send.sendAt);
    await sendDueOnce(deps());
    const afterCrash = (await findSend(db, send.id))!;
    expect([afterCrash.status, afterCrash.attempts]).toEqual(['retry', 1]);
    expect(inSentItems(send.id)).toHaveLength(1);

    clock.set(afterCrash.sendAt);
    await sendDueOnce(deps());
    expect((await findSend(db, send.id))!.status).toBe('submitted');
    expect(inSentItems(send.id)).toHaveLength(1);
    expect(await submittedEvents(send.id)).toHaveLength(1);
  });

  it('ErrorServerBusy holds the send for BackOffMilliseconds without using an attempt, then sends it once', async () => {
    const send = await queue();
    sandbox.ews.busyNext('northwind', 1, 90_000);
    clock.set(send.sendAt);
    await sendDueOnce(deps());
    const held = (await findSend(db, send.id))!;
    expect(held.status).not.toBe('submitted');
    expect(held.attempts).toBe(0);
    expect(held.sendAt.getTime()).toBe(clock.now().getTime() + 90_000);
    expect(inSentItems(send.id)).toHaveLength(0);

    clock.set(held.sendAt);
    await sendDueOnce(deps());
    expect((await findSend(db, send.id))!.status).toBe('submitted');
    expect(inSentItems(send.id)).toHaveLength(1);
  });

  it('the bounce scanner leaves Exchange Server mailboxes alone: there is no inbox to read', async () => {
    const asked: string[] = [];
    await scanAllOnce({
      ...deps(),
      mailboxFor: (row) => {
        asked.push(row.provider);
        return ports.mailboxFor(row);
      },
    });
    expect(asked).not.toContain('exchange-server');
  });

  it('a password Exchange no longer accepts holds the send; after reconnecting it goes out once', async () => {
    // The rep changed their Windows password: the one in the vault is stale.
    await saveCredential(db, vault, { mailboxId, kind: 'password', secret: 'Northwind-Rio-2018!' });
    const send = await queue();
    clock.set(send.sendAt);
    await sendDueOnce(deps());
    const held = (await findSend(db, send.id))!;
    expect([held.status === 'submitted', held.attempts]).toEqual([false, 0]);
    expect(await findConnection(db, mailboxId)).toMatchObject({
      state: 'needs-reconnect',
      problem: 'password-rejected',
    });
    expect(inSentItems(send.id)).toHaveLength(0);

    expect(await connectRio()).toBe(mailboxId);
    await sendDueOnce(deps());
    expect((await findSend(db, send.id))!.status).toBe('submitted');
    expect(inSentItems(send.id)).toHaveLength(1);
  });
});
