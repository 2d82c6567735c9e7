import type { Logger } from '@sendwell/core';
import type { Sandbox } from '@sendwell/sandbox';
import { Hono } from 'hono';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ConnectionTestbed, openConnectionTestbed } from '../../connections/connectionTestbed';
import { serveSandbox } from '../../mailboxes/ewsTesting';
import { loadCredential } from '../../store/credentials';
import type { ApiEnv } from '../context';
import { errorResponse } from '../errors';
import { newV1App } from './app';
import { connectionsRoutes } from './connections';

// The route with the real connection service (fresh database, real vault) and the sandbox's EWS.
let sandbox: Sandbox;
let closeSandbox: () => Promise<void>;
let bed: ConnectionTestbed;
const logged: string[] = [];
const logger: Logger = {
  info: (message, fields) => void logged.push(JSON.stringify([message, fields])),
  warn: (message, fields) => void logged.push(JSON.stringify([message, fields])),
  error: (message, fields) => void logged.push(JSON.stringify([message, fields])),
};

beforeAll(async () => {
  ({ sandbox, close: closeSandbox } = await serveSandbox());
  bed = await openConnectionTestbed('pglite');
});
afterAll(async () => {
  await closeSandbox();
  await bed.db.close();
});
beforeEach(() => bed.reset());

const rio = () => sandbox.ews.orgs.find((o) => o.id === 'northwind')!.users.find((u) => u.id === 'rio')!;
const lee = () => sandbox.ews.orgs.find((o) => o.id === 'litware')!.users[0]!;

async function post(body: Record<string, unknown>) {
  const app = new Hono<ApiEnv>();
  const user = await bed.user('eli');
  app.onError((error, c) => errorResponse(error, c, logger));
  const v1 = newV1App();
  v1.use(async (c, next) => {
    c.set('user', user);
    await next();
  });
  connectionsRoutes(v1, {
    db: bed.db,
    clock: bed.deps.clock,
    connections: bed.service,
    providers: { microsoft: null },
  });
  app.route('/', v1);
  const response = await app.request('/connections/exchange-server', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}

const rioInput = () => ({
  ewsUrl: sandbox.ews.url('northwind'),
  username: rio().username,
  password: rio().password,
  address: rio().address,
});

describe('POST /api/v1/connections/exchange-server', () => {
  it('connects an on-premises mailbox: ConnectionInfo without bounce tracking, password only in the vault', async () => {
    const { status, text } = await post(rioInput());
    expect(status).toBe(201);
    const info = JSON.parse(text);
    expect(info).toMatchObject({
      provider: 'exchange-server',
      address: 'rio@northwind.test',
      state: 'connected',
      bounceTracking: false,
    });
    expect(text).not.toContain(rio().password);
    const credential = await loadCredential(bed.db, bed.vault, info.mailboxId);
    expect(credential).toMatchObject({ kind: 'password', secret: rio().password });
    const [row] = await bed.db.query<{ settings: unknown }>('select settings from mailboxes where id = $1', [
      info.mailboxId,
    ]);
    expect(JSON.stringify(row!.settings)).not.toContain(rio().password);
    expect(row!.settings).toMatchObject({ ewsUrl: sandbox.ews.url('northwind'), username: rio().username });
  });

  it.each([
    [
      'Exchange Online',
      () => ({
        ewsUrl: sandbox.ews.url('litware'),
        username: lee().username,
        password: lee().password,
        address: lee().address,
      }),
      422,
      'exchange-online',
    ],
    ['a wrong password', () => ({ ...rioInput(), password: 'not-it' }), 422, 'bad-credentials'],
    [
      'plain HTTP off loopback',
      () => ({ ...rioInput(), ewsUrl: 'http://mail.northwind.test/EWS/Exchange.asmx' }),
      400,
      'not-https',
    ],
    ['no password', () => ({ ...rioInput(), password: '' }), 400, 'invalid-request'],
  ])('refuses %s with its reason, and never echoes the password', async (_case, input, status, code) => {
    const body = input();
    const answer = await post(body);
    expect(answer.status).toBe(status);
    expect(JSON.parse(answer.text).error.code).toBe(code);
    if (body.password) expect(answer.text).not.toContain(body.password);
    expect((await bed.db.query("select id from mailboxes where provider = 'exchange-server'")).length).toBe(
      0,
    );
  });

  it('logs nothing with the password in it', async () => {
    await post(rioInput());
    await post({ ...rioInput(), password: 'Wrong-Secret-123' });
    await post({ ...rioInput(), surprise: 'Wrong-Secret-123' });
    expect(
      logged.filter((line) => line.includes(rio().password) || line.includes('Wrong-Secret-123')),
    ).toEqual([]);
  });
});
