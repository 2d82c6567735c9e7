import type { CampaignAnalytics } from '@sendwell/core';
import type { Sandbox } from '@sendwell/sandbox';
import type { Db } from '../store/db';

/** What the sandbox does with a person's mail (by their domain). */
export type Fate = 'good' | 'hard' | 'soft' | 'delay' | 'reply' | 'ooo' | 'unsub' | 'complain';

const FATE_BY_DOMAIN: Record<string, Fate> = {
  'bounce.test': 'hard',
  'full.test': 'soft',
  'delay.test': 'delay',
  'reply.test': 'reply',
  'ooo.test': 'ooo',
  'unsubscribe.test': 'unsub',
  'complain.test': 'complain',
};
const fateOfAddress = (email: string): Fate => FATE_BY_DOMAIN[email.split('@')[1] ?? ''] ?? 'good';
const STEPS = 3;
/** Fates that end the person's campaign after step 1; everyone else gets all three steps. */
const EXITS: readonly Fate[] = ['hard', 'reply', 'unsub', 'complain'];
const expectedSteps = (fate: Fate) => (EXITS.includes(fate) ? 1 : STEPS);
const leavers = (mix: Record<Fate, number>) => EXITS.reduce((n, fate) => n + mix[fate], 0);

export interface ScenarioVerdict {
  people: number;
  mix: Record<Fate, number>;
  sandboxSent: number;
  expectedSent: number;
  duplicated: number;
  missing: number;
  laterStepsAfterExit: number;
  failureNotices: { expected: number; found: number; attributed: number; countedTwice: number };
  delayNotices: { expected: number; found: number };
  replies: { expected: number; found: number; attributed: number; countedTwice: number };
  autoReplies: { expected: number; found: number; countedAsReplies: number };
  leftBounced: number;
  leftReplied: number;
  leftUnsubscribed: number;
  leftComplained: number;
  /** Unsubscribed and complaining people suppressed for the team afterwards. */
  suppressedOptOuts: number;
  finished: number;
  analyticsMismatches: string[];
  feed: { eventsExpected: number; eventsSeen: number; maxLatencyMs: number };
  mutatingCalls: number;
  /** Everything above that is not as it must be, in words (empty = pass). */
  problems: string[];
}

export interface TruthInput {
  db: Db;
  sandbox: Sandbox;
  campaignId: string;
  analytics: CampaignAnalytics;
  feedArrivals: Map<number, { type: string; at: number }>;
  roundEnds: { maxEventId: number; at: number }[];
  mutatingCalls: number;
}

type Row = Record<string, unknown>;

/** Sendwell's records against the sandbox's own truth (its Sent folder and the recipients' fates). */
export async function judgeScenario(input: TruthInput): Promise<ScenarioVerdict> {
  const { db, campaignId } = input;
  const people = (await db.query(
    'select id, email, status, left_reason from enrolments where campaign_id = $1',
    [campaignId],
  )) as Row[];
  const sends = (await db.query(
    'select id, enrolment_id, step_index, to_addrs from sends where campaign_id = $1',
    [campaignId],
  )) as Row[];
  const sendById = new Map(sends.map((s) => [String(s.id), s]));
  const sentIds = input.sandbox
    .messages('ava', 'sentitems')
    .map((m) => m.headers.find((h) => h.name.toLowerCase() === 'x-sendwell-id')?.value.trim())
    .filter((id): id is string => Boolean(id && sendById.has(id)));
  const perId = countBy(sentIds, (id) => id);
  const perPersonStep = countBy(sentIds, (id) => {
    const s = sendById.get(id)!;
    return `${s.enrolment_id}:${s.step_index}`;
  });
  const received = countBy(sentIds, (id) => String(sendById.get(id)!.enrolment_id));
  const mix = { good: 0, hard: 0, soft: 0, delay: 0, reply: 0, ooo: 0, unsub: 0, complain: 0 } as Record<
    Fate,
    number
  >;
  let expectedSent = 0;
  let missing = 0;
  let later = 0;
  for (const p of people) {
    const fate = fateOfAddress(String(p.email));
    mix[fate] += 1;
    const want = expectedSteps(fate);
    const got = received.get(String(p.id)) ?? 0;
    expectedSent += want;
    missing += Math.max(0, want - got);
    later += Math.max(0, got - want);
  }
  const duplicated =
    [...perId.values()].reduce((n, c) => n + c - 1, 0) +
    [...perPersonStep.values()].reduce((n, c) => n + c - 1, 0);
  const bounces = (await db.query(
    `select b.send_id, b.recipient, b.action, b.hard from bounces b
       join sends s on s.id = b.send_id where s.campaign_id = $1`,
    [campaignId],
  )) as Row[];
  const allBounces = (await db.query(
    `select recipient, action from bounces where recipient like '%@bounce.test' or recipient like '%@full.test'
       or recipient like '%@delay.test'`,
  )) as Row[];
  const failures = bounces.filter((b) => b.action !== 'delayed');
  const failureKeys = countBy(failures, (b) => `${b.send_id}:${b.recipient}`);
  const replies = (await db.query(
    `select r.send_id, r.from_addr, r.auto, s.campaign_id from replies r left join sends s on s.id = r.send_id`,
  )) as Row[];
  const human = replies.filter((r) => !r.auto);
  const auto = replies.filter((r) => r.auto);
  const attributedReplies = human.filter((r) => {
    const s = r.send_id ? sendById.get(String(r.send_id)) : undefined;
    return s && (s.to_addrs as string[] | string).includes(String(r.from_addr));
  });
  const verdict: ScenarioVerdict = {
    people: people.length,
    mix,
    sandboxSent: sentIds.length,
    expectedSent,
    duplicated,
    missing,
    laterStepsAfterExit: later,
    failureNotices: {
      expected: mix.hard + mix.soft * STEPS,
      found: allBounces.filter((b) => b.action !== 'delayed').length,
      attributed: failures.filter((b) => sendById.has(String(b.send_id))).length,
      countedTwice: [...failureKeys.values()].reduce((n, c) => n + c - 1, 0),
    },
    delayNotices: {
      expected: mix.delay * STEPS,
      found: allBounces.filter((b) => b.action === 'delayed').length,
    },
    replies: {
      expected: mix.reply,
      found: human.length,
      attributed: attributedReplies.length,
      countedTwice: [...countBy(human, (r) => String(r.send_id)).values()].reduce((n, c) => n + c - 1, 0),
    },
    autoReplies: { expected: mix.ooo * STEPS, found: auto.length, countedAsReplies: 0 },
    leftBounced: people.filter((p) => p.left_reason === 'bounced').length,
    leftReplied: people.filter((p) => p.left_reason === 'replied').length,
    leftUnsubscribed: people.filter((p) => p.left_reason === 'unsubscribed').length,
    leftComplained: people.filter((p) => p.left_reason === 'complained').length,
    suppressedOptOuts: Number(
      (
        (await db.query(
          `select count(*)::int as n from suppressions where lifted_at is null and reason in ('unsubscribe', 'complaint')
             and (email like '%@unsubscribe.test' or email like '%@complain.test')`,
        )) as Row[]
      )[0]?.n ?? 0,
    ),
    finished: people.filter((p) => p.status === 'finished').length,
    analyticsMismatches: [],
    feed: await feedLatency(input),
    mutatingCalls: input.mutatingCalls,
    problems: [],
  };
  verdict.analyticsMismatches = compareAnalytics(input.analytics, verdict);
  verdict.autoReplies.countedAsReplies = Math.max(0, input.analytics.total.replied - mix.reply);
  verdict.problems = problemsOf(verdict);
  return verdict;
}

function compareAnalytics(a: CampaignAnalytics, v: ScenarioVerdict): string[] {
  const want: [string, number, number][] = [
    ['total.sent', a.total.sent, v.sandboxSent],
    ['total.bouncedHard', a.total.bouncedHard, v.mix.hard],
    ['total.bouncedSoft', a.total.bouncedSoft, v.mix.soft * STEPS],
    ['total.replied', a.total.replied, v.mix.reply],
    ['left.bounced', a.left.bounced ?? 0, v.mix.hard],
    ['left.replied', a.left.replied ?? 0, v.mix.reply],
    ['left.unsubscribed', a.left.unsubscribed ?? 0, v.mix.unsub],
    ['left.complained', a.left.complained ?? 0, v.mix.complain],
    ['total.unsubscribed', a.total.unsubscribed, v.mix.unsub],
    ['step 1 sent', a.steps[0]?.sent ?? -1, v.people],
    ['step 2 sent', a.steps[1]?.sent ?? -1, v.people - leavers(v.mix)],
    ['step 3 sent', a.steps[2]?.sent ?? -1, v.people - leavers(v.mix)],
  ];
  return want
    .filter(([, got, truth]) => got !== truth)
    .map(([name, got, truth]) => `${name}: ${got}, truth ${truth}`);
}

/** For each bounce/reply/exit event: from the end of the worker round that wrote it to its arrival. */
async function feedLatency(input: TruthInput) {
  const rows = (await input.db.query(
    `select id from events where type in ('bounce', 'reply', 'campaign.left') order by id`,
  )) as Row[];
  let seen = 0;
  let max = 0;
  for (const row of rows) {
    const id = Number(row.id);
    const arrival = input.feedArrivals.get(id);
    if (!arrival) continue;
    seen += 1;
    const round = input.roundEnds.find((r) => r.maxEventId >= id);
    if (round) max = Math.max(max, arrival.at - round.at);
  }
  return { eventsExpected: rows.length, eventsSeen: seen, maxLatencyMs: Math.round(Math.max(0, max)) };
}

function problemsOf(v: ScenarioVerdict): string[] {
  const checks: [boolean, string][] = [
    [v.sandboxSent === v.expectedSent, `sandbox sent ${v.sandboxSent}, expected ${v.expectedSent}`],
    [v.duplicated === 0, `${v.duplicated} duplicated sends`],
    [v.missing === 0, `${v.missing} steps missing`],
    [v.laterStepsAfterExit === 0, `${v.laterStepsAfterExit} steps after an exit`],
    [
      v.failureNotices.found === v.failureNotices.expected,
      `failure notices ${v.failureNotices.found}/${v.failureNotices.expected}`,
    ],
    [
      v.failureNotices.attributed === v.failureNotices.expected,
      `failure notices attributed ${v.failureNotices.attributed}`,
    ],
    [v.failureNotices.countedTwice === 0, `${v.failureNotices.countedTwice} failures counted twice`],
    [
      v.delayNotices.found === v.delayNotices.expected,
      `delay notices ${v.delayNotices.found}/${v.delayNotices.expected}`,
    ],
    [v.replies.found === v.replies.expected, `replies ${v.replies.found}/${v.replies.expected}`],
    [v.replies.attributed === v.replies.expected, `replies attributed ${v.replies.attributed}`],
    [v.replies.countedTwice === 0, `${v.replies.countedTwice} replies counted twice`],
    [
      v.autoReplies.found === v.autoReplies.expected,
      `auto-replies ${v.autoReplies.found}/${v.autoReplies.expected}`,
    ],
    [
      v.autoReplies.countedAsReplies === 0,
      `${v.autoReplies.countedAsReplies} auto-replies counted as replies`,
    ],
    [v.leftBounced === v.mix.hard, `left bounced ${v.leftBounced}/${v.mix.hard}`],
    [v.leftReplied === v.mix.reply, `left replied ${v.leftReplied}/${v.mix.reply}`],
    [v.leftUnsubscribed === v.mix.unsub, `left unsubscribed ${v.leftUnsubscribed}/${v.mix.unsub}`],
    [v.leftComplained === v.mix.complain, `left complained ${v.leftComplained}/${v.mix.complain}`],
    [
      v.suppressedOptOuts === v.mix.unsub + v.mix.complain,
      `opt-outs suppressed ${v.suppressedOptOuts}/${v.mix.unsub + v.mix.complain}`,
    ],
    [v.finished === v.people - leavers(v.mix), `finished ${v.finished}/${v.people - leavers(v.mix)}`],
    [v.analyticsMismatches.length === 0, `analytics: ${v.analyticsMismatches.join('; ')}`],
    [
      v.feed.eventsSeen === v.feed.eventsExpected,
      `feed saw ${v.feed.eventsSeen}/${v.feed.eventsExpected} events`,
    ],
    [v.feed.maxLatencyMs <= 2000, `feed latency ${v.feed.maxLatencyMs} ms`],
    [v.mutatingCalls === 0, `${v.mutatingCalls} mutating calls on user mail`],
  ];
  return checks.filter(([ok]) => !ok).map(([, problem]) => problem);
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}
