import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import {
  type Campaign,
  createVoice,
  type EnrolAnswer,
  type Enrolment,
  ManualClock,
  type PersonStatus,
  silentLogger,
} from '@sendwell/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config';
import { createSendwell, type Sendwell } from '../../sendwell';
import { FeedHub } from '../../services/feedHub';
import { advanceCampaignsOnce } from '../../workers/campaignWorker';
import { CAMPAIGN_ENDED } from '../../workers/sendGate';

// The campaign routes on a sandbox-mode Sendwell over real HTTP (sandbox Graph and Gmail, the
// outbox and the scanner driven round by round). The sandbox seed: ava is contoso's admin, eli and
// nia are contoso reps, gus is acme's admin (another team).
// Time moves only when a test moves it: the throttle's pacing is the same however slow the machine.
const clock = new ManualClock('2026-03-02T09:00:00Z');
const voice = createVoice({ locale: 'en', timeZone: 'UTC', clock });

describe('campaign routes over a sandbox-mode Sendwell', () => {
  let sendwell: Sendwell;
  let server: ServerType;
  const dataDir = mkdtempSync(join(tmpdir(), 'sendwell-campaigns-'));

  beforeAll(async () => {
    server = serve({ fetch: (req) => sendwell.app.fetch(req), port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    sendwell = await createSendwell(loadConfig({ port, dataDir }, {}), {
      logger: silentLogger,
      sandboxNoticeDelayMs: 0,
      clock,
    });
  });
  afterAll(async () => {
    server.close();
    await sendwell.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const call = (user: string, method: string, path: string, body?: unknown) =>
    sendwell.app.request(`/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${sendwell.apiTokenFor(user)}` },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  async function ok<T>(user: string, method: string, path: string, body?: unknown): Promise<T> {
    const response = await call(user, method, path, body);
    expect(response.status, await response.clone().text()).toBeLessThan(300);
    return (await response.json()) as T;
  }
  const person = (user: string, email: string) =>
    ok<PersonStatus>(user, 'GET', `/people/${encodeURIComponent(email)}`);

  async function campaign(owner: string, steps = 2): Promise<Campaign> {
    const template = await ok<{ id: string }>(owner, 'POST', '/templates', {
      name: `Intro ${crypto.randomUUID()}`,
      subject: 'Hi {{recipient.firstName|there}}',
      body: '<p>Hi {{recipient.firstName|there}}</p>',
    });
    return ok<Campaign>(owner, 'POST', '/campaigns', {
      name: `Q1 ${crypto.randomUUID()}`,
      steps: Array.from({ length: steps }, (_, i) => ({
        templateId: template.id,
        delay: { amount: i === 0 ? 0 : 1, unit: i === 0 ? 'hours' : 'days' },
        thread: i === 0 ? 'new' : 'same',
      })),
    });
  }

  it('a hard bounce found by the scan: the person reads "left: bounced" and gets no later step', async () => {
    const c = await campaign('eli');
    const answer = await ok<EnrolAnswer>('eli', 'POST', `/campaigns/${c.id}/enrolments`, {
      people: [{ email: 'bo@bounce.test', displayName: 'Bo Diaz' }, { email: 'pat@example.com' }],
      source: 'csv',
    });
    expect(answer).toMatchObject({ enrolled: 2, errors: [], dryRun: false });
    // Round by round, a minute apart: queue, send (paced), scan, until both emails went and the
    // notice was found (bounded: the step after is a day away).
    let bo: Enrolment | undefined;
    let pat: Enrolment | undefined;
    for (let round = 0; round < 20 && (bo?.status !== 'left' || pat?.stepsSent !== 1); round++) {
      await sendwell.runWorkersOnce();
      clock.advance(60_000);
      bo = (await person('eli', 'bo@bounce.test')).enrolments[0];
      pat = (await person('nia', 'pat@example.com')).enrolments[0];
    }
    expect(bo).toMatchObject({ status: 'left', leftReason: 'bounced', stepsSent: 1, nextStep: null });
    expect(voice.enrolmentStatus(bo!)).toBe('left: bounced');
    await sendwell.runWorkersOnce(); // the campaign moves pat on once the email went
    pat = (await person('nia', 'pat@example.com')).enrolments[0];
    expect(pat).toMatchObject({ status: 'active', stepsSent: 1, nextStep: 1 });
    expect(pat!.nextAt).not.toBeNull();
    // The address is suppressed for the team now, with the reason in words.
    expect((await person('eli', 'bo@bounce.test')).suppression).toMatchObject({ reason: 'hard-bounce' });

    const forecast = await ok<{ steps: { pending: number }[] }>('eli', 'GET', `/campaigns/${c.id}/forecast`);
    expect(forecast.steps.map((s) => s.pending)).toEqual([0, 1]);
    const analytics = await ok<{ total: { sent: number; bouncedHard: number } }>(
      'eli',
      'GET',
      `/campaigns/${c.id}/analytics`,
    );
    expect(analytics.total).toMatchObject({ sent: 2, bouncedHard: 1 });
  });

  it('checks each row on its own: invalid, twice in the list, suppressed, already enrolled; dryRun enrols nobody', async () => {
    const c = await campaign('eli');
    await ok('eli', 'POST', '/suppressions', { email: 'gone@example.com' });
    await ok('eli', 'POST', `/campaigns/${c.id}/enrolments`, { people: [{ email: 'old@example.com' }] });
    const people = [
      { email: 'new@example.com', fields: { company: 'Acme' } },
      { email: 'not-an-address' },
      { email: 'NEW@example.com' },
      { email: 'gone@example.com' },
      { email: 'old@example.com' },
      { email: 'zone@example.com', timeZone: 'Mars/Base' },
    ];
    const dry = await ok<EnrolAnswer>('eli', 'POST', `/campaigns/${c.id}/enrolments`, {
      people,
      dryRun: true,
    });
    expect(dry).toMatchObject({ enrolled: 1, enrolmentIds: [], dryRun: true });
    expect(dry.errors.map((e) => [e.row, e.code])).toEqual([
      [1, 'invalid'],
      [2, 'duplicate-in-batch'],
      [3, 'suppressed'],
      [4, 'already-enrolled'],
      [5, 'invalid'],
    ]);
    expect(dry.errors[4]).toMatchObject({ field: 'timeZone' });
    const status = await person('eli', 'gone@example.com');
    expect(dry.errors[2]!.message).toBe(status.suppression!.message);
    expect((await person('eli', 'new@example.com')).enrolments).toEqual([]);

    const real = await ok<EnrolAnswer>('eli', 'POST', `/campaigns/${c.id}/enrolments`, { people });
    expect(real).toMatchObject({ enrolled: 1, dryRun: false });
    expect(real.errors).toEqual(dry.errors);
    expect((await person('eli', 'new@example.com')).enrolments).toMatchObject([
      { campaignId: c.id, status: 'active' },
    ]);
  });

  it('a teammate reads a campaign but only its owner or an admin changes it; another team sees nothing', async () => {
    const c = await campaign('eli');
    expect((await call('nia', 'GET', `/campaigns/${c.id}`)).status).toBe(200);
    for (const [method, path, body] of [
      ['PATCH', `/campaigns/${c.id}`, { name: 'Mine' }],
      ['POST', `/campaigns/${c.id}/pause`, undefined],
      ['POST', `/campaigns/${c.id}/enrolments`, { people: [{ email: 'x@example.com' }] }],
    ] as const) {
      const response = await call('nia', method, path, body);
      expect(response.status).toBe(403);
      expect((await response.json()).error.code).toBe('not-campaign-owner');
    }
    expect((await call('gus', 'GET', `/campaigns/${c.id}`)).status).toBe(404);
    const teamList = await ok<{ items: Campaign[] }>('gus', 'GET', '/campaigns?scope=team&limit=100');
    expect(teamList.items.map((x) => x.id)).not.toContain(c.id);
    const mine = await ok<{ items: Campaign[] }>('nia', 'GET', '/campaigns?limit=100');
    expect(mine.items.map((x) => x.id)).not.toContain(c.id);
    expect((await ok<PersonStatus>('gus', 'GET', '/people/pat%40example.com')).enrolments).toEqual([]);
    expect(
      (await ok<Campaign>('ava', 'PATCH', `/campaigns/${c.id}`, { name: 'Renamed by admin' })).name,
    ).toBe('Renamed by admin');
  });

  it('a circuit-breaker pause is lifted by an admin only, and that is audited', async () => {
    const c = await campaign('eli');
    await sendwell.db.query(`update campaigns set status = 'paused', pause = $2 where id = $1`, [
      c.id,
      JSON.stringify({
        by: 'circuit-breaker',
        at: clock.now().toISOString(),
        bounced: 3,
        window: 10,
        threshold: 0.2,
        message: 'Too many bounces',
      }),
    ]);
    const refused = await call('eli', 'POST', `/campaigns/${c.id}/resume`);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe('admin-only');
    const resumed = await ok<Campaign>('ava', 'POST', `/campaigns/${c.id}/resume`);
    expect(resumed).toMatchObject({ status: 'active', pause: null });
    const audit = await ok<{ items: { action: string; target: string }[] }>('ava', 'GET', '/audit?limit=20');
    expect(audit.items).toContainEqual(expect.objectContaining({ action: 'campaign.resumed', target: c.id }));
    // The owner's own pause and resume need nobody else.
    expect((await ok<Campaign>('eli', 'POST', `/campaigns/${c.id}/pause`)).pause).toMatchObject({
      by: 'owner',
    });
    expect((await ok<Campaign>('eli', 'POST', `/campaigns/${c.id}/resume`)).status).toBe('active');
  });

  it('removing a person cancels their waiting step; a rep removes only from their own campaigns, an admin is audited', async () => {
    const mine = await campaign('eli');
    const avas = await campaign('ava');
    const email = 'rem@example.com';
    await ok('eli', 'POST', `/campaigns/${mine.id}/enrolments`, { people: [{ email }] });
    await ok('ava', 'POST', `/campaigns/${avas.id}/enrolments`, { people: [{ email }] });
    const after = await ok<PersonStatus>('eli', 'POST', `/people/${email}/remove`, {});
    const byCampaign = new Map(after.enrolments.map((e) => [e.campaignId, e]));
    expect(voice.enrolmentStatus(byCampaign.get(mine.id)!)).toBe('left: removed');
    expect(byCampaign.get(avas.id)).toMatchObject({ status: 'active' });

    // Only the campaign worker's round: ava's step 1 is queued and waits in the outbox.
    await advanceCampaignsOnce({
      db: sendwell.db,
      clock,
      hub: new FeedHub(),
      logger: silentLogger,
      wake() {},
    });
    const enrolment = byCampaign.get(avas.id)!;
    const sendOf = async () =>
      (
        await sendwell.db.query<{ status: string; last_error: string | null }>(
          'select status, last_error from sends where enrolment_id = $1',
          [enrolment.id],
        )
      )[0];
    expect(await sendOf()).toMatchObject({ status: 'scheduled' });
    const removed = await ok<Enrolment>('ava', 'DELETE', `/campaigns/${avas.id}/enrolments/${enrolment.id}`);
    expect(removed).toMatchObject({ status: 'left', leftReason: 'removed' });
    expect(await sendOf()).toMatchObject({ status: 'cancelled', last_error: CAMPAIGN_ENDED.removed });

    // An admin removing from a teammate's campaign is audited.
    const third = await campaign('eli');
    await ok('eli', 'POST', `/campaigns/${third.id}/enrolments`, { people: [{ email }] });
    await ok('ava', 'POST', `/people/${email}/remove`, { campaignId: third.id });
    const audit = await ok<{ items: { action: string; target: string }[] }>('ava', 'GET', '/audit?limit=20');
    expect(audit.items).toContainEqual(
      expect.objectContaining({ action: 'campaign.removed-person', target: third.id }),
    );
  });
});
