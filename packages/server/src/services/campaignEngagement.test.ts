import { DEFAULT_BOUNCE_RULES, type EngagementCounts } from '@sendwell/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveBounceRules } from '../store/bounceRules';
import { findCampaign } from '../store/campaigns';
import type { Db } from '../store/db';
import type { SendRow } from '../store/rows';
import { markSubmitted } from '../store/sends';
import { openTestDb, TEST_ENGINES } from '../store/testing';
import { recordEngagement } from '../tracking/record';
import { advanceCampaignsOnce } from '../workers/campaignWorker';
import { campaignAnalytics } from './campaignAnalytics';
import { getCampaign } from './campaigns';
import { type CampaignBed, campaignBed, enrolPeople, makeCampaign, sendsOf } from './campaignTesting';

const SAFARI =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 Version/17.0 Safari/605.1.15';
/** Requests as the tracking routes see them; core's classifier decides person or machine. */
const HITS = {
  person: { userAgent: SAFARI },
  appleProxy: { userAgent: 'Mozilla/5.0' },
  scanner: { userAgent: 'Mozilla/5.0 (compatible; urldefense.proofpoint.com)' },
  linkChecker: { userAgent: SAFARI, method: 'HEAD' },
};
const none: EngagementCounts = { opened: 0, clicked: 0, machineOpens: 0, machineClicks: 0 };

// Opens and clicks as recorded by the tracking routes (the same `recordEngagement`), counted once
// per email, a person's request winning over a machine's for the same email.
describe.each(TEST_ENGINES)('campaign engagement analytics on %s', (engine) => {
  let db: Db;
  let bed: CampaignBed;

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
    bed.clock.advance(60 * 60_000); // an hour later: a click is no longer "seconds after delivery"
    return sent;
  }

  const hit = (send: SendRow, kind: 'open' | 'click', who: keyof typeof HITS) =>
    recordEngagement(bed.deps, {
      sendId: send.id,
      kind,
      url: kind === 'click' ? 'https://example.com/pricing' : null,
      hit: HITS[who],
    });

  it('counts opened and clicked emails per step and in total, machines apart; says whether tracking is on', async () => {
    const campaign = await makeCampaign(bed, 'eli', [{}, {}]);
    const people = ['ann', 'bob', 'cat', 'dan'].map((name) => ({ email: `${name}@example.com` }));
    const { enrolmentIds } = await enrolPeople(bed, 'eli', campaign.id, people);
    const row = (await findCampaign(db, 't-contoso', campaign.id))!;
    const before = await campaignAnalytics(db, row);
    expect(before.tracking).toEqual({ opens: false, clicks: false });
    expect(before.total.engagement).toEqual(none);

    await saveBounceRules(
      db,
      't-contoso',
      { ...DEFAULT_BOUNCE_RULES, trackOpens: true, trackClicks: true },
      'ava',
      bed.clock.now(),
    );
    const firstStep = await deliverAll(enrolmentIds);
    const to = (name: string) => firstStep.find((s) => s.to[0] === `${name}@example.com`)!;
    await hit(to('ann'), 'open', 'appleProxy');
    await hit(to('ann'), 'open', 'person');
    await hit(to('ann'), 'open', 'person'); // opened twice: still one email opened
    await hit(to('bob'), 'open', 'appleProxy'); // only the proxy: a machine open
    await hit(to('cat'), 'click', 'scanner');
    await hit(to('cat'), 'click', 'person');
    await hit(to('dan'), 'click', 'linkChecker'); // only the checker: a machine click
    const secondStep = await deliverAll(enrolmentIds);
    await hit(secondStep.find((s) => s.to[0] === 'ann@example.com')!, 'click', 'person');

    const analytics = await campaignAnalytics(db, row);
    expect(analytics.tracking).toEqual({ opens: true, clicks: true });
    expect(analytics.steps.map((s) => s.engagement)).toEqual([
      { opened: 1, clicked: 1, machineOpens: 1, machineClicks: 1 },
      { opened: 0, clicked: 1, machineOpens: 0, machineClicks: 0 },
    ]);
    expect(analytics.total.engagement).toEqual({ opened: 1, clicked: 2, machineOpens: 1, machineClicks: 1 });
    expect(analytics.total).toMatchObject({ sent: 8, replied: 0 }); // the other numbers are untouched

    const view = await getCampaign(db, await bed.user('nia'), campaign.id);
    expect(view.counts.engagement).toEqual(analytics.total.engagement);
  });

  it("another campaign's opens never count here", async () => {
    const quiet = await makeCampaign(bed, 'eli', [{}]);
    await enrolPeople(bed, 'eli', quiet.id, [{ email: 'eve@example.com' }]);
    const analytics = await campaignAnalytics(db, (await findCampaign(db, 't-contoso', quiet.id))!);
    expect(analytics.total.engagement).toEqual(none);
    expect(analytics.steps[0]!.engagement).toEqual(none);
  });
});
