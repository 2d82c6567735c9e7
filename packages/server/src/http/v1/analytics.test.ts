import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countDeliveries, DAY_MS, ManualClock, silentLogger } from '@sendwell/core';
import { DEMO_USERS } from '@sendwell/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config';
import { createSendwell, type Sendwell } from '../../sendwell';
import { insertEvent } from '../../store/events';
import { insertTemplate } from '../../store/templates';

// Template analytics are read only for templates the reader can see: team templates and their own
// personal ones. A teammate's personal template answers 404, as another team's does.
describe('GET /api/v1/analytics/templates/{id} scope', () => {
  let sendwell: Sendwell;
  const dataDir = mkdtempSync(join(tmpdir(), 'sendwell-template-analytics-'));
  const contoso = DEMO_USERS.find((u) => u.id === 'ava')!.tenantId;
  const clock = new ManualClock('2026-03-10T15:00:00Z');
  const daysAgo = (n: number) => new Date(clock.now().getTime() - n * DAY_MS);
  const event = (
    userId: string,
    type: string,
    at: Date,
    detail: Record<string, unknown> = {},
    templateId: string | null = null,
  ) =>
    insertEvent(sendwell.db, {
      userId,
      type,
      sendId: `s-${userId}-${at.getTime()}`,
      templateId,
      recipient: 'x@example.com',
      detail,
      at,
    });

  beforeAll(async () => {
    sendwell = await createSendwell(loadConfig({ port: 0, dataDir }, {}), { logger: silentLogger, clock });
    const fields = { subject: 'Hello {{recipient.firstName|there}}', body: '<p>Hi</p>' };
    await insertTemplate(sendwell.db, {
      id: 'ta-team',
      tenantId: contoso,
      ownerId: 'ava',
      scope: 'team',
      name: 'Team',
      ...fields,
    });
    for (const owner of ['ava', 'eli'])
      await insertTemplate(sendwell.db, {
        id: `ta-${owner}`,
        tenantId: contoso,
        ownerId: owner,
        scope: 'personal',
        name: `${owner}'s own`,
        ...fields,
      });
  });
  afterAll(async () => {
    await sendwell.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const get = async (user: string, path: string) => {
    const response = await sendwell.app.request(`/api/v1${path}`, {
      headers: { authorization: `Bearer ${sendwell.apiTokenFor(user)}` },
    });
    return { status: response.status, body: await response.json() };
  };

  const analytics = (user: string, id: string) =>
    sendwell.app.request(`/api/v1/analytics/templates/${id}`, {
      headers: { authorization: `Bearer ${sendwell.apiTokenFor(user)}` },
    });

  it.each([
    ['a rep', 'eli', 'a team template', 'ta-team', 200],
    ['a rep', 'eli', 'their own personal template', 'ta-eli', 200],
    ['a rep', 'eli', 'a teammate’s personal template', 'ta-ava', 404],
    ['an admin', 'ava', 'their own personal template', 'ta-ava', 200],
    ['an admin', 'ava', 'a rep’s personal template', 'ta-eli', 404],
    ['another team’s admin', 'gus', 'a team template', 'ta-team', 404],
    ['a rep', 'eli', 'a template that does not exist', 'ta-none', 404],
  ])('%s (%s) reading %s (%s) gets %i', async (_who, user, _what, id, status) => {
    const response = await analytics(user, id);
    expect(response.status).toBe(status);
    const body = await response.json();
    if (status === 200) expect(body).toMatchObject({ templateId: id, team: {}, mine: {} });
    else expect(body).toMatchObject({ error: { code: 'template-not-found' } });
  });

  describe('my numbers and the team’s', () => {
    beforeAll(async () => {
      // eli: 2 sends today (one bounced hard, one only delayed), 1 send 3 days ago; ava: 1 send
      // yesterday that bounced; gus (another team): 5 sends today, never counted here.
      await event('eli', 'send.submitted', daysAgo(0));
      await event('eli', 'send.submitted', daysAgo(0));
      await event('eli', 'bounce', daysAgo(0), { action: 'failed', hard: true, reason: 'userunknown' });
      await event('eli', 'bounce', daysAgo(0), { action: 'delayed', hard: null, reason: 'expired' });
      await event('eli', 'send.submitted', daysAgo(3));
      await event('eli', 'send.submitted', daysAgo(40));
      await event('ava', 'send.submitted', daysAgo(1));
      await event('ava', 'bounce', daysAgo(1), { action: 'failed', hard: false, reason: 'mailboxfull' });
      for (let n = 0; n < 5; n++) await event('gus', 'send.submitted', daysAgo(0));
    });

    it('counts a rep’s sends and failed recipients per UTC day, zeros included, and the reasons', async () => {
      const { status, body } = await get('eli', '/analytics/me?days=7');
      expect(status).toBe(200);
      expect(body).toMatchObject({
        days: 7,
        from: '2026-03-04',
        to: '2026-03-10',
        totals: { sends: 3, bounces: 1 },
      });
      expect(body.perDay).toHaveLength(7);
      expect(body.perDay.filter((d: { sends: number }) => d.sends > 0)).toEqual([
        { date: '2026-03-07', sends: 1, bounces: 0 },
        { date: '2026-03-10', sends: 2, bounces: 1 },
      ]);
      expect(body.bounceReasons).toEqual([{ reason: 'userunknown', count: 1 }]);
    });

    it('counts the whole team for an admin, each member apart, never another team', async () => {
      const { status, body } = await get('ava', '/analytics/team?days=7');
      expect(status).toBe(200);
      expect(body.totals).toEqual({ sends: 4, bounces: 2 });
      expect(body.bounceReasons).toEqual([
        { reason: 'mailboxfull', count: 1 },
        { reason: 'userunknown', count: 1 },
      ]);
      const members = new Map(body.members.map((m: { userId: string }) => [m.userId, m]));
      expect(members.get('eli')).toMatchObject({ sends: 3, bounces: 1 });
      expect(members.get('ava')).toMatchObject({ sends: 1, bounces: 1 });
      expect(members.has('gus')).toBe(false);
    });

    it.each([
      ['a rep asking for the team', 'eli', '/analytics/team', 403, 'admin-only'],
      ['too many days', 'eli', '/analytics/me?days=91', 400, 'invalid-request'],
      ['no days at all', 'eli', '/analytics/me?days=0', 400, 'invalid-request'],
    ])('refuses %s', async (_label, user, path, status, code) => {
      const answer = await get(user, path);
      expect(answer).toMatchObject({ status, body: { error: { code } } });
    });

    it('lists templates with the caller’s counts or the team’s', async () => {
      await event('eli', 'send.submitted', daysAgo(0), {}, 'ta-team');
      await event('ava', 'send.submitted', daysAgo(0), {}, 'ta-team');
      const row = async (scope: string) =>
        (await get('eli', `/analytics/templates?scope=${scope}`)).body.items.find(
          (i: { templateId: string }) => i.templateId === 'ta-team',
        );
      const sent = (n: number) =>
        countDeliveries(
          Array.from({ length: n }, (_, i) => ({
            type: 'sent' as const,
            sendId: `x${i}`,
            at: '',
            recipients: 1,
          })),
        );
      expect((await row('mine')).counts).toEqual({ ...sent(1), recipients: expect.any(Number) });
      expect((await row('team')).counts).toEqual({ ...sent(2), recipients: expect.any(Number) });
      const ids = (await get('eli', '/analytics/templates')).body.items.map(
        (i: { templateId: string }) => i.templateId,
      );
      expect(ids).toEqual(expect.arrayContaining(['ta-team', 'ta-eli']));
      expect(ids).not.toContain('ta-ava');
    });
  });
});
