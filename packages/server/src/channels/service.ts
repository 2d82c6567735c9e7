import { randomUUID } from 'node:crypto';
import {
  type ChannelsAnswer,
  type CreateSmtpChannel,
  channelCatalog,
  LEGACY_LABEL,
  type SmtpChannel,
  type SmtpCheckRequest,
  type SmtpTestSendResult,
  type UpdateSmtpChannel,
  webChannelId,
} from '@sendwell/core';
import { requireAdmin } from '../http/v1/app';
import { ApiError } from '../services/errors';
import {
  findHostedLane,
  findLane,
  insertLane,
  lockTeamChannelSettings,
  saveChosenChannelId,
  saveTeamChannelSettings,
} from '../store/channels';
import type { UserRow } from '../store/rows';
import { laneView } from './access';
import { loadCatalogState } from './catalogInput';
import { checkSmtpChannel, checkSmtpSettings, testSendSmtpChannel } from './probe';
import { audit, createSmtpChannel, deleteSmtpChannel, updateSmtpChannel } from './smtpChannels';
import type { ChannelServiceDeps, SmtpCheckReport } from './types';

export type { ChannelServiceDeps, SmtpProbe } from './types';

/** Delivery channels: the catalog, SMTP channels, the rep's choice, the team default, legacy visibility. */
export interface ChannelService {
  list(user: UserRow): Promise<ChannelsAnswer>;
  createSmtp(user: UserRow, input: CreateSmtpChannel): Promise<SmtpChannel>;
  updateSmtp(user: UserRow, id: string, input: UpdateSmtpChannel): Promise<SmtpChannel>;
  deleteSmtp(user: UserRow, id: string): Promise<void>;
  checkSettings(user: UserRow, input: SmtpCheckRequest): Promise<SmtpCheckReport>;
  checkChannel(user: UserRow, id: string): Promise<{ report: SmtpCheckReport; channel: SmtpChannel }>;
  testSend(user: UserRow, id: string, to?: string): Promise<SmtpTestSendResult>;
  /** A channel id, `legacy-hosted` (creates the rep's hosted lane on first use), or null. */
  choose(user: UserRow, channelId: string | null): Promise<ChannelsAnswer>;
  setTeamDefault(user: UserRow, channelId: string | null): Promise<ChannelsAnswer>;
  setLegacyVisibility(user: UserRow, visible: boolean): Promise<ChannelsAnswer>;
}

export function createChannelService(deps: ChannelServiceDeps): ChannelService {
  const legacyConfigured = deps.legacySmtp != null;

  async function list(user: UserRow): Promise<ChannelsAnswer> {
    const state = await loadCatalogState(deps.db, user, legacyConfigured);
    const catalog = channelCatalog(state.input);
    // A hosted lane the team now hides (or an account no longer legacy) is not shown at all.
    const shown = state.lanes.filter((lane) => catalog.some((e) => e.id === lane.id));
    return {
      catalog,
      webChannelId: webChannelId(state.input),
      teamDefaultId: state.team.defaultChannelId,
      legacyVisible: state.team.legacyVisible,
      legacyHostedConfigured: legacyConfigured,
      smtpChannels: shown.map((lane) => laneView(lane, user)),
    };
  }

  async function choose(user: UserRow, requested: string | null): Promise<ChannelsAnswer> {
    const id = requested === 'legacy-hosted' ? await hostedLaneId(user) : requested;
    if (id !== null) {
      const entry = channelCatalog((await loadCatalogState(deps.db, user, legacyConfigured)).input).find(
        (e) => e.id === id,
      );
      if (!entry)
        throw new ApiError(404, 'channel-not-found', `No channel ${id} among the channels you can pick.`);
      if (!entry.selectable)
        throw new ApiError(
          409,
          'channel-not-selectable',
          `${entry.label} cannot send now: connect it first, or pick another channel.`,
        );
    }
    await deps.db.transaction(async (tx) => {
      const [row] = await tx.query<{ chosen_channel_id: string | null }>(
        'select chosen_channel_id from users where id = $1 for update',
        [user.id],
      );
      const before = row?.chosen_channel_id ?? null;
      await saveChosenChannelId(tx, user.id, id);
      await audit(tx, user, 'channel.chosen', id, { channelId: before }, { channelId: id }, deps.clock.now());
    });
    return list(user);
  }

  /** The rep's hosted lane, created on first use; only for legacy accounts the team lets see it. */
  async function hostedLaneId(user: UserRow): Promise<string> {
    const state = await loadCatalogState(deps.db, user, legacyConfigured);
    if (!user.legacy || !state.input.legacyVisible || !legacyConfigured)
      throw new ApiError(
        404,
        'channel-not-found',
        'The legacy hosted server is not offered to you: connect your mailbox or use an SMTP channel.',
      );
    return deps.db.transaction(async (tx) => {
      // The user's row serialises two first choices made at once: one hosted lane each.
      await tx.query('select id from users where id = $1 for update', [user.id]);
      const existing = await findHostedLane(tx, user.id);
      if (existing) return existing.id;
      const at = deps.clock.now();
      const id = `smtp_${randomUUID()}`;
      const lane = { id, userId: user.id, tenantId: user.tenantId, kind: 'legacy-hosted' as const };
      await insertLane(
        tx,
        { ...lane, scope: 'hosted', label: LEGACY_LABEL, address: user.email, settings: null },
        at,
      );
      await audit(tx, user, 'channel.created', id, null, { label: LEGACY_LABEL, scope: 'hosted' }, at);
      return id;
    });
  }

  async function setTeamDefault(user: UserRow, channelId: string | null): Promise<ChannelsAnswer> {
    requireAdmin(user, "the team's default channel");
    if (channelId !== null) {
      const lane = await findLane(deps.db, user.tenantId, channelId);
      if (lane?.scope !== 'team')
        throw new ApiError(
          404,
          'channel-not-found',
          `No team SMTP channel ${channelId}: only the team's SMTP channel can be the team default.`,
        );
    }
    await changeTeamSettings(user, 'channel.team-default.changed', channelId, (s) => ({
      ...s,
      defaultChannelId: channelId,
    }));
    return list(user);
  }

  async function setLegacyVisibility(user: UserRow, visible: boolean): Promise<ChannelsAnswer> {
    requireAdmin(user, 'whether legacy accounts see the legacy hosted server');
    await changeTeamSettings(user, 'channel.legacy-visibility.changed', null, (s) => ({
      ...s,
      legacyVisible: visible,
    }));
    return list(user);
  }

  async function changeTeamSettings(
    user: UserRow,
    action: string,
    target: string | null,
    change: (s: Awaited<ReturnType<typeof lockTeamChannelSettings>>) => typeof s,
  ): Promise<void> {
    await deps.db.transaction(async (tx) => {
      const at = deps.clock.now();
      const before = await lockTeamChannelSettings(tx, user.tenantId);
      const after = change(before);
      await saveTeamChannelSettings(tx, user.tenantId, after, user.id, at);
      await audit(tx, user, action, target, before, after, at);
    });
  }

  return {
    list,
    createSmtp: (user, input) => createSmtpChannel(deps, user, input),
    updateSmtp: (user, id, input) => updateSmtpChannel(deps, user, id, input),
    deleteSmtp: (user, id) => deleteSmtpChannel(deps, user, id),
    checkSettings: (_user, input) => checkSmtpSettings(deps, input),
    checkChannel: (user, id) => checkSmtpChannel(deps, user, id),
    testSend: (user, id, to) => testSendSmtpChannel(deps, user, id, to),
    choose,
    setTeamDefault,
    setLegacyVisibility,
  };
}
