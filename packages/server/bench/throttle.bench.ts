/**
 * `pnpm bench:throttle`: how fast the planner decides, and how close to each provider's limits it
 * gets over one simulated day when a mailbox has more to send than the day allows.
 */
import { performance } from 'node:perf_hooks';
import {
  createPlanner,
  DAY_MS,
  listProfiles,
  peakUsage,
  planSend,
  type Reservation,
  type SendRequest,
  type ThrottleProfile,
} from '@sendwell/core';

const START = new Date('2026-01-05T00:00:00Z');

interface Scenario {
  name: string;
  request: SendRequest;
}

const SCENARIOS: Scenario[] = [
  { name: '1 external recipient', request: { recipients: 1, external: 1 } },
  { name: '5 recipients, 3 external', request: { recipients: 5, external: 3 } },
];

/** Plans back to back until a slot falls outside the day; returns the day's reservations and timing. */
function simulateDay(profile: ThrottleProfile, request: SendRequest) {
  const planner = createPlanner(profile, [], null);
  const day: Reservation[] = [];
  let decisions = 0;
  const began = performance.now();
  for (;;) {
    const result = planner.reserve(request, START);
    decisions += 1;
    if (result.outcome === 'rejected' || result.sendAt.getTime() >= START.getTime() + DAY_MS) break;
    day.push({ at: result.sendAt, ...request });
  }
  const seconds = (performance.now() - began) / 1000;
  return { day, decisions, perSecond: Math.round(decisions / seconds) };
}

function row(cells: (string | number)[], widths: number[]): string {
  return cells.map((c, i) => String(c).padEnd(widths[i] ?? 12)).join(' ');
}

const widths = [22, 26, 10, 12, 12, 40];
console.log(
  row(['profile', 'scenario', 'sent/day', 'decisions/s', 'binding', 'peak vs ceiling (per window)'], widths),
);
for (const scenario of SCENARIOS) {
  for (const profile of listProfiles()) {
    const { day, decisions, perSecond } = simulateDay(profile, scenario.request);
    const peaks = peakUsage(profile.windows, day);
    const binding = peaks.reduce((a, b) => (b.peak / b.limit.target > a.peak / a.limit.target ? b : a));
    const utilisation = peaks
      .map((p) => `${p.limit.id} ${Math.round((100 * p.peak) / p.limit.ceiling)}%`)
      .join(', ');
    console.log(
      row([profile.id, scenario.name, day.length, perSecond, binding.limit.id, utilisation], widths),
    );
    if (decisions < 2) console.log('  (no decisions: the request never fits this profile)');
  }
}
// What the server does per compose send: one planSend over the mailbox's last 24 hours of reservations.
console.log('\nOne-shot planSend over a full day of history (the server path):');
for (const profile of listProfiles()) {
  const { day } = simulateDay(profile, SCENARIOS[0]!.request);
  const now = new Date(START.getTime() + DAY_MS - 1);
  const rounds = 200;
  const began = performance.now();
  for (let i = 0; i < rounds; i += 1)
    planSend({ profile, history: day, request: SCENARIOS[0]!.request, now });
  const perSecond = Math.round(rounds / ((performance.now() - began) / 1000));
  console.log(row([profile.id, `${day.length} reservations`, perSecond, 'decisions/s'], [22, 20, 10, 12]));
}
console.log(
  '\nTargets are 90% of the provider ceilings (Gmail API sends a minute: 50%), so ~90% is the expected peak.',
);
