import type { ChildProcess } from 'node:child_process';
import type { Sandbox } from '@sendwell/sandbox';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../store/db';
import { type ProviderWorld, providerWorld, startServer, stopServer, until } from '../testing/serverProcess';

/*
 * The scanner-restart proof, with real processes: a large mailbox's first scan (backfill)
 * is under way in a `sendwell start` process when it is killed with SIGKILL; a new process on the
 * same data finishes it. The sandbox (in this process) survives and keeps its own log of every
 * provider call with the message it read: after the restart no message the first process had
 * counted is read again, and every bounce notice in the mailbox is counted exactly once.
 */

const SIZES = { messages: 6_000, bounces: 240 };

/** Inbox notices as the sandbox holds them: the delivery reports its fill filed. */
function noticeIds(sandbox: Sandbox, userId: string): Set<string> {
  const notices = sandbox
    .messages(userId, 'inbox')
    .filter((m) => /^(mailer-daemon|postmaster|microsoftexchange)/i.test(m.from.address));
  return new Set(notices.map((m) => m.id));
}

/** How often the sandbox answered a read of each message (headers or raw MIME), by message id. */
function readsById(sandbox: Sandbox, address: string): Map<string, number> {
  const reads = new Map<string, number>();
  for (const call of sandbox.calls(address).calls) {
    if (call.kind !== 'read' || !call.path) continue;
    const m = /\/messages\/([^/]+)(?:\/\$value)?$/.exec(call.path);
    if (!m) continue;
    const id = decodeURIComponent(m[1]!);
    reads.set(id, (reads.get(id) ?? 0) + 1);
  }
  return reads;
}

async function counted(db: Db, mailboxId: string) {
  const bounces = await db.query<{ id: string; recipient: string }>(
    'select provider_message_id as id, recipient from bounces where mailbox_id = $1',
    [mailboxId],
  );
  const events = await db.query<{ recipient: string }>(
    "select recipient from events where type = 'bounce' and user_id = (select user_id from mailboxes where id = $1)",
    [mailboxId],
  );
  return { bounces, events };
}

let world: ProviderWorld | null = null;
let server: ChildProcess | null = null;
afterEach(async () => {
  if (server) await stopServer(server, 'SIGKILL');
  await world?.close();
  server = null;
  world = null;
});

describe('a scanner killed during a large backfill resumes without re-reading or double counting', () => {
  it.each([
    { provider: 'Exchange Online (Graph delta)', userId: 'ava', ports: { sandbox: 61500, app: 61501 } },
    { provider: 'Gmail (full sync)', userId: 'gus', ports: { sandbox: 61510, app: 61511 } },
  ])('$provider', { timeout: 300_000 }, async ({ userId, ports }) => {
    world = await providerWorld(userId, ports);
    const user = world.sandbox.users.find((u) => u.id === userId)!;
    world.sandbox.fillMailbox({ address: user.email, ...SIZES, days: 20 });
    const truth = noticeIds(world.sandbox, userId);
    expect(truth.size).toBe(SIZES.bounces);
    world.sandbox.resetCalls(user.email);

    // First process: killed once it has read a third of the notices.
    server = await startServer(world);
    const readNotices = () => [...readsById(world!.sandbox, user.email).keys()].filter((id) => truth.has(id));
    await until(() => readNotices().length >= SIZES.bounces / 3, 180, 'a third of the notices read');
    await stopServer(server, 'SIGKILL');
    const store = await world.openStore();
    const before = await counted(store, user.mailboxId);
    await store.close();
    const countedBefore = new Set(before.bounces.map((b) => b.id));
    // Killed mid-backfill: some notices counted, not all.
    expect(countedBefore.size).toBeGreaterThan(0);
    expect(countedBefore.size).toBeLessThan(truth.size);

    // Second process on the same data; the sandbox's log now holds only its calls.
    world.sandbox.resetCalls(user.email);
    server = await startServer(world);
    const remaining = [...truth].filter((id) => !countedBefore.has(id));
    await until(
      () => {
        const reads = readsById(world!.sandbox, user.email);
        return remaining.every((id) => reads.has(id));
      },
      180,
      'the rest of the notices read',
    );
    // Graceful stop: the round under way (the rest of the backfill) finishes first.
    await stopServer(server, 'SIGTERM');
    const reads = readsById(world.sandbox, user.email);
    const reread = [...countedBefore].filter((id) => reads.has(id));
    expect(reread).toEqual([]);

    const after = await world.openStore();
    const { bounces, events } = await counted(after, user.mailboxId);
    await after.close();
    expect(new Set(bounces.map((b) => b.id))).toEqual(truth);
    expect(bounces).toHaveLength(truth.size);
    const recipients = bounces.map((b) => b.recipient).sort();
    expect(events.map((e) => e.recipient).sort()).toEqual(recipients);
  });
});
