import type { ChannelConfig, ProfileId, ProviderKind, TemplateScope } from '@sendwell/core';

/** A rep sends and keeps personal templates; a team admin also creates and changes team templates. */
export type UserRole = 'rep' | 'admin';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  tenantId: string;
  legacy: boolean;
  defaultChannel: ChannelConfig | null;
  role: UserRole;
}

export interface MailboxRow {
  id: string;
  userId: string;
  /** A native mailbox, or `smtp`: a custom SMTP or legacy hosted channel (a sending lane, no inbox). */
  provider: ProviderKind | 'smtp';
  address: string;
  profileId: ProfileId;
  pausedUntil: Date | null;
  pauseReason: string | null;
  scanCursor: string | null;
  /** Connection settings that are not secrets (EWS URL and username); absent for OAuth mailboxes. */
  settings?: Record<string, unknown> | null;
  /** SMTP lanes only: which kind of channel, whose, its name, and when it was removed. */
  channelKind?: 'custom-smtp' | 'legacy-hosted' | null;
  scope?: 'personal' | 'team' | 'hosted' | null;
  tenantId?: string | null;
  label?: string | null;
  deletedAt?: Date | null;
}

export interface TemplateRow {
  id: string;
  tenantId: string;
  ownerId: string;
  scope: TemplateScope;
  name: string;
  subject: string;
  body: string;
}

export type SendStatus = 'scheduled' | 'sending' | 'submitted' | 'retry' | 'failed' | 'cancelled';

export interface SendRow {
  id: string;
  userId: string;
  mailboxId: string;
  host: string;
  templateId: string | null;
  idempotencyKey: string;
  messageId: string;
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
  status: SendStatus;
  sendAt: Date;
  attempts: number;
  lastError: string | null;
  submittedAt: Date | null;
  /** The channel the send was queued on (kind and label at that time); null before channels existed. */
  channelKind?: string | null;
  channelLabel?: string | null;
  /** Set by a claim: the previous worker had started handing this send to the provider. */
  reclaimedInFlight?: boolean;
  /** A campaign step's email: which campaign, person (enrolment) and step. */
  campaign?: SendCampaignRef | null;
  /** A reply in an earlier email's thread (campaign step with `thread: 'same'`). */
  thread?: SendThreadRef | null;
  /** Gmail's thread id once submitted, and the Message-ID it went out with (replies match either). */
  threadId?: string | null;
  rfcMessageId?: string | null;
}

export interface SendCampaignRef {
  campaignId: string;
  enrolmentId: string;
  stepId: string;
  stepIndex: number;
}

export interface SendThreadRef {
  inReplyTo: string;
  references: string[];
  threadId: string | null;
}

export interface EventRow {
  id: number;
  userId: string;
  type: string;
  sendId: string | null;
  templateId: string | null;
  recipient: string | null;
  detail: Record<string, unknown>;
  at: Date;
}

type Raw = Record<string, unknown>;
const date = (v: unknown) => (v == null ? null : v instanceof Date ? v : new Date(String(v)));
const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

export const toUser = (r: Raw): UserRow => ({
  id: String(r.id),
  email: String(r.email),
  name: String(r.name),
  tenantId: String(r.tenant_id),
  legacy: Boolean(r.legacy),
  defaultChannel: r.default_channel == null ? null : json<ChannelConfig>(r.default_channel),
  role: r.role === 'admin' ? 'admin' : 'rep',
});

export const toMailbox = (r: Raw): MailboxRow => ({
  id: String(r.id),
  userId: String(r.user_id),
  provider: r.provider as ProviderKind,
  address: String(r.address),
  profileId: r.profile_id as ProfileId,
  pausedUntil: date(r.paused_until),
  pauseReason: (r.pause_reason as string | null) ?? null,
  scanCursor: (r.scan_cursor as string | null) ?? null,
  settings: r.settings == null ? null : json<Record<string, unknown>>(r.settings),
  channelKind: (r.channel_kind as MailboxRow['channelKind']) ?? null,
  scope: (r.scope as MailboxRow['scope']) ?? null,
  tenantId: (r.tenant_id as string | null) ?? null,
  label: (r.label as string | null) ?? null,
  deletedAt: date(r.deleted_at),
});

export const toTemplate = (r: Raw): TemplateRow => ({
  id: String(r.id),
  tenantId: String(r.tenant_id),
  ownerId: String(r.owner_id),
  scope: r.scope === 'personal' ? 'personal' : 'team',
  name: String(r.name),
  subject: String(r.subject),
  body: String(r.body),
});

export const toSend = (r: Raw): SendRow => ({
  id: String(r.id),
  userId: String(r.user_id),
  mailboxId: String(r.mailbox_id),
  host: String(r.host),
  templateId: (r.template_id as string | null) ?? null,
  idempotencyKey: String(r.idempotency_key),
  messageId: String(r.message_id),
  from: String(r.from_addr),
  to: json<string[]>(r.to_addrs),
  cc: json<string[]>(r.cc_addrs),
  bcc: json<string[]>(r.bcc_addrs),
  subject: String(r.subject),
  body: String(r.body),
  status: r.status as SendStatus,
  sendAt: date(r.send_at)!,
  attempts: Number(r.attempts),
  lastError: (r.last_error as string | null) ?? null,
  submittedAt: date(r.submitted_at),
  channelKind: (r.channel_kind as string | null) ?? null,
  channelLabel: (r.channel_label as string | null) ?? null,
  campaign:
    r.campaign_id == null
      ? null
      : {
          campaignId: String(r.campaign_id),
          enrolmentId: String(r.enrolment_id),
          stepId: String(r.step_id),
          stepIndex: Number(r.step_index),
        },
  thread:
    r.in_reply_to == null
      ? null
      : {
          inReplyTo: String(r.in_reply_to),
          references: json<string[]>(r.thread_references ?? []),
          threadId: (r.thread_id as string | null) ?? null,
        },
  threadId: (r.thread_id as string | null) ?? null,
  rfcMessageId: (r.rfc_message_id as string | null) ?? null,
});

export const toEvent = (r: Raw): EventRow => ({
  id: Number(r.id),
  userId: String(r.user_id),
  type: String(r.type),
  sendId: (r.send_id as string | null) ?? null,
  templateId: (r.template_id as string | null) ?? null,
  recipient: (r.recipient as string | null) ?? null,
  detail: json<Record<string, unknown>>(r.detail ?? {}),
  at: date(r.at)!,
});
