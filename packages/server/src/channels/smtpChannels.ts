import { randomUUID } from 'node:crypto';
import {
  type CreateSmtpChannel,
  checkSmtpHost,
  checkSmtpSecurity,
  type SmtpChannel,
  type SmtpSettings,
  type UpdateSmtpChannel,
} from '@sendwell/core';
import { ApiError } from '../services/errors';
import { recordAudit } from '../store/audit';
import { deleteLane, findLane, findTeamLane, insertLane, lockLane, updateLane } from '../store/channels';
import { countQueuedSends, setConnectionState } from '../store/connections';
import { saveCredential } from '../store/credentials';
import type { Db } from '../store/db';
import type { UserRow } from '../store/rows';
import { auditView, laneView, requireAccess } from './access';
import { smtpSettingsOf } from './profiles';
import type { ChannelServiceDeps } from './types';

/**
 * Where a channel may point: not Marketo's marketing servers, not Gmail's or Microsoft 365's SMTP
 * (the email connection does that better), and in plain text only to this machine. Core's words.
 */
export function refuseUnusableServer(settings: Pick<SmtpSettings, 'host' | 'security'>): void {
  const refusal = checkSmtpHost(settings.host) ?? checkSmtpSecurity(settings.host, settings.security);
  if (refusal) throw new ApiError(422, refusal.code, refusal.message);
}

const settingsOf = (
  input: Omit<UpdateSmtpChannel, 'limits'> & { limits?: SmtpSettings['limits'] | null },
) => ({
  host: input.host!.trim().toLowerCase(),
  port: input.port!,
  security: input.security!,
  username: input.username!,
  ...(input.limits ? { limits: input.limits } : {}),
  ...(input.allowSelfSigned ? { allowSelfSigned: true } : {}),
});

const TEAM_EXISTS = new ApiError(
  409,
  'team-channel-exists',
  'Your team already has an SMTP channel: change that one, or delete it before adding another.',
);

/** Postgres' unique violation: a concurrent admin created the team lane first. */
const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === '23505';

export async function createSmtpChannel(
  deps: ChannelServiceDeps,
  user: UserRow,
  input: CreateSmtpChannel,
): Promise<SmtpChannel> {
  if (input.scope === 'team' && user.role !== 'admin')
    throw new ApiError(403, 'admin-only', "Only a team admin can see or change the team's SMTP channel.");
  const settings = settingsOf(input);
  refuseUnusableServer(settings);
  const id = `smtp_${randomUUID()}`;
  const at = deps.clock.now();
  try {
    await deps.db.transaction(async (tx) => {
      if (input.scope === 'team' && (await findTeamLane(tx, user.tenantId))) throw TEAM_EXISTS;
      const lane = { id, userId: user.id, tenantId: user.tenantId, kind: 'custom-smtp' as const };
      await insertLane(
        tx,
        { ...lane, scope: input.scope, label: input.label, address: user.email, settings },
        at,
      );
      await saveCredential(tx, deps.vault, { mailboxId: id, kind: 'password', secret: input.password });
      await audit(
        tx,
        user,
        'channel.created',
        id,
        null,
        auditView({ label: input.label, scope: input.scope, settings }),
        at,
      );
    });
  } catch (error) {
    throw isUniqueViolation(error) ? TEAM_EXISTS : error;
  }
  const lane = await laneAfterChange(deps.db, user, id);
  return laneView(lane, user);
}

export async function updateSmtpChannel(
  deps: ChannelServiceDeps,
  user: UserRow,
  id: string,
  input: UpdateSmtpChannel,
): Promise<SmtpChannel> {
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const lane = requireAccess(user, await lockLane(tx, user.tenantId, id), id, 'manage');
    const before = smtpSettingsOf(lane)!;
    const { password, label, ...changes } = input;
    const settings = settingsOf({ ...before, ...changes });
    refuseUnusableServer(settings);
    await updateLane(tx, id, { label: label ?? lane.label, settings });
    // A new password may be the fix a lane waits for: its held sends go again (and are held again,
    // by the sender, if it is still refused).
    if (password !== undefined) {
      await saveCredential(tx, deps.vault, { mailboxId: id, kind: 'password', secret: password });
      await setConnectionState(tx, id, 'connected', null, at);
    }
    const after = auditView({ label: label ?? lane.label, scope: lane.scope, settings });
    const replaced = password !== undefined ? { credentialReplaced: true } : {};
    await audit(
      tx,
      user,
      'channel.updated',
      id,
      auditView({ ...lane, settings: before }),
      { ...after, ...replaced },
      at,
    );
  });
  deps.forgetLane(id);
  if (input.password !== undefined) deps.wakeSender();
  return laneView(await laneAfterChange(deps.db, user, id), user);
}

/** Refused while sends wait on the lane: they would wait for a server nobody can reach any more. */
export async function deleteSmtpChannel(deps: ChannelServiceDeps, user: UserRow, id: string): Promise<void> {
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const lane = requireAccess(user, await lockLane(tx, user.tenantId, id), id, 'manage');
    const queued = await countQueuedSends(tx, id);
    if (queued > 0)
      throw new ApiError(
        409,
        'channel-has-queued-sends',
        `${queued} send${queued === 1 ? '' : 's'} still wait${queued === 1 ? 's' : ''} to go through ${lane.label}: cancel ${queued === 1 ? 'it' : 'them'} or let ${queued === 1 ? 'it' : 'them'} go out first, then delete the channel.`,
      );
    await deleteLane(tx, id, at);
    await audit(
      tx,
      user,
      'channel.deleted',
      id,
      auditView({ ...lane, settings: smtpSettingsOf(lane) }),
      null,
      at,
    );
  });
  deps.forgetLane(id);
}

async function laneAfterChange(db: Db, user: UserRow, id: string) {
  const lane = await findLane(db, user.tenantId, id);
  if (!lane) throw new ApiError(404, 'channel-not-found', `SMTP channel ${id} is gone.`);
  return lane;
}

export function audit(
  tx: Db,
  user: UserRow,
  action: string,
  target: string | null,
  before: unknown,
  after: unknown,
  at: Date,
): Promise<void> {
  return recordAudit(tx, { tenantId: user.tenantId, actorId: user.id, action, target, before, after, at });
}
