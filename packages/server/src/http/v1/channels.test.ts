import { randomBytes } from 'node:crypto';
import {
  channelsAnswerSchema,
  MARKETO_REFUSAL,
  NATIVE_SMTP_REFUSAL,
  PLAINTEXT_SMTP_REFUSAL,
  silentLogger,
  smtpChannelCheckSchema,
  smtpChannelSchema,
  smtpCheckReportSchema,
  smtpTestSendResultSchema,
} from '@sendwell/core';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokenFor } from '../../auth/apiTokens';
import { createAuthenticator } from '../../auth/authenticate';
import { smtpProbe } from '../../channels/smtpProbe';
import { channelsTestbed, seedPeople } from '../../channels/testing';
import { startTestSmtpServer, type TestSmtpServer } from '../../mailboxes/smtpTesting';
import type { Db } from '../../store/db';
import { openTestDb, TEST_ENGINES } from '../../store/testing';
import { errorResponse } from '../errors';
import { newV1App, v1Middleware } from './app';
import { channelsRoutes } from './channels';

const PASSWORD = 'relay-password';

describe.each(TEST_ENGINES)('/api/v1/channels on %s', (engine) => {
  let db: Db;
  let smtp: TestSmtpServer;
  let app: Hono;
  const secret = randomBytes(32);

  beforeAll(async () => {
    db = await openTestDb(engine);
    smtp = await startTestSmtpServer({ credentials: { username: 'eli', password: PASSWORD } });
    const bed = channelsTestbed(db, { smtp: smtpProbe });
    await seedPeople(db, bed.clock.now());
    const authenticate = createAuthenticator({
      db,
      secret,
      verifyMicrosoft: null,
      policy: { microsoftTenants: [], googleDomains: [] },
    });
    const v1 = newV1App();
    v1Middleware(v1, { authenticate });
    channelsRoutes(v1, { channels: bed.service });
    app = new Hono();
    app.onError((error, c) => errorResponse(error, c, silentLogger));
    app.route('/api/v1', v1);
  });
  afterAll(async () => {
    await smtp.close();
    await db.close();
  });

  const call = (user: string, method: string, path: string, body?: unknown) =>
    app.request(`/api/v1${path}`, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: {
        authorization: `Bearer ${apiTokenFor(secret, user)}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
    });
  const loopback = (over: Record<string, unknown> = {}) => ({
    host: '127.0.0.1',
    port: smtp.port,
    security: 'starttls',
    allowSelfSigned: true,
    username: 'eli',
    password: PASSWORD,
    ...over,
  });
  const steps = (report: { steps: { step: string; ok: boolean }[] }) =>
    report.steps.map((s) => `${s.step}:${s.ok ? 'ok' : 'failed'}`);

  it('checks unsaved settings step by step, and says which step failed', async () => {
    const good = await call('eli', 'POST', '/channels/smtp/check', loopback());
    expect(good.status).toBe(200);
    const report = smtpCheckReportSchema.parse(await good.json());
    expect({ ok: report.ok, steps: steps(report) }).toEqual({
      ok: true,
      steps: ['connect:ok', 'ehlo:ok', 'tls:ok', 'auth:ok'],
    });
    const bad = smtpCheckReportSchema.parse(
      await (await call('eli', 'POST', '/channels/smtp/check', loopback({ password: 'wrong' }))).json(),
    );
    expect({ ok: bad.ok, last: steps(bad).at(-1) }).toEqual({ ok: false, last: 'auth:failed' });
  });

  it.each([
    ['mx.mktomail.com', 'starttls', 'marketo-marketing-server', MARKETO_REFUSAL],
    ['smtp.gmail.com', 'starttls', 'use-email-connection', NATIVE_SMTP_REFUSAL('Gmail')],
    ['smtp.office365.com', 'tls', 'use-email-connection', NATIVE_SMTP_REFUSAL('Microsoft 365')],
    ['smtp.example.net', 'none', 'plaintext-smtp', PLAINTEXT_SMTP_REFUSAL],
  ])('refuses %s (%s) on check and on create, in core’s words', async (host, security, code, message) => {
    for (const [path, extra] of [
      ['/channels/smtp/check', {}],
      ['/channels/smtp', { scope: 'personal', label: 'Refused' }],
    ] as const) {
      const response = await call('eli', 'POST', path, { ...loopback({ host, security }), ...extra });
      expect({ status: response.status, body: await response.json() }).toEqual({
        status: 422,
        body: { error: { code, message } },
      });
    }
  });

  it.each([
    ['a port out of range', { port: 70_000 }],
    ['an unknown field', { tls: true }],
    ['no password', { password: '' }],
  ])('answers 400 for %s', async (_, over) => {
    const response = await call('eli', 'POST', '/channels/smtp', {
      scope: 'personal',
      label: 'x',
      ...loopback(over),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('invalid-request');
  });

  it('marks a channel whose password the server refuses, and lets a new password fix it', async () => {
    const created = await call('eli', 'POST', '/channels/smtp', {
      scope: 'personal',
      label: 'Loopback relay',
      ...loopback({ password: 'stale' }),
    });
    expect(created.status).toBe(201);
    const channel = smtpChannelSchema.parse(await created.json());
    const checked = smtpChannelCheckSchema.parse(
      await (await call('eli', 'POST', `/channels/${channel.id}/check`)).json(),
    );
    expect(checked.channel).toMatchObject({ state: 'needs-reconnect', problem: 'password-rejected' });
    const fixed = await call('eli', 'PATCH', `/channels/${channel.id}`, { password: PASSWORD });
    expect(smtpChannelSchema.parse(await fixed.json())).toMatchObject({ state: 'connected', problem: null });
    const again = smtpChannelCheckSchema.parse(
      await (await call('eli', 'POST', `/channels/${channel.id}/check`)).json(),
    );
    expect({ ok: again.report.ok, state: again.channel.state }).toEqual({ ok: true, state: 'connected' });
  });

  it('sends a test email From the caller, to their own address unless told otherwise', async () => {
    const { smtpChannels } = channelsAnswerSchema.parse(await (await call('eli', 'GET', '/channels')).json());
    const { id } = smtpChannels.find((c) => c.label === 'Loopback relay')!;
    const before = smtp.messages.length;
    const own = await call('eli', 'POST', `/channels/${id}/test-send`);
    expect(smtpTestSendResultSchema.parse(await own.json())).toMatchObject({
      outcome: 'submitted',
      to: 'eli@contoso.test',
    });
    const other = await call('eli', 'POST', `/channels/${id}/test-send`, { to: 'pat@example.com' });
    expect(smtpTestSendResultSchema.parse(await other.json())).toMatchObject({ outcome: 'submitted' });
    expect(
      smtp.messages.slice(before).map((m) => [m.user, m.mailFrom, m.rcptTo.map((r) => r.address)]),
    ).toEqual([
      ['eli', 'eli@contoso.test', ['eli@contoso.test']],
      ['eli', 'eli@contoso.test', ['pat@example.com']],
    ]);
  });

  it('never answers with a password', async () => {
    const text = await (await call('eli', 'GET', '/channels')).text();
    expect(channelsAnswerSchema.safeParse(JSON.parse(text)).success).toBe(true);
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain('stale');
  });

  it.each([
    ['POST', '/channels/smtp', { scope: 'team', label: 'Team' }],
    ['PUT', '/channels/team-default', { channelId: null }],
    ['PUT', '/channels/legacy-visibility', { visible: false }],
  ])('refuses a rep %s %s with 403 admin-only', async (method, path, body) => {
    const full = path === '/channels/smtp' ? { ...loopback(), ...body } : body;
    const response = await call('nia', method, path, full);
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('admin-only');
  });

  it('lets a rep pick a channel for web sends, and the answer shows it', async () => {
    const { smtpChannels } = channelsAnswerSchema.parse(await (await call('eli', 'GET', '/channels')).json());
    const { id } = smtpChannels[0]!;
    const answer = channelsAnswerSchema.parse(
      await (await call('eli', 'PUT', '/channels/choice', { channelId: id })).json(),
    );
    expect(answer.webChannelId).toBe(id);
    expect(answer.catalog.find((e) => e.id === id)).toMatchObject({ chosen: true });
  });
});
