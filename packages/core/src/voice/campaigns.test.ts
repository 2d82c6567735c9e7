import { describe, expect, it } from 'vitest';
import { LEFT_REASONS, type LeftReason } from '../api/v1/campaigns';
import { ManualClock } from '../ports/clock';
import type { EnrolmentStatusInput } from './campaigns';
import { LOCALES, type Locale } from './locale';
import { createVoice } from './voice';

const NOW = '2026-01-05T14:00:00Z'; // a Monday
const voiceAt = (locale: Locale = 'en', timeZone = 'UTC') =>
  createVoice({ locale, timeZone, clock: new ManualClock(NOW) });
const SP = '\\s'; // ICU puts a narrow no-break space before AM/PM

const left = (leftReason: LeftReason): EnrolmentStatusInput => ({
  status: 'left',
  leftReason,
  nextStep: null,
  nextAt: null,
});

describe('enrolment status', () => {
  // The issue's exact words: the front ends' Playwright specs read them.
  it.each<[LeftReason, string]>([
    ['bounced', 'left: bounced'],
    ['replied', 'left: replied'],
    ['unsubscribed', 'left: unsubscribed'],
    ['removed', 'left: removed'],
    ['suppressed', 'left: suppressed'],
    ['complained', 'left: complained'],
  ])('an enrolment that left because %s reads "%s"', (reason, text) => {
    expect(voiceAt().enrolmentStatus(left(reason))).toBe(text);
  });

  it('every left reason has its own words in every language', () => {
    for (const locale of LOCALES) {
      const words = LEFT_REASONS.map((r) => voiceAt(locale).enrolmentStatus(left(r)));
      expect(new Set(words).size, locale).toBe(LEFT_REASONS.length);
    }
  });

  it.each<[string, EnrolmentStatusInput, RegExp]>([
    [
      'active, with the step count and the next time',
      { status: 'active', leftReason: null, nextStep: 1, nextAt: '2026-01-06T09:00:00Z', totalSteps: 3 },
      new RegExp(`^active · step 2 of 3 · next Tue${SP}9:00${SP}AM$`),
    ],
    [
      'active, step count unknown',
      { status: 'active', leftReason: null, nextStep: 0, nextAt: '2026-01-05T15:00:00Z' },
      new RegExp(`^active · step 1 · next 3:00${SP}PM$`),
    ],
    [
      'active, the step email queued',
      { status: 'active', leftReason: null, nextStep: 2, nextAt: null, totalSteps: 3 },
      /^active · step 3 of 3 · email on its way$/,
    ],
    ['finished', { status: 'finished', leftReason: null, nextStep: null, nextAt: null }, /^finished$/],
    [
      'left without a reason',
      { status: 'left', leftReason: null, nextStep: null, nextAt: null },
      /^left: removed$/,
    ],
  ])('%s', (_name, input, pattern) => {
    expect(voiceAt().enrolmentStatus(input)).toMatch(pattern);
  });

  it.each<[LeftReason, string]>([
    ['bounced', 'error'],
    ['replied', 'success'],
    ['removed', 'info'],
  ])('a person who left (%s) shows in the %s tone', (reason, tone) => {
    expect(voiceAt().enrolmentLine(left(reason)).tone).toBe(tone);
  });

  it('speaks Chinese', () => {
    expect(voiceAt('zh-Hans').enrolmentStatus(left('bounced'))).toBe('已退出：退信');
  });
});

describe('campaign exits and status', () => {
  it.each([...LEFT_REASONS, 'finished' as const])('"%s" has a campaign-ended sentence', (reason) => {
    expect(voiceAt().campaignEnded(reason)).toMatch(/^Campaign ended/);
  });

  it('a hard bounce ends later steps in the issue’s words', () => {
    expect(voiceAt().campaignEnded('bounced')).toBe('Campaign ended: the email before bounced.');
    expect(voiceAt().leftReason('bounced')).toBe('Left the campaign: an email to this address bounced.');
  });

  it.each([
    [{ status: 'active', pause: null }, 'success', /^Active$/],
    [{ status: 'paused', pause: { by: 'owner', at: NOW } }, 'warning', /^Paused by its owner 2:00\sPM$/],
    [
      { status: 'paused', pause: { by: 'circuit-breaker', at: NOW } },
      'error',
      /^Paused automatically 2:00\sPM: too many emails bounced$/,
    ],
    [{ status: 'archived', pause: null }, 'info', /^Archived$/],
  ] as const)('%j reads in the %s tone', (campaign, tone, pattern) => {
    const line = voiceAt().campaignStatus(campaign);
    expect(line.tone).toBe(tone);
    expect(line.text).toMatch(pattern);
  });

  const breaker = { by: 'circuit-breaker', at: NOW, bounced: 5, window: 20, threshold: 0.2 } as const;
  it.each([
    [true, 'Check the addresses, then resume the campaign.'],
    [false, 'Check the addresses; a team admin can resume the campaign.'],
  ])('the breaker banner for an admin=%s gives the evidence and who resumes', (isAdmin, hint) => {
    const banner = voiceAt().breakerBanner(breaker, { isAdmin });
    expect(banner?.detail).toBe(`5 of the last 20 emails bounced (25%); the team’s limit is 20%. ${hint}`);
  });

  it('no banner for a pause the breaker did not make', () => {
    expect(voiceAt().breakerBanner({ by: 'owner', at: NOW }, { isAdmin: true })).toBeNull();
    expect(voiceAt().breakerBanner(null, { isAdmin: true })).toBeNull();
  });
});

describe('steps in words', () => {
  it.each([
    [{ amount: 0, unit: 'days', businessDays: false }, 0, 'Right after enrolment'],
    [{ amount: 0, unit: 'hours', businessDays: false }, 1, 'Right after the previous step'],
    [{ amount: 1, unit: 'hours', businessDays: false }, 1, '1 hour after the previous step'],
    [{ amount: 3, unit: 'days', businessDays: false }, 1, '3 days after the previous step'],
    [{ amount: 2, unit: 'days', businessDays: true }, 2, '2 business days after the previous step'],
    [{ amount: 1, unit: 'days', businessDays: true }, 0, '1 business day after enrolment'],
  ] as const)('%j as step %d reads "%s"', (delay, index, text) => {
    expect(voiceAt().stepDelay(delay, index)).toBe(text);
  });

  it.each([
    [['mon', 'tue', 'wed', 'thu', 'fri'], 'rep', `^Mon–Fri, 9:00${SP}AM–5:00${SP}PM, Europe/Paris time$`],
    [['mon', 'wed'], 'rep', `^Mon, Wed, 9:00${SP}AM–5:00${SP}PM, Europe/Paris time$`],
    [
      ['sat', 'sun'],
      'person',
      `^Sat, Sun, 9:00${SP}AM–5:00${SP}PM, the person’s time \\(else Europe/Paris\\)$`,
    ],
  ] as const)('the window %j (%s) reads /%s/', (days, zone, pattern) => {
    const window = { startHour: 9, endHour: 17, days: [...days], zone };
    expect(voiceAt().stepWindow(window, 'Europe/Paris')).toMatch(new RegExp(pattern));
  });

  it('no window reads "Any time"; Chinese uses the 24-hour clock', () => {
    expect(voiceAt().stepWindow(null, 'UTC')).toBe('Any time');
    const window = { startHour: 9, endHour: 17, days: ['mon', 'tue', 'wed'] as const, zone: 'rep' as const };
    expect(voiceAt('zh-Hans').stepWindow({ ...window, days: [...window.days] }, 'Asia/Shanghai')).toMatch(
      /9:00–17:00/,
    );
  });
});

describe('schedule send', () => {
  it.each([
    ['2026-01-06T09:00:00Z', 'UTC', `^Goes out Tue${SP}9:00${SP}AM$`],
    ['2026-01-06T09:00:00Z', 'Europe/Paris', `^Goes out Tue${SP}10:00${SP}AM$`],
    ['2026-01-05T13:00:00Z', 'UTC', '^Goes out now$'],
  ])('%s in %s: /%s/', (at, zone, pattern) => {
    expect(voiceAt('en', zone).goesOut(at)).toMatch(new RegExp(pattern));
  });
});

describe('enrolling', () => {
  it.each([
    [{ row: 2, email: 'bob@', code: 'invalid' }, 'Row 3: “bob@” is not a valid email address'],
    [{ row: 0, email: null, code: 'invalid' }, 'Row 1: no email address'],
    [
      { row: 4, email: 'a@x.test', code: 'invalid', field: 'timeZone' },
      'Row 5: the time zone is not one Sendwell knows (use one like Europe/Paris)',
    ],
    [{ row: 1, email: 'a@x.test', code: 'suppressed' }, 'Row 2: a@x.test is suppressed for your team'],
    [{ row: 1, email: 'a@x.test', code: 'already-enrolled' }, 'Row 2: a@x.test is already in this campaign'],
    [{ row: 1, email: 'a@x.test', code: 'duplicate-in-batch' }, 'Row 2: a@x.test appears more than once'],
  ] as const)('%j reads "%s"', (error, text) => {
    expect(voiceAt().enrolRowError({ message: 'server English', ...error })).toBe(text);
  });

  it.each([
    [{ enrolled: 12, errors: [{}, {}], dryRun: false }, '12 people enrolled · 2 not enrolled'],
    [{ enrolled: 1, errors: [], dryRun: true }, '1 person can be enrolled'],
  ])('%j reads "%s"', (answer, text) => {
    expect(voiceAt().enrolAnswer(answer as never)).toBe(text);
  });
});
