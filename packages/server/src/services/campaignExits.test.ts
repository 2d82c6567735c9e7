import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findEnrolmentView } from '../store/campaignEnrolments';
import type { Db } from '../store/db';
import { findSend, markSubmitted } from '../store/sends';
import { openTestDb, TEST_ENGINES } from '../store/testing';
import { advanceCampaignsOnce } from '../workers/campaignWorker';
import { CAMPAIGN_ENDED } from '../workers/sendGate';
import { type CampaignBed, campaignBed, enrolPeople, makeCampaign, sendsOf } from './campaignTesting';
import { afterBounce, afterOptOut, afterReply } from './deliveryOutcomes';

// The exits as the delivery outcomes hub drives them (the scanner's and the unsubscribe page's
// path): the person leaves, their waiting step is cancelled in the words the sender uses, the
// feed hears it, and nothing happens twice.
describe.each(TEST_ENGINES)('campaign exits on %s', (engine) => {
  let db: Db;
  let bed: CampaignBed;
  const status = async (id: string) => (await findEnrolmentView(db, id))!;

  beforeAll(async () => {
    db = await openTestDb(engine);
    bed = await campaignBed(db);
  });
  afterAll(() => db.close());

  /**
   * `email` in a two-step campaign of `ownerId`, its first step submitted and the second already
   * waiting in the outbox (both steps are due at once).
   */
  async function secondStepWaiting(ownerId: string, email: string) {
    const campaign = await makeCampaign(bed, ownerId, [{}, {}]);
    const enrolmentId = (await enrolPeople(bed, ownerId, campaign.id, [{ email }])).enrolmentIds[0]!;
    await advanceCampaignsOnce(bed.deps);
    const [first] = await sendsOf(db, enrolmentId);
    await markSubmitted(db, first!.id, bed.clock.now());
    await advanceCampaignsOnce(bed.deps);
    const [, second] = await sendsOf(db, enrolmentId);
    expect(second?.status).toBe('scheduled');
    return { campaign, enrolmentId, first: (await findSend(db, first!.id))!, second: second! };
  }

  const bounce = (
    send: Awaited<ReturnType<typeof secondStepWaiting>>['first'],
    hard: boolean | null,
    action = 'failed',
  ) =>
    afterBounce(bed.deps, {
      send,
      tenantId: 't-contoso',
      userId: send.userId,
      recipient: send.to[0]!,
      action,
      hard,
      status: hard ? '5.1.1' : '4.2.2',
      reason: hard ? 'no-such-user' : 'mailbox-full',
      diagnostic: hard ? '550 5.1.1 User unknown' : '452 4.2.2 Mailbox full',
    });

  const eventsOf = (type: string, recipient: string) =>
    db.query<{ detail: Record<string, unknown>; user_id: string }>(
      'select detail, user_id from events where type = $1 and recipient = $2 order by id',
      [type, recipient],
    );

  it('a hard bounce: the person leaves every campaign of the team, waiting steps end in the sender’s words, once', async () => {
    const email = 'bo@bounce.test';
    const a = await secondStepWaiting('eli', email);
    const b = await secondStepWaiting('ava', email);
    const otherTeam = await secondStepWaiting('gus', email);

    await bounce(a.first, true);
    await bounce(a.first, true);

    expect(await status(a.enrolmentId)).toMatchObject({
      status: 'left',
      leftReason: 'bounced',
      leftDetail: { sendId: a.first.id, status: '5.1.1' },
    });
    expect(await findSend(db, a.second.id)).toMatchObject({
      status: 'cancelled',
      lastError: CAMPAIGN_ENDED.bounced,
    });
    expect(await status(b.enrolmentId)).toMatchObject({ status: 'left', leftReason: 'bounced' });
    expect(await findSend(db, b.second.id)).toMatchObject({ status: 'cancelled' });
    // Another team's campaign with the same address is not touched.
    expect(await status(otherTeam.enrolmentId)).toMatchObject({ status: 'active' });
    expect(await findSend(db, otherTeam.second.id)).toMatchObject({ status: 'scheduled' });

    const left = await eventsOf('campaign.left', email);
    expect(left.map((e) => [e.user_id, e.detail.reason])).toEqual([
      ['eli', 'bounced'],
      ['ava', 'bounced'],
    ]);
    const [cancelled] = await db.query<{ detail: { reason: string } }>(
      `select detail from events where type = 'send.cancelled' and send_id = $1`,
      [a.second.id],
    );
    expect(cancelled!.detail.reason).toBe(CAMPAIGN_ENDED.bounced);
  });

  it.each([
    ['a delay notice', null, 'delayed'],
    ['one soft bounce', false, 'failed'],
  ] as const)('%s leaves the person in', async (_what, hard, action) => {
    const run = await secondStepWaiting('eli', `soft-${action}@full.test`);
    await bounce(run.first, hard, action);
    expect(await status(run.enrolmentId)).toMatchObject({ status: 'active' });
    expect(await findSend(db, run.second.id)).toMatchObject({ status: 'scheduled' });
  });

  it('a reply: the person leaves that campaign (replied), their other campaigns go on', async () => {
    const email = 'rae@reply.test';
    const a = await secondStepWaiting('eli', email);
    const b = await secondStepWaiting('eli', email);
    await afterReply(bed.deps, { send: a.first, from: email, evidence: { providerMessageId: 'm-1' } });
    expect(await status(a.enrolmentId)).toMatchObject({ status: 'left', leftReason: 'replied' });
    expect(await findSend(db, a.second.id)).toMatchObject({
      status: 'cancelled',
      lastError: CAMPAIGN_ENDED.replied,
    });
    expect(await status(b.enrolmentId)).toMatchObject({ status: 'active' });
  });

  it('an unsubscribe: suppressed, and out of every campaign of the team', async () => {
    const email = 'una@unsubscribe.test';
    const a = await secondStepWaiting('eli', email);
    const b = await secondStepWaiting('nia', email);
    await afterOptOut(bed.deps, {
      kind: 'unsubscribe',
      send: a.first,
      tenantId: 't-contoso',
      userId: 'eli',
      email,
      evidence: { oneClick: true },
    });
    expect(await status(a.enrolmentId)).toMatchObject({ status: 'left', leftReason: 'unsubscribed' });
    expect(await status(b.enrolmentId)).toMatchObject({ status: 'left', leftReason: 'unsubscribed' });
    expect(await findSend(db, a.second.id)).toMatchObject({ lastError: CAMPAIGN_ENDED.unsubscribed });
  });
});
