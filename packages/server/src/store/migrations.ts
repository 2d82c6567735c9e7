import type { Db } from './db';
import { CAMPAIGNS_MIGRATION } from './migration50';
import { CAMPAIGN_TIME_ZONE_MIGRATION } from './migration51';
import { COMPLAINTS_MIGRATION } from './migration53';
import { API_TOKENS_MIGRATION } from './migration60';
import { RESCHEDULED_EVENTS_MIGRATION } from './migration61';

/**
 * Forward-only migrations, one SQL dialect for PGlite and PostgreSQL. Append; never edit a shipped
 * entry. A lock serialises concurrent starts of several server instances on one PostgreSQL.
 */
const MIGRATIONS: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'walking skeleton',
    sql: `
create table users (
  id text primary key,
  email text not null unique,
  name text not null,
  tenant_id text not null,
  legacy boolean not null default false,
  default_channel jsonb,
  created_at timestamptz not null default now()
);
create table mailboxes (
  id text primary key,
  user_id text not null references users(id),
  provider text not null check (provider in ('exchange', 'gmail')),
  address text not null,
  profile_id text not null,
  paused_until timestamptz,
  pause_reason text,
  scan_cursor text,
  created_at timestamptz not null default now()
);
create index mailboxes_user on mailboxes(user_id);
create table templates (
  id text primary key,
  tenant_id text not null,
  owner_id text not null references users(id),
  name text not null,
  subject text not null,
  body text not null,
  created_at timestamptz not null default now()
);
create index templates_tenant on templates(tenant_id);
create table sends (
  id text primary key,
  user_id text not null references users(id),
  mailbox_id text not null references mailboxes(id),
  host text not null,
  template_id text references templates(id),
  idempotency_key text not null,
  message_id text not null,
  from_addr text not null,
  to_addrs jsonb not null,
  cc_addrs jsonb not null,
  bcc_addrs jsonb not null,
  subject text not null,
  body text not null,
  status text not null,
  send_at timestamptz not null,
  claimed_until timestamptz,
  attempts integer not null default 0,
  last_error text,
  submitted_at timestamptz,
  created_at timestamptz not null default now(),
  unique (user_id, idempotency_key)
);
create index sends_due on sends(status, send_at);
create index sends_message_id on sends(message_id);
create table reservations (
  id bigserial primary key,
  mailbox_id text not null references mailboxes(id),
  send_id text not null references sends(id),
  at timestamptz not null,
  recipients integer not null,
  external integer not null
);
create index reservations_window on reservations(mailbox_id, at);
create table events (
  id bigserial primary key,
  user_id text not null references users(id),
  type text not null,
  send_id text,
  template_id text,
  recipient text,
  detail jsonb not null default '{}'::jsonb,
  at timestamptz not null
);
create index events_user on events(user_id, id);
create index events_template on events(template_id);
create table bounces (
  id bigserial primary key,
  mailbox_id text not null references mailboxes(id),
  provider_message_id text not null,
  send_id text references sends(id),
  recipient text not null,
  action text,
  status text,
  hard boolean,
  reason text,
  diagnostic text,
  at timestamptz not null,
  unique (mailbox_id, provider_message_id, recipient)
);
`,
  },
  {
    version: 2,
    name: 'roles and template scopes',
    // Templates existing before scopes were shared by the whole team, so they stay team templates.
    // Deleted templates are kept (sends and analytics refer to them) but no longer listed.
    sql: `
alter table users add column role text not null default 'rep' check (role in ('rep', 'admin'));
alter table templates add column scope text not null default 'team' check (scope in ('personal', 'team'));
alter table templates add column updated_at timestamptz not null default now();
alter table templates add column deleted_at timestamptz;
`,
  },
  {
    // Version 20 on: the throttle/outbox entries (other areas append their own numbers).
    version: 20,
    name: 'throttle: sent-elsewhere reservations, send attempts, team batch setting',
    sql: `
alter table reservations alter column send_id drop not null;
alter table reservations add column provider_message_id text;
create unique index reservations_provider_message on reservations(mailbox_id, provider_message_id);
alter table mailboxes add column sent_cursor text;
alter table sends add column started_at timestamptz;
alter table sends add column check_failures integer not null default 0;
create table team_settings (
  tenant_id text primary key,
  batch_size integer,
  batch_every_seconds integer,
  updated_by text references users(id),
  updated_at timestamptz not null default now(),
  check ((batch_size is null) = (batch_every_seconds is null))
);
`,
  },
  {
    // Version 30 on: real mailboxes (identity binding, connection life, the token vault).
    version: 30,
    name: 'real mailboxes: identities, connection states, credentials vault, oauth states',
    sql: `
create table identities (
  provider text not null check (provider in ('microsoft', 'google')),
  tenant_id text not null,
  subject text not null,
  user_id text not null references users(id),
  created_at timestamptz not null default now(),
  primary key (provider, tenant_id, subject)
);
create index identities_user on identities(user_id);
alter table mailboxes drop constraint mailboxes_provider_check;
alter table mailboxes add constraint mailboxes_provider_check check (provider in ('exchange', 'gmail', 'exchange-server'));
alter table mailboxes add column state text not null default 'connected'
  check (state in ('connected', 'needs-reconnect', 'disconnected', 'disabled'));
alter table mailboxes add column state_problem text;
alter table mailboxes add column state_changed_at timestamptz not null default now();
alter table mailboxes add column settings jsonb;
create table credentials (
  mailbox_id text primary key references mailboxes(id),
  kind text not null check (kind in ('oauth', 'password')),
  key_id text not null,
  secret text not null,
  access_token text,
  access_expires_at timestamptz,
  scopes text,
  generation integer not null default 0,
  updated_at timestamptz not null default now()
);
create table oauth_states (
  state text primary key,
  user_id text not null references users(id),
  provider text not null check (provider in ('microsoft', 'google')),
  verifier text not null,
  tenant_id text,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  used_at timestamptz
);
`,
  },
  {
    // Two first connections at once (two consent windows) must not give a rep two mailboxes of a kind.
    version: 32,
    name: 'one mailbox per user and provider',
    sql: 'create unique index mailboxes_user_provider on mailboxes(user_id, provider);',
  },
  {
    // Version 40 on: delivery channels (SMTP lanes in the mailboxes table), per-profile throttle
    // settings, the channel each send used, and the audit log.
    version: 40,
    name: 'channels: smtp lanes, chosen and team default channels, per-profile throttle, audit log',
    sql: `
alter table mailboxes drop constraint mailboxes_provider_check;
alter table mailboxes add constraint mailboxes_provider_check check (provider in ('exchange', 'gmail', 'exchange-server', 'smtp'));
alter table mailboxes add column channel_kind text check (channel_kind in ('custom-smtp', 'legacy-hosted'));
alter table mailboxes add column scope text check (scope in ('personal', 'team', 'hosted'));
alter table mailboxes add column tenant_id text;
alter table mailboxes add column label text;
alter table mailboxes add column deleted_at timestamptz;
drop index mailboxes_user_provider;
create unique index mailboxes_user_provider on mailboxes(user_id, provider) where provider <> 'smtp';
create unique index channels_one_team_smtp on mailboxes(tenant_id) where scope = 'team' and deleted_at is null;
alter table users add column chosen_channel_id text references mailboxes(id);
alter table team_settings add column default_channel_id text references mailboxes(id);
alter table team_settings add column legacy_visible boolean not null default true;
alter table team_settings alter column updated_at set default now();
create table throttle_settings (
  tenant_id text not null,
  profile_id text not null,
  batch_size integer not null,
  batch_every_seconds integer not null,
  updated_by text references users(id),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, profile_id)
);
alter table sends add column channel_kind text;
alter table sends add column channel_label text;
create table audit_log (
  id bigserial primary key,
  tenant_id text not null,
  actor_id text references users(id),
  action text not null,
  target text,
  before jsonb,
  after jsonb,
  at timestamptz not null
);
create index audit_log_tenant on audit_log(tenant_id, id);
`,
  },
  CAMPAIGNS_MIGRATION,
  CAMPAIGN_TIME_ZONE_MIGRATION,
  COMPLAINTS_MIGRATION,
  API_TOKENS_MIGRATION,
  RESCHEDULED_EVENTS_MIGRATION,
];

export async function migrate(db: Db): Promise<number[]> {
  return db.transaction(async (tx) => {
    if (tx.engine === 'postgres') await tx.query('select pg_advisory_xact_lock(7242025)');
    await tx.query(
      'create table if not exists schema_migrations (version integer primary key, name text not null, applied_at timestamptz not null default now())',
    );
    const done = new Set(
      (await tx.query<{ version: number }>('select version from schema_migrations')).map((r) => r.version),
    );
    const applied: number[] = [];
    for (const migration of MIGRATIONS) {
      if (done.has(migration.version)) continue;
      await tx.exec(migration.sql);
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.version);
    }
    return applied;
  });
}

/** Versions this code knows that the database has not applied yet (readiness: none may be pending). */
export async function pendingMigrations(db: Db): Promise<number[]> {
  const rows = await db.query<{ version: number }>('select version from schema_migrations');
  const done = new Set(rows.map((r) => Number(r.version)));
  return MIGRATIONS.filter((m) => !done.has(m.version)).map((m) => m.version);
}
