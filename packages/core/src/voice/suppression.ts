import { SUPPRESSION_REASONS, type SuppressionReason } from '../api/v1/suppression';
import { reasonWords } from './reasons';
import type { Speaker } from './speaker';
import type { Instant } from './types';

/** A suppression as the pages and panes have it (a `Suppression`, or `PersonStatus.suppression` plus the address). */
export interface SuppressionFacts {
  email: string;
  reason: SuppressionReason | string;
  since: Instant;
  until: Instant | null;
  /** The evidence: `reason` (the bounce engine's), `softBounces` + `withinDays`, `note`. */
  detail?: Record<string, unknown> | null;
  /** The server's English sentence, shown only for a reason this voice does not know yet. */
  message?: string;
  liftedAt?: Instant | null;
}

const isReason = (reason: string): reason is SuppressionReason =>
  (SUPPRESSION_REASONS as readonly string[]).includes(reason);

/** "hard bounce", "unsubscribed", … (a column or a badge). */
export function suppressionReasonWords(s: Speaker, reason: SuppressionReason | string): string {
  return isReason(reason) ? s.t(`suppression.reason.${reason}`) : reason;
}

/**
 * Why an address is suppressed, in sentences the rep can act on: "ada@x.test is suppressed for your
 * team since Tue 9:00 AM: an email to it bounced hard. The notice said: address does not exist."
 */
export function whySuppressedWords(s: Speaker, f: SuppressionFacts): string {
  const d = f.detail ?? {};
  const lifted = f.liftedAt ? s.t('suppression.lifted', { time: s.time(f.liftedAt) }) : null;
  if (!isReason(f.reason)) return s.sentences(f.message ?? f.reason, lifted);
  const params = { email: f.email, since: s.time(f.since), until: f.until ? s.time(f.until) : '' };
  const why = s.t(`suppression.why.${f.reason}`, params);
  const notice =
    f.reason === 'hard-bounce' && typeof d.reason === 'string'
      ? s.t('suppression.notice', { reason: reasonWords(s, d.reason) })
      : null;
  const days = typeof d.withinDays === 'number' ? d.withinDays : d.days;
  const soft =
    typeof d.softBounces === 'number' && typeof days === 'number'
      ? s.t('suppression.softCount', { count: s.number(d.softBounces), days: s.number(days) })
      : null;
  const note = typeof d.note === 'string' && d.note ? s.t('suppression.note', { note: d.note }) : null;
  return s.sentences(why, notice, soft, note, lifted);
}

/** A send refused because of suppressed addresses (the 422 `suppressed`), each address named. */
export function suppressedRefusalWords(s: Speaker, addresses: readonly string[]): string {
  return s.count('suppression.refused', addresses.length, { addresses: addresses.join(s.t('list.comma')) });
}
