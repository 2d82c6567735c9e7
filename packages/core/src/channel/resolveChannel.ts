import type { ChannelKind, Host, ProfileId, ProviderKind } from './types';

/** A delivery channel an identity has configured. */
export interface ChannelConfig {
  id: string;
  kind: ChannelKind;
  /** Mailbox address the channel sends as. */
  address: string;
  profileId: ProfileId;
  label: string;
}

/** What the resolver knows about the person sending. */
export interface SenderIdentity {
  /** The identity's (or team's) default channel: used only for web/campaign sends. */
  defaultChannel: ChannelConfig | null;
  /** The native mailboxes the identity has connected, by provider. */
  nativeMailboxes: Partial<Record<ProviderKind, ChannelConfig>>;
}

/**
 * A native send that bypasses the rep's default channel says which one, as data: front ends show the
 * override note when this is non-null and never by comparing sentences.
 */
export interface ChannelOverride {
  defaultChannel: { kind: ChannelKind; label: string };
}

export type ChannelDecision =
  | {
      outcome: 'resolved';
      channel: ChannelConfig;
      forced: boolean;
      explanation: string;
      /** Non-null only when a forced native send does not use the identity's default channel. */
      override: ChannelOverride | null;
    }
  | { outcome: 'unavailable'; reason: 'no-native-mailbox' | 'no-default-channel'; explanation: string };

/** Outlook's native mailbox is Exchange Online, or Exchange Server for an on-premises rep. */
const HOST_PROVIDERS: Record<Exclude<Host, 'web'>, readonly ProviderKind[]> = {
  outlook: ['exchange', 'exchange-server'],
  gmail: ['gmail'],
};
const PROVIDER_NAME: Record<ProviderKind, string> = {
  exchange: 'Exchange Online',
  gmail: 'Gmail',
  'exchange-server': 'Exchange Server',
};

/**
 * Forced native channel: a send that starts in Outlook goes through the rep's Exchange mailbox and one
 * from Gmail through their Gmail, whatever their default channel is. Native sending keeps
 * deliverability high. A web send uses the identity's own default channel.
 */
export function resolveChannel(host: Host, identity: SenderIdentity): ChannelDecision {
  if (host === 'web') {
    const channel = identity.defaultChannel;
    if (!channel) {
      return {
        outcome: 'unavailable',
        reason: 'no-default-channel',
        explanation: 'No default delivery channel is configured.',
      };
    }
    return {
      outcome: 'resolved',
      channel,
      forced: false,
      explanation: `Web sends use your default channel (${channel.label}).`,
      override: null,
    };
  }
  const candidates = HOST_PROVIDERS[host];
  const provider = candidates.find((p) => identity.nativeMailboxes[p]) ?? candidates[0]!;
  const native = identity.nativeMailboxes[provider];
  if (!native) {
    return {
      outcome: 'unavailable',
      reason: 'no-native-mailbox',
      explanation: `Sends from ${host === 'outlook' ? 'Outlook' : 'Gmail'} must go through your ${PROVIDER_NAME[provider]} mailbox, and none is connected.`,
    };
  }
  const hostName = host === 'outlook' ? 'Outlook' : 'Gmail';
  const fallback = identity.defaultChannel;
  const override: ChannelOverride | null =
    fallback && fallback.kind !== provider
      ? { defaultChannel: { kind: fallback.kind, label: fallback.label } }
      : null;
  const explanation = override
    ? `Sends from ${hostName} always go through your own ${PROVIDER_NAME[provider]} mailbox, not your default channel (${override.defaultChannel.label}).`
    : `Sends from ${hostName} always go through your own ${PROVIDER_NAME[provider]} mailbox.`;
  return { outcome: 'resolved', channel: native, forced: true, explanation, override };
}
