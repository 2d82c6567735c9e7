import type { BounceReport } from './types';

/**
 * Parse one raw RFC 5322 message into a bounce report. Never throws on hostile input.
 * (Placeholder until the engine lands: says "not-bounce" for everything.)
 */
export async function parseBounce(_raw: Uint8Array | string): Promise<BounceReport> {
  return { kind: 'not-bounce', recipients: [], originalMessageId: null, decoder: null };
}
