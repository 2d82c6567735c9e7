import { DAY_MS } from '@sendwell/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrol } from '../services/campaignEnrol';
import { createCampaign } from '../services/campaigns';
import { insertTemplate } from '../store/templates';
import { TEST_ENGINES } from '../store/testing';
import { findUser } from '../store/users';
import { advanceCampaignsOnce } from './campaignWorker';
import { openScanWorld, type ScanWorld } from './scanTesting';
import { sendDueOnce } from './senderWorker';

// The scanner's reply reaches the campaign: a person who answers step 1 leaves with `replied` and
// never gets step 2; one who only sent an out-of-office stays. Real campaign code, sandbox Gmail.
describe.each(TEST_ENGINES)('a reply to a campaign email (%s)', (engine) => {
  let world: ScanWorld;
  beforeAll(async () => {
    world = await openScanWorld(engine);
    await world.scan();
  });
  afterAll(() => world.close());

  const deps = () => ({ ...world.deps, wake: () => {} });
  const enrolment = (email: string) =>
    world.db.query<{ id: string; status: string; left_reason: string | null }>(
      'select id, status, left_reason from enrolments where email = $1',
      [email],
    );
  const sendsTo = async (enrolmentId: string) =>
    (await world.db.query('select id from sends where enrolment_id = $1', [enrolmentId])).length;

  /** Campaign round, then the outbox until nothing is scheduled (time moves to each due send), then a round. */
  async function runOutbox() {
    await advanceCampaignsOnce(deps());
    for (let i = 0; i < 20; i++) {
      const [due] = await world.db.query<{ send_at: Date | null }>(
        "select min(send_at) as send_at from sends where status in ('scheduled', 'retry')",
      );
      if (!due?.send_at) break;
      const at = new Date(due.send_at);
      if (at > world.clock.now()) world.clock.set(at);
      await sendDueOnce(world.deps);
    }
    await advanceCampaignsOnce(deps());
  }

  it('the person who replied leaves (`replied`) and gets no later step; an out-of-office changes nothing', async () => {
    const gus = (await findUser(world.db, 'gus'))!;
    const templateId = 'tpl-reply-campaign';
    await insertTemplate(world.db, {
      id: templateId,
      tenantId: gus.tenantId,
      ownerId: 'gus',
      scope: 'personal',
      name: 'Intro',
      subject: 'Quick question',
      body: '<p>Hello</p>',
    });
    const campaign = await createCampaign(deps(), gus, {
      name: 'Replies leave',
      timeZone: 'UTC',
      steps: [
        { templateId, delay: { amount: 0, unit: 'hours' } },
        { templateId, delay: { amount: 2, unit: 'days' } },
      ],
    });
    await enrol(deps(), gus, campaign.id, {
      people: [{ email: 'ivy@acme.test' }, { email: 'max@acme.test' }],
    });
    await runOutbox();
    const [ivy] = await enrolment('ivy@acme.test');
    const [max] = await enrolment('max@acme.test');
    const first = (id: string) =>
      world.db.query<{ message_id: string }>('select message_id from sends where enrolment_id = $1', [id]);
    const [toIvy] = await first(ivy!.id);
    const [toMax] = await first(max!.id);
    const answer = (from: string, extra: string[], body: string) =>
      [`From: ${from}`, 'To: gus@acme.test', ...extra, 'Content-Type: text/plain', '', body].join('\r\n');
    await world.sendAs(
      'ivy',
      answer(
        'ivy@acme.test',
        ['Subject: Re: Quick question', `In-Reply-To: <${toIvy!.message_id}>`],
        'Yes, call me.',
      ),
    );
    await world.sendAs(
      'max',
      answer(
        'max@acme.test',
        [
          'Subject: Automatic reply: Quick question',
          'Auto-Submitted: auto-replied',
          `In-Reply-To: <${toMax!.message_id}>`,
        ],
        'Out of office.',
      ),
    );
    expect(await world.scan()).toBe(2);
    expect((await enrolment('ivy@acme.test'))[0]).toMatchObject({ status: 'left', left_reason: 'replied' });
    expect((await enrolment('max@acme.test'))[0]).toMatchObject({ status: 'active', left_reason: null });
    world.clock.advance(3 * DAY_MS);
    await runOutbox();
    expect(await sendsTo(ivy!.id)).toBe(1);
    expect(await sendsTo(max!.id)).toBe(2);
  });
});
