import { stepDueAt } from '@sendwell/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findEnrolmentView } from '../store/campaignEnrolments';
import { findCampaign } from '../store/campaigns';
import type { Db } from '../store/db';
import { openTestDb, TEST_ENGINES } from '../store/testing';
import { advanceCampaignsOnce } from '../workers/campaignWorker';
import { campaignForecast } from './campaignForecast';
import { type CampaignBed, campaignBed, enrolPeople, makeCampaign, sendsOf } from './campaignTesting';

// When each step goes: due times from core's stepDueAt (the person's zone when the window asks for
// it), then the owner's throttle; emails already queued keep the outbox's time.
describe.each(TEST_ENGINES)('campaign forecast on %s', (engine) => {
  let db: Db;
  let bed: CampaignBed;

  beforeAll(async () => {
    db = await openTestDb(engine);
    bed = await campaignBed(db, '2026-03-02T07:00:00Z'); // a Monday
  });
  afterAll(() => db.close());

  it("plans each step from its delay and window, in the person's zone when known, then paced", async () => {
    const window = {
      startHour: 9,
      endHour: 17,
      days: ['mon', 'tue', 'wed', 'thu', 'fri'] as const,
      zone: 'person' as const,
    };
    const second = { amount: 2, unit: 'days' as const, businessDays: true };
    const campaign = await makeCampaign(bed, 'eli', [
      { delay: { amount: 0, unit: 'hours' }, window: { ...window, days: [...window.days] } },
      { delay: second },
    ]);
    const { enrolmentIds } = await enrolPeople(bed, 'eli', campaign.id, [
      { email: 'ny@example.com', timeZone: 'America/New_York' },
      { email: 'a@example.com' },
      { email: 'b@example.com' },
    ]);
    const now = bed.clock.now();
    const due = (timeZone: string) =>
      stepDueAt({ from: now, delay: campaign.steps[0]!.delay, window: campaign.steps[0]!.window, timeZone });
    const [ny, a] = await Promise.all(enrolmentIds.slice(0, 2).map((id) => findEnrolmentView(db, id)));
    expect(ny!.nextAt).toEqual(due('America/New_York'));
    expect(a!.nextAt).toEqual(due('UTC'));
    expect(due('America/New_York').getTime()).toBeGreaterThan(due('UTC').getTime());

    const row = (await findCampaign(db, 't-contoso', campaign.id))!;
    const before = await campaignForecast(db, row, now);
    const [one, two] = before.steps;
    expect(one).toMatchObject({ pending: 3, firstAt: due('UTC').toISOString() });
    expect(Date.parse(one!.lastAt!)).toBeGreaterThanOrEqual(due('America/New_York').getTime());
    const secondDue = stepDueAt({ from: due('UTC'), delay: second, window: null, timeZone: 'UTC' });
    expect(two).toMatchObject({ pending: 3 });
    expect(Date.parse(two!.firstAt!)).toBeGreaterThanOrEqual(secondDue.getTime());
    expect(before.explanation).toContain('eli@contoso.test');

    // At 9:00 UTC the two UTC people are queued; the outbox's times count for them from then on.
    bed.clock.set(due('UTC'));
    await advanceCampaignsOnce(bed.deps);
    const queued = (await Promise.all(enrolmentIds.slice(1).map((id) => sendsOf(db, id)))).flat();
    expect(queued).toHaveLength(2);
    const after = await campaignForecast(db, row, bed.clock.now());
    expect(after.steps[0]).toMatchObject({ pending: 3 });
    const queuedTimes = queued.map((s) => s.sendAt.getTime());
    expect(Date.parse(after.steps[0]!.firstAt!)).toBe(Math.min(...queuedTimes));
  });

  it('says so when nobody waits', async () => {
    const campaign = await makeCampaign(bed, 'eli', [{}]);
    const row = (await findCampaign(db, 't-contoso', campaign.id))!;
    const forecast = await campaignForecast(db, row, bed.clock.now());
    expect(forecast.steps).toEqual([
      { stepId: campaign.steps[0]!.id, index: 0, pending: 0, firstAt: null, lastAt: null },
    ]);
  });
});
