import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertBounce } from '../store/bounces';
import { findCampaign } from '../store/campaigns';
import type { Db } from '../store/db';
import { insertReply } from '../store/replies';
import type { SendRow } from '../store/rows';
import { markSubmitted } from '../store/sends';
import { openTestDb, TEST_ENGINES } from '../store/testing';
import { advanceCampaignsOnce } from '../workers/campaignWorker';
import { campaignAnalytics } from './campaignAnalytics';
import { getCampaign } from './campaigns';
import { type CampaignBed, campaignBed, enrolPeople, makeCampaign, sendsOf } from './campaignTesting';
import { afterBounce, afterOptOut, afterReply } from './deliveryOutcomes';

// Analytics equal what happened: four people through a two-step campaign, each outcome recorded
// the way the scanner and the unsubscribe page record it (row first, then the outcomes hub).
describe.each(TEST_ENGINES)('campaign analytics on %s', (engine) => {
  let db: Db;
  let bed: CampaignBed;
  let notice = 0;

  beforeAll(async () => {
    db = await openTestDb(engine);
    bed = await campaignBed(db);
  });
  afterAll(() => db.close());

  /** Submits every waiting step email of these people, then lets the campaigns move on. */
  async function deliverAll(enrolmentIds: string[]): Promise<SendRow[]> {
    await advanceCampaignsOnce(bed.deps);
    const sent: SendRow[] = [];
    for (const id of enrolmentIds)
      for (const send of await sendsOf(db, id))
        if (send.status === 'scheduled') {
          await markSubmitted(db, send.id, bed.clock.now());
          sent.push(send);
        }
    await advanceCampaignsOnce(bed.deps);
    return sent;
  }

  async function bounce(send: SendRow, hard: boolean) {
    const recorded = {
      mailboxId: 'mbx-eli',
      providerMessageId: `notice-${++notice}`,
      sendId: send.id,
      recipient: send.to[0]!,
      action: 'failed',
      status: hard ? '5.1.1' : '4.2.2',
      hard,
      reason: hard ? 'no-such-user' : 'mailbox-full',
      diagnostic: null,
      at: bed.clock.now(),
    };
    if (await insertBounce(db, recorded))
      await afterBounce(bed.deps, { ...recorded, send, tenantId: 't-contoso', userId: 'eli' });
  }

  async function reply(send: SendRow, auto: boolean) {
    const recorded = {
      mailboxId: 'mbx-eli',
      providerMessageId: `reply-${++notice}`,
      sendId: send.id,
      from: send.to[0]!,
      auto,
      evidence: {},
      at: bed.clock.now(),
    };
    if ((await insertReply(db, recorded)) && !auto)
      await afterReply(bed.deps, { send, from: recorded.from, evidence: {} });
  }

  it('counts each outcome once, per step and in total, with who left why', async () => {
    const campaign = await makeCampaign(bed, 'eli', [{}, {}]);
    const people = ['hard@bounce.test', 'soft@full.test', 'rae@reply.test', 'una@unsubscribe.test'];
    const { enrolmentIds } = await enrolPeople(
      bed,
      'eli',
      campaign.id,
      people.map((email) => ({ email })),
    );
    const firstStep = await deliverAll(enrolmentIds);
    const to = (email: string) => firstStep.find((s) => s.to[0] === email)!;
    await bounce(to('hard@bounce.test'), true);
    await bounce(to('soft@full.test'), false);
    await bounce(to('soft@full.test'), false); // a second notice for the same email counts once
    await reply(to('rae@reply.test'), true); // an out-of-office is not a reply
    await reply(to('rae@reply.test'), false);
    await afterOptOut(bed.deps, {
      kind: 'unsubscribe',
      send: to('una@unsubscribe.test'),
      tenantId: 't-contoso',
      userId: 'eli',
      email: 'una@unsubscribe.test',
      evidence: {},
    });
    await deliverAll(enrolmentIds); // the soft-bounced person gets step 2 and finishes

    const row = (await findCampaign(db, 't-contoso', campaign.id))!;
    const analytics = await campaignAnalytics(db, row);
    const [one, two] = analytics.steps;
    expect(one).toMatchObject({
      index: 0,
      enrolled: 4,
      sent: 4,
      bouncedHard: 1,
      bouncedSoft: 1,
      replied: 1,
      unsubscribed: 1,
      finished: 0,
    });
    expect(one!.bounceRate).toBeCloseTo(2 / 4);
    expect(one!.replyRate).toBeCloseTo(1 / 4);
    expect(two).toMatchObject({ index: 1, enrolled: 1, sent: 1, bouncedHard: 0, replied: 0, finished: 1 });
    expect(analytics.total).toMatchObject({
      enrolled: 4,
      sent: 5,
      bouncedHard: 1,
      bouncedSoft: 1,
      replied: 1,
      unsubscribed: 1,
      finished: 1,
    });
    expect(analytics.total.bounceRate).toBeCloseTo(2 / 5);
    expect(analytics.left).toEqual({
      bounced: 1,
      replied: 1,
      unsubscribed: 1,
      complained: 0,
      suppressed: 0,
      removed: 0,
    });

    const view = await getCampaign(db, await bed.user('nia'), campaign.id);
    expect(view.counts).toMatchObject({ enrolled: 4, sent: 5, active: 0, left: 3, finished: 1 });
  });
});
