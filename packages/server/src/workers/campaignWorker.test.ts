import { MINUTE_MS, stepDueAt } from '@sendwell/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stepSendKey } from '../services/campaignSteps';
import { changeCampaign, pauseCampaign, resumeCampaign } from '../services/campaigns';
import {
  type CampaignBed,
  campaignBed,
  enrolPeople,
  makeCampaign,
  sendsOf,
} from '../services/campaignTesting';
import { findEnrolmentView } from '../store/campaignEnrolments';
import { findCampaign } from '../store/campaigns';
import type { Db } from '../store/db';
import { deferSend, markFailed, markSubmitted } from '../store/sends';
import { openTestDb, TEST_ENGINES } from '../store/testing';
import { advanceCampaignsOnce } from './campaignWorker';
import { CAMPAIGN_PAUSED_HOLD } from './sendGate';

const HOUR_MS = 60 * MINUTE_MS;

describe.each(TEST_ENGINES)('the campaign worker on %s', (engine) => {
  let db: Db;
  let bed: CampaignBed;
  const round = () => advanceCampaignsOnce(bed.deps);
  const enrolment = async (id: string) => (await findEnrolmentView(db, id))!;

  beforeAll(async () => {
    db = await openTestDb(engine);
    bed = await campaignBed(db);
  });
  afterAll(() => db.close());

  /** A campaign of eli's with one person in it; returns both ids. */
  async function onePerson(steps: Parameters<typeof makeCampaign>[2], person: Record<string, unknown> = {}) {
    const campaign = await makeCampaign(bed, 'eli', steps);
    const email = `p-${Math.random().toString(36).slice(2, 10)}@example.com`;
    const answer = await enrolPeople(bed, 'eli', campaign.id, [{ email, displayName: 'Pat Lee', ...person }]);
    return { campaign, email, enrolmentId: answer.enrolmentIds[0]! };
  }

  it('queues a due step through the outbox, moves on after it went, replies in the thread, then finishes', async () => {
    const { campaign, enrolmentId } = await onePerson([
      {},
      { delay: { amount: 2, unit: 'days', businessDays: false }, thread: 'same' },
    ]);
    expect(await round()).toBeGreaterThan(0);
    const [first] = await sendsOf(db, enrolmentId);
    expect(first).toMatchObject({
      host: 'web',
      subject: 'Hi Pat',
      body: '<p>Hello Pat at your company</p>',
      idempotencyKey: stepSendKey(campaign.id, campaign.steps[0]!.id, enrolmentId),
      campaign: { campaignId: campaign.id, enrolmentId, stepId: campaign.steps[0]!.id, stepIndex: 0 },
      status: 'scheduled',
    });
    expect((await enrolment(enrolmentId)).lastSendId).toBe(first!.id);

    // Still on its way: a second round changes nothing.
    await round();
    expect(await sendsOf(db, enrolmentId)).toHaveLength(1);

    const submittedAt = bed.clock.now();
    await markSubmitted(db, first!.id, submittedAt, { rfcMessageId: '<first@contoso.test>' });
    await round();
    const waiting = await enrolment(enrolmentId);
    const expected = stepDueAt({
      from: submittedAt,
      delay: campaign.steps[1]!.delay,
      window: null,
      timeZone: 'UTC',
    });
    expect(waiting).toMatchObject({ status: 'active', nextStep: 1, nextAt: expected, stepsSent: 1 });
    expect(await sendsOf(db, enrolmentId)).toHaveLength(1);

    bed.clock.set(expected);
    await round();
    const [, second] = await sendsOf(db, enrolmentId);
    expect(second).toMatchObject({
      subject: 'Re: Hi Pat',
      thread: { inReplyTo: '<first@contoso.test>', references: ['<first@contoso.test>'], threadId: null },
      campaign: { stepIndex: 1 },
    });

    await markSubmitted(db, second!.id, bed.clock.now());
    await round();
    expect(await enrolment(enrolmentId)).toMatchObject({ status: 'finished', stepsSent: 2 });
    const [finished] = await db.query<{ recipient: string }>(
      `select recipient from events where type = 'campaign.finished' and detail->>'enrolmentId' = $1`,
      [enrolmentId],
    );
    expect(finished).toBeDefined();
  });

  it('fills merge fields from the person first, then from the display name', async () => {
    const { enrolmentId } = await onePerson([{}], {
      displayName: 'Pat Lee',
      fields: { 'recipient.firstName': 'Patricia', company: 'Lee & <Sons>' },
    });
    await round();
    const [send] = await sendsOf(db, enrolmentId);
    expect(send).toMatchObject({
      subject: 'Hi Patricia',
      body: '<p>Hello Patricia at Lee &amp; &lt;Sons&gt;</p>',
    });
  });

  it('never queues a step twice, however many rounds run at once', async () => {
    const { enrolmentId } = await onePerson([{}]);
    await Promise.all([round(), round(), round()]);
    expect(await sendsOf(db, enrolmentId)).toHaveLength(1);
  });

  it('a person suppressed before their step leaves (suppressed); nothing is queued', async () => {
    const { email, enrolmentId } = await onePerson([{ delay: { amount: 1, unit: 'hours' } }]);
    await db.query(
      `insert into suppressions (tenant_id, email, reason, since) values ('t-contoso', $1, 'manual', $2)`,
      [email, bed.clock.now()],
    );
    bed.clock.advance(HOUR_MS);
    await round();
    expect(await enrolment(enrolmentId)).toMatchObject({ status: 'left', leftReason: 'suppressed' });
    expect((await enrolment(enrolmentId)).leftDetail).toMatchObject({ code: 'suppressed' });
    expect(await sendsOf(db, enrolmentId)).toHaveLength(0);
  });

  it.each([
    ['failed', (id: string) => markFailed(db, id, 'The mailbox refused it: 550 no such user')],
    ['cancelled', (id: string) => db.query(`update sends set status = 'cancelled' where id = $1`, [id])],
  ])('a step email that ended %s takes the person out (removed), with the reason', async (status, end) => {
    const { enrolmentId } = await onePerson([{}, {}]);
    await round();
    const [send] = await sendsOf(db, enrolmentId);
    await end(send!.id);
    await round();
    expect(await enrolment(enrolmentId)).toMatchObject({
      status: 'left',
      leftReason: 'removed',
      leftDetail: { sendId: send!.id, status },
    });
    expect(await sendsOf(db, enrolmentId)).toHaveLength(1);
  });

  it('a paused campaign queues nothing; resumed, people continue', async () => {
    const { campaign, enrolmentId } = await onePerson([{}]);
    const eli = await bed.user('eli');
    await pauseCampaign(bed.deps, eli, campaign.id);
    await round();
    expect(await sendsOf(db, enrolmentId)).toHaveLength(0);
    await resumeCampaign(bed.deps, eli, campaign.id);
    await round();
    expect(await sendsOf(db, enrolmentId)).toHaveLength(1);
  });

  it('resuming lets the step emails the sender held for the pause go now', async () => {
    const { campaign, enrolmentId } = await onePerson([{}]);
    const eli = await bed.user('eli');
    await round();
    const [queued] = await sendsOf(db, enrolmentId);
    await pauseCampaign(bed.deps, eli, campaign.id);
    // What the sender does with a paused campaign's email (stillWanted → hold).
    await deferSend(db, queued!.id, new Date(bed.clock.now().getTime() + HOUR_MS), CAMPAIGN_PAUSED_HOLD);
    bed.clock.advance(MINUTE_MS);
    await resumeCampaign(bed.deps, eli, campaign.id);
    const [released] = await sendsOf(db, enrolmentId);
    expect(released).toMatchObject({ status: 'scheduled', sendAt: bed.clock.now() });
  });

  it('editing the steps never sends a step again: a step moved or added before still counts by id', async () => {
    const { campaign, enrolmentId } = await onePerson([{}, { delay: { amount: 1, unit: 'hours' } }]);
    const eli = await bed.user('eli');
    await round();
    const [first] = await sendsOf(db, enrolmentId);
    await markSubmitted(db, first!.id, bed.clock.now());
    await round();
    // A new step goes in front; the two old ones keep their ids.
    const [a, b] = campaign.steps;
    const extra = { templateId: a!.templateId, delay: { amount: 0, unit: 'hours' as const } };
    const edited = await changeCampaign(bed.deps, eli, campaign.id, { steps: [extra, a!, b!] });
    expect(edited.steps.map((s) => s.id).slice(1)).toEqual([a!.id, b!.id]);
    expect(await enrolment(enrolmentId)).toMatchObject({ nextStep: 2 });
    bed.clock.advance(HOUR_MS);
    await round();
    const sends = await sendsOf(db, enrolmentId);
    expect(sends.map((s) => s.campaign!.stepId)).toEqual([a!.id, b!.id]);
  });

  it("a disconnected mailbox pauses the campaign (by 'mailbox', why kept) and takes nobody out", async () => {
    const { campaign, enrolmentId } = await onePerson([{}]);
    await db.query(`update mailboxes set state = 'disconnected' where user_id = 'eli'`);
    try {
      await round();
      expect((await enrolment(enrolmentId)).leftDetail ?? null).toBeNull();
      expect(await enrolment(enrolmentId)).toMatchObject({ status: 'active', nextStep: 0 });
      expect(await sendsOf(db, enrolmentId)).toHaveLength(0);
      const paused = (await findCampaign(db, (await bed.user('eli')).tenantId, campaign.id))!;
      expect(paused.status).toBe('paused');
      expect(paused.pause).toMatchObject({ by: 'mailbox', message: expect.any(String) });
    } finally {
      await db.query(`update mailboxes set state = 'connected' where user_id = 'eli'`);
    }
    await resumeCampaign(bed.deps, await bed.user('eli'), campaign.id);
    await round();
    expect(await sendsOf(db, enrolmentId)).toHaveLength(1);
  });

  it('a step whose template is gone takes the person out with the reason, never a retry loop', async () => {
    const { campaign, enrolmentId } = await onePerson([{}]);
    await db.query('update templates set deleted_at = $2 where id = $1', [
      campaign.steps[0]!.templateId,
      bed.clock.now(),
    ]);
    await round();
    await round();
    expect(await enrolment(enrolmentId)).toMatchObject({
      status: 'left',
      leftReason: 'removed',
      leftDetail: { code: 'template-not-found' },
    });
    expect(await sendsOf(db, enrolmentId)).toHaveLength(0);
  });
});
