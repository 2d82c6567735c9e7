import type { SmtpChannel, SmtpSettings } from '@sendwell/core';
import { ApiError } from '../services/errors';
import { findLane, type LaneRow } from '../store/channels';
import type { Db } from '../store/db';
import type { UserRow } from '../store/rows';
import { smtpSettingsOf } from './profiles';

/** A rep's own lanes are theirs; the team lane is the admins'; the hosted server is the operator's. */
function canManage(user: UserRow, lane: LaneRow): boolean {
  if (lane.scope === 'team') return user.role === 'admin';
  return lane.scope === 'personal' && lane.userId === user.id;
}

/** An SMTP channel as the API shows it: settings and state, never the password. */
export function laneView(lane: LaneRow, user: UserRow): SmtpChannel {
  const settings = smtpSettingsOf(lane);
  return {
    id: lane.id,
    kind: lane.channelKind,
    scope: lane.scope,
    label: lane.label,
    host: settings?.host ?? null,
    port: settings?.port ?? null,
    security: settings?.security ?? null,
    username: settings?.username ?? null,
    limits: settings?.limits ?? null,
    allowSelfSigned: settings?.allowSelfSigned ?? false,
    state: lane.state,
    problem: lane.problem,
    manageable: canManage(user, lane),
  };
}

/** What an audit entry keeps of a lane: who it is for and where it points (no secrets are stored). */
export function auditView(lane: { label: string; scope: string; settings: SmtpSettings | null }) {
  return { label: lane.label, scope: lane.scope, ...(lane.settings ?? {}) };
}

const notFound = (id: string) =>
  new ApiError(404, 'channel-not-found', `No SMTP channel ${id} among the channels you can see.`);

/**
 * The lane `id` if `user` may act on it: `manage` (change, delete) or `use` (check, test send).
 * Another rep's lane is not found (a 404 does not say it exists); the team lane needs an admin; the
 * legacy hosted server is run by the operator and only checked, never changed, from here.
 */
export async function laneFor(db: Db, user: UserRow, id: string, action: 'manage' | 'use'): Promise<LaneRow> {
  const lane = await findLane(db, user.tenantId, id);
  return requireAccess(user, lane, id, action);
}

export function requireAccess(
  user: UserRow,
  lane: LaneRow | null,
  id: string,
  action: 'manage' | 'use',
): LaneRow {
  if (!lane || (lane.scope !== 'team' && lane.userId !== user.id)) throw notFound(id);
  if (lane.scope === 'team' && user.role !== 'admin')
    throw new ApiError(403, 'admin-only', "Only a team admin can see or change the team's SMTP channel.");
  if (lane.scope === 'hosted' && action === 'manage')
    throw new ApiError(
      409,
      'legacy-channel-not-editable',
      'The legacy hosted server is run by your Sendwell operator: it cannot be changed or deleted here. Choose another channel instead.',
    );
  return lane;
}
