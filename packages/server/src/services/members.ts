import type { Clock, Member, MemberPage, UpdateMemberAnswer, UpdateMemberBody } from '@sendwell/core';
import { recordAudit } from '../store/audit';
import type { Db } from '../store/db';
import type { UserRow } from '../store/rows';
import {
  findMember,
  listMembers,
  lockMember,
  lockTenantAdmins,
  type MemberRow,
  setMemberAccess,
} from '../store/users';
import { ApiError } from './errors';

/** Team members as admins see and change them: role and legacy flag, never leaving a team without an admin. */

const memberOf = (row: MemberRow): Member => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
  legacy: row.legacy,
  mailboxes: row.mailboxes.map((m) => ({
    id: m.id,
    provider: m.provider as Member['mailboxes'][number]['provider'],
    address: m.address,
    state: m.state as Member['mailboxes'][number]['state'],
  })),
});

const encodeCursor = (row: MemberRow) =>
  Buffer.from(JSON.stringify([row.email.toLowerCase(), row.id])).toString('base64url');

function decodeCursor(cursor: string | undefined): { email: string; id: string } | null {
  if (!cursor) return null;
  try {
    const [email, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof email === 'string' && typeof id === 'string') return { email, id };
  } catch {
    // falls through to the refusal
  }
  throw new ApiError(400, 'invalid-cursor', 'This cursor is not one we gave out: start again without it.');
}

/** The admin's own team, by email. */
export async function memberPage(
  db: Db,
  admin: UserRow,
  page: { cursor?: string; limit: number },
): Promise<MemberPage> {
  const rows = await listMembers(db, admin.tenantId, {
    after: decodeCursor(page.cursor),
    limit: page.limit + 1,
  });
  const items = rows.slice(0, page.limit);
  return {
    items: items.map(memberOf),
    nextCursor: rows.length > page.limit ? encodeCursor(items.at(-1)!) : null,
  };
}

/**
 * Changes a member's role and/or legacy flag, in one transaction with its audit entries (one per
 * field that actually changed). A member of another team is not found; the last admin of a team
 * cannot be made a rep (not even by themselves), so someone can always manage the team.
 */
export async function updateMember(
  deps: { db: Db; clock: Clock },
  admin: UserRow,
  id: string,
  body: UpdateMemberBody,
): Promise<UpdateMemberAnswer> {
  const at = deps.clock.now();
  const changed = await deps.db.transaction(async (tx) => {
    const admins = await lockTenantAdmins(tx, admin.tenantId);
    // Checked again under the lock: an admin demoted a moment ago no longer changes anyone.
    if (!admins.includes(admin.id))
      throw new ApiError(
        403,
        'admin-only',
        "Only a team admin can see or change the team's members and roles.",
      );
    const member = await lockMember(tx, admin.tenantId, id);
    if (!member) throw new ApiError(404, 'member-not-found', `No member ${id} in your team.`);
    const role = body.role ?? member.role;
    const legacy = body.legacy ?? member.legacy;
    if (member.role === 'admin' && role === 'rep' && admins.filter((a) => a !== id).length === 0)
      throw new ApiError(
        409,
        'last-admin',
        `${member.name} is the team's only admin: make someone else an admin first, so the team keeps one.`,
      );
    const fields: ('role' | 'legacy')[] = [];
    if (role !== member.role) fields.push('role');
    if (legacy !== member.legacy) fields.push('legacy');
    if (!fields.length) return fields;
    await setMemberAccess(tx, id, { role, legacy });
    for (const field of fields)
      await recordAudit(tx, {
        tenantId: admin.tenantId,
        actorId: admin.id,
        action: field === 'role' ? 'member.role.changed' : 'member.legacy.changed',
        target: id,
        before: { [field]: member[field] },
        after: { [field]: field === 'role' ? role : legacy },
        at,
      });
    return fields;
  });
  return {
    member: memberOf((await findMember(deps.db, admin.tenantId, id))!),
    changed,
    at: at.toISOString(),
  };
}
