import { randomUUID } from 'node:crypto';
import type {
  ChannelConfig,
  Clock,
  Host,
  PersonalisedMessage,
  PlanResult,
  SendRequestBody,
  ThrottleProfile,
  ValidSendRequestBody,
} from '@sendwell/core';
import { DAY_MS, personalise, planSend, sendRequestSchema } from '@sendwell/core';
import { profileForLane } from '../channels/profiles';
import { heldExplanation, insertHeldEvent } from '../connections/connectionLife';
import { type ConnectionRow, findConnection } from '../store/connections';
import type { Db } from '../store/db';
import { insertEvent } from '../store/events';
import type { EventRow, MailboxRow, SendCampaignRef, SendRow, SendThreadRef, UserRow } from '../store/rows';
import { listPlanningReservations } from '../store/sendQueue';
import { insertScheduledSend, listSendsForDraft } from '../store/sends';
import { findMailboxBatch } from '../store/teamSettings';
import { findVisibleTemplate } from '../store/templates';
import { lockMailbox } from '../store/users';
import { ApiError, parseOrRefuse } from './errors';
import type { FeedHub } from './feedHub';
import { channelFor } from './identity';
import { mailboxTurns } from './mailboxTurns';
import { refuseSuppressed } from './suppressionCheck';

export interface SendDeps {
  db: Db;
  clock: Clock;
  hub: FeedHub;
  /** Wakes the sender worker when a send is due now. */
  wake(): void;
}

/** One outgoing message accepted into the outbox, with why it goes when it goes. */
export interface QueuedSend {
  send: SendRow;
  explanation: string;
}

/**
 * What became of a draft: one accepted send per outgoing message (N for "one email each"), or, when
 * the draft was sent before, those earlier sends and `duplicate: true` (nothing new is sent).
 */
export interface DraftOutcome {
  sends: QueuedSend[];
  duplicate: boolean;
}

/** One message of the draft as it will be queued, with its own idempotency key. */
interface OutgoingMessage extends PersonalisedMessage {
  host: Host;
  templateId: string | null;
  idempotencyKey: string;
  /** Schedule send: not before this (the rep's "send at"); null = now. */
  notBefore: Date | null;
}

/** What a campaign step adds to a send: whose step it is, and the thread it replies in. */
export interface SendExtras {
  campaign?: SendCampaignRef;
  thread?: SendThreadRef;
}

/** Schedule send reaches at most a year ahead (the throttle's planning horizon is far shorter). */
const MAX_SCHEDULE_AHEAD_MS = 365 * DAY_MS;

type Queued = { send: SendRow; reason: string; event: EventRow };

const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1).toLowerCase();
const ALREADY = 'This draft was already sent with Sendwell; nothing new was sent.';

/**
 * Queues a compose draft: validates it with core's one send-request schema (every send path comes
 * through here, so every path checks addresses the same way), personalises it (refusing unfilled
 * tags), resolves the forced channel, and reserves a throttle slot per outgoing message atomically
 * (the mailbox row is locked, so concurrent requests from two devices can never overspend one
 * budget). The idempotency key belongs to the draft: a second request for it sends nothing.
 */
export async function createSend(
  deps: SendDeps,
  user: UserRow,
  input: SendRequestBody,
  extras: SendExtras = {},
): Promise<DraftOutcome> {
  const request = parseOrRefuse(sendRequestSchema, input, 'Not sent');
  const earlier = await listSendsForDraft(deps.db, user.id, request.idempotencyKey);
  if (earlier.length) return alreadySent(earlier);
  const messages = outgoingMessages(request, deps.clock.now());
  await refuseSuppressed(
    deps.db,
    user.tenantId,
    messages.flatMap((m) => [...m.to, ...m.cc, ...m.bcc]),
    deps.clock.now(),
  );
  const decision = await channelFor(deps.db, user, request.host);
  const templateId = request.templateId ?? null;
  if (templateId && !(await findVisibleTemplate(deps.db, user, templateId))) {
    throw new ApiError(404, 'template-not-found', `Not sent: no template ${templateId} you can use.`);
  }
  // One request per mailbox at the row lock at a time (mailboxTurns.ts says why).
  const outcome = await mailboxTurns(deps.db).run(decision.channel.id, () =>
    deps.db.transaction(
      async (tx): Promise<{ earlier: SendRow[] } | { queued: Queued[]; held: EventRow[] }> => {
        const mailbox = await lockMailbox(tx, decision.channel.id);
        const connection = mailbox && (await findConnection(tx, mailbox.id));
        if (!mailbox || !connection)
          throw new ApiError(409, 'no-native-mailbox', 'The mailbox for this channel is gone.');
        // Checked again under the lock: a concurrent request for the same draft may have just committed.
        const again = await listSendsForDraft(tx, user.id, request.idempotencyKey);
        if (again.length) return { earlier: again };
        refuseUnlessAccepting(connection);
        const queued: Queued[] = [];
        for (const message of messages)
          queued.push(
            await reserveAndQueue(tx, deps.clock, user, message, mailbox, decision.channel, extras),
          );
        // A mailbox waiting for a reconnect takes the send and holds it: the feed says so at once.
        const held: EventRow[] = [];
        if (connection.state !== 'connected') {
          for (const { send } of queued)
            held.push(await insertHeldEvent(tx, send, connection, deps.clock.now()));
          for (const q of queued) q.reason = heldExplanation(connection.state);
        }
        return { queued, held };
      },
    ),
  );
  if ('earlier' in outcome) return alreadySent(outcome.earlier);
  for (const event of [...outcome.queued.map((q) => q.event), ...outcome.held]) deps.hub.publish(event);
  deps.wake();
  return {
    duplicate: false,
    sends: outcome.queued.map(({ send, reason }) => ({
      send,
      explanation: `${decision.explanation} ${reason}`.trim(),
    })),
  };
}

/**
 * A disconnected or disabled mailbox takes no new sends (they would wait for something only the
 * rep or an admin can do, unseen); one that needs reconnecting takes them and holds them.
 */
function refuseUnlessAccepting(connection: ConnectionRow): void {
  const address = connection.mailbox.address;
  if (connection.state === 'disconnected')
    throw new ApiError(
      409,
      'mailbox-disconnected',
      `Not sent: your mailbox ${address} is disconnected from Sendwell. Connect it again, then send.`,
    );
  if (connection.state === 'disabled')
    throw new ApiError(
      409,
      'mailbox-disabled',
      `Not sent: a team admin disabled your mailbox ${address} in Sendwell. Ask them to enable it.`,
    );
}

function alreadySent(sends: SendRow[]): DraftOutcome {
  return { duplicate: true, sends: sends.map((send) => ({ send, explanation: ALREADY })) };
}

/** The rep's "send at", or null for now; a 422 when it is more than a year ahead. */
function notBeforeOf(request: ValidSendRequestBody, now: Date): Date | null {
  if (!request.sendAt) return null;
  const at = new Date(request.sendAt);
  if (at.getTime() <= now.getTime()) return null;
  if (at.getTime() - now.getTime() > MAX_SCHEDULE_AHEAD_MS)
    throw new ApiError(422, 'send-at-too-far', 'Not sent: "send at" can be at most a year ahead.');
  return at;
}

/** The draft as the messages that will go out, or a 422 with core's reason (unfilled tags, …). */
function outgoingMessages(request: ValidSendRequestBody, now: Date): OutgoingMessage[] {
  const notBefore = notBeforeOf(request, now);
  const names = new Map(Object.entries(request.displayNames).map(([a, n]) => [a.toLowerCase(), n]));
  const draft = {
    // An address written twice is one person: one message (and one key) for them.
    to: [...new Set(request.to)].map((email) => ({ email, displayName: names.get(email) })),
    cc: request.cc,
    bcc: request.bcc,
    subject: request.subject,
    body: request.body,
    // Bodies are HTML in both hosts: merged values are escaped, never markup.
    format: 'html' as const,
  };
  const result = personalise(draft, request.personalise);
  if (result.outcome === 'refused') throw new ApiError(422, result.code, result.message);
  return result.messages.map((message) => ({
    ...message,
    host: request.host,
    templateId: request.templateId ?? null,
    notBefore,
    idempotencyKey:
      request.personalise === 'each' ? `${request.idempotencyKey}:${message.to[0]}` : request.idempotencyKey,
  }));
}

/** What the throttle counts for one message: every recipient, and those outside the sender's domain. */
export function recipientCounts(from: string, recipients: readonly string[]) {
  const senderDomain = domainOf(from);
  return {
    recipients: recipients.length,
    external: recipients.filter((a) => domainOf(a) !== senderDomain).length,
  };
}

/** A slot for one message of this lane from `from` on (now, or a time the rep asked for). */
export interface SlotRequest {
  mailbox: MailboxRow;
  counts: { recipients: number; external: number };
  from: Date;
  /** Re-planning a send that has a reservation already: leave its own slot out of the history. */
  exceptSendId?: string;
}

/**
 * The one place a send's slot is planned from the API side (create and reschedule): the lane's
 * profile (`profileForLane`: SMTP lanes have their own limits), its reservations of the last day
 * and ahead, its pause, and the batch for its profile (as the worker's pacing reads it). Call it inside the transaction that locks the mailbox.
 */
export async function planSlot(
  tx: Db,
  slot: SlotRequest,
): Promise<{ plan: PlanResult; profile: ThrottleProfile }> {
  const profile = profileForLane(slot.mailbox);
  const since = new Date(slot.from.getTime() - DAY_MS);
  const history = await listPlanningReservations(
    tx,
    slot.mailbox.id,
    since,
    slot.from,
    slot.exceptSendId ?? null,
  );
  const plan = planSend({
    profile,
    history,
    request: slot.counts,
    now: slot.from,
    pausedUntil: slot.mailbox.pausedUntil,
    // The same batch the worker paces with: the profile's own setting, else the team's.
    batch: await findMailboxBatch(tx, slot.mailbox.id, profile.id),
  });
  return { plan, profile };
}

/** Inside the locking transaction: plan this message's slot against the mailbox's reservations, insert. */
async function reserveAndQueue(
  tx: Db,
  clock: Clock,
  user: UserRow,
  request: OutgoingMessage,
  mailbox: MailboxRow,
  channel: ChannelConfig,
  extras: SendExtras,
): Promise<Queued> {
  const { to, cc, bcc } = request;
  const counts = recipientCounts(channel.address, [...to, ...cc, ...bcc]);
  const now = clock.now();
  const { plan } = await planSlot(tx, { mailbox, counts, from: request.notBefore ?? now });
  if (plan.outcome === 'rejected') throw new ApiError(422, plan.code, plan.message);
  const id = randomUUID();
  const send = await insertScheduledSend(
    tx,
    {
      id,
      userId: user.id,
      mailboxId: mailbox.id,
      host: request.host,
      templateId: request.templateId,
      idempotencyKey: request.idempotencyKey,
      messageId: `${id}@sendwell.local`,
      // The rep's own address: a team SMTP lane's row carries the admin's who set it up.
      from: channel.address,
      to,
      cc,
      bcc,
      subject: request.subject,
      body: request.body,
      sendAt: plan.sendAt,
      // The channel as it was named when the send was queued: a later rename does not rewrite history.
      channelKind: channel.kind,
      channelLabel: channel.label,
      campaign: extras.campaign ?? null,
      thread: extras.thread ?? null,
    },
    counts,
  );
  const event = await insertEvent(tx, {
    userId: user.id,
    type: 'send.queued',
    sendId: id,
    templateId: request.templateId,
    recipient: null,
    detail: {
      sendAt: plan.sendAt.toISOString(),
      reason: plan.reason,
      to,
      // The rule as data, so each front end words it in the rep's language (core voice).
      limitedBy: plan.limitedBy,
      windowId: plan.windowId ?? null,
      profileId: mailbox.profileId,
      channel: { kind: channel.kind, label: channel.label },
      ...(request.notBefore ? { scheduledFor: request.notBefore.toISOString() } : {}),
      ...(extras.campaign
        ? { campaignId: extras.campaign.campaignId, stepIndex: extras.campaign.stepIndex }
        : {}),
    },
    at: now,
  });
  return { send, reason: plan.reason, event };
}
