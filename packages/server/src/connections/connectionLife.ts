import {
  type Clock,
  type ConnectionChange,
  type ConnectionEventType,
  type ConnectionProblem,
  type ConnectionState,
  type ConnectionTransition,
  nextConnectionStatus,
} from '@sendwell/core';
import type { FeedHub } from '../services/feedHub';
import {
  type ConnectionRow,
  countQueuedSends,
  listWaitingSends,
  lockConnection,
  setConnectionState,
} from '../store/connections';
import type { Db } from '../store/db';
import { insertEvent } from '../store/events';
import type { EventRow } from '../store/rows';

/** What a connection change needs: the store, the time, and the live feed. */
export interface ConnectionLifeDeps {
  db: Db;
  clock: Clock;
  hub: FeedHub;
}

/** What happened: the transition, the row after it, the events written, and the sends it let go. */
export interface ConnectionChangeResult {
  transition: ConnectionTransition;
  row: ConnectionRow;
  events: EventRow[];
  /** Sends a reconnect (or an admin's enable) let go: the queue of the mailbox at that moment. */
  released: number;
  /** Ids of the sends the change held (each got a `send.held` event). */
  held: string[];
}

/** Why a send waits, in words for the send's explanation and the feed's `reason`. */
export function heldExplanation(state: ConnectionState): string {
  switch (state) {
    case 'needs-reconnect':
      return 'Held: this mailbox needs reconnecting. It goes out after you reconnect it, once.';
    case 'disconnected':
      return 'Held: this mailbox was disconnected from Sendwell. Connect it again to send.';
    case 'disabled':
      return 'Held: a team admin disabled this mailbox in Sendwell.';
    default:
      return '';
  }
}

/**
 * Applies one change to a mailbox's connection under its row lock (core's pure lifecycle decides)
 * and records what happened, in the same transaction: the connection event, and a `send.held`
 * event for each send left waiting when the mailbox stops sending. Events reach the live feed only
 * after the commit. A change that changes nothing records nothing (a second loss is not news).
 */
export async function changeConnection(
  deps: ConnectionLifeDeps,
  mailboxId: string,
  change: ConnectionChange,
  tx?: Db,
): Promise<ConnectionChangeResult | null> {
  const work = async (db: Db): Promise<ConnectionChangeResult | null> => {
    const row = await lockConnection(db, mailboxId);
    if (!row) return null;
    const transition = nextConnectionStatus({ state: row.state, problem: row.problem }, change);
    if (!transition.changed) return { transition, row, events: [], released: 0, held: [] };
    const at = deps.clock.now();
    const { state, problem } = transition.status;
    await setConnectionState(db, mailboxId, state, problem, at);
    const after: ConnectionRow = { ...row, state, problem, changedAt: at };
    const released = state === 'connected' ? await countQueuedSends(db, mailboxId) : 0;
    const events = [
      await insertConnectionEvent(db, transition.event, after, at, {
        ...(problem ? { problem } : {}),
        ...(state === 'connected' ? { released } : {}),
      }),
    ];
    const held: string[] = [];
    if (row.state === 'connected' && state !== 'connected') {
      for (const send of await listWaitingSends(db, mailboxId)) {
        events.push(await insertHeldEvent(db, send, after, at));
        held.push(send.id);
      }
    }
    return { transition, row: after, events, released, held };
  };
  const result = tx ? await work(tx) : await deps.db.transaction(work);
  if (!tx) for (const event of result?.events ?? []) deps.hub.publish(event);
  return result;
}

/** The mailbox's grant stopped working: needs-reconnect once, its queue held. Idempotent. */
export async function loseConnection(
  deps: ConnectionLifeDeps,
  mailboxId: string,
  problem: ConnectionProblem,
): Promise<ConnectionChangeResult | null> {
  return changeConnection(deps, mailboxId, { type: 'lost', problem });
}

export async function insertConnectionEvent(
  db: Db,
  type: ConnectionEventType,
  row: ConnectionRow,
  at: Date,
  extra: Record<string, unknown> = {},
): Promise<EventRow> {
  return insertEvent(db, {
    userId: row.mailbox.userId,
    type,
    sendId: null,
    templateId: null,
    recipient: null,
    detail: {
      mailboxId: row.mailbox.id,
      provider: row.mailbox.provider,
      address: row.mailbox.address,
      ...extra,
    },
    at,
  });
}

/** One send waits for its mailbox's connection: `send.held` with the state, the problem and why. */
export async function insertHeldEvent(
  db: Db,
  send: { id: string; userId: string; templateId: string | null; sendAt: Date },
  row: Pick<ConnectionRow, 'mailbox' | 'state' | 'problem'>,
  at: Date,
): Promise<EventRow> {
  return insertEvent(db, {
    userId: send.userId,
    type: 'send.held',
    sendId: send.id,
    templateId: send.templateId,
    recipient: null,
    detail: {
      mailboxId: row.mailbox.id,
      state: row.state,
      problem: row.problem,
      sendAt: send.sendAt.toISOString(),
      reason: heldExplanation(row.state),
    },
    at,
  });
}
