import { ManualClock, silentLogger } from '@sendwell/core';
import type { Db } from '../store/db';
import type { EventRow } from '../store/rows';
import { openTestDb } from '../store/testing';
import { upsertMailbox, upsertUser } from '../store/users';
import { FeedHub } from './feedHub';
import type { OutcomeDeps } from './outcomeDeps';

/**
 * A small team on a fresh database for the suppression, breaker and unsubscribe tests: contoso
 * (ava admin, eli rep) and acme (gus), one mailbox each, a manual clock, and every feed event the
 * hub published. Rows are written with plain SQL so these tests do not depend on the send path.
 */
export interface World {
  db: Db;
  clock: ManualClock;
  deps: OutcomeDeps;
  published: EventRow[];
}

const START = new Date('2026-12-01T09:00:00Z');

export async function openWorld(engine: 'pglite' | 'postgres'): Promise<World> {
  const db = await openTestDb(engine);
  for (const [id, tenantId, role] of [
    ['ava', 'contoso', 'admin'],
    ['eli', 'contoso', 'rep'],
    ['gus', 'acme', 'rep'],
  ] as const) {
    await upsertUser(db, {
      id,
      email: `${id}@${tenantId}.test`,
      name: id.toUpperCase(),
      tenantId,
      legacy: false,
      defaultChannel: null,
      role,
    });
    await upsertMailbox(db, {
      id: `mbx-${id}`,
      userId: id,
      provider: 'exchange',
      address: `${id}@${tenantId}.test`,
      profileId: 'exchange-online',
    });
  }
  const clock = new ManualClock(START);
  const hub = new FeedHub();
  const published: EventRow[] = [];
  for (const id of ['ava', 'eli', 'gus']) hub.subscribe(id, (e) => published.push(e));
  return { db, clock, deps: { db, clock, hub, logger: silentLogger }, published };
}

let serial = 0;

/** A submitted send of `userId` (optionally a campaign step's), `minutesAgo` before the clock. */
export async function addSend(
  w: World,
  s: { userId: string; to: string[]; campaignId?: string; enrolmentId?: string; minutesAgo?: number },
): Promise<string> {
  const id = `send-${++serial}`;
  const at = new Date(w.clock.now().getTime() - (s.minutesAgo ?? 0) * 60_000);
  await w.db.query(
    `insert into sends (id, user_id, mailbox_id, host, idempotency_key, message_id, from_addr, to_addrs,
       cc_addrs, bcc_addrs, subject, body, status, send_at, submitted_at, campaign_id, enrolment_id, step_id, step_index)
     values ($1, $2, $3, 'web', $1, $1 || '@sendwell.local', $4, $5, '[]', '[]', 'Hello', '<p>Hi</p>', 'submitted',
       $6, $6, $7, $8, $9, $10)`,
    [
      id,
      s.userId,
      `mbx-${s.userId}`,
      `${s.userId}@t.test`,
      JSON.stringify(s.to),
      at,
      s.campaignId ?? null,
      s.enrolmentId ?? null,
      s.campaignId ? 'step-1' : null,
      s.campaignId ? 0 : null,
    ],
  );
  return id;
}

/** A bounce notice for `recipient` in `mailboxOf`'s inbox, `daysAgo` before the clock. */
export async function addBounce(
  w: World,
  b: {
    mailboxOf: string;
    recipient: string;
    sendId?: string | null;
    hard: boolean | null;
    action?: string;
    daysAgo?: number;
  },
): Promise<void> {
  await w.db.query(
    `insert into bounces (mailbox_id, provider_message_id, send_id, recipient, action, status, hard, reason, diagnostic, at)
     values ($1, $2, $3, $4, $5, '5.1.1', $6, 'mailbox-unknown', 'no such user', $7)`,
    [
      `mbx-${b.mailboxOf}`,
      `notice-${++serial}`,
      b.sendId ?? null,
      b.recipient,
      b.action ?? 'failed',
      b.hard,
      new Date(w.clock.now().getTime() - (b.daysAgo ?? 0) * 86_400_000),
    ],
  );
}

/** An active campaign of `ownerId` in contoso, with one enrolment per address. */
export async function addCampaign(
  w: World,
  ownerId: string,
  emails: string[],
): Promise<{ campaignId: string; enrolments: Record<string, string> }> {
  const campaignId = `camp-${++serial}`;
  await w.db.query(
    `insert into campaigns (id, tenant_id, owner_id, name, status, steps, created_at, updated_at)
     values ($1, (select tenant_id from users where id = $2), $2, 'Spring', 'active', '[]', $3, $3)`,
    [campaignId, ownerId, w.clock.now()],
  );
  const enrolments: Record<string, string> = {};
  for (const email of emails) {
    const id = `enr-${++serial}`;
    await w.db.query(
      `insert into enrolments (id, campaign_id, tenant_id, email, status, source, enrolled_at, updated_at)
       values ($1, $2, (select tenant_id from users where id = $3), $4, 'active', 'api', $5, $5)`,
      [id, campaignId, ownerId, email, w.clock.now()],
    );
    enrolments[email] = id;
  }
  return { campaignId, enrolments };
}
