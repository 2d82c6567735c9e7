import type { Db } from '../store/db';
import type { Observations } from './observations';

/**
 * Prometheus text exposition (format 0.0.4). Queue depth, sends and bounces are read from the
 * database at scrape time, so every instance reports the same truth and a restart loses nothing;
 * provider errors, scan lag and worker rounds are what this process saw.
 */
export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

type Labels = Record<string, string>;
interface Family {
  name: string;
  help: string;
  type: 'gauge' | 'counter';
  samples: { labels: Labels; value: number }[];
}

const escapeLabel = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');

function renderFamily(f: Family): string {
  const lines = [`# HELP ${f.name} ${f.help}`, `# TYPE ${f.name} ${f.type}`];
  for (const s of f.samples) {
    const labels = Object.entries(s.labels)
      .map(([k, v]) => `${k}="${escapeLabel(v)}"`)
      .join(',');
    lines.push(`${f.name}${labels ? `{${labels}}` : ''} ${Number.isFinite(s.value) ? s.value : 'NaN'}`);
  }
  return lines.join('\n');
}

/** Final states: these only ever grow, so they are counters. */
const OUTCOMES = ['submitted', 'failed', 'cancelled'] as const;

async function queueDepth(db: Db): Promise<Family> {
  const rows = await db.query<{ mailbox_id: string; provider: string; status: string; n: number }>(
    `select s.mailbox_id, m.provider, s.status, count(*)::int as n
       from sends s join mailboxes m on m.id = s.mailbox_id
      where s.status in ('scheduled', 'retry', 'sending')
      group by s.mailbox_id, m.provider, s.status order by s.mailbox_id, s.status`,
  );
  return {
    name: 'sendwell_queue_depth',
    help: 'Sends waiting or in flight, per mailbox (channel) and state.',
    type: 'gauge',
    samples: rows.map((r) => ({
      labels: { mailbox_id: r.mailbox_id, provider: r.provider, state: r.status },
      value: Number(r.n),
    })),
  };
}

async function sendOutcomes(db: Db): Promise<Family> {
  const rows = await db.query<{ status: string; n: number }>(
    `select status, count(*)::int as n from sends where status in ('submitted', 'failed', 'cancelled') group by status`,
  );
  const byStatus = new Map(rows.map((r) => [r.status, Number(r.n)]));
  return {
    name: 'sendwell_sends_total',
    help: 'Sends that reached a final state, by outcome (all instances: read from the database).',
    type: 'counter',
    samples: OUTCOMES.map((outcome) => ({ labels: { outcome }, value: byStatus.get(outcome) ?? 0 })),
  };
}

async function bounces(db: Db): Promise<Family> {
  const rows = await db.query<{ kind: string; n: number }>(
    `select case when hard then 'hard' when hard = false then 'soft' else 'unknown' end as kind,
            count(*)::int as n
       from bounces group by 1`,
  );
  const byKind = new Map(rows.map((r) => [r.kind, Number(r.n)]));
  return {
    name: 'sendwell_bounces_total',
    help: 'Bounce notices recorded (one per notice and recipient), by kind.',
    type: 'counter',
    samples: ['hard', 'soft', 'unknown'].map((kind) => ({ labels: { kind }, value: byKind.get(kind) ?? 0 })),
  };
}

async function scanLag(db: Db, observations: Observations): Promise<Family> {
  const rows = await db.query<{ id: string; provider: string }>(
    `select id, provider from mailboxes
      where provider in ('exchange', 'gmail') and state = 'connected' and deleted_at is null order by id`,
  );
  const now = observations.now();
  return {
    name: 'sendwell_scan_lag_seconds',
    help: 'Seconds since this process last read the mailbox inbox successfully (since its start if never).',
    type: 'gauge',
    samples: rows.map((r) => ({
      labels: { mailbox_id: r.id, provider: r.provider },
      value: Math.max(0, (now - (observations.lastScan(r.id) ?? observations.startedAt)) / 1000),
    })),
  };
}

function processFamilies(observations: Observations): Family[] {
  const now = observations.now();
  const workers = observations.workerStates();
  return [
    {
      name: 'sendwell_provider_errors_total',
      help: 'Failed provider calls seen by this process, by provider and status (HTTP or SMTP code, auth, throttled).',
      type: 'counter',
      samples: observations
        .providerErrors()
        .map((e) => ({ labels: { provider: e.provider, status: e.status }, value: e.count })),
    },
    {
      name: 'sendwell_worker_last_round_age_seconds',
      help: 'Seconds since the worker last finished a round in this process.',
      type: 'gauge',
      samples: workers.map(([worker, s]) => ({
        labels: { worker },
        value: (now - (s.lastFinishAt ?? observations.startedAt)) / 1000,
      })),
    },
    {
      name: 'sendwell_worker_round_failures_total',
      help: 'Worker rounds that threw, in this process.',
      type: 'counter',
      samples: workers.map(([worker, s]) => ({ labels: { worker }, value: s.failures })),
    },
  ];
}

export async function renderMetrics(db: Db, observations: Observations): Promise<string> {
  const families = [
    await queueDepth(db),
    await sendOutcomes(db),
    await bounces(db),
    await scanLag(db, observations),
    ...processFamilies(observations),
  ];
  return `${families.map(renderFamily).join('\n')}\n`;
}
