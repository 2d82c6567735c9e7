/**
 * Version 53: spam complaints (ARF feedback reports) are recorded once per notice and address, like
 * bounces; and the unattributed lists (bounces and replies we could not tie to a send) read fast.
 */
export const COMPLAINTS_MIGRATION = {
  version: 53,
  name: 'complaints; unattributed bounces and replies indexed',
  sql: `
create table complaints (
  id bigserial primary key,
  mailbox_id text not null references mailboxes(id),
  provider_message_id text not null,
  send_id text references sends(id),
  email text not null,
  evidence jsonb not null default '{}'::jsonb,
  at timestamptz not null,
  unique (mailbox_id, provider_message_id, email)
);
create index complaints_send on complaints(send_id);
create index bounces_unattributed on bounces(mailbox_id, at) where send_id is null;
create index replies_unattributed on replies(mailbox_id, at) where send_id is null;
`,
};
