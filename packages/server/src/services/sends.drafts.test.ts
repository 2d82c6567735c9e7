import { emailAddressSchema, ManualClock, personalise, type SendRequestBody } from '@sendwell/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedUsers } from '../seed';
import type { Db } from '../store/db';
import { listSendsForDraft } from '../store/sends';
import { openTestDb, TEST_ENGINES } from '../store/testing';
import { findUser } from '../store/users';
import { FeedHub } from './feedHub';
import { gmailAddonDeps } from './gmailDeps';
import { createSend } from './sends';

// A draft becomes the messages core's `personalise` says, exactly once, through every send path.
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

const EVIL_NAME = '<img src=x onerror=alert(1)> Dee';
const draft = (key: string, extra: Partial<SendRequestBody> = {}): SendRequestBody => ({
  host: 'outlook',
  to: ['ada@example.com', 'dee@example.com'],
  subject: 'Quick question for {{recipient.firstName}}',
  body: '<p>Hi {{recipient.firstName}},</p>',
  idempotencyKey: key,
  personalise: 'each',
  displayNames: { 'ada@example.com': 'Ada Lovelace', 'dee@example.com': EVIL_NAME },
  ...extra,
});

/** What core says the draft becomes: the expectation, from the real producer. */
const expectedMessages = (body: SendRequestBody) => {
  const result = personalise(
    {
      to: body.to.map((email) => ({ email, displayName: body.displayNames?.[email] })),
      cc: body.cc ?? [],
      bcc: body.bcc ?? [],
      subject: body.subject,
      body: body.body,
      format: 'html',
    },
    body.personalise ?? 'one',
  );
  if (result.outcome !== 'ready') throw new Error(result.message);
  return result.messages;
};

describe.each(TEST_ENGINES)('a draft through createSend on %s', (engine) => {
  let db: Db;
  const clock = new ManualClock('2026-03-02T09:00:00Z');
  const deps = () => ({ db, clock, hub: new FeedHub(), wake: () => {} });
  const ava = async () => (await findUser(db, 'ava'))!;

  beforeAll(async () => {
    db = await openTestDb(engine);
    await seedUsers(db, USERS);
  });
  afterAll(() => db.close());

  it('"one email each" queues one send per recipient, each merged for that person, under the draft key', async () => {
    const body = draft('each-draft-1');
    const { sends, duplicate } = await createSend(deps(), await ava(), body);
    expect(duplicate).toBe(false);
    const expected = expectedMessages(body);
    expect(sends.map(({ send }) => ({ to: send.to, subject: send.subject, body: send.body }))).toEqual(
      expected.map((m) => ({ to: m.to, subject: m.subject, body: m.body })),
    );
    expect(sends.map(({ send }) => send.idempotencyKey)).toEqual([
      'each-draft-1:ada@example.com',
      'each-draft-1:dee@example.com',
    ]);
    // Each message is throttled on its own: two reservations, the second not before the first.
    expect(sends[1]!.send.sendAt.getTime()).toBeGreaterThanOrEqual(sends[0]!.send.sendAt.getTime());
  });

  it('sends one message to an address written twice, in any case', async () => {
    const body = draft('each-draft-dupe', { to: ['ada@example.com', 'ADA@Example.com '] });
    const { sends } = await createSend(deps(), await ava(), body);
    expect(sends.map(({ send }) => send.to)).toEqual([['ada@example.com']]);
  });

  it('escapes merged values in the HTML body: a display name is text, never markup (23)', async () => {
    const { sends } = await createSend(deps(), await ava(), draft('each-draft-escape'));
    const forDee = sends.find(({ send }) => send.to[0] === 'dee@example.com')!.send;
    expect(forDee.body).not.toContain('<img');
    expect(forDee.body).toContain('&lt;img');
  });

  it('sends a draft once: the same key again, even with other recipients, sends nothing new', async () => {
    const first = await createSend(deps(), await ava(), draft('each-draft-twice'));
    const again = await createSend(
      deps(),
      await ava(),
      draft('each-draft-twice', { to: ['ada@example.com', 'zed@example.com'] }),
    );
    expect(again.duplicate).toBe(true);
    expect(again.sends.map(({ send }) => send.id).sort()).toEqual(
      first.sends.map(({ send }) => send.id).sort(),
    );
    expect(await listSendsForDraft(db, 'ava', 'each-draft-twice')).toHaveLength(2);
  });

  it('sends a draft once even when two clicks race: one request queues, the other is told it was sent', async () => {
    const user = await ava();
    const results = await Promise.all([
      createSend(deps(), user, draft('each-draft-race')),
      createSend(deps(), user, draft('each-draft-race')),
    ]);
    expect(results.map((r) => r.duplicate).sort()).toEqual([false, true]);
    expect(await listSendsForDraft(db, 'ava', 'each-draft-race')).toHaveLength(2);
  });

  it.each([
    ['a tag left unfilled in "one email"', draft('refuse-unfilled', { personalise: 'one' })],
    ['no value for a person in "one email each"', draft('refuse-missing', { displayNames: {} })],
    ['"one email each" with copies', draft('refuse-copies', { cc: ['cc@example.com'] })],
  ])('refuses %s with 422 and core’s reason, sending nothing', async (_label, body) => {
    const core = personalise(
      {
        to: body.to.map((email) => ({ email, displayName: body.displayNames?.[email] })),
        cc: body.cc ?? [],
        bcc: [],
        subject: body.subject,
        body: body.body,
        format: 'html',
      },
      body.personalise ?? 'one',
    );
    if (core.outcome !== 'refused') throw new Error('expected core to refuse this draft');
    await expect(createSend(deps(), await ava(), body)).rejects.toMatchObject({
      status: 422,
      code: core.code,
      message: core.message,
    });
    expect(await listSendsForDraft(db, 'ava', body.idempotencyKey)).toEqual([]);
  });

  it('names an invalid address in words, without field paths (7)', async () => {
    const bad = 'ada@exam"ple.com';
    const named = emailAddressSchema.safeParse(bad).error!.issues[0]!.message;
    const error = await createSend(deps(), await ava(), draft('bad-address-1', { to: [bad] })).catch(
      (e) => e,
    );
    expect(error).toMatchObject({ status: 400, code: 'invalid-request', message: `Not sent: ${named}.` });
    expect(error.details).toEqual([{ path: 'to.0', message: named }]);
  });

  it('validates the Gmail add-on’s addresses with the same schema: nothing queued (24)', async () => {
    const bad = 'ada@exam"ple.com';
    const addon = gmailAddonDeps({
      ...deps(),
      wakeSender: () => {},
      addonUrl: 'http://127.0.0.1/gmail/addon',
      auth: {
        jwksUrl: 'http://unused.invalid/certs',
        issuers: ['https://accounts.google.com'],
        systemAudience: 'http://127.0.0.1/gmail/addon',
        userAudience: 'client-id',
        serviceAccountEmail: 'addon@example.iam.gserviceaccount.com',
      },
    });
    const outcome = await addon.createSend('gus', {
      to: [bad],
      subject: 'Hi',
      body: '<p>Hi</p>',
      idempotencyKey: 'gmail-bad-address-1',
    });
    expect(outcome).toMatchObject({ outcome: 'rejected', code: 'invalid-request' });
    expect(outcome.outcome === 'rejected' && outcome.message).toContain(
      emailAddressSchema.safeParse(bad).error!.issues[0]!.message,
    );
    expect(await listSendsForDraft(db, 'gus', 'gmail-bad-address-1')).toEqual([]);
  });
});
