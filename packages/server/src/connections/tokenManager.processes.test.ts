import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { loadCredential, saveCredential } from '../store/credentials';
import { type Db, openDb } from '../store/db';
import { migrate } from '../store/migrations';
import { seedAva } from '../store/testing';
import { upsertMailbox } from '../store/users';
import { createVault } from '../vault/vault';
import { REFRESH_PROCESS_SCRIPT } from './refreshProcess';

/*
 * The test: two Sendwell processes that need the same mailbox's token at the same moment
 * make ONE refresh call; the second waits on the credential row's lock, then uses the token the
 * first one stored. It needs real PostgreSQL (CI sets SENDWELL_TEST_DATABASE_URL). There is no
 * PGlite version on purpose: PGlite is one connection in one process, so two handles on it would
 * serialise on its mutex and never exercise `for update` — the test would pass with no lock at all.
 */

const ADMIN_URL = process.env.SENDWELL_TEST_DATABASE_URL;
const TSX = fileURLToPath(new URL('../../../../node_modules/.bin/tsx', import.meta.url));
const MAILBOX = 'mbx_ava';

async function adminQuery(sql: string, params: unknown[] = [], database?: string): Promise<pg.QueryResult> {
  const url = new URL(ADMIN_URL!);
  if (database) url.pathname = `/${database}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

/** A fresh database the child processes can reach by URL (openTestDb does not expose its URL). */
async function freshDatabase(): Promise<{ url: string; name: string; db: Db }> {
  const name = `sendwell_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(ADMIN_URL!);
  url.pathname = `/${name}`;
  const db = await openDb({ databaseUrl: url.toString() });
  await migrate(db);
  return { url: url.toString(), name, db };
}

/** Backends of `database` waiting for a lock: the second process queued on the credential row. */
async function lockWaiters(database: string): Promise<number> {
  const { rows } = await adminQuery(
    `select count(*)::int as n from pg_locks l join pg_stat_activity a on a.pid = l.pid
      where not l.granted and a.datname = $1`,
    [database],
  );
  return Number(rows[0].n);
}

/**
 * A token endpoint on loopback that rotates refresh tokens and counts calls. It holds the first
 * answer until the other process is seen waiting on the row lock (or a second call arrives, which
 * is the failure this test exists to catch), so the two requests truly overlap without any sleep
 * deciding the outcome.
 */
function tokenEndpoint(database: string) {
  const state = { calls: 0, valid: 'rt-0', presented: [] as string[] };
  const held: (() => void)[] = [];
  const answer = (res: ServerResponse, refreshToken: string) => {
    if (refreshToken !== state.valid) {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ error: 'invalid_grant', error_description: 'Token has been expired or revoked.' }),
      );
      return;
    }
    state.valid = `rt-${state.calls}`;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        access_token: `at-${state.calls}`,
        token_type: 'Bearer',
        expires_in: 3599,
        refresh_token: state.valid,
        scope: 'offline_access',
      }),
    );
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    const refreshToken = new URLSearchParams(body).get('refresh_token') ?? '';
    state.calls++;
    state.presented.push(refreshToken);
    if (state.calls > 1) {
      for (const release of held.splice(0)) release();
      return answer(res, refreshToken);
    }
    held.push(() => answer(res, refreshToken));
    while (held.length > 0 && (await lockWaiters(database)) === 0)
      await new Promise((r) => setTimeout(r, 20));
    for (const release of held.splice(0)) release();
  };
  const server = createServer((req, res) => void handle(req, res));
  return { server, state };
}

function startInstance(databaseUrl: string, tokenUrl: string, secret: Buffer) {
  const child = spawn(TSX, [REFRESH_PROCESS_SCRIPT, databaseUrl, MAILBOX, tokenUrl], {
    env: { ...process.env, SENDWELL_SECRET: secret.toString('base64'), SENDWELL_SECRET_PREVIOUS: '' },
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const nextLine = async (): Promise<string> => {
    const line = await lines.next();
    if (line.done) throw new Error(`instance exited early: ${stderr}`);
    return line.value;
  };
  return { child, nextLine };
}

const exited = (child: ChildProcessWithoutNullStreams) =>
  child.exitCode !== null ? Promise.resolve([child.exitCode]) : once(child, 'exit');

describe.skipIf(!ADMIN_URL)('token manager across processes on PostgreSQL', () => {
  it('two processes refreshing one mailbox make one refresh call and share its token', {
    timeout: 180_000,
  }, async () => {
    const secret = randomBytes(32);
    const vault = createVault([secret]);
    const { url, name, db } = await freshDatabase();
    const { server, state } = tokenEndpoint(name);
    try {
      await seedAva(db);
      await upsertMailbox(db, {
        id: MAILBOX,
        userId: 'ava',
        provider: 'exchange',
        address: 'ava@contoso.test',
        profileId: 'exchange-online',
      });
      await saveCredential(db, vault, { mailboxId: MAILBOX, kind: 'oauth', secret: 'rt-0' });
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
      const tokenUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/token`;

      const instances = [startInstance(url, tokenUrl, secret), startInstance(url, tokenUrl, secret)];
      for (const instance of instances) expect(await instance.nextLine()).toBe('ready');
      for (const instance of instances) instance.child.stdin.write('go\n');
      const answers = await Promise.all(
        instances.map(async (i) => JSON.parse(await i.nextLine()) as { token: string }),
      );
      await Promise.all(instances.map((i) => exited(i.child)));

      expect(state.calls).toBe(1);
      expect(state.presented).toEqual(['rt-0']);
      expect(answers).toEqual([{ token: 'at-1' }, { token: 'at-1' }]);
      expect((await loadCredential(db, vault, MAILBOX))?.secret).toBe('rt-1');
    } finally {
      server.close();
      await db.close();
      await adminQuery(`drop database if exists ${name} with (force)`);
    }
  });
});
