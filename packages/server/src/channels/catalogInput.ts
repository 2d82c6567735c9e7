import type { CatalogInput, ChannelConfig, ProviderKind } from '@sendwell/core';
import { webChannelId } from '@sendwell/core';
import {
  findChosenChannelId,
  findTeamChannelSettings,
  type LaneRow,
  listVisibleLanes,
  type TeamChannelSettings,
} from '../store/channels';
import { listConnections } from '../store/connections';
import type { Db } from '../store/db';
import type { MailboxRow, UserRow } from '../store/rows';

const NATIVE_LABEL: Record<ProviderKind, string> = {
  exchange: 'Exchange Online — your mailbox',
  gmail: 'Gmail — your mailbox',
  'exchange-server': 'Exchange Server — your mailbox',
};

export const nativeLabel = (provider: ProviderKind): string => NATIVE_LABEL[provider];

/** Everything the catalog decides from, read once: the rep's mailboxes and lanes, choice, team settings. */
export interface CatalogState {
  input: CatalogInput;
  native: MailboxRow[];
  lanes: LaneRow[];
  team: TeamChannelSettings;
}

/**
 * A native mailbox counts as connected while it waits for a reconnect too: web sends keep going to
 * it (held until the rep reconnects, and told so) instead of silently moving to another channel.
 */
const SENDS_OR_HOLDS = new Set(['connected', 'needs-reconnect']);

export async function loadCatalogState(
  db: Db,
  user: UserRow,
  legacyHostedConfigured: boolean,
): Promise<CatalogState> {
  const connections = await listConnections(db, user.id);
  const lanes = await listVisibleLanes(db, user);
  const team = await findTeamChannelSettings(db, user.tenantId);
  const input: CatalogInput = {
    legacyAccount: user.legacy,
    legacyVisible: team.legacyVisible,
    legacyHostedConfigured,
    native: connections.map(({ mailbox, state }) => ({
      id: mailbox.id,
      provider: mailbox.provider as ProviderKind,
      label: nativeLabel(mailbox.provider as ProviderKind),
      connected: SENDS_OR_HOLDS.has(state),
    })),
    smtp: lanes.map((lane) => ({
      id: lane.id,
      kind: lane.channelKind,
      scope: lane.scope,
      label: lane.label,
    })),
    chosenId: await findChosenChannelId(db, user.id),
    teamDefaultId: team.defaultChannelId,
  };
  return { input, native: connections.map((c) => c.mailbox), lanes, team };
}

/** A lane as the channel resolver sees it: the email goes out From the rep, whoever set the lane up. */
function laneChannel(lane: LaneRow, user: UserRow): ChannelConfig {
  return {
    id: lane.id,
    kind: lane.channelKind,
    address: user.email,
    profileId: 'custom-smtp',
    label: lane.label,
  };
}

export function nativeChannel(mailbox: MailboxRow & { provider: ProviderKind }): ChannelConfig {
  return {
    id: mailbox.id,
    kind: mailbox.provider,
    address: mailbox.address,
    profileId: mailbox.profileId,
    label: nativeLabel(mailbox.provider),
  };
}

/**
 * The channel web and campaign sends use: the rep's choice, else the team default, else the email
 * connection (core's `webChannelId`). Whether a legacy server is configured does not matter here: a
 * legacy lane exists once chosen.
 */
export async function webChannelFor(db: Db, user: UserRow): Promise<ChannelConfig | null> {
  const state = await loadCatalogState(db, user, false);
  const id = webChannelId(state.input);
  const lane = state.lanes.find((l) => l.id === id);
  if (lane) return laneChannel(lane, user);
  const mailbox = state.native.find((m) => m.id === id);
  return mailbox && mailbox.provider !== 'smtp'
    ? nativeChannel({ ...mailbox, provider: mailbox.provider })
    : null;
}
