/**
 * The lab's scenarios: what each sending MTA is asked to deliver, and the notice(s) a careful reader
 * expects back. Labels come from how each notice is produced (the scenario), never from the engine.
 * Domains are routed by the driver as `LabContext.routes` says (see run.ts).
 */
import { RX_MESSAGE_LIMIT } from './receiver';
import { isTransient, REPLIES, type ReplyRow } from './replies';

export interface ExpectedNotice {
  /** File name suffix after the scenario name: '' for the final notice, '-delay' for a warning. */
  suffix: '' | '-delay';
  kind: 'bounce' | 'delivered';
  action: 'failed' | 'delayed' | null;
  /** Sisimai reason; null for a success DSN. */
  reason: string | null;
  /** This notice does not say enough for a careful reader to be sure (e.g. a warning naming no cause). */
  ambiguous?: boolean;
}

export interface Scenario {
  /** File stem and Message-ID part: `<lab-<mta>-<name>@sender.test>`. */
  name: string;
  /** Human description, copied into the expectation. */
  description: string;
  to: string[];
  /** The recipients the notices are about (failed ones, or the delivered one for a success DSN). */
  about: string[];
  /** Envelope sender (and From) when not rep@sender.test; always in sender.test, the catcher's. */
  from?: string;
  /** Ask for a success DSN (NOTIFY=SUCCESS) instead of the default (failure and delay). */
  notifySuccess?: boolean;
  /** Pad the body to this many bytes (the oversized scenario). */
  bodyBytes?: number;
  /** The notices expected, in arrival order (a delay warning comes before the final bounce). */
  notices: ExpectedNotice[];
  /** The reason is a judgement call a careful reader could make otherwise. */
  ambiguous?: boolean;
  /** Only these drivers (the notice would otherwise be written by another MTA, e.g. rx). */
  onlyFor?: string[];
}

const failed = (reason: string): ExpectedNotice => ({ suffix: '', kind: 'bounce', action: 'failed', reason });
const delayed = (reason: string): ExpectedNotice => ({
  suffix: '-delay',
  kind: 'bounce',
  action: 'delayed',
  reason,
});
const delivered: ExpectedNotice = { suffix: '', kind: 'delivered', action: null, reason: null };
/**
 * A cause the retries cannot change: the final notice still names it (Sisimai's convention, e.g.
 * Exim's "mailbox is full: retry timeout exceeded" is mailboxfull; reason README, precedence).
 */
const RECIPIENT_STATES = new Set(['mailboxfull', 'userunknown', 'suspend', 'mesgtoobig']);
/**
 * A transient failure: a delay warning saying why, then the final notice once the queue lifetime
 * ends: "expired" (not blocked or networkerror), unless the cause is the recipient's own state.
 */
const retriedThenExpired = (cause: string) => [
  delayed(cause),
  failed(RECIPIENT_STATES.has(cause) ? cause : 'expired'),
];

function one(name: string, description: string, to: string, notices: ExpectedNotice[]): Scenario {
  return { name, description, to: [to], about: [to], notices };
}

const fromReply = (row: ReplyRow): Scenario => ({
  ...one(
    `remote-${row.local}`,
    `remote MX answers ${row.code} at ${row.stage}: ${row.wording}`,
    `${row.local}@${row.domain}`,
    isTransient(row.code) ? retriedThenExpired(row.reason) : [failed(row.reason)],
  ),
  ambiguous: row.ambiguous,
});

/** Refusals written by the lab's receiving Postfix (receiver.ts). */
const RECEIVER_SCENARIOS: Scenario[] = [
  one('rx-unknown-user', 'lab Postfix rx: user unknown in local recipient table', 'nobody@rx.test', [
    failed('userunknown'),
  ]),
  one('rx-unknown-virtual-user', 'lab Postfix rx: user unknown in virtual mailbox table', 'nobody@box.test', [
    failed('userunknown'),
  ]),
  one('rx-relay-denied', 'lab Postfix rx: relay access denied', 'someone@elsewhere.test', [
    failed('norelaying'),
  ]),
  {
    ...one('rx-access-denied', 'lab Postfix rx: check_recipient_access REJECT', 'blocked@rx.test', [
      failed('filtered'),
    ]),
    ambiguous: true,
  },
  {
    ...one('rx-oversized', 'lab Postfix rx: message_size_limit exceeded', 'big@rx.test', [
      failed('mesgtoobig'),
    ]),
    bodyBytes: RX_MESSAGE_LIMIT * 3,
  },
  {
    name: 'rx-two-unknown-users',
    description: 'lab Postfix rx: two unknown recipients of one message, a third delivered',
    to: ['nobody1@rx.test', 'nobody2@rx.test', 'accepted@corp.test'],
    about: ['nobody1@rx.test', 'nobody2@rx.test'],
    notices: [failed('userunknown')],
  },
  {
    ...one(
      'rx-sender-rejected',
      'lab Postfix rx: check_sender_access REJECT of the envelope sender',
      'someone@rx.test',
      [failed('rejected')],
    ),
    from: 'blocked-sender@sender.test',
  },
  {
    ...one(
      'rx-mailbox-full',
      'lab Postfix rx accepts, then virtual(8) finds the mailbox full',
      'full@box.test',
      [failed('mailboxfull')],
    ),
    onlyFor: ['postfix'],
  },
  {
    ...one('rx-success-dsn', 'lab Postfix rx delivers and sends a success DSN', 'ok@box.test', [delivered]),
    notifySuccess: true,
    onlyFor: ['postfix'],
  },
];

/** Written by the sending MTA itself: its own routing, connections and delivery. */
const SENDER_SCENARIOS: Scenario[] = [
  one(
    'unknown-local-user',
    "the sending MTA's own local domain has no such user",
    'no-such-user@local.test',
    [failed('userunknown')],
  ),
  one('host-unknown', 'the destination host name does not resolve (NXDOMAIN)', 'someone@nohost.test', [
    failed('hostunknown'),
  ]),
  one(
    'unreachable',
    'connection refused (closed port) until the queue lifetime ends',
    'someone@closed.test',
    retriedThenExpired('networkerror'),
  ),
  one(
    'timeout-greeting',
    'remote MX accepts the connection and never greets',
    'someone@stall.test',
    retriedThenExpired('networkerror'),
  ),
  one(
    'timeout-end-of-data',
    'remote MX never answers the final dot',
    'someone@slow.test',
    retriedThenExpired('networkerror'),
  ),
  {
    ...one(
      'success-relayed',
      'success DSN requested; the next hop has no DSN extension (relayed)',
      'ok@corp.test',
      [delivered],
    ),
    notifySuccess: true,
  },
];

/** Postfix's own local(8) delivery (see drivers/postfix.ts). */
const POSTFIX_SCENARIOS: Scenario[] = [
  {
    ...one(
      'local-mailbox-full',
      "the sending MTA's local mailbox is over mailbox_size_limit",
      'nobody@local.test',
      [failed('mailboxfull')],
    ),
    onlyFor: ['postfix'],
  },
];

/** Exim's own local mailboxes and DNS routing (see drivers/exim.ts). */
const EXIM_SCENARIOS: Scenario[] = [
  {
    ...one(
      'local-quota',
      "the sending MTA's own local mailbox is over its quota",
      'full@local.test',
      retriedThenExpired('mailboxfull'),
    ),
    onlyFor: ['exim'],
  },
  {
    ...one('local-success-dsn', 'success DSN requested; the sending MTA delivers locally', 'ok@local.test', [
      delivered,
    ]),
    notifySuccess: true,
    onlyFor: ['exim'],
  },
  {
    ...one(
      'domain-unknown',
      'the domain does not exist in DNS (no router takes it)',
      'someone@nxdomain.test',
      [failed('hostunknown')],
    ),
    // Exim says only "Unrouteable address": the same words as for an unknown local user.
    ambiguous: true,
    onlyFor: ['exim'],
  },
];

/** Every scenario a driver runs (those marked onlyFor another driver left out). */
export function scenariosFor(driver: string): Scenario[] {
  return [
    ...RECEIVER_SCENARIOS,
    ...SENDER_SCENARIOS,
    ...POSTFIX_SCENARIOS,
    ...EXIM_SCENARIOS,
    ...REPLIES.map(fromReply),
  ].filter((scenario) => !scenario.onlyFor || scenario.onlyFor.includes(driver));
}
