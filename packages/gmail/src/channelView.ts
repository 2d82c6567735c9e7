import type { ChannelDecision } from '@sendwell/core';
import type { ChannelView } from './deps';

/** core's channel decision for a Gmail send, as the cards show it (override kept as data). */
export function channelViewOf(decision: ChannelDecision): ChannelView {
  if (decision.outcome === 'unavailable')
    return { available: false, reason: decision.reason, explanation: decision.explanation };
  return {
    available: true,
    label: decision.channel.label,
    address: decision.channel.address,
    profileId: decision.channel.profileId,
    forced: decision.forced,
    explanation: decision.explanation,
    override: decision.override,
  };
}
