import type { MailboxTruth } from '@sendwell/sandbox';

/** What Sendwell says about one rep's sends, read over its API after the run. */
export interface SendwellRecord {
  email: string;
  /** The idempotency keys the bench asked for, each with the send ids Sendwell answered. */
  requested: Map<string, Set<string>>;
  /** Every send Sendwell lists for the rep: id → status and recipients with a failure notice. */
  sends: Map<string, { status: string; bounced: number }>;
  /** The rep's numbers (`GET /analytics/me`) and their template's counts (`/analytics/templates/{id}`). */
  numbers: { sends: number; bounces: number };
  template: { messages: number; recipientsBounced: number };
}

/** The verdict: every figure must be 0. */
export interface Verdict {
  /** Asked for but never in the provider's Sent folder (or never accepted by Sendwell). */
  lost: number;
  /** Extra copies in the Sent folder, sends Sendwell does not know, two sends for one draft. */
  duplicated: number;
  /** Bounces Sendwell counted more often than the provider generated them (per send and in analytics). */
  doubleCounted: number;
  /** Bounces the provider generated that Sendwell never counted. */
  missedBounces: number;
  /** Analytics figures that differ from the provider's truth. */
  analyticsOff: number;
  /** Human-readable lines naming each problem (the first few per kind). */
  problems: string[];
}

/** Recipients the provider failed for each send (hard and soft; delays are not bounces). */
function failuresBySend(truth: MailboxTruth): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const notice of truth.notices) {
    if (notice.kind !== 'failure' || !notice.sendwellId) continue;
    const set = out.get(notice.sendwellId) ?? new Set<string>();
    for (const r of notice.recipients) set.add(r.address.toLowerCase());
    out.set(notice.sendwellId, set);
  }
  return out;
}

function sentCounts(truth: MailboxTruth): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of truth.sent) {
    const key = m.sendwellId ?? `(no X-Sendwell-Id) ${m.internetMessageId}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * Compares what Sendwell recorded for one rep with what the provider (the sandbox) holds: every
 * requested draft in Sent exactly once, every bounce counted once, analytics equal to the truth.
 */
export function judgeRep(truth: MailboxTruth, record: SendwellRecord): Verdict {
  const v: Verdict = {
    lost: 0,
    duplicated: 0,
    doubleCounted: 0,
    missedBounces: 0,
    analyticsOff: 0,
    problems: [],
  };
  const note = (line: string) => {
    if (v.problems.length < 20) v.problems.push(`${record.email}: ${line}`);
  };
  const inSent = sentCounts(truth);
  for (const [key, ids] of record.requested) {
    if (ids.size === 0) {
      v.lost += 1;
      note(`draft ${key} was never accepted`);
    }
    if (ids.size > 1) {
      v.duplicated += ids.size - 1;
      note(`draft ${key} became ${ids.size} sends`);
    }
    for (const id of ids) {
      if (!inSent.has(id)) {
        v.lost += 1;
        note(`send ${id} (${record.sends.get(id)?.status ?? 'unknown'}) is not in Sent`);
      }
    }
  }
  for (const [id, count] of inSent) {
    if (count > 1) {
      v.duplicated += count - 1;
      note(`send ${id} is in Sent ${count} times`);
    }
    if (!record.sends.has(id)) {
      v.duplicated += 1;
      note(`Sent holds ${id}, which Sendwell does not list`);
    }
  }
  const failures = failuresBySend(truth);
  for (const [id, send] of record.sends) {
    const truthCount = failures.get(id)?.size ?? 0;
    if (send.bounced > truthCount) {
      v.doubleCounted += send.bounced - truthCount;
      note(`send ${id} counts ${send.bounced} bounces, the provider sent ${truthCount}`);
    }
    if (send.bounced < truthCount) {
      v.missedBounces += truthCount - send.bounced;
      note(`send ${id} counts ${send.bounced} bounces, the provider sent ${truthCount}`);
    }
  }
  const truthSent = truth.sent.filter((m) => m.sendwellId).length;
  const truthBounces = [...failures.values()].reduce((n, s) => n + s.size, 0);
  const figures: [string, number, number][] = [
    ['numbers.sends', record.numbers.sends, truthSent],
    ['numbers.bounces', record.numbers.bounces, truthBounces],
    ['template.messages', record.template.messages, truthSent],
    ['template.recipientsBounced', record.template.recipientsBounced, truthBounces],
  ];
  for (const [name, ours, theirs] of figures) {
    if (ours === theirs) continue;
    v.analyticsOff += 1;
    if (name.endsWith('ounces') || name.endsWith('Bounced')) v.doubleCounted += Math.max(0, ours - theirs);
    note(`${name} is ${ours}, the provider's truth is ${theirs}`);
  }
  return v;
}

/** Adds verdicts up (the problems lists too). */
export function addVerdicts(verdicts: readonly Verdict[]): Verdict {
  const total: Verdict = {
    lost: 0,
    duplicated: 0,
    doubleCounted: 0,
    missedBounces: 0,
    analyticsOff: 0,
    problems: [],
  };
  for (const v of verdicts) {
    total.lost += v.lost;
    total.duplicated += v.duplicated;
    total.doubleCounted += v.doubleCounted;
    total.missedBounces += v.missedBounces;
    total.analyticsOff += v.analyticsOff;
    total.problems.push(...v.problems);
  }
  return total;
}
