import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listEvents } from '../store/events';
import { TEST_ENGINES } from '../store/testing';
import { openScanWorld, type ScanWorld } from './scanTesting';

// The sandbox's answering recipients (its own reply, out-of-office and ARF builders, in each
// provider's layout) against the scanner: each answer is found, told apart and tied to its send.
describe.each(TEST_ENGINES)('the sandbox recipients who answer (%s)', (engine) => {
  let world: ScanWorld;
  beforeEach(async () => {
    world = await openScanWorld(engine);
  });
  afterEach(() => world.close());

  it.each([
    ['Gmail', 'gus'],
    ['Exchange Online', 'ava'],
  ])('%s: reply.test replies, ooo.test is away, complain.test complains', async (_provider, userId) => {
    await world.scan();
    const reply = await world.sendOurs(userId, 'pat@reply.test', `fate-reply-${userId}`);
    const away = await world.sendOurs(userId, 'kim@ooo.test', `fate-ooo-${userId}`);
    const complaint = await world.sendOurs(userId, 'lee@complain.test', `fate-complain-${userId}`);
    world.clock.advance(5_000);
    world.sandbox.deliverDueNotices();
    expect(await world.scan()).toBe(3);
    expect(await world.scan()).toBe(0);
    const events = (await listEvents(world.db, userId, 0, 500)).filter((e) =>
      ['reply', 'auto-reply', 'complaint'].includes(e.type),
    );
    expect(events.map((e) => [e.type, e.sendId, e.recipient])).toEqual([
      ['reply', reply.id, 'pat@reply.test'],
      ['auto-reply', away.id, 'kim@ooo.test'],
      ['complaint', complaint.id, 'lee@complain.test'],
    ]);
    const suppressed = await world.db.query<{ email: string; reason: string }>(
      'select email, reason from suppressions where lifted_at is null',
    );
    expect(suppressed).toEqual([{ email: 'lee@complain.test', reason: 'complaint' }]);
  });
});
