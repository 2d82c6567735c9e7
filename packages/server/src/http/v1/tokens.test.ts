import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock, silentLogger } from '@sendwell/core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RETIRED_TOKEN_MESSAGE } from '../../auth/authenticate';
import { loadConfig, loadSecret } from '../../config/config';
import { createSendwell, type Sendwell } from '../../sendwell';
import { listAudit } from '../../store/audit';
import { TEST_ENGINES } from '../../store/testing';

// API tokens with a lifetime, revocable per user (issue 11), through the real /api/v1 routes of a
// sandbox-mode Sendwell on each store engine. Sandbox seed: ava (contoso admin), eli (contoso rep),
// gus (acme admin). The clock is driven by hand so expiry is exact; the lifetime comes from the
// environment variable an operator sets.

const DAY = 86_400_000;

async function postgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.SENDWELL_TEST_DATABASE_URL!;
  const name = `sendwell_atrest_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

describe.each(TEST_ENGINES)('API tokens on %s', (engine) => {
  const clock = new ManualClock('2026-12-05T09:00:00Z');
  const dataDir = mkdtempSync(join(tmpdir(), 'sendwell-tokens-'));
  let database: Awaited<ReturnType<typeof postgresDatabase>> | null = null;
  let sendwell: Sendwell;

  beforeAll(async () => {
    database = engine === 'postgres' ? await postgresDatabase() : null;
    const config = loadConfig(
      { port: 0, dataDir, databaseUrl: database?.url },
      { SENDWELL_API_TOKEN_DAYS: '30' },
    );
    sendwell = await createSendwell(config, { clock, logger: silentLogger });
  }, 120_000);
  afterAll(async () => {
    await sendwell.close();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const call = (token: string, method: string, path: string, body?: unknown) =>
    sendwell.app.request(`/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const make = async (token: string, body: Record<string, unknown>) => {
    const response = await call(token, 'POST', '/tokens', body);
    expect(response.status).toBe(201);
    return (await response.json()) as { token: string; apiToken: { id: string; expiresAt: string } };
  };
  /** The status and error code a token gets on an ordinary authenticated route. */
  const probe = async (token: string) => {
    const response = await call(token, 'GET', '/tokens?limit=1');
    const body = (await response.json()) as { error?: { code: string; message: string } };
    return [response.status, body.error?.code ?? 'ok'];
  };

  it("lives the server's lifetime at most, and never outlives the token that made it", async () => {
    const made = await make(sendwell.apiTokenFor('eli'), { name: 'CRM sync', expiresInDays: 365 });
    expect(Date.parse(made.apiToken.expiresAt)).toBe(clock.now().getTime() + 30 * DAY);
    const child = await make(made.token, { name: 'child' });
    expect(child.apiToken.expiresAt).toBe(made.apiToken.expiresAt);
    const short = await make(made.token, { name: 'short', expiresInDays: 2 });
    expect(Date.parse(short.apiToken.expiresAt)).toBe(clock.now().getTime() + 2 * DAY);
  });

  it('refuses an expired token with when it ended, and lists it as expired', async () => {
    const eli = sendwell.apiTokenFor('eli');
    const made = await make(eli, { name: 'one day', expiresInDays: 1 });
    expect(await probe(made.token)).toEqual([200, 'ok']);
    clock.advance(DAY);
    const [status, code] = await probe(made.token);
    expect([status, code]).toEqual([401, 'token-expired']);
    const listed = await (await call(sendwell.apiTokenFor('eli'), 'GET', '/tokens?limit=100')).json();
    expect(listed.items.find((t: { id: string }) => t.id === made.apiToken.id).state).toBe('expired');
  });

  it('revokes one token: it stops, my other tokens and other users’ keep working', async () => {
    const mine = await make(sendwell.apiTokenFor('eli'), { name: 'to revoke' });
    const other = await make(sendwell.apiTokenFor('eli'), { name: 'to keep' });
    const avas = await make(sendwell.apiTokenFor('ava'), { name: 'ava’s' });
    const revoked = await call(other.token, 'POST', `/tokens/${mine.apiToken.id}/revoke`);
    expect([revoked.status, (await revoked.json()).state]).toEqual([200, 'revoked']);
    expect(await probe(mine.token)).toEqual([401, 'token-revoked']);
    expect(await probe(other.token)).toEqual([200, 'ok']);
    expect(await probe(avas.token)).toEqual([200, 'ok']);
  });

  it('revokes all of a user’s tokens issued until now, listed or derived; later ones work', async () => {
    const derived = sendwell.apiTokenFor('ivy');
    const listed = await make(derived, { name: 'ivy’s' });
    const gus = sendwell.apiTokenFor('gus');
    const answer = await call(listed.token, 'POST', '/tokens/revoke-all');
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ userId: 'ivy', revoked: 1 });
    expect(await probe(derived)).toEqual([401, 'token-revoked']);
    expect(await probe(listed.token)).toEqual([401, 'token-revoked']);
    expect(await probe(gus)).toEqual([200, 'ok']);
    clock.advance(1);
    expect(await probe(sendwell.apiTokenFor('ivy'))).toEqual([200, 'ok']);
  });

  it('lets a team admin revoke a member’s tokens (audited), and nobody outside the team', async () => {
    const elis = await make(sendwell.apiTokenFor('eli'), { name: 'eli laptop' });
    const gus = sendwell.apiTokenFor('gus');
    // Another team's admin: no such member, and nothing changes.
    const foreign = await call(gus, 'POST', '/members/eli/tokens/revoke');
    expect([foreign.status, (await foreign.json()).error.code]).toEqual([404, 'member-not-found']);
    expect((await call(gus, 'GET', '/members/eli/tokens')).status).toBe(404);
    expect((await call(gus, 'POST', `/tokens/${elis.apiToken.id}/revoke`)).status).toBe(404);
    // A rep is not an admin.
    expect((await call(elis.token, 'POST', '/members/ava/tokens/revoke')).status).toBe(403);
    expect(await probe(elis.token)).toEqual([200, 'ok']);

    const ava = sendwell.apiTokenFor('ava');
    const listed = await (await call(ava, 'GET', '/members/eli/tokens?limit=100')).json();
    expect(listed.items.map((t: { id: string }) => t.id)).toContain(elis.apiToken.id);
    const answer = await call(ava, 'POST', '/members/eli/tokens/revoke');
    expect([answer.status, (await answer.json()).userId]).toEqual([200, 'eli']);
    expect(await probe(elis.token)).toEqual([401, 'token-revoked']);
    expect(await probe(ava)).toEqual([200, 'ok']);
    const [entry] = await listAudit(sendwell.db, (await tenantOf('eli'))!, { beforeId: null, limit: 1 });
    expect([entry?.action, entry?.actorId, entry?.target]).toEqual([
      'member.api-tokens.revoked',
      'ava',
      'eli',
    ]);
    clock.advance(1);
  });

  it('refuses a token of the old untimed format with words that say what to do', async () => {
    // The pre-issue-11 format, `sw_<user>.<HMAC(secret, "sendwell-api-token:<user>")>`, made here as
    // main 176c40b made it: the producer no longer exists in this code.
    const secret = loadSecret(dataDir);
    const user = Buffer.from('ava').toString('base64url');
    const mac = createHmac('sha256', secret).update('sendwell-api-token:ava').digest('base64url');
    const response = await call(`sw_${user}.${mac}`, 'GET', '/tokens');
    expect(response.status).toBe(401);
    expect((await response.json()).error).toEqual({ code: 'token-retired', message: RETIRED_TOKEN_MESSAGE });
    // A forged one of that shape is simply not ours.
    expect(await probe(`sw_${user}.${mac.slice(1)}x`)).toEqual([401, 'invalid-token']);
  });

  const tenantOf = async (userId: string) =>
    (await sendwell.db.query<{ tenant_id: string }>('select tenant_id from users where id = $1', [userId]))[0]
      ?.tenant_id;
});
