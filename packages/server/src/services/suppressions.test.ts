import { DEFAULT_BOUNCE_RULES } from '@sendwell/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveBounceRules } from '../store/bounceRules';
import { findLiveSuppressions } from '../store/suppressions';
import { TEST_ENGINES } from '../store/testing';
import { ApiError } from './errors';
import { refuseSuppressed, suppressionSentence } from './suppressionCheck';
import { applyBounceRules, suppressAddress } from './suppressions';
import { addBounce, addSend, openWorld, type World } from './suppressionTesting';

const DAY = 86_400_000;

describe.each(TEST_ENGINES)('suppression rules on %s', (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await openWorld(engine);
  });
  afterAll(() => w.db.close());

  const notice = (email: string, hard: boolean | null, sendId: string | null = null) =>
    applyBounceRules(w.deps, {
      tenantId: 'contoso',
      userId: 'eli',
      email,
      hard,
      sendId,
      status: '5.1.1',
      reason: 'mailbox-unknown',
      diagnostic: 'no such user',
    });
  const live = (email: string) => findLiveSuppressions(w.db, 'contoso', [email], w.clock.now());
  const audits = () =>
    w.db.query<{ action: string; actor_id: string }>('select action, actor_id from audit_log');

  it('a hard bounce suppresses the address until lifted, with the evidence and a feed event; no audit', async () => {
    const sendId = await addSend(w, { userId: 'eli', to: ['gone@x.test'] });
    const before = w.published.length;
    expect(await notice('Gone@x.test', true, sendId)).toEqual({ suppressed: true, reason: 'hard-bounce' });
    const [s] = await live('gone@x.test');
    expect(s).toMatchObject({
      reason: 'hard-bounce',
      until: null,
      detail: { sendId, status: '5.1.1', diagnostic: 'no such user' },
    });
    expect(w.published.slice(before)).toEqual([
      expect.objectContaining({
        userId: 'eli',
        type: 'suppression.added',
        sendId,
        recipient: 'gone@x.test',
        detail: { suppressionId: s!.id, email: 'gone@x.test', reason: 'hard-bounce', until: null },
      }),
    ]);
    expect(await audits()).toEqual([]);
  });

  it('a notice the engine could not classify suppresses nothing', async () => {
    expect(await notice('unsure@x.test', null)).toEqual({ suppressed: false, reason: null });
    expect(await live('unsure@x.test')).toEqual([]);
  });

  // The soft rule counts the notices already recorded (the caller records first), within D days.
  it.each([
    ['below the limit', { softBounceLimit: 3, softBounceDays: 7 }, [1, 2], false],
    ['the limit reached', { softBounceLimit: 3, softBounceDays: 7 }, [0, 1, 2], true],
    ['one too old to count', { softBounceLimit: 3, softBounceDays: 7 }, [0, 1, 8], false],
    ['a team with a lower limit', { softBounceLimit: 2, softBounceDays: 7 }, [0, 1], true],
    ['a team with a shorter window', { softBounceLimit: 3, softBounceDays: 2 }, [0, 1, 3], false],
  ])('soft bounces, %s', async (_what, rules, daysAgo, suppressed) => {
    await saveBounceRules(w.db, 'contoso', { ...DEFAULT_BOUNCE_RULES, ...rules }, 'ava', w.clock.now());
    const email = `${crypto.randomUUID()}@full.test`;
    for (const d of daysAgo)
      await addBounce(w, { mailboxOf: 'eli', recipient: email, hard: false, daysAgo: d });
    const answer = await notice(email, false);
    expect(answer.suppressed).toBe(suppressed);
    const rows = await live(email);
    expect(rows.length).toBe(suppressed ? 1 : 0);
    if (suppressed)
      expect(rows[0]).toMatchObject({
        reason: 'soft-bounces',
        until: new Date(w.clock.now().getTime() + DEFAULT_BOUNCE_RULES.softSuppressDays * DAY),
        detail: { softBounces: daysAgo.length, withinDays: rules.softBounceDays },
      });
  });

  it('a soft-bounce suppression runs out by itself', async () => {
    await saveBounceRules(
      w.db,
      'contoso',
      { ...DEFAULT_BOUNCE_RULES, softSuppressDays: 2 },
      'ava',
      w.clock.now(),
    );
    const email = 'runs-out@full.test';
    for (const d of [0, 1, 2])
      await addBounce(w, { mailboxOf: 'eli', recipient: email, hard: false, daysAgo: d });
    await notice(email, false);
    expect(await live(email)).toHaveLength(1);
    w.clock.advance(2 * DAY + 1);
    expect(await live(email)).toEqual([]);
  });

  it('a person who suppresses an address is audited; the second time changes nothing', async () => {
    const input = {
      tenantId: 'contoso',
      userId: 'eli',
      actorId: 'eli',
      email: 'manual@x.test',
      reason: 'manual' as const,
      detail: { note: 'asked by phone' },
    };
    expect(await suppressAddress(w.deps, input)).toBe(true);
    expect(await suppressAddress(w.deps, input)).toBe(false);
    expect(await audits()).toEqual([{ action: 'suppression.added', actor_id: 'eli' }]);
  });

  it('a send to a suppressed address is refused with who and why; another team is not affected', async () => {
    const [s] = await live('manual@x.test');
    const refusal = await refuseSuppressed(
      w.db,
      'contoso',
      ['ok@x.test', 'MANUAL@x.test'],
      w.clock.now(),
    ).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refusal).toBeInstanceOf(ApiError);
    expect(refusal).toMatchObject({ status: 422, code: 'suppressed' });
    expect((refusal as ApiError).message).toContain(suppressionSentence(s!));
    await expect(refuseSuppressed(w.db, 'acme', ['manual@x.test'], w.clock.now())).resolves.toBeUndefined();
  });
});
