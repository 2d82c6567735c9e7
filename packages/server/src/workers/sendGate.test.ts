import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suppressionSentence } from '../services/suppressionCheck';
import { suppressAddress } from '../services/suppressions';
import { addCampaign, addSend, openWorld, type World } from '../services/suppressionTesting';
import { findSend } from '../store/sends';
import { findLiveSuppressions } from '../store/suppressions';
import { TEST_ENGINES } from '../store/testing';
import { CAMPAIGN_ENDED, CAMPAIGN_PAUSE_RECHECK_MS, CAMPAIGN_PAUSED_HOLD, stillWanted } from './sendGate';

describe.each(TEST_ENGINES)('stillWanted (the last check before the provider) on %s', (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await openWorld(engine);
  });
  afterAll(() => w.db.close());

  const gate = async (sendId: string) => stillWanted(w.db, (await findSend(w.db, sendId))!, w.clock.now());

  it('a send to nobody suppressed goes', async () => {
    expect(await gate(await addSend(w, { userId: 'eli', to: ['fine@x.test'] }))).toEqual({ go: true });
  });

  it('an address suppressed after queueing stops it, saying who and why; another team still sends', async () => {
    const sendId = await addSend(w, { userId: 'eli', to: ['later@x.test'] });
    await suppressAddress(w.deps, {
      tenantId: 'contoso',
      userId: 'eli',
      email: 'later@x.test',
      reason: 'complaint',
      detail: {},
    });
    const [s] = await findLiveSuppressions(w.db, 'contoso', ['later@x.test'], w.clock.now());
    const answer = await gate(sendId);
    expect(answer.go).toBe(false);
    expect(answer.go === false && answer.why).toContain(suppressionSentence(s!));
    expect(await gate(await addSend(w, { userId: 'gus', to: ['later@x.test'] }))).toEqual({ go: true });
  });

  it.each(['bounced', 'replied', 'unsubscribed'] as const)(
    'a person who left (%s) gets no later step',
    async (reason) => {
      const { campaignId, enrolments } = await addCampaign(w, 'eli', [`${reason}@x.test`]);
      const enrolmentId = enrolments[`${reason}@x.test`]!;
      const sendId = await addSend(w, { userId: 'eli', to: [`${reason}@x.test`], campaignId, enrolmentId });
      expect(await gate(sendId)).toEqual({ go: true });
      await w.db.query(`update enrolments set status = 'left', left_reason = $2 where id = $1`, [
        enrolmentId,
        reason,
      ]);
      expect(await gate(sendId)).toEqual({ go: false, why: CAMPAIGN_ENDED[reason] });
    },
  );

  it('a paused campaign holds its queued step (not cancelled) until it is resumed', async () => {
    const { campaignId, enrolments } = await addCampaign(w, 'eli', ['held@x.test']);
    const sendId = await addSend(w, {
      userId: 'eli',
      to: ['held@x.test'],
      campaignId,
      enrolmentId: enrolments['held@x.test']!,
    });
    await w.db.query(`update campaigns set status = 'paused' where id = $1`, [campaignId]);
    expect(await gate(sendId)).toEqual({
      go: false,
      why: CAMPAIGN_PAUSED_HOLD,
      holdUntil: new Date(w.clock.now().getTime() + CAMPAIGN_PAUSE_RECHECK_MS),
    });
    await w.db.query(`update campaigns set status = 'active' where id = $1`, [campaignId]);
    expect(await gate(sendId)).toEqual({ go: true });
  });
});
