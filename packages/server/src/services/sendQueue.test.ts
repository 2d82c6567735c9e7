import { getProfile, ManualClock, type SendRequestBody } from '@sendwell/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nativeLabel } from '../channels/catalogInput';
import { seedUsers } from '../seed';
import { listAudit } from '../store/audit';
import { insertBounce } from '../store/bounces';
import type { Db } from '../store/db';
import type { UserRow } from '../store/rows';
import { markSubmitted } from '../store/sends';
import { openTestDb, TEST_ENGINES } from '../store/testing';
import { findUser } from '../store/users';
import { ApiError } from './errors';
import { FeedHub } from './feedHub';
import { cancelSend, getSend, listSends, MAX_AHEAD_MS, PAST_TOLERANCE_MS, rescheduleSend } from './sendQueue';
import { createSend } from './sends';

// The outbox as people see and change it (issue 8): list/search/page, detail with outcomes, cancel
// and reschedule of waiting sends. ava is contoso's admin, eli a contoso rep, gus acme's admin.
const user = (id: string, tenantId: string, provider: 'exchange' | 'gmail' = 'exchange') => ({
  id,
  email: `${id}@${tenantId.slice(2)}.test`,
  name: id.toUpperCase(),
  provider,
  tenantId,
  mailboxId: `mbx-${id}`,
  legacy: false,
});
const USERS = [user('ava', 't-contoso'), user('eli', 't-contoso'), user('gus', 't-acme', 'gmail')];

let keys = 0;
const request = (extra: Partial<SendRequestBody> = {}): SendRequestBody => ({
  host: 'outlook',
  to: ['pat@example.com'],
  cc: [],
  bcc: [],
  subject: 'Hello',
  body: '<p>Hi</p>',
  templateId: null,
  idempotencyKey: `queue-test-${keys++}-xxxx`,
  ...extra,
});

const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  const { status, code } = error as ApiError;
  return { status, code };
};

describe.each(TEST_ENGINES)('the send queue on %s', (engine) => {
  let db: Db;
  const clock = new ManualClock('2026-03-02T09:00:00Z');
  const hub = new FeedHub();
  const deps = () => ({ db, clock, hub, wake: () => {} });
  const u = async (id: string) => (await findUser(db, id)) as UserRow;
  const send = async (who: string, extra: Partial<SendRequestBody> = {}) =>
    (await createSend(deps(), await u(who), request(extra))).sends[0]!.send;

  beforeAll(async () => {
    db = await openTestDb(engine);
    await seedUsers(db, USERS);
  });
  afterAll(() => db.close());

  it('records the channel each send was queued on, in the row and in the send.queued event', async () => {
    const s = await send('eli');
    expect((await getSend(db, await u('eli'), s.id)).channel).toEqual({
      kind: 'exchange',
      label: nativeLabel('exchange'),
    });
    const [event] = await db.query<{ detail: unknown }>(
      `select detail from events where send_id = $1 and type = 'send.queued'`,
      [s.id],
    );
    const detail = typeof event!.detail === 'string' ? JSON.parse(event!.detail) : event!.detail;
    expect(detail.channel).toEqual({ kind: 'exchange', label: nativeLabel('exchange') });
  });

  it('searches recipients and subject, filters by status, and pages with a cursor without gaps', async () => {
    const eli = await u('eli');
    const mine = [
      await send('eli', { to: ['Zed.Search@Example.com'], subject: 'Pricing' }),
      await send('eli', { subject: 'Quarterly 100% review' }),
      await send('eli', { cc: ['cc.search@example.com'] }),
    ];
    const ids = async (q: Parameters<typeof listSends>[2]) =>
      (await listSends(db, eli, q)).items.map((s) => s.id);
    const base = { scope: 'mine' as const, limit: 50 };
    expect(await ids({ ...base, q: 'zed.search' })).toEqual([mine[0]!.id]);
    expect(await ids({ ...base, q: 'pricing' })).toEqual([mine[0]!.id]);
    expect(await ids({ ...base, q: '100%' })).toEqual([mine[1]!.id]);
    expect(await ids({ ...base, q: 'CC.SEARCH' })).toEqual([mine[2]!.id]);
    expect(await ids({ ...base, q: '%' })).toEqual([mine[1]!.id]);
    expect(await ids({ ...base, status: 'submitted' })).toEqual([]);

    const all = await ids(base);
    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listSends(db, eli, { ...base, limit: 2, cursor });
      paged.push(...page.items.map((s) => s.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(paged).toEqual(all);
    expect(new Set(all).size).toBe(all.length);
  });

  it('shows the team to its admin only, never another team', async () => {
    const gusSend = await send('gus', { host: 'gmail' });
    const eliSend = await send('eli');
    const team = await listSends(db, await u('ava'), { scope: 'team', limit: 100 });
    expect(team.items.map((s) => s.id)).toContain(eliSend.id);
    expect(team.items.map((s) => s.id)).not.toContain(gusSend.id);
    expect(team.items.every((s) => ['ava', 'eli'].includes(s.sender.id))).toBe(true);
    expect(await refusal(listSends(db, await u('eli'), { scope: 'team', limit: 10 }))).toEqual({
      status: 403,
      code: 'admin-only',
    });
    expect(await refusal(getSend(db, await u('gus'), eliSend.id))).toEqual({
      status: 404,
      code: 'send-not-found',
    });
    expect((await getSend(db, await u('ava'), eliSend.id)).sender.id).toBe('eli');
  });

  it('refuses a cursor it did not give out', async () => {
    expect(
      await refusal(listSends(db, await u('eli'), { scope: 'mine', limit: 5, cursor: 'bm9wZQ' })),
    ).toEqual({
      status: 400,
      code: 'invalid-cursor',
    });
  });

  it('gives each recipient an outcome, with the bounce notice’s detail', async () => {
    const s = await send('eli', { to: ['ok@example.com', 'gone@example.com', 'slow@example.com'] });
    const eli = await u('eli');
    expect((await getSend(db, eli, s.id)).recipients.map((r) => r.outcome)).toEqual([
      'pending',
      'pending',
      'pending',
    ]);
    await markSubmitted(db, s.id, clock.now());
    const notice = { mailboxId: 'mbx-eli', sendId: s.id, at: clock.now(), hard: null, reason: null };
    await insertBounce(db, {
      ...notice,
      providerMessageId: 'n1',
      recipient: 'gone@example.com',
      action: 'failed',
      status: '5.1.1',
      hard: true,
      reason: 'userunknown',
      diagnostic: '550 5.1.1 no such user',
    });
    await insertBounce(db, {
      ...notice,
      providerMessageId: 'n2',
      recipient: 'slow@example.com',
      action: 'delayed',
      status: '4.4.7',
      diagnostic: 'still trying',
    });
    const detail = await getSend(db, eli, s.id);
    expect(detail.recipients.map((r) => [r.address, r.outcome, r.bounce?.status ?? null])).toEqual([
      ['ok@example.com', 'sent', null],
      ['gone@example.com', 'bounced', '5.1.1'],
      ['slow@example.com', 'delayed', '4.4.7'],
    ]);
    expect(detail.recipients[1]!.bounce).toMatchObject({
      reason: 'userunknown',
      diagnostic: '550 5.1.1 no such user',
    });
    expect(detail.bounced).toBe(1);
    expect(detail.bounces).toHaveLength(2);
  });

  it('cancels the sender’s waiting send: freed slot, a feed event, no audit entry', async () => {
    const s = await send('eli');
    const eli = await u('eli');
    const auditBefore = await listAudit(db, 't-contoso', { beforeId: null, limit: 100 });
    const cancelled = await cancelSend(deps(), eli, s.id);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.recipients.map((r) => r.outcome)).toEqual(['not-sent']);
    expect(await db.query('select * from reservations where send_id = $1', [s.id])).toEqual([]);
    const events = await db.query<{ type: string }>(
      'select type from events where send_id = $1 order by id',
      [s.id],
    );
    expect(events.map((e) => e.type)).toEqual(['send.queued', 'send.cancelled']);
    expect(await listAudit(db, 't-contoso', { beforeId: null, limit: 100 })).toEqual(auditBefore);
    expect(await refusal(cancelSend(deps(), eli, s.id))).toEqual({ status: 409, code: 'send-not-waiting' });
  });

  it('lets a team admin cancel a teammate’s send, and audits it; a rep cannot touch a teammate’s', async () => {
    const s = await send('eli');
    expect(await refusal(cancelSend(deps(), await u('gus'), s.id))).toEqual({
      status: 404,
      code: 'send-not-found',
    });
    const avaSend = await send('ava');
    expect(await refusal(cancelSend(deps(), await u('eli'), avaSend.id))).toEqual({
      status: 404,
      code: 'send-not-found',
    });
    await cancelSend(deps(), await u('ava'), s.id);
    const [entry] = await listAudit(db, 't-contoso', { beforeId: null, limit: 1 });
    expect(entry).toMatchObject({
      action: 'send.cancelled',
      actorId: 'ava',
      target: s.id,
      after: { status: 'cancelled' },
    });
  });

  it.each([
    ['submitted', (id: string) => markSubmitted(db, id, clock.now())],
    ['sending', (id: string) => db.query(`update sends set status = 'sending' where id = $1`, [id])],
  ])('refuses to cancel or reschedule a %s send (409, saying why)', async (_status, makeIt) => {
    const s = await send('eli');
    await makeIt(s.id);
    const eli = await u('eli');
    expect(await refusal(cancelSend(deps(), eli, s.id))).toEqual({ status: 409, code: 'send-not-waiting' });
    const later = new Date(clock.now().getTime() + 3_600_000).toISOString();
    expect(await refusal(rescheduleSend(deps(), eli, s.id, later))).toEqual({
      status: 409,
      code: 'send-not-waiting',
    });
  });

  it('reschedules to the time asked for when the throttle allows it, moving the reservation', async () => {
    const s = await send('eli');
    const asked = new Date(clock.now().getTime() + 2 * 3_600_000).toISOString();
    const answer = await rescheduleSend(deps(), await u('eli'), s.id, asked);
    expect(answer).toMatchObject({ sendAt: asked, requestedAt: asked, moved: false, limitedBy: 'none' });
    expect(answer.send.sendAt).toBe(asked);
    const [reservation] = await db.query<{ at: Date }>('select at from reservations where send_id = $1', [
      s.id,
    ]);
    expect(new Date(reservation!.at).toISOString()).toBe(asked);
  });

  it('moves a time the throttle cannot honour later, and says why', async () => {
    const eli = await u('eli');
    const slot = new Date(clock.now().getTime() + 5 * 3_600_000).toISOString();
    const first = await send('eli');
    const second = await send('eli');
    await rescheduleSend(deps(), eli, first.id, slot);
    const answer = await rescheduleSend(deps(), eli, second.id, slot);
    const pace = getProfile('exchange-online').minIntervalMs;
    expect(answer.moved).toBe(true);
    expect(Date.parse(answer.sendAt) - Date.parse(slot)).toBeGreaterThanOrEqual(pace);
    expect(answer.limitedBy).not.toBe('none');
    expect(answer.explanation).toMatch(/^Later than you asked\. Waits/);
  });

  it('a send moved to tomorrow does not hold the sends queued after it', async () => {
    const eli = await u('eli');
    const tomorrow = new Date(clock.now().getTime() + 24 * 3_600_000).toISOString();
    await rescheduleSend(deps(), eli, (await send('eli')).id, tomorrow);
    const next = await send('eli');
    expect(next.sendAt.getTime()).toBeLessThan(Date.parse(tomorrow) - 3_600_000);
  });

  it.each([
    ['in the past', -PAST_TOLERANCE_MS - 1_000, 'send-at-in-past'],
    ['more than 30 days ahead', MAX_AHEAD_MS + 1_000, 'send-at-too-far'],
  ])('refuses a time %s (422) and leaves the send as it was', async (_name, offset, code) => {
    const s = await send('eli');
    const eli = await u('eli');
    const asked = new Date(clock.now().getTime() + offset).toISOString();
    expect(await refusal(rescheduleSend(deps(), eli, s.id, asked))).toEqual({ status: 422, code });
    expect((await getSend(db, eli, s.id)).sendAt).toBe(s.sendAt.toISOString());
  });

  it('lets only the sender reschedule (a team admin may cancel instead)', async () => {
    const s = await send('eli');
    const later = new Date(clock.now().getTime() + 3_600_000).toISOString();
    expect(await refusal(rescheduleSend(deps(), await u('ava'), s.id, later))).toEqual({
      status: 403,
      code: 'sender-only',
    });
  });
});
