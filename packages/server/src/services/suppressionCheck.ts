import type { Db } from '../store/db';
import { findLiveSuppressions, type LiveSuppression } from '../store/suppressions';
import { ApiError } from './errors';

const WHY: Record<LiveSuppression['reason'], string> = {
  'hard-bounce': 'an earlier email to it bounced (hard)',
  unsubscribe: 'the person unsubscribed',
  complaint: 'the person reported an email as spam',
  'soft-bounces': 'emails to it kept bouncing (soft)',
  manual: 'someone on your team suppressed it',
};

/** The rep-facing reason an address is suppressed (why, until when). */
export function suppressionSentence(s: LiveSuppression): string {
  const until = s.until ? ` until ${day(s.until)}` : '';
  return `${s.email} is suppressed for your team${until}: ${WHY[s.reason]}.`;
}

/** The API's `message` for any suppression row: in force, lifted, or run out. */
export function suppressionMessage(s: LiveSuppression & { liftedAt: Date | null }, now: Date): string {
  if (s.liftedAt)
    return `${s.email} was suppressed (${WHY[s.reason]}); a team admin lifted it on ${day(s.liftedAt)}.`;
  if (s.until && s.until <= now)
    return `${s.email} was suppressed until ${day(s.until)} (${WHY[s.reason]}); that has run out.`;
  return suppressionSentence(s);
}

const day = (d: Date) => d.toISOString().slice(0, 10);

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
