import type { Campaign, CampaignStep, Enrolment, LeftReason, SendWindow, Voice } from '@sendwell/core';

/**
 * TEMPORARY: the campaign words these pages need until H1's core voice has them (issue 9:
 * `voice.enrolmentStatus` and friends). Each function keeps the exact English the issue fixes
 * ("left: bounced", "active · step 2 of 3 · next <time>"), so switching to core's voice changes no
 * test. The lead reconciles: every caller goes through this file, nothing else words campaigns.
 */

export const CAMPAIGN_STATUS_WORDS: Record<Campaign['status'], string> = {
  draft: 'Draft',
  active: 'Active',
  paused: 'Paused',
  archived: 'Archived',
};

export const LEFT_REASON_WORDS: Record<LeftReason, string> = {
  bounced: 'Bounced',
  replied: 'Replied',
  unsubscribed: 'Unsubscribed',
  complained: 'Complained',
  suppressed: 'Suppressed',
  removed: 'Removed',
};

/** "left: bounced", "finished", "active · step 2 of 3 · next Tue 9:00" (no "of 3" without the count). */
export function enrolmentStatus(voice: Voice, enrolment: Enrolment, stepCount?: number): string {
  if (enrolment.status === 'left') return `left: ${enrolment.leftReason ?? 'removed'}`;
  if (enrolment.status === 'finished') return 'finished';
  const of = stepCount === undefined ? '' : ` of ${stepCount}`;
  const step = enrolment.nextStep === null ? null : `step ${enrolment.nextStep + 1}${of}`;
  const next = enrolment.nextAt ? `next ${voice.time(enrolment.nextAt)}` : null;
  return voice.join('active', step, next);
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** "2 business days after the previous step", "Right after enrolment". */
export function delayWords(delay: CampaignStep['delay'], first: boolean): string {
  const after = first ? 'after enrolment' : 'after the previous step';
  if (delay.amount === 0) return first ? 'Right after enrolment' : 'Right after the previous step';
  const unit = delay.unit === 'days' && delay.businessDays ? 'business day' : delay.unit.slice(0, -1);
  return `${plural(delay.amount, unit)} ${after}`;
}

const DAY_WORDS = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };

/** "Mon, Tue, Wed, Thu, Fri 9:00–17:00, the rep's time zone" or "Any time". */
export function windowWords(window: SendWindow | null): string {
  if (!window) return 'Any time';
  const days = window.days.map((d) => DAY_WORDS[d]).join(', ');
  const zone = window.zone === 'person' ? "the person's time zone when known" : "the rep's time zone";
  return `${days} ${window.startHour}:00–${window.endHour}:00, ${zone}`;
}

/** The banner of a paused campaign: the circuit breaker's evidence, or who paused it. */
export function pauseBanner(pause: NonNullable<Campaign['pause']>): string {
  if (pause.by !== 'circuit-breaker') return pause.message;
  const evidence =
    pause.bounced !== undefined && pause.window !== undefined
      ? ` ${pause.bounced} of the last ${pause.window} emails bounced${
          pause.threshold !== undefined ? ` (the limit is ${Math.round(pause.threshold * 100)}%)` : ''
        }.`
      : '';
  return `Paused by the circuit breaker: too many emails bounced.${evidence} Only a team admin can resume it.`;
}
