import type {
  CampaignForecast,
  CampaignStatus,
  EngagementCounts,
  EnrolAnswer,
  Enrolment,
  EnrolRowError,
  LeftReason,
  SendWindow,
  StepCounts,
  StepDelay,
} from '../api/v1/campaigns';
import { LEFT_REASONS, WEEKDAYS } from '../api/v1/campaigns';
import { translate } from './catalog';
import type { MessageKey } from './messages/en';
import type { Speaker } from './speaker';
import type { Instant, Line, Tone } from './types';

/** What `enrolmentStatus` reads: an Enrolment from the API, plus the campaign's step count when known. */
export type EnrolmentStatusInput = Pick<Enrolment, 'status' | 'leftReason' | 'nextStep' | 'nextAt'> & {
  /** The campaign's number of steps, for "step 2 of 3"; without it the status says "step 2". */
  totalSteps?: number | null;
};

/**
 * "active · step 2 of 3 · next Tue 9:00 AM", "finished", or "left: bounced" (the exact words
 * for a person a hard bounce took out; likewise replied, unsubscribed, complained, suppressed, removed).
 */
export function enrolmentStatusWords(s: Speaker, e: EnrolmentStatusInput): string {
  if (e.status === 'finished') return s.t('enrolment.finished');
  if (e.status === 'left') return s.t(`enrolment.left.${e.leftReason ?? 'removed'}`);
  const step =
    e.nextStep === null
      ? null
      : e.totalSteps
        ? s.t('enrolment.step', { n: e.nextStep + 1, total: e.totalSteps })
        : s.t('enrolment.stepOnly', { n: e.nextStep + 1 });
  // No due time while a step's email is queued: it is on its way (the throttle decides the minute).
  const next = e.nextAt ? s.t('enrolment.next', { time: s.time(e.nextAt) }) : s.t('enrolment.onItsWay');
  return s.join(s.t('enrolment.active'), step, e.nextStep === null ? null : next);
}

export const LEFT_TONE: Record<LeftReason, Tone> = {
  bounced: 'error',
  complained: 'error',
  suppressed: 'error',
  unsubscribed: 'warning',
  replied: 'success',
  removed: 'info',
};

/** The status with the tone a badge shows it in. */
export function enrolmentLine(s: Speaker, e: EnrolmentStatusInput): Line {
  const tone: Tone =
    e.status === 'left' ? LEFT_TONE[e.leftReason ?? 'removed'] : e.status === 'finished' ? 'success' : 'info';
  return { tone, text: enrolmentStatusWords(s, e) };
}

const ENDED_KEYS = [...LEFT_REASONS, 'finished'].map((r) => `campaign.ended.${r}` as MessageKey);

/**
 * A reason the server wrote in English (a cancelled campaign step: "Campaign ended: the email before
 * bounced.") in the reader's language when it is one of the voice's own sentences; else as written.
 */
export function serverReasonWords(s: Speaker, reason: string): string {
  const key = ENDED_KEYS.find((k) => translate('en', k) === reason);
  return key ? s.t(key) : reason;
}

/** The campaign's status line: "Active", or who paused it and when. */
export function campaignStatusWords(
  s: Speaker,
  c: {
    status: CampaignStatus;
    pause: { by: 'owner' | 'admin' | 'circuit-breaker' | 'mailbox'; at: Instant } | null;
  },
): Line {
  if (c.status === 'paused' && c.pause)
    return {
      tone: c.pause.by === 'circuit-breaker' || c.pause.by === 'mailbox' ? 'error' : 'warning',
      text: s.t(`campaign.pausedBy.${c.pause.by}`, { time: s.time(c.pause.at) }),
    };
  const tone: Tone = c.status === 'active' ? 'success' : c.status === 'paused' ? 'warning' : 'info';
  return { tone, text: s.t(`campaign.status.${c.status}`) };
}

/** The circuit breaker's pause, as the evidence it carries. */
export interface BreakerPause {
  by: 'owner' | 'admin' | 'circuit-breaker' | 'mailbox';
  at: Instant;
  bounced?: number;
  window?: number;
  threshold?: number;
}

/** The banner of a campaign the circuit breaker paused (null for any other pause): why, and who may resume. */
export function breakerBannerWords(
  s: Speaker,
  pause: BreakerPause | null,
  reader: { isAdmin: boolean },
): { tone: Tone; title: string; detail: string } | null {
  if (pause?.by !== 'circuit-breaker') return null;
  const evidence =
    pause.bounced !== undefined && pause.window && pause.threshold !== undefined
      ? s.t('campaign.breaker.evidence', {
          bounced: s.number(pause.bounced),
          window: s.number(pause.window),
          rate: s.percent(pause.bounced / pause.window),
          threshold: s.percent(pause.threshold),
        })
      : null;
  const hint = s.t(reader.isAdmin ? 'campaign.breaker.adminHint' : 'campaign.breaker.repHint');
  return {
    tone: 'error',
    title: s.t('campaign.pausedBy.circuit-breaker', { time: s.time(pause.at) }),
    detail: s.sentences(evidence, hint),
  };
}

/** "2 business days after the previous step"; the first step counts from enrolment. */
export function stepDelayWords(s: Speaker, delay: StepDelay, index: number): string {
  const first = index === 0;
  if (delay.amount === 0) return s.t(first ? 'step.rightAfterEnrolment' : 'step.rightAfterPrevious');
  const unit = delay.unit === 'hours' ? 'step.hours' : delay.businessDays ? 'step.businessDays' : 'step.days';
  return s.t(first ? 'step.afterEnrolment' : 'step.afterPrevious', { delay: s.count(unit, delay.amount) });
}

/** "Mon–Fri, 9:00 AM–5:00 PM, Europe/Paris time", or "Any time" without a window. */
export function stepWindowWords(s: Speaker, sendWindow: SendWindow | null, campaignZone: string): string {
  if (!sendWindow) return s.t('step.window.anyTime');
  const zone =
    sendWindow.zone === 'person'
      ? s.t('step.window.zone.person', { zone: campaignZone })
      : s.t('step.window.zone.rep', { zone: campaignZone });
  return s.t('step.window', {
    days: dayList(s, sendWindow.days),
    start: hourWords(s, sendWindow.startHour),
    end: hourWords(s, sendWindow.endHour),
    zone,
  });
}

// 2024-01-01 was a Monday: day i of WEEKDAYS is that date + i, named by Intl in the rep's language.
const dayName = (s: Speaker, i: number) =>
  new Intl.DateTimeFormat(s.locale, { weekday: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, 1 + i)),
  );

/** Three or more days in a row read as a range ("Mon–Fri"); anything else is listed. */
function dayList(s: Speaker, days: readonly (typeof WEEKDAYS)[number][]): string {
  const indexes = [...new Set(days.map((d) => WEEKDAYS.indexOf(d)))].sort((a, b) => a - b);
  const contiguous = indexes.every((d, i) => i === 0 || d === indexes[i - 1]! + 1);
  if (contiguous && indexes.length >= 3)
    return s.t('step.window.range', {
      first: dayName(s, indexes[0]!),
      last: dayName(s, indexes.at(-1)!),
    });
  return indexes.map((i) => dayName(s, i)).join(s.t('list.comma'));
}

/** An hour of the day in the locale's clock convention (the same as every other time the voice prints). */
function hourWords(s: Speaker, hour: number): string {
  const hourCycle = s.locale === 'en' ? 'h12' : 'h23';
  return new Intl.DateTimeFormat(s.locale, {
    hour: 'numeric',
    minute: '2-digit',
    hourCycle,
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(2024, 0, 1, hour % 24)));
}

/** Schedule send's confirmation: "Goes out Tue 9:00 AM" (or "Goes out now" for a time already past). */
export function goesOutWords(s: Speaker, at: Instant | null): string {
  if (!at || new Date(at) <= s.clock.now()) return s.t('send.goesOutNow');
  return s.t('send.goesOut', { time: s.time(at) });
}

/** An enrolment row the server or the CSV reader refused: "Row 3: “bob@” is not a valid email address". */
export function enrolRowErrorWords(s: Speaker, e: EnrolRowError): string {
  const email = e.email ?? '';
  const problem =
    e.code !== 'invalid'
      ? s.t(`enrol.error.${e.code}`, { email })
      : e.field === 'timeZone'
        ? s.t('enrol.error.timeZone')
        : email
          ? s.t('enrol.error.invalid', { email })
          : s.t('enrol.error.noEmail');
  // `row` is 0-based (the position in `people`); people count from 1.
  return s.t('enrol.row', { row: s.number(e.row + 1), problem });
}

/** "12 people enrolled · 2 not enrolled" (a dry run says "can be enrolled"). */
export function enrolAnswerWords(
  s: Speaker,
  answer: Pick<EnrolAnswer, 'enrolled' | 'errors' | 'dryRun'>,
): string {
  return s.join(
    s.count(answer.dryRun ? 'enrol.dryRun' : 'enrol.result', answer.enrolled),
    answer.errors.length > 0 && s.count('enrol.refused', answer.errors.length),
  );
}

/** The labels of a campaign's (or a step's) counts, for tables and the funnel. */
export type CountLabel =
  | Exclude<keyof StepCounts, 'engagement'>
  | keyof EngagementCounts
  | 'active'
  | 'left'
  | 'total';

/** "3 pending, from Tue 9:00 AM to Tue 11:00 AM", or that nobody waits for the step. */
export function forecastStepWords(s: Speaker, step: CampaignForecast['steps'][number]): string {
  if (step.pending === 0 || !step.firstAt) return s.t('campaign.forecast.none');
  return s.count('campaign.forecast.step', step.pending, {
    first: s.time(step.firstAt),
    last: s.time(step.lastAt ?? step.firstAt),
  });
}
