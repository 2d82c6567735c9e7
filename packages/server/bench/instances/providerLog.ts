import { getProfile, type ProfileId } from '@sendwell/core';
import type { CallSummary } from '@sendwell/sandbox';

/** One window of one mailbox as the provider saw it: the most accepted sends in any stretch of it. */
export interface WindowFigure {
  address: string;
  window: string;
  windowMs: number;
  /** The provider's published limit (core's profile): above it is an overspend. */
  ceiling: number;
  /** Where Sendwell aims to stop (core's profile). */
  target: number;
  most: number;
}

/** The times of the sends the provider accepted (its own log), oldest first. */
function acceptedSends(summary: CallSummary): number[] {
  return summary.calls
    .filter((c) => c.kind === 'send' && c.status >= 200 && c.status < 300)
    .map((c) => Date.parse(c.at))
    .sort((a, b) => a - b);
}

/** The most times in any window of `windowMs` ending at a time in the list (two pointers, O(n)). */
function mostInAnyWindow(times: number[], windowMs: number): number {
  let most = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    // The window (t - windowMs, t]: what the provider counts when the send at t arrives.
    while (times[start]! <= times[end]! - windowMs) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

/**
 * Every window of the mailbox's profile against the provider's log. Each bench send has one
 * recipient, outside the sender's domain, so messages, recipients and external recipients all
 * count one per accepted send.
 */
export function windowFigures(address: string, profileId: ProfileId, summary: CallSummary): WindowFigure[] {
  const times = acceptedSends(summary);
  return getProfile(profileId).windows.map((w) => ({
    address,
    window: w.id,
    windowMs: w.windowMs,
    ceiling: w.ceiling,
    target: w.target,
    most: mostInAnyWindow(times, w.windowMs),
  }));
}

/** 429s and other refusals the provider answered to sends (it pushed back: we went too fast). */
export function refusedSends(summary: CallSummary): number {
  return summary.calls.filter((c) => c.kind === 'send' && c.status >= 400).length;
}
