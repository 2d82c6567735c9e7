import { insertEvent } from '../store/events';
import type { SendRow } from '../store/rows';
import { findSend } from '../store/sends';
import { findLiveSuppressions } from '../store/suppressions';
import { afterOptOut } from './deliveryOutcomes';
import type { OutcomeDeps } from './outcomeDeps';

/** Who an unsubscribe link speaks for: the send's person, the team it goes to, the rep who sent it. */
interface UnsubscribeTarget {
  send: SendRow;
  email: string;
  tenantId: string;
  userId: string;
  senderName: string;
  /** The team already suppresses the address (an earlier click, a bounce, an admin). */
  alreadySuppressed: boolean;
}

export type UnsubscribeLookup =
  | { kind: 'found'; target: UnsubscribeTarget }
  | { kind: 'unknown-send' }
  /** Several To recipients and no campaign person: we cannot tell who clicked, so we stop nobody. */
  | { kind: 'no-single-person' };

/** Whom the link of `sendId` would unsubscribe (the GET page asks before anything changes). */
export async function findUnsubscribeTarget(deps: OutcomeDeps, sendId: string): Promise<UnsubscribeLookup> {
  const send = await findSend(deps.db, sendId);
  if (!send) return { kind: 'unknown-send' };
  const [owner] = await deps.db.query<{ tenant_id: string; name: string }>(
    'select tenant_id, name from users where id = $1',
    [send.userId],
  );
  if (!owner) return { kind: 'unknown-send' };
  const email = await personOf(deps, send.campaign?.enrolmentId ?? null, send.to);
  if (!email) return { kind: 'no-single-person' };
  const live = await findLiveSuppressions(deps.db, owner.tenant_id, [email], deps.clock.now());
  return {
    kind: 'found',
    target: {
      send,
      email,
      tenantId: owner.tenant_id,
      userId: send.userId,
      senderName: owner.name,
      alreadySuppressed: live.length > 0,
    },
  };
}

async function personOf(deps: OutcomeDeps, enrolmentId: string | null, to: string[]): Promise<string | null> {
  if (enrolmentId) {
    const [row] = await deps.db.query<{ email: string }>('select email from enrolments where id = $1', [
      enrolmentId,
    ]);
    if (row) return row.email.toLowerCase();
  }
  return to.length === 1 ? to[0]!.toLowerCase() : null;
}

/**
 * The person asked to stop (RFC 8058 one-click, or the page's button): the `unsubscribe` feed event
 * is recorded once per send (the sends row is locked so two clicks at once record one), then the
 * address is suppressed and leaves its campaigns. Those steps run on every click: each is idempotent,
 * and a click after a crash half-way through still completes them.
 */
export async function unsubscribe(
  deps: OutcomeDeps,
  sendId: string,
  via: 'one-click' | 'page',
): Promise<UnsubscribeLookup> {
  const lookup = await findUnsubscribeTarget(deps, sendId);
  if (lookup.kind !== 'found') return lookup;
  const { target } = lookup;
  const now = deps.clock.now();
  const event = await deps.db.transaction(async (tx) => {
    await tx.query('select id from sends where id = $1 for update', [sendId]);
    const [seen] = await tx.query("select 1 from events where type = 'unsubscribe' and send_id = $1", [
      sendId,
    ]);
    if (seen) return null;
    return insertEvent(tx, {
      userId: target.userId,
      type: 'unsubscribe',
      sendId,
      templateId: target.send.templateId,
      recipient: target.email,
      detail: { via },
      at: now,
    });
  });
  if (event) deps.hub.publish(event);
  await afterOptOut(deps, {
    kind: 'unsubscribe',
    send: target.send,
    tenantId: target.tenantId,
    userId: target.userId,
    email: target.email,
    evidence: { via, at: now.toISOString() },
  });
  return lookup;
}
