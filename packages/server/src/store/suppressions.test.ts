import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addBounce, openWorld, type World } from '../services/suppressionTesting';
import {
  countSoftBounces,
  findLiveSuppressions,
  findSuppression,
  listSuppressionRows,
  markLifted,
  type NewSuppression,
  upsertSuppression,
} from './suppressions';
import { TEST_ENGINES } from './testing';

const DAY = 86_400_000;

describe.each(TEST_ENGINES)('suppressions store on %s', (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await openWorld(engine);
  });
  afterAll(() => w.db.close());

  const later = (days: number) => new Date(w.clock.now().getTime() + days * DAY);
  const suppress = (email: string, s: Partial<NewSuppression> = {}) =>
    upsertSuppression(
      w.db,
      { tenantId: 'contoso', email, reason: 'manual', detail: {}, until: null, createdBy: null, ...s },
      w.clock.now(),
    );

  // What a second suppression of a live address does: it never weakens the one in force.
  it.each([
    [
      'a soft pause, then a hard bounce',
      'soft-bounces',
      10,
      'hard-bounce',
      null,
      'strengthened',
      'hard-bounce',
    ],
    [
      'a soft pause, then a longer one',
      'soft-bounces',
      10,
      'soft-bounces',
      30,
      'strengthened',
      'soft-bounces',
    ],
    ['a soft pause, then a shorter one', 'soft-bounces', 30, 'soft-bounces', 10, 'unchanged', 'soft-bounces'],
    [
      'an unsubscribe, then a soft pause',
      'unsubscribe',
      null,
      'soft-bounces',
      30,
      'unchanged',
      'unsubscribe',
    ],
    ['a hard bounce, then a manual stop', 'hard-bounce', null, 'manual', null, 'unchanged', 'hard-bounce'],
  ] as const)('%s: %s', async (_what, firstReason, firstDays, nextReason, nextDays, kind, reasonAfter) => {
    const email = `${crypto.randomUUID()}@x.test`;
    const first = await suppress(email, {
      reason: firstReason,
      detail: { step: 1 },
      until: firstDays === null ? null : later(firstDays),
    });
    expect(first.kind).toBe('added');
    const next = await suppress(email, {
      reason: nextReason,
      detail: { step: 2 },
      until: nextDays === null ? null : later(nextDays),
    });
    expect(next.kind).toBe(kind);
    expect(next.row.reason).toBe(reasonAfter);
    expect(next.row.id).toBe(first.row.id);
    if (kind === 'strengthened')
      // The earlier evidence stays on the row.
      expect(next.row.detail).toMatchObject({
        step: 2,
        previous: { reason: firstReason, detail: { step: 1 } },
      });
  });

  it('an expired suppression is replaced by the next one, with a new start', async () => {
    const email = 'expired@x.test';
    await suppress(email, { reason: 'soft-bounces', until: later(1) });
    w.clock.advance(2 * DAY);
    expect(await findLiveSuppressions(w.db, 'contoso', [email], w.clock.now())).toEqual([]);
    const again = await suppress(email, { reason: 'manual' });
    expect(again).toMatchObject({
      kind: 'added',
      row: { reason: 'manual', since: w.clock.now(), until: null },
    });
  });

  it('finds live suppressions case-insensitively, in the team only', async () => {
    await suppress('Case@X.test');
    const live = await findLiveSuppressions(w.db, 'contoso', ['CASE@x.TEST', 'other@x.test'], w.clock.now());
    expect(live.map((s) => s.email)).toEqual(['case@x.test']);
    expect(await findLiveSuppressions(w.db, 'acme', ['case@x.test'], w.clock.now())).toEqual([]);
  });

  it('lifts once; the lifted row leaves the live list, and a new suppression can follow', async () => {
    const { row } = await suppress('lift@x.test');
    expect(await findSuppression(w.db, 'acme', row.id)).toBeNull();
    const lifted = await markLifted(w.db, 'contoso', row.id, 'ava', w.clock.now());
    expect(lifted).toMatchObject({ liftedBy: 'ava', liftedAt: w.clock.now() });
    expect(await markLifted(w.db, 'contoso', row.id, 'ava', w.clock.now())).toBeNull();
    expect(await findLiveSuppressions(w.db, 'contoso', ['lift@x.test'], w.clock.now())).toEqual([]);
    expect((await suppress('lift@x.test')).kind).toBe('added');
  });

  it('lists live or all, one address, newest first, paged by id', async () => {
    const q = { now: w.clock.now(), beforeId: null, limit: 50 };
    const all = await listSuppressionRows(w.db, 'contoso', { ...q, state: 'all', email: 'lift@x.test' });
    expect(all.map((r) => r.liftedAt === null)).toEqual([true, false]);
    const live = await listSuppressionRows(w.db, 'contoso', { ...q, state: 'live', email: 'lift@x.test' });
    expect(live).toHaveLength(1);
    const [first, second] = await listSuppressionRows(w.db, 'contoso', { ...q, state: 'all', limit: 2 });
    const next = await listSuppressionRows(w.db, 'contoso', {
      ...q,
      state: 'all',
      beforeId: Number(second!.id),
    });
    expect(Number(first!.id)).toBeGreaterThan(Number(second!.id));
    expect(next.every((r) => Number(r.id) < Number(second!.id))).toBe(true);
    expect(await listSuppressionRows(w.db, 'acme', { ...q, state: 'all' })).toEqual([]);
  });

  it('counts soft failure notices for an address in the team within the days', async () => {
    const email = 'soft@x.test';
    await addBounce(w, { mailboxOf: 'eli', recipient: email, hard: false, daysAgo: 1 });
    await addBounce(w, { mailboxOf: 'ava', recipient: 'SOFT@x.test', hard: false, daysAgo: 2 });
    await addBounce(w, { mailboxOf: 'eli', recipient: email, hard: false, daysAgo: 9 }); // too old
    await addBounce(w, { mailboxOf: 'eli', recipient: email, hard: false, action: 'delayed' }); // not a failure
    await addBounce(w, { mailboxOf: 'eli', recipient: email, hard: true }); // hard: its own rule
    await addBounce(w, { mailboxOf: 'gus', recipient: email, hard: false }); // another team
    const since = new Date(w.clock.now().getTime() - 7 * DAY);
    expect(await countSoftBounces(w.db, 'contoso', email, since)).toBe(2);
    expect(await countSoftBounces(w.db, 'acme', email, since)).toBe(1);
  });
});
