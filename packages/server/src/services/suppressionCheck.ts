import type { Db } from '../store/db';
import { findLiveSuppressions, type LiveSuppression } from '../store/suppressions';
import { ApiError } from './errors';

/** The rep-facing reason an address is suppressed (why, since when, until when). */
export function suppressionSentence(s: LiveSuppression): string {
  const why: Record<LiveSuppression['reason'], string> = {
    'hard-bounce': 'an earlier email to it bounced (hard)',
    unsubscribe: 'the person unsubscribed',
    complaint: 'the person reported an email as spam',
    'soft-bounces': 'emails to it kept bouncing (soft)',
    manual: 'a team admin suppressed it',
  };
  const until = s.until ? ` until ${s.until.toISOString().slice(0, 10)}` : '';
  return `${s.email} is suppressed for your team${until}: ${why[s.reason]}.`;
}

/**
 * Every send checks suppression: one suppressed recipient refuses the whole draft (422
 * `suppressed`), naming each address and why, so nothing goes out to an address the team stopped.
 */
export async function refuseSuppressed(
  db: Db,
  tenantId: string,
  addresses: readonly string[],
  now: Date,
): Promise<void> {
  const live = await findLiveSuppressions(db, tenantId, addresses, now);
  if (live.length === 0) return;
  const reasons = live.map(suppressionSentence).join(' ');
  throw new ApiError(
    422,
    'suppressed',
    `Not sent: ${reasons} Remove ${live.length === 1 ? 'it' : 'them'} from the email, or ask a team admin to lift the suppression.`,
  );
}
