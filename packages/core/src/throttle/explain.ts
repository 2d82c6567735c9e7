import type { Slot } from './ledger';
import type { ThrottleProfile } from './types';

export interface ExplainContext {
  profile: ThrottleProfile;
  now: number;
  slot: Slot;
  /** Sentence about the admin's batch setting, when one applies. */
  batchText?: string;
}

/**
 * One sentence a rep can read: which rule decided when the message goes. It carries no clock time:
 * the front ends print `sendAt` themselves through core's voice, in the rep's language, zone and clock
 * convention, so one line never mixes "02:57 PM" with "14:57".
 */
export function explainSlot(ctx: ExplainContext): string {
  const { profile, slot } = ctx;
  if (slot.at <= ctx.now) return `Sends now: within ${profile.name}'s limits.`;
  const when = 'Waits for a free slot';
  switch (slot.limitedBy) {
    case 'window': {
      const limit = slot.window;
      if (!limit) return `${when}.`;
      const aim = limit.target < limit.ceiling ? ` (we aim for ${limit.target.toLocaleString('en-US')})` : '';
      return `${when}: ${profile.name} allows ${limit.label}${aim}.`;
    }
    case 'batch':
      return `${when}: ${ctx.batchText ?? 'your team sends in batches.'}`;
    case 'pause':
      return `${when}: ${profile.name} asked us to pause sending from this mailbox.`;
    case 'queue':
      return `${when}: after the messages already queued for this mailbox.`;
    case 'pace':
      return `${when}: sends from one mailbox are spaced ${Math.round(profile.minIntervalMs / 1000)} seconds apart.`;
    default:
      return `${when}.`;
  }
}
