import { randomBytes } from 'node:crypto';
import { ManualClock, type OAuthProvider, silentLogger } from '@sendwell/core';
import { FeedHub } from '../services/feedHub';
import type { Db } from '../store/db';
import { bindIdentity } from '../store/identities';
import { openTestDb } from '../store/testing';
import { findUser, upsertMailbox, upsertUser } from '../store/users';
import { createVault } from '../vault/vault';
import { FakeOAuthClient } from './fakeOAuthClient';
import { createConnectionService } from './service';
import type { ProviderIdentity } from './types';

/**
 * Who is who in the connection tests. contoso (Entra): ava the admin, whose Exchange mailbox was
 * seeded before any grant, and eli, a rep. acme (Workspace): gus the admin and ivy. fabrikam: zed,
 * an admin of another team. Each is bound to their provider identity, as sign-in binds them.
 */
export const IDENTITY: Record<string, ProviderIdentity> = {
  ava: identity('microsoft', 'tid-contoso', 'oid-ava', 'ava@contoso.test', null),
  eli: identity('microsoft', 'tid-contoso', 'oid-eli', 'eli@contoso.test', null),
  gus: identity('google', 'google', 'sub-gus', 'gus@acme.test', 'acme.test'),
  ivy: identity('google', 'google', 'sub-ivy', 'ivy@acme.test', 'acme.test'),
  zed: identity('microsoft', 'tid-fabrikam', 'oid-zed', 'zed@fabrikam.test', null),
};
const TEAM: Record<string, string> = {
  ava: 'contoso',
  eli: 'contoso',
  gus: 'acme',
  ivy: 'acme',
  zed: 'fabrikam',
};
const ADMINS = new Set(['ava', 'gus', 'zed']);

function identity(
  provider: OAuthProvider,
  tenantId: string,
  subject: string,
  email: string,
  hostedDomain: string | null,
): ProviderIdentity {
  return { provider, tenantId, subject, email, name: email.split('@')[0]!, hostedDomain };
}

const START = '2026-03-02T09:00:00Z';

export type ConnectionTestbed = Awaited<ReturnType<typeof openConnectionTestbed>>;

/** The connection service over a fresh database, a real vault and fake identity providers. */
export async function openConnectionTestbed(engine: 'pglite' | 'postgres') {
  const db: Db = await openTestDb(engine);
  const clock = new ManualClock(START);
  const hub = new FeedHub();
  const vault = createVault([randomBytes(32)]);
  const clients = {
    microsoft: new FakeOAuthClient('microsoft', clock),
    google: new FakeOAuthClient('google', clock),
  };
  const forgotten: string[] = [];
  const wakes = { count: 0 };
  const deps = {
    db,
    clock,
    hub,
    logger: silentLogger,
    vault,
    clients,
    tokens: { forget: (id: string) => void forgotten.push(id) },
    wakeSender: () => void wakes.count++,
  };
  await seed(db);
  const service = createConnectionService(deps);
  const user = async (id: string) => (await findUser(db, id))!;

  /** Back to the seeded state (a fresh database per test costs seconds; emptying it, milliseconds). */
  async function reset() {
    const tables = await db.query<{ tablename: string }>(
      "select tablename from pg_tables where schemaname = 'public' and tablename <> 'schema_migrations'",
    );
    await db.exec(`truncate table ${tables.map((t) => t.tablename).join(', ')} restart identity cascade`);
    await seed(db);
    clock.set(START);
    for (const client of Object.values(clients)) client.reset();
    forgotten.length = 0;
    wakes.count = 0;
  }

  /** The rep starts a connection and the provider sends their browser back with the answer. */
  async function redirect(
    userId: string,
    provider: OAuthProvider,
    answer: (state: string) => Record<string, string>,
  ) {
    const started = await service.start(await user(userId), provider);
    const state = new URL(started.authorizationUrl).searchParams.get('state')!;
    return { state, outcome: await service.complete(provider, { state, ...answer(state) }) };
  }
  /** The rep consents at the provider as `as` (themselves by default). */
  const connect = async (userId: string, provider: OAuthProvider, as = IDENTITY[userId]!) =>
    (await redirect(userId, provider, (state) => ({ code: clients[provider].consent(state, as) }))).outcome;

  return { db, clock, hub, vault, clients, deps, service, forgotten, wakes, user, redirect, connect, reset };
}

async function seed(db: Db) {
  for (const [id, who] of Object.entries(IDENTITY)) {
    await upsertUser(db, {
      id,
      email: who.email,
      name: who.name,
      tenantId: TEAM[id]!,
      legacy: false,
      defaultChannel: null,
      role: ADMINS.has(id) ? 'admin' : 'rep',
    });
    await bindIdentity(db, who, id);
  }
  // Ava's mailbox exists from before the grants (as the sandbox seed made them).
  await upsertMailbox(db, {
    id: 'mbx-ava',
    userId: 'ava',
    provider: 'exchange',
    address: 'ava@contoso.test',
    profileId: 'exchange-online',
  });
}
