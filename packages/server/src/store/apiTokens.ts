import type { Db } from './db';
import { toUser, type UserRow } from './rows';

/** API tokens made through the API (migration 60); every query names the tenant and the user. */
export interface ApiTokenRow {
  id: string;
  tenantId: string;
  userId: string;
  name: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

const toToken = (r: Record<string, unknown>): ApiTokenRow => ({
  id: String(r.id),
  tenantId: String(r.tenant_id),
  userId: String(r.user_id),
  name: String(r.name),
  createdAt: new Date(r.created_at as string),
  expiresAt: new Date(r.expires_at as string),
  revokedAt: r.revoked_at == null ? null : new Date(r.revoked_at as string),
});

export async function insertApiToken(db: Db, row: Omit<ApiTokenRow, 'revokedAt'>): Promise<void> {
  await db.query(
    `insert into api_tokens (id, tenant_id, user_id, name, created_at, expires_at) values ($1, $2, $3, $4, $5, $6)`,
    [row.id, row.tenantId, row.userId, row.name, row.createdAt, row.expiresAt],
  );
}

/** Newest first; `after` is the last row of the previous page. */
export async function listApiTokens(
  db: Db,
  owner: { tenantId: string; userId: string },
  page: { after: { createdAt: Date; id: string } | null; limit: number },
): Promise<ApiTokenRow[]> {
  const rows = await db.query(
    `select * from api_tokens where tenant_id = $1 and user_id = $2
       and ($3::timestamptz is null or (created_at, id) < ($3::timestamptz, $4::text))
     order by created_at desc, id desc limit $5`,
    [owner.tenantId, owner.userId, page.after?.createdAt ?? null, page.after?.id ?? null, page.limit],
  );
  return rows.map(toToken);
}

/** Revokes one token of this user in this tenant (null when they have none by that id). */
export async function revokeApiToken(
  db: Db,
  owner: { tenantId: string; userId: string },
  id: string,
  by: string,
  at: Date,
): Promise<ApiTokenRow | null> {
  const [row] = await db.query(
    `update api_tokens set revoked_at = coalesce(revoked_at, $4), revoked_by = coalesce(revoked_by, $5)
     where id = $1 and tenant_id = $2 and user_id = $3 returning *`,
    [id, owner.tenantId, owner.userId, at, by],
  );
  return row ? toToken(row) : null;
}

/**
 * Ends every token of the user issued until `at`: the listed ones get `revoked_at`, and the cutoff
 * also ends derived tokens that have no row. Answers how many listed tokens were still active.
 */
export async function revokeAllApiTokens(
  db: Db,
  owner: { tenantId: string; userId: string },
  by: string,
  at: Date,
): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query(
      `update users set api_tokens_revoked_before = greatest(coalesce(api_tokens_revoked_before, $3), $3)
       where id = $1 and tenant_id = $2`,
      [owner.userId, owner.tenantId, at],
    );
    const rows = await tx.query(
      `update api_tokens set revoked_at = $3, revoked_by = $4
       where tenant_id = $1 and user_id = $2 and revoked_at is null and expires_at > $3 returning id`,
      [owner.tenantId, owner.userId, at, by],
    );
    return rows.length;
  });
}

/** The token's user, with what could have revoked this token: the user's cutoff and the token's own row. */
interface TokenHolder {
  user: UserRow;
  revokedBefore: Date | null;
  /** Null when the token has no row, or its row is not revoked. */
  tokenRevokedAt: Date | null;
}

/** One query per request: the user, their cutoff and the token's row (only if it is theirs). */
export async function findTokenHolder(db: Db, userId: string, tokenId: string): Promise<TokenHolder | null> {
  const [row] = await db.query<Record<string, unknown>>(
    `select u.*, t.revoked_at as token_revoked_at from users u
       left join api_tokens t on t.id = $2 and t.user_id = u.id and t.tenant_id = u.tenant_id
     where u.id = $1`,
    [userId, tokenId],
  );
  if (!row) return null;
  const date = (v: unknown) => (v == null ? null : new Date(v as string));
  return {
    user: toUser(row),
    revokedBefore: date(row.api_tokens_revoked_before),
    tokenRevokedAt: date(row.token_revoked_at),
  };
}
