/**
 * Version 50 on: campaigns (sequences), replies, suppression and bounce rules, unsubscribe and
 * engagement. Kept apart from `migrations.ts` for size; appended there like any entry.
 */
export const CAMPAIGNS_MIGRATION = {
  version: 50,
  name: 'campaigns, enrolments, replies, suppressions, team bounce rules, engagement',
  sql: `
create table campaigns (
  id text primary key,
  tenant_id text not null,
  owner_id text not null references users(id),
  name text not null,
  status text not null check (status in ('draft', 'active', 'paused', 'archived')),
  pause jsonb,
  steps jsonb not null,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index campaigns_tenant on campaigns(tenant_id, id);
create table enrolments (
  id text primary key,
  campaign_id text not null references campaigns(id),
  tenant_id text not null,
  email text not null,
  display_name text,
  time_zone text,
  fields jsonb not null default '{}'::jsonb,
  status text not null check (status in ('active', 'finished', 'left')),
  left_reason text check (left_reason in ('bounced', 'replied', 'unsubscribed', 'complained', 'suppressed', 'removed')),
  left_detail jsonb,
  next_step integer not null default 0,
  next_at timestamptz,
  last_send_id text references sends(id),
  source text not null,
  enrolled_by text references users(id),
  enrolled_at timestamptz not null,
  updated_at timestamptz not null,
  unique (campaign_id, email)
);
create index enrolments_due on enrolments(status, next_at);
create index enrolments_email on enrolments(tenant_id, email);
alter table sends add column campaign_id text references campaigns(id);
alter table sends add column enrolment_id text references enrolments(id);
alter table sends add column step_id text;
alter table sends add column step_index integer;
alter table sends add column in_reply_to text;
alter table sends add column thread_references jsonb;
alter table sends add column thread_id text;
alter table sends add column rfc_message_id text;
alter table sends add column cancel_reason text;
create index sends_enrolment on sends(enrolment_id);
create index sends_campaign on sends(campaign_id, step_index);
create index sends_thread on sends(mailbox_id, thread_id);
create index sends_rfc_message_id on sends(rfc_message_id);
create table replies (
  id bigserial primary key,
  mailbox_id text not null references mailboxes(id),
  provider_message_id text not null,
  send_id text references sends(id),
  from_addr text not null,
  auto boolean not null,
  evidence jsonb not null default '{}'::jsonb,
  at timestamptz not null,
  unique (mailbox_id, provider_message_id)
);
create index replies_send on replies(send_id);
create table suppressions (
  id bigserial primary key,
  tenant_id text not null,
  email text not null,
  reason text not null check (reason in ('hard-bounce', 'unsubscribe', 'complaint', 'soft-bounces', 'manual')),
  detail jsonb not null default '{}'::jsonb,
  since timestamptz not null,
  until timestamptz,
  created_by text references users(id),
  lifted_at timestamptz,
  lifted_by text references users(id)
);
create unique index suppressions_live on suppressions(tenant_id, email) where lifted_at is null;
create table bounce_rules (
  tenant_id text primary key,
  rules jsonb not null,
  updated_by text references users(id),
  updated_at timestamptz not null
);
create table engagement (
  id bigserial primary key,
  send_id text not null references sends(id),
  kind text not null check (kind in ('open', 'click')),
  url text,
  machine boolean not null,
  why text,
  at timestamptz not null
);
create index engagement_send on engagement(send_id);
`,
};
