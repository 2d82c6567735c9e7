/**
 * Version 60 (issue 11): API tokens live for a while and can be revoked. A token made through the API
 * has a row here (its name, when it ends, whether and by whom it was revoked); the token itself is a
 * MAC (auth/apiTokens.ts), never stored. `api_tokens_revoked_before` ends every token of a user issued
 * until then, rows or not (the sandbox CLI's tokens have none).
 */
export const API_TOKENS_MIGRATION = {
  version: 60,
  name: 'api tokens with a lifetime, revocable per user',
  sql: `
create table api_tokens (
  id text primary key,
  tenant_id text not null,
  user_id text not null references users(id),
  name text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  revoked_at timestamptz,
  revoked_by text references users(id)
);
create index api_tokens_user on api_tokens(tenant_id, user_id, created_at desc);
alter table users add column api_tokens_revoked_before timestamptz;
`,
};
