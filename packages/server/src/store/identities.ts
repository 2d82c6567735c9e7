import type { OAuthProvider } from '@sendwell/core';
import type { Db } from './db';
import { toUser, type UserRow } from './rows';

/** A provider's immutable ids for a person: Entra `tid` + `oid`; Google `sub` (tenant 'google'). */
export interface IdentityKey {
  provider: OAuthProvider;
  tenantId: string;
  subject: string;
}

/** Google account ids are global: every Google identity lives under this one tenant key. */
export const GOOGLE_IDENTITY_TENANT = 'google';

export async function findUserByIdentity(db: Db, key: IdentityKey): Promise<UserRow | null> {
  const [row] = await db.query(
    `select u.* from identities i join users u on u.id = i.user_id
      where i.provider = $1 and i.tenant_id = $2 and i.subject = $3`,
    [key.provider, key.tenantId, key.subject],
  );
  return row ? toUser(row) : null;
}

/** Binds an identity to a user once; binding the same identity to another user is refused by the key. */
export async function bindIdentity(db: Db, key: IdentityKey, userId: string): Promise<void> {
  await db.query(
    `insert into identities (provider, tenant_id, subject, user_id) values ($1, $2, $3, $4)
     on conflict (provider, tenant_id, subject) do nothing`,
    [key.provider, key.tenantId, key.subject, userId],
  );
}

export async function identitiesOf(db: Db, userId: string): Promise<IdentityKey[]> {
  const rows = await db.query<{ provider: OAuthProvider; tenant_id: string; subject: string }>(
    'select provider, tenant_id, subject from identities where user_id = $1 order by provider, tenant_id',
    [userId],
  );
  return rows.map((r) => ({ provider: r.provider, tenantId: r.tenant_id, subject: r.subject }));
}

/** The tenant (team) of the first user already bound to a Google identity with this email domain. */
export async function teamOfGoogleDomain(db: Db, domain: string): Promise<string | null> {
  const [row] = await db.query<{ tenant_id: string }>(
    `select u.tenant_id from identities i join users u on u.id = i.user_id
      where i.provider = 'google' and lower(split_part(u.email, '@', 2)) = lower($1)
      order by u.created_at limit 1`,
    [domain],
  );
  return row?.tenant_id ?? null;
}

export async function countTenantUsers(db: Db, tenantId: string): Promise<number> {
  const [row] = await db.query<{ n: number | string }>(
    'select count(*) as n from users where tenant_id = $1',
    [tenantId],
  );
  return Number(row?.n ?? 0);
}
