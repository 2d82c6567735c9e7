import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { batchInfo, getProfile, ManualClock, silentLogger } from '@sendwell/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config';
import { createSendwell, type Sendwell } from '../sendwell';

// The team's batch setting (21): team admins read and set it; the planner and the quota apply it.
// The sandbox seed makes ava (contoso) an admin and eli (contoso) a rep; gus is in another team.
describe('team throttle settings API', () => {
  let sendwell: Sendwell;
  const dataDir = mkdtempSync(join(tmpdir(), 'sendwell-settings-'));
  const clock = new ManualClock('2026-03-02T09:00:00Z');

  beforeAll(async () => {
    sendwell = await createSendwell(loadConfig({ port: 0, dataDir }, {}), { logger: silentLogger, clock });
  });
  afterAll(async () => {
    await sendwell.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const api = (user: string, method: string, path: string, body?: unknown) =>
    sendwell.app.request(`/api${path}`, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${sendwell.apiTokenFor(user)}` },
    });

  it('lets the team admin set the batch and says how Exchange Online clamps it', async () => {
    const setting = { size: 100, everySeconds: 60 };
    const saved = await api('ava', 'PUT', '/settings/throttle', { batch: setting });
    expect(saved.status).toBe(200);
    const expected = {
      batch: setting,
      applied: [
        {
          profileId: 'exchange-online',
          providerName: 'Exchange Online',
          ...batchInfo(getProfile('exchange-online'), setting),
        },
      ],
    };
    expect(await saved.json()).toEqual(expected);
    expect(await (await api('ava', 'GET', '/settings/throttle')).json()).toEqual(expected);
  });

  it('puts the effective batch and the reason for the clamp in every rep’s quota, and plans with it', async () => {
    await api('ava', 'PUT', '/settings/throttle', { batch: { size: 2, everySeconds: 120 } });
    const quota = await (await api('eli', 'GET', '/quota?host=outlook')).json();
    expect(quota.batch).toEqual(batchInfo(getProfile('exchange-online'), { size: 2, everySeconds: 120 }));
    const sendAts: number[] = [];
    for (const n of [1, 2, 3]) {
      const response = await api('eli', 'POST', '/sends', {
        host: 'outlook',
        to: [`lead${n}@example.com`],
        subject: 'Hi',
        body: '<p>Hi</p>',
        idempotencyKey: `settings-batch-${n}`,
      });
      sendAts.push(Date.parse((await response.json()).send.sendAt));
    }
    expect(sendAts[2]! - sendAts[0]!).toBeGreaterThanOrEqual(120_000);
  });

  it('keeps other teams out of it', async () => {
    await api('gus', 'PUT', '/settings/throttle', { batch: { size: 5, everySeconds: 30 } });
    expect((await (await api('ava', 'GET', '/settings/throttle')).json()).batch).toEqual({
      size: 2,
      everySeconds: 120,
    });
  });

  it('clears the setting with null', async () => {
    await api('ava', 'PUT', '/settings/throttle', { batch: null });
    expect(await (await api('ava', 'GET', '/settings/throttle')).json()).toEqual({
      batch: null,
      applied: [],
    });
    expect((await (await api('eli', 'GET', '/quota?host=outlook')).json()).batch).toBeNull();
  });

  it.each([
    ['GET', undefined],
    ['PUT', { batch: { size: 5, everySeconds: 30 } }],
  ])('refuses a rep (%s) with 403 admin-only', async (method, body) => {
    const response = await api('eli', method, '/settings/throttle', body);
    expect(response.status).toBe(403);
    expect((await response.json()).error).toMatchObject({
      code: 'admin-only',
      message: expect.stringMatching(/team admin/),
    });
  });

  it.each([
    [{ batch: { size: 0, everySeconds: 60 } }, 'Not saved: The batch size must be at least 1 email.'],
    [
      { batch: { size: 2.5, everySeconds: 60 } },
      'Not saved: The batch size must be a whole number of emails.',
    ],
    [{ batch: { size: 5, everySeconds: 0 } }, 'Not saved: The interval must be at least 1 second.'],
    [
      { batch: { size: 5, everySeconds: 90_000 } },
      'Not saved: The interval can be at most 86,400 seconds (one day).',
    ],
    [{ batch: { size: '5', everySeconds: 60 } }, 'Not saved: The batch size must be a number.'],
  ])('refuses %o with a clear 400', async (body, message) => {
    const response = await api('ava', 'PUT', '/settings/throttle', body);
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ code: 'invalid-request', message });
  });
});
