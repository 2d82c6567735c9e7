import { CONSUMER, EXCHANGE, GMAIL_API, OURS, OUTLOOK_COM, WORKSPACE } from './sources';
import type { LimitSource, Metric, ProfileId, ThrottleProfile, WindowLimit } from './types';

export const MINUTE_MS = 60_000;
export const DAY_MS = 24 * 60 * MINUTE_MS;
/** We aim at 90% of a provider's published figure: its counters also see mail we never see. */
export const DEFAULT_MARGIN = 0.9;

interface WindowSpec {
  id: string;
  metric: Metric;
  windowMs: number;
  ceiling: number;
  label: string;
  source: LimitSource;
  margin?: number;
  note?: string;
}

export function windowLimit(spec: WindowSpec): WindowLimit {
  const margin = spec.margin ?? DEFAULT_MARGIN;
  return { ...spec, margin, target: Math.max(1, Math.floor(spec.ceiling * margin)) };
}

const UNIQUE_NOTE =
  'Reservations carry counts, not addresses, so every recipient is counted as if new: an upper bound on unique recipients.';

/** Gmail API sends a minute: 6,000 units / 100 units. Half is left for the inbox scanner and other clients. */
const gmailApiPerMinute = (): WindowLimit =>
  windowLimit({
    id: 'api-sends-per-minute',
    metric: 'messages',
    windowMs: MINUTE_MS,
    ceiling: 60,
    margin: 0.5,
    label: '60 API sends a minute (6,000 quota units at 100 a send)',
    source: GMAIL_API,
    note: 'We use half: the bounce scanner and other clients share the per-user quota.',
  });

function gmailWorkspace(
  id: ProfileId,
  name: string,
  messagesPerDay: number,
  uniqueExternalPerDay: number,
): ThrottleProfile {
  return {
    id,
    name,
    windows: [
      windowLimit({
        id: 'messages-per-day',
        metric: 'messages',
        windowMs: DAY_MS,
        ceiling: messagesPerDay,
        label: `${fmt(messagesPerDay)} messages a day`,
        source: WORKSPACE,
      }),
      windowLimit({
        id: 'recipients-per-day',
        metric: 'recipients',
        windowMs: DAY_MS,
        ceiling: 10_000,
        label: '10,000 recipients a day',
        source: WORKSPACE,
      }),
      windowLimit({
        id: 'external-per-day',
        metric: 'external',
        windowMs: DAY_MS,
        ceiling: 3_000,
        label: '3,000 external recipients a day',
        source: WORKSPACE,
      }),
      windowLimit({
        id: 'unique-recipients-per-day',
        metric: 'recipients',
        windowMs: DAY_MS,
        ceiling: 3_000,
        label: '3,000 unique recipients a day',
        source: WORKSPACE,
        note: UNIQUE_NOTE,
      }),
      windowLimit({
        id: 'unique-external-per-day',
        metric: 'external',
        windowMs: DAY_MS,
        ceiling: uniqueExternalPerDay,
        label: `${fmt(uniqueExternalPerDay)} unique external recipients a day`,
        source: WORKSPACE,
        note: UNIQUE_NOTE,
      }),
      gmailApiPerMinute(),
    ],
    maxRecipientsPerMessage: {
      value: 100,
      source: { ...WORKSPACE, title: `${WORKSPACE.title}: 100 recipients per message via the Gmail API` },
    },
    minIntervalMs: 1_000,
    notes: [
      'Rolling 24-hour windows shared with every Gmail client of the account (web UI, phone, SMTP).',
      'Exceeding them locks sending for up to 24 hours; a 200 from the API can still end in a "limit for sending mail" bounce.',
    ],
  };
}

const PROFILES: Record<ProfileId, ThrottleProfile> = {
  'exchange-online': {
    id: 'exchange-online',
    name: 'Exchange Online',
    windows: [
      windowLimit({
        id: 'messages-per-minute',
        metric: 'messages',
        windowMs: MINUTE_MS,
        ceiling: 30,
        label: '30 messages a minute',
        source: EXCHANGE,
      }),
      windowLimit({
        id: 'recipients-per-day',
        metric: 'recipients',
        windowMs: DAY_MS,
        ceiling: 10_000,
        label: '10,000 recipients a day',
        source: EXCHANGE,
      }),
    ],
    maxRecipientsPerMessage: { value: 500, source: EXCHANGE },
    minIntervalMs: 2_000,
    notes: [
      'The recipient rate limit counts every recipient of every message over a rolling 24 hours, internal and external.',
      'The tenant-wide external recipient limit (500 x licences^0.7 + 9,500) is per tenant, not per mailbox; not enforced here.',
      'The per-mailbox 2,000 external recipients a day (ERR) was cancelled, so it is not enforced.',
    ],
  },
  'outlook-com': {
    id: 'outlook-com',
    name: 'Outlook.com',
    windows: [
      windowLimit({
        id: 'messages-per-minute',
        metric: 'messages',
        windowMs: MINUTE_MS,
        ceiling: 30,
        label: '30 messages a minute',
        source: {
          title: 'Assumed equal to Exchange Online; Outlook.com publishes no per-minute figure',
          reference: 'office-addin.md §6.1 (the Exchange figure)',
          unconfirmed: true,
        },
      }),
      windowLimit({
        id: 'recipients-per-day',
        metric: 'recipients',
        windowMs: DAY_MS,
        ceiling: 5_000,
        label: '5,000 recipients a day',
        source: OUTLOOK_COM,
      }),
      windowLimit({
        id: 'external-per-day',
        metric: 'external',
        windowMs: DAY_MS,
        ceiling: 1_000,
        label: '1,000 new recipients a day',
        source: OUTLOOK_COM,
        note: 'The limit is on "non-relationship" recipients (never written to before); we cannot tell, so every external recipient counts.',
      }),
    ],
    maxRecipientsPerMessage: { value: 500, source: OUTLOOK_COM },
    minIntervalMs: 2_000,
    notes: [
      'Free accounts and new accounts get less (about 300 a day, unconfirmed); use custom limits for them.',
    ],
  },
  'gmail-workspace': gmailWorkspace('gmail-workspace', 'Google Workspace Gmail', 2_000, 2_000),
  'gmail-workspace-trial': gmailWorkspace(
    'gmail-workspace-trial',
    'Google Workspace Gmail (trial)',
    500,
    500,
  ),
  'gmail-consumer': {
    id: 'gmail-consumer',
    name: 'Gmail',
    windows: [
      windowLimit({
        id: 'messages-per-day',
        metric: 'messages',
        windowMs: DAY_MS,
        ceiling: 500,
        label: '500 messages a day',
        source: CONSUMER,
      }),
      windowLimit({
        id: 'recipients-per-day',
        metric: 'recipients',
        windowMs: DAY_MS,
        ceiling: 500,
        label: '500 recipients a day',
        source: CONSUMER,
        note: 'The page says "500 recipients in a single email and or 500 emails in a day"; we read it strictly and cap recipients too.',
      }),
      gmailApiPerMinute(),
    ],
    maxRecipientsPerMessage: {
      value: 100,
      source: {
        ...WORKSPACE,
        title:
          'Gmail API: 100 recipients per message (Workspace figure; the consumer page says 500 per email, we take the smaller)',
      },
    },
    minIntervalMs: 1_000,
    notes: ['New accounts can be limited far lower for a while; exceeding locks sending for 1 to 24 hours.'],
  },
  'custom-smtp': customSmtpProfile(),
};

export interface CustomSmtpLimits {
  messagesPerMinute?: number;
  /** No hourly window unless the admin sets one: most relays publish per-minute and per-day figures. */
  messagesPerHour?: number;
  messagesPerDay?: number;
  recipientsPerDay?: number;
  recipientsPerMessage?: number;
}

/** A conservative default for an SMTP server we know nothing about; admins set their server's real limits. */
export function customSmtpProfile(limits: CustomSmtpLimits = {}): ThrottleProfile {
  const perMinute = limits.messagesPerMinute ?? 20;
  const perDay = limits.messagesPerDay ?? 2_000;
  const recipients = limits.recipientsPerDay ?? 5_000;
  return {
    id: 'custom-smtp',
    name: 'your SMTP server',
    windows: [
      windowLimit({
        id: 'messages-per-minute',
        metric: 'messages',
        windowMs: MINUTE_MS,
        ceiling: perMinute,
        label: `${fmt(perMinute)} messages a minute`,
        source: OURS,
      }),
      ...(limits.messagesPerHour === undefined
        ? []
        : [
            windowLimit({
              id: 'messages-per-hour',
              metric: 'messages',
              windowMs: 60 * MINUTE_MS,
              ceiling: limits.messagesPerHour,
              label: `${fmt(limits.messagesPerHour)} messages an hour`,
              source: OURS,
            }),
          ]),
      windowLimit({
        id: 'messages-per-day',
        metric: 'messages',
        windowMs: DAY_MS,
        ceiling: perDay,
        label: `${fmt(perDay)} messages a day`,
        source: OURS,
      }),
      windowLimit({
        id: 'recipients-per-day',
        metric: 'recipients',
        windowMs: DAY_MS,
        ceiling: recipients,
        label: `${fmt(recipients)} recipients a day`,
        source: OURS,
      }),
    ],
    maxRecipientsPerMessage: { value: limits.recipientsPerMessage ?? 100, source: OURS },
    minIntervalMs: 1_000,
    notes: [
      'Many SMTP relays cut senders off silently; start low and raise the limits once you know your server.',
    ],
  };
}

export function getProfile(id: ProfileId): ThrottleProfile {
  const profile = PROFILES[id];
  if (!profile) throw new RangeError(`unknown throttle profile: ${String(id)}`);
  return profile;
}

export function listProfiles(): ThrottleProfile[] {
  return Object.values(PROFILES);
}

export const PROFILE_IDS = Object.keys(PROFILES) as ProfileId[];

export function isProfileId(value: string): value is ProfileId {
  return Object.hasOwn(PROFILES, value);
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}
