import { getProfile, ManualClock, type SendRequestBody } from '@sendwell/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedUsers } from '../seed';
import type { Db } from '../store/db';
import { openTestDb, TEST_ENGINES } from '../store/testing';
import { findUser } from '../store/users';
import { ApiError } from './errors';
import { FeedHub } from './feedHub';
import { createSend } from './sends';

const USERS = [
  {
    id: 'ava',
    email: 'ava@contoso.test',
    name: 'Ava Reyes',
    provider: 'exchange' as const,
    tenantId: 't-contoso',
    mailboxId: 'mbx-ava',
    legacy: false,
  },
  {
    id: 'gus',
    email: 'gus@acme.test',
    name: 'Gus Ibarra',
    provider: 'gmail' as const,
    tenantId: 't-acme',
    mailboxId: 'mbx-gus',
    legacy: false,
  },
];

const request = (key: string, extra: Partial<SendRequestBody> = {}): SendRequestBody => ({
  host: 'outlook',
  to: ['pat@example.com'],
  cc: [],
  bcc: [],
  subject: 'Hi',
  body: '<p>Hi</p>',
  templateId: null,
  idempotencyKey: key,
  ...extra,
});

describe.each(TEST_ENGINES)('createSend on %s', (engine) => {
  let db: Db;
  const clock = new ManualClock('2026-03-02T09:00:00Z');
  const deps = () => ({ db, clock, hub: new FeedHub(), wake: () => {} });

  beforeAll(async () => {
    db = await openTestDb(engine);
    await seedUsers(db, USERS);
  });
  afterAll(() => db.close());

  it('never overspends a mailbox budget under concurrent requests', async () => {
    const ava = (await findUser(db, 'ava'))!;
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => createSend(deps(), ava, request(`burst-${i}-xxxxxxxx`))),
    );
    const times = results.map((r) => r.sends[0]!.send.sendAt.getTime()).sort((a, b) => a - b);
    const perMinute = getProfile('exchange-online').windows.find((w) => w.id === 'messages-per-minute')!;
    for (const start of times) {
      const inWindow = times.filter((t) => t >= start && t < start + perMinute.windowMs).length;
      expect(inWindow).toBeLessThanOrEqual(perMinute.target);
    }
    expect(new Set(results.map((r) => r.sends[0]!.send.id)).size).toBe(40);
  });

  it('returns the same send for the same idempotency key', async () => {
    const ava = (await findUser(db, 'ava'))!;
    const first = await createSend(deps(), ava, request('same-key-123456'));
    const again = await Promise.all([
      createSend(deps(), ava, request('same-key-123456')),
      createSend(deps(), ava, request('same-key-123456')),
    ]);
    const firstId = first.sends[0]!.send.id;
    expect(again.map((r) => r.sends.map((s) => s.send.id))).toEqual([[firstId], [firstId]]);
    expect(again.every((r) => r.duplicate)).toBe(true);
  });

  it('forces the native channel: an Outlook send from a Gmail-only rep is refused, not rerouted', async () => {
    const gus = (await findUser(db, 'gus'))!;
    await expect(createSend(deps(), gus, request('gus-outlook-1234'))).rejects.toMatchObject({
      status: 409,
      code: 'no-native-mailbox',
    });
    const viaGmail = await createSend(deps(), gus, request('gus-gmail-12345', { host: 'gmail' }));
    expect(viaGmail.sends[0]!.send.mailboxId).toBe('mbx-gus');
  });

  it('rejects a message with more recipients than the provider allows per message', async () => {
    const gus = (await findUser(db, 'gus'))!;
    const to = Array.from({ length: 101 }, (_, i) => `r${i}@example.com`);
    const error = await createSend(deps(), gus, request('too-many-12345', { host: 'gmail', to })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(422);
  });

  it('rejects a template from another tenant', async () => {
    const gus = (await findUser(db, 'gus'))!;
    await expect(
      createSend(deps(), gus, request('cross-tenant-1', { host: 'gmail', templateId: 't-contoso-intro' })),
    ).rejects.toMatchObject({ code: 'template-not-found' });
  });
});
