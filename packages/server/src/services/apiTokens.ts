import type { ApiTokenInfo, ApiTokensRevoked, Clock, CreateApiTokenBody } from '@sendwell/core';
import { apiTokenFor, daysAfter, issueApiToken, newApiTokenId, readApiToken } from '../auth/apiTokens';
import {
  type ApiTokenRow,
  insertApiToken,
  listApiTokens,
  revokeAllApiTokens,
  revokeApiToken,
} from '../store/apiTokens';
import { recordAudit } from '../store/audit';
import type { Db } from '../store/db';
import type { UserRow } from '../store/rows';
import { findMember } from '../store/users';
import { ApiError } from './errors';

/** A user's API tokens: made with a lifetime, listed, revoked one by one or all at once (also by an admin). */
export interface ApiTokenService {
  /** A token with no row (tests, the sandbox CLI): the user's cutoff revokes it. */
  derive(userId: string): string;
  /** `bearer`: the token this request came with; a token made with an API token never outlives it. */
  create(
    user: UserRow,
    body: CreateApiTokenBody,
    bearer: string,
  ): Promise<{ token: string; apiToken: ApiTokenInfo }>;
  list(
    user: UserRow,
    page: { cursor?: string; limit: number },
  ): Promise<{ items: ApiTokenInfo[]; nextCursor: string | null }>;
  revoke(user: UserRow, id: string): Promise<ApiTokenInfo>;
  revokeAll(user: UserRow): Promise<ApiTokensRevoked>;
  listMember(
    admin: UserRow,
    memberId: string,
    page: { cursor?: string; limit: number },
  ): ReturnType<ApiTokenService['list']>;
  revokeMember(admin: UserRow, memberId: string): Promise<ApiTokensRevoked>;
}

interface ApiTokenDeps {
  db: Db;
  clock: Clock;
  secret: Buffer;
  /** The server's lifetime for new tokens (`SENDWELL_API_TOKEN_DAYS`). */
  lifetimeDays: number;
}

function infoOf(row: ApiTokenRow, now: Date): ApiTokenInfo {
  const state = row.revokedAt ? 'revoked' : row.expiresAt > now ? 'active' : 'expired';
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    state,
  };
}

const encodeCursor = (row: ApiTokenRow) =>
  Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString('base64url');

function decodeCursor(cursor: string | undefined): { createdAt: Date; id: string } | null {
  if (!cursor) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof at === 'string' && typeof id === 'string' && !Number.isNaN(Date.parse(at)))
      return { createdAt: new Date(at), id };
  } catch {
    // falls through to the refusal
  }
  throw new ApiError(400, 'invalid-cursor', 'This cursor is not one we gave out: start again without it.');
}

export function createApiTokenService(deps: ApiTokenDeps): ApiTokenService {
  const { db, clock, secret } = deps;
  const owner = (u: UserRow) => ({ tenantId: u.tenantId, userId: u.id });

  async function page(u: UserRow, query: { cursor?: string; limit: number }) {
    const rows = await listApiTokens(db, owner(u), {
      after: decodeCursor(query.cursor),
      limit: query.limit + 1,
    });
    const items = rows.slice(0, query.limit);
    const now = clock.now();
    return {
      items: items.map((r) => infoOf(r, now)),
      nextCursor: rows.length > query.limit ? encodeCursor(items.at(-1)!) : null,
    };
  }

  async function memberOf(admin: UserRow, memberId: string): Promise<UserRow> {
    const member = await findMember(db, admin.tenantId, memberId);
    if (!member) throw new ApiError(404, 'member-not-found', `No member ${memberId} in your team.`);
    return member;
  }

  return {
    derive: (userId) => apiTokenFor(secret, userId, clock.now(), deps.lifetimeDays),
    async create(user, body, bearer) {
      const now = clock.now();
      let expiresAt = daysAfter(now, Math.min(body.expiresInDays ?? deps.lifetimeDays, deps.lifetimeDays));
      const parent = readApiToken(secret, bearer, now);
      if (parent.outcome === 'valid' && parent.claims.expiresAt < expiresAt)
        expiresAt = parent.claims.expiresAt;
      const row = {
        id: newApiTokenId(),
        tenantId: user.tenantId,
        userId: user.id,
        name: body.name,
        createdAt: now,
        expiresAt,
      };
      await insertApiToken(db, row);
      const token = issueApiToken(secret, { id: row.id, userId: user.id, issuedAt: now, expiresAt });
      return { token, apiToken: infoOf({ ...row, revokedAt: null }, now) };
    },
    list: page,
    async revoke(user, id) {
      const row = await revokeApiToken(db, owner(user), id, user.id, clock.now());
      if (!row) throw new ApiError(404, 'token-not-found', `You have no API token ${id}.`);
      return infoOf(row, clock.now());
    },
    async revokeAll(user) {
      const at = clock.now();
      const revoked = await revokeAllApiTokens(db, owner(user), user.id, at);
      return { userId: user.id, revokedBefore: at.toISOString(), revoked };
    },
    async listMember(admin, memberId, query) {
      return page(await memberOf(admin, memberId), query);
    },
    async revokeMember(admin, memberId) {
      const member = await memberOf(admin, memberId);
      const at = clock.now();
      const revoked = await db.transaction(async (tx) => {
        const count = await revokeAllApiTokens(tx, owner(member), admin.id, at);
        await recordAudit(tx, {
          tenantId: admin.tenantId,
          actorId: admin.id,
          action: 'member.api-tokens.revoked',
          target: member.id,
          before: null,
          after: { revokedBefore: at.toISOString(), revoked: count },
          at,
        });
        return count;
      });
      return { userId: member.id, revokedBefore: at.toISOString(), revoked };
    },
  };
}
