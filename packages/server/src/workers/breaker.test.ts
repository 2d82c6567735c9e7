import { DEFAULT_BOUNCE_RULES } from '@sendwell/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addBounce, addCampaign, addSend, openWorld, type World } from '../services/suppressionTesting';
import { saveBounceRules } from '../store/bounceRules';
import { TEST_ENGINES } from '../store/testing';
import { checkBreaker, readBreaker, trips } from './breaker';

describe('the breaker trips', () => {
  it.each([
    [{ sent: 20, bounced: 4, window: 20, threshold: 0.2 }, true],
    [{ sent: 20, bounced: 3, window: 20, threshold: 0.2 }, false],
    [{ sent: 5, bounced: 5, window: 20, threshold: 0.2 }, false], // too few sends to judge
    [{ sent: 20, bounced: 20, window: 20, threshold: 1 }, true],
  ])('%o → %s', (reading, expected) => {
    expect(trips(reading)).toBe(expected);
  });
});

describe.each(TEST_ENGINES)('checkBreaker on %s', (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await openWorld(engine);
    await saveBounceRules(
      w.db,
      'contoso',
      { ...DEFAULT_BOUNCE_RULES, breakerWindow: 10, breakerRate: 0.3 },
      'ava',
      w.clock.now(),
    );
  });
  afterAll(() => w.db.close());

  /** A campaign of eli's with `sends` step emails, the first `bounced` of them bounced (oldest first). */
  async function campaignWith(
    sends: number,
    bounced: number,
    extra: (ids: string[]) => Promise<void> = async () => {},
  ) {
    const people = Array.from({ length: sends }, (_, i) => `p${i}@x.test`);
    const { campaignId, enrolments } = await addCampaign(w, 'eli', people);
    const ids: string[] = [];
    for (const [i, email] of people.entries())
      ids.push(
        await addSend(w, {
          userId: 'eli',
          to: [email],
          campaignId,
          enrolmentId: enrolments[email],
          minutesAgo: sends - i,
        }),
      );
    for (const id of ids.slice(-bounced || ids.length).slice(0, bounced))
      await addBounce(w, { mailboxOf: 'eli', recipient: 'x@x.test', sendId: id, hard: true });
    await extra(ids);
    return campaignId;
  }
  const campaign = async (id: string) =>
    (
      await w.db.query<{ status: string; pause: unknown }>(
        'select status, pause from campaigns where id = $1',
        [id],
      )
    )[0]!;

  it('pauses at the rate over the last K sends, says why, tells the owner once', async () => {
    const id = await campaignWith(12, 3);
    const before = w.published.length;
    expect(await checkBreaker(w.deps, id)).toBe(true);
    const row = await campaign(id);
    const pause = typeof row.pause === 'string' ? JSON.parse(row.pause) : row.pause;
    expect(row.status).toBe('paused');
    expect(pause).toMatchObject({ by: 'circuit-breaker', bounced: 3, window: 10, threshold: 0.3 });
    expect(pause.message).toMatch(/3 of the last 10 emails bounced/);
    expect(w.published.slice(before)).toEqual([
      expect.objectContaining({
        userId: 'eli',
        type: 'campaign.paused',
        detail: expect.objectContaining({ campaignId: id, by: 'circuit-breaker' }),
      }),
    ]);
    expect(await checkBreaker(w.deps, id)).toBe(false);
    expect(w.published.length).toBe(before + 1);
  });

  it.each([
    ['below the rate', 12, 2],
    ['too few sends to judge', 5, 5],
  ])('leaves the campaign running: %s', async (_what, sends, bounced) => {
    const id = await campaignWith(sends, bounced);
    expect(await checkBreaker(w.deps, id)).toBe(false);
    expect((await campaign(id)).status).toBe('active');
  });

  it('counts a send with several notices once, and no delays', async () => {
    const id = await campaignWith(10, 2, async (ids) => {
      await addBounce(w, { mailboxOf: 'eli', recipient: 'x@x.test', sendId: ids.at(-1)!, hard: true });
      await addBounce(w, {
        mailboxOf: 'eli',
        recipient: 'x@x.test',
        sendId: ids[0]!,
        hard: false,
        action: 'delayed',
      });
    });
    expect(await readBreaker(w.db, id, 10, 0.3)).toEqual({
      sent: 10,
      bounced: 2,
      window: 10,
      threshold: 0.3,
    });
    expect(await checkBreaker(w.deps, id)).toBe(false);
  });

  it('only the last K sends count: old bounces fall out of the window', async () => {
    // 3 bounces among the 3 oldest of 13 sends: the last 10 are clean.
    const id = await campaignWith(13, 0, async (ids) => {
      for (const sendId of ids.slice(0, 3))
        await addBounce(w, { mailboxOf: 'eli', recipient: 'x@x.test', sendId, hard: true });
    });
    expect((await readBreaker(w.db, id, 10, 0.3)).bounced).toBe(0);
    expect(await checkBreaker(w.deps, id)).toBe(false);
  });
});
