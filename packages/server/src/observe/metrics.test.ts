import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../store/db';
import { openTestDb, seedAva, TEST_ENGINES } from '../store/testing';
import { upsertMailbox } from '../store/users';
import { renderMetrics } from './metrics';
import { Observations } from './observations';

// The metrics queries on both engines: each series equals what the rows say.
describe.each(TEST_ENGINES)('renderMetrics on %s', (engine) => {
  let db: Db;
  const observations = new Observations(() => 100_000);

  const send = (id: string, mailboxId: string, status: string) =>
    db.query(
      `insert into sends (id, user_id, mailbox_id, host, idempotency_key, message_id, from_addr, to_addrs,
         cc_addrs, bcc_addrs, subject, body, status, send_at)
       values ($1, 'ava', $2, 'web', $1, $1, 'ava@contoso.test', '[]', '[]', '[]', 's', 'b', $3, now())`,
      [id, mailboxId, status],
    );

  beforeAll(async () => {
    db = await openTestDb(engine);
    await seedAva(db);
    for (const [id, provider, profileId] of [
      ['mbx-a', 'exchange', 'exchange-online'],
      ['mbx-b', 'gmail', 'gmail-workspace'],
    ] as const)
      await upsertMailbox(db, { id, userId: 'ava', provider, address: `${id}@contoso.test`, profileId });
    const rows: [string, string, string][] = [
      ['s1', 'mbx-a', 'scheduled'],
      ['s2', 'mbx-a', 'scheduled'],
      ['s3', 'mbx-a', 'retry'],
      ['s4', 'mbx-b', 'sending'],
      ['s5', 'mbx-b', 'submitted'],
      ['s6', 'mbx-b', 'submitted'],
      ['s7', 'mbx-a', 'failed'],
    ];
    for (const [id, mailbox, status] of rows) await send(id, mailbox, status);
    for (const [recipient, hard] of [
      ['x@bounce.test', true],
      ['y@full.test', false],
    ] as const)
      await db.query(
        `insert into bounces (mailbox_id, provider_message_id, send_id, recipient, hard, at) values ('mbx-b', $1, 's5', $1, $2, now())`,
        [recipient, hard],
      );
    observations.scanned('mbx-a');
    observations.providerError('gmail', '429');
  }, 60_000);
  afterAll(() => db?.close());

  it('renders every series from the rows and the observations', async () => {
    const text = await renderMetrics(db, observations);
    const samples = text.split('\n').filter((l) => l && !l.startsWith('#'));
    expect(samples).toEqual(
      expect.arrayContaining([
        'sendwell_queue_depth{mailbox_id="mbx-a",provider="exchange",state="retry"} 1',
        'sendwell_queue_depth{mailbox_id="mbx-a",provider="exchange",state="scheduled"} 2',
        'sendwell_queue_depth{mailbox_id="mbx-b",provider="gmail",state="sending"} 1',
        'sendwell_sends_total{outcome="submitted"} 2',
        'sendwell_sends_total{outcome="failed"} 1',
        'sendwell_sends_total{outcome="cancelled"} 0',
        'sendwell_bounces_total{kind="hard"} 1',
        'sendwell_bounces_total{kind="soft"} 1',
        'sendwell_scan_lag_seconds{mailbox_id="mbx-a",provider="exchange"} 0',
        'sendwell_provider_errors_total{provider="gmail",status="429"} 1',
      ]),
    );
    expect(samples.filter((l) => l.startsWith('sendwell_queue_depth'))).toHaveLength(3);
    // Every family is announced once, with its type.
    const types = text.split('\n').filter((l) => l.startsWith('# TYPE '));
    expect(new Set(types).size).toBe(types.length);
  });
});
