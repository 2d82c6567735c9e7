import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { batchInfo, getProfile, ManualClock, silentLogger, type ThrottleSettings } from '@sendwell/core';
import { DEMO_USERS } from '@sendwell/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config';
import { createSendwell, type Sendwell } from '../../sendwell';
import { forecastPace } from '../../services/throttleSettings';
import { listAudit } from '../../store/audit';
import { saveTeamBatch } from '../../store/teamSettings';

// Throttle settings per provider profile: team admins read and set them; the planner and the quota
// apply the profile's own setting, else the team-wide one. The sandbox seed makes ava (contoso) an
// admin with an Exchange Online mailbox and eli (contoso) a rep; gus is in another team.
describe('throttle settings API (per profile)', () => {
  let sendwell: Sendwell;
  const dataDir = mkdtempSync(join(tmpdir(), 'sendwell-settings-'));
  const clock = new ManualClock('2026-03-02T09:00:00Z');
  const exchange = getProfile('exchange-online');

  beforeAll(async () => {
    sendwell = await createSendwell(loadConfig({ port: 0, dataDir }, {}), { logger: silentLogger, clock });
  });
  afterAll(async () => {
    await sendwell.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const api = (user: string, method: string, path: string, body?: unknown) =>
    sendwell.app.request(`/api/v1${path}`, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${sendwell.apiTokenFor(user)}` },
    });
  const settings = async (user = 'ava') =>
    (await (await api(user, 'GET', '/settings/throttle')).json()) as ThrottleSettings;
  const exchangeOf = (s: ThrottleSettings) => s.profiles.find((p) => p.profileId === 'exchange-online')!;
  const put = (
    batch: { size: number; everySeconds: number } | null,
    user = 'ava',
    profileId = 'exchange-online',
  ) => api(user, 'PUT', '/settings/throttle', { profileId, batch });

  it('lists each profile the team uses with the provider’s ceilings and our targets, and no setting yet', async () => {
    const row = exchangeOf(await settings());
    expect(row).toMatchObject({ providerName: exchange.name, batch: null, teamBatch: null, applied: null });
    expect(row.windows.map((w) => [w.id, w.ceiling, w.target])).toEqual(
      exchange.windows.map((w) => [w.id, w.ceiling, w.target]),
    );
    expect(row.forecast).toEqual(forecastPace(exchange, null));
  });

  it('"25 every 45 s" on Exchange Online is clamped, says so in words, and forecasts the day at that pace', async () => {
    const setting = { size: 25, everySeconds: 45 };
    const saved = await put(setting);
    expect(saved.status).toBe(200);
    const row = exchangeOf(await saved.json());
    const applied = batchInfo(exchange, setting);
    expect(applied.clamped).toBe(true);
    expect(row).toMatchObject({ batch: setting, applied, forecast: forecastPace(exchange, setting) });
    expect(row.explanation).toContain(applied.explanation);
    expect(row.explanation).toContain(applied.clampedBy!.label);
    expect(exchangeOf(await settings())).toEqual(row);
  });

  it('records the change in the audit log, before → after', async () => {
    await put({ size: 10, everySeconds: 60 });
    const [last] = await listAudit(sendwell.db, DEMO_USERS.find((u) => u.id === 'ava')!.tenantId, {
      beforeId: null,
      limit: 1,
    });
    expect(last).toMatchObject({
      action: 'settings.throttle.changed',
      actorId: 'ava',
      target: 'exchange-online',
      before: { batch: { size: 25, everySeconds: 45 } },
      after: { batch: { size: 10, everySeconds: 60 } },
    });
  });

  it('puts the profile’s batch in every rep’s quota, and the planner spaces the sends by it', async () => {
    const setting = { size: 2, everySeconds: 120 };
    await put(setting);
    const quota = await (await api('eli', 'GET', '/quota?host=outlook')).json();
    expect(quota.batch).toEqual(batchInfo(exchange, setting));
    const sendAts: number[] = [];
    for (const n of [1, 2, 3]) {
      const response = await api('eli', 'POST', '/sends', {
        host: 'outlook',
        to: [`lead${n}@example.com`],
        subject: 'Hi',
        body: '<p>Hi</p>',
        idempotencyKey: `settings-batch-${n}`,
      });
      expect(response.status).toBe(202);
      sendAts.push(Date.parse((await response.json()).send.sendAt));
    }
    expect(sendAts[2]! - sendAts[0]!).toBeGreaterThanOrEqual(120_000);
  });

  it('falls back to the team-wide setting when the profile’s own is cleared', async () => {
    const tenantId = (
      await sendwell.db.query<{ tenant_id: string }>("select tenant_id from users where id = 'ava'")
    )[0]!.tenant_id;
    await saveTeamBatch(sendwell.db, tenantId, { size: 7, everySeconds: 60 }, 'ava', clock.now());
    expect((await put(null)).status).toBe(200);
    const row = exchangeOf(await settings());
    expect(row).toMatchObject({ batch: null, teamBatch: { size: 7, everySeconds: 60 } });
    expect(row.applied).toEqual(batchInfo(exchange, { size: 7, everySeconds: 60 }));
    const quota = await (await api('eli', 'GET', '/quota?host=outlook')).json();
    expect(quota.batch).toEqual(batchInfo(exchange, { size: 7, everySeconds: 60 }));
    await saveTeamBatch(sendwell.db, tenantId, null, 'ava', clock.now());
  });

  it('keeps other teams out of it', async () => {
    await put({ size: 3, everySeconds: 30 });
    expect((await put({ size: 5, everySeconds: 30 }, 'gus')).status).toBe(200);
    expect(exchangeOf(await settings()).batch).toEqual({ size: 3, everySeconds: 30 });
  });

  it.each([
    ['GET', undefined],
    ['PUT', { profileId: 'exchange-online', batch: { size: 5, everySeconds: 30 } }],
    ['PUT', { nonsense: true }],
  ])('refuses a rep (%s %j) with 403 admin-only, whatever the body', async (method, body) => {
    const response = await api('eli', method, '/settings/throttle', body);
    expect(response.status).toBe(403);
    expect((await response.json()).error).toMatchObject({
      code: 'admin-only',
      message: expect.stringMatching(/team admin/),
    });
  });

  it.each([
    [{ size: 0, everySeconds: 60 }, 'The batch size must be at least 1 email.'],
    [{ size: 2.5, everySeconds: 60 }, 'The batch size must be a whole number of emails.'],
    [{ size: 5, everySeconds: 0 }, 'The interval must be at least 1 second.'],
    [{ size: 5, everySeconds: 90_000 }, 'The interval can be at most 86,400 seconds (one day).'],
    [{ size: '5', everySeconds: 60 }, 'The batch size must be a number.'],
  ])('refuses %o with a clear 400, and nothing changes', async (batch, message) => {
    const before = await settings();
    const response = await put(batch as { size: number; everySeconds: number });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ code: 'invalid-request', message });
    expect(await settings()).toEqual(before);
  });

  it('refuses a profile Sendwell does not know', async () => {
    const response = await put({ size: 5, everySeconds: 60 }, 'ava', 'pigeon-post');
    expect(response.status).toBe(400);
    expect((await response.json()).error.details[0].path).toBe('profileId');
  });
});

describe('forecastPace', () => {
  const exchange = getProfile('exchange-online');
  it.each([
    ['no setting: the provider window that binds first', null],
    ['a slow batch: the batch', { size: 1, everySeconds: 600 }],
    ['a clamped batch', { size: 25, everySeconds: 45 }],
  ])('%s', (_label, batch) => {
    const forecast = forecastPace(exchange, batch);
    const windowsCap = Math.min(
      ...exchange.windows.map((w) =>
        w.windowMs >= 86_400_000 ? w.target : w.target * Math.ceil(86_400_000 / w.windowMs),
      ),
    );
    const effective = batch ? batchInfo(exchange, batch).effective : null;
    const batchCap = effective
      ? effective.size * Math.ceil(86_400 / effective.everySeconds)
      : Number.POSITIVE_INFINITY;
    expect(forecast.perDay).toBe(Math.min(windowsCap, batchCap));
    expect(forecast.limitedBy).toBe(batchCap < windowsCap ? 'batch' : forecast.limitedBy);
    expect(forecast.perHour).toBeLessThanOrEqual(forecast.perDay);
    expect(forecast.explanation).toContain(forecast.perDay.toLocaleString('en'));
  });
});
