/**
 * `sendwell throttle profiles [--json]` and `sendwell throttle simulate --profile ID --messages N
 * [--recipients K] [--external-share R] [--batch B --every S] [--start ISO] [--json]`.
 * Contract (shared/design/architecture.md): simulate prints one JSON line per message
 * `{"id","sendAt","recipients","external"}`, then `{"summary":{...}}`. Bad arguments exit 2.
 */
import { parseArgs } from 'node:util';
import {
  type BatchSetting,
  DAY_MS,
  forecast,
  getProfile,
  isProfileId,
  listProfiles,
  type Metric,
  MINUTE_MS,
  PROFILE_IDS,
  peakOver,
  peakUsage,
  type SendRequest,
  type ThrottleProfile,
} from '@sendwell/core';

export interface SimulateOptions {
  profile: ThrottleProfile;
  messages: number;
  recipients: number;
  externalShare: number;
  batch: BatchSetting | null;
  start: Date;
  json: boolean;
}

export type ThrottleCommand =
  | { kind: 'profiles'; json: boolean }
  | { kind: 'simulate'; options: SimulateOptions };

export type ParseResult = { ok: true; command: ThrottleCommand } | { ok: false; error: string };

const USAGE = `usage: sendwell throttle profiles [--json]
       sendwell throttle simulate --profile ID --messages N [--recipients K] [--external-share R]
                                  [--batch B --every S] [--start ISO] [--json]
profiles: ${PROFILE_IDS.join(', ')}`;

const MAX_MESSAGES = 1_000_000;

/** Parses the arguments after `throttle`; never throws, never exits. `now` is the default start. */
export function parseThrottleArgs(args: string[], now: Date): ParseResult {
  const [sub, ...rest] = args;
  try {
    if (sub === 'profiles') {
      const { values } = parseArgs({
        args: rest,
        options: { json: { type: 'boolean' } },
        strict: true,
        allowPositionals: false,
      });
      return { ok: true, command: { kind: 'profiles', json: values.json ?? false } };
    }
    if (sub === 'simulate') return parseSimulate(rest, now);
    return { ok: false, error: sub ? `unknown throttle command: ${sub}` : 'missing throttle command' };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

function parseSimulate(args: string[], now: Date): ParseResult {
  const { values } = parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      profile: { type: 'string' },
      messages: { type: 'string' },
      recipients: { type: 'string' },
      'external-share': { type: 'string' },
      batch: { type: 'string' },
      every: { type: 'string' },
      start: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  const fail = (error: string): ParseResult => ({ ok: false, error });
  if (!values.profile) return fail('--profile is required');
  if (!isProfileId(values.profile))
    return fail(`unknown profile "${values.profile}" (one of ${PROFILE_IDS.join(', ')})`);
  const profile = getProfile(values.profile);
  const messages = wholeNumber('--messages', values.messages, 1, MAX_MESSAGES);
  if (typeof messages === 'string')
    return fail(values.messages === undefined ? '--messages is required' : messages);
  const maxRecipients = profile.maxRecipientsPerMessage.value;
  const recipients =
    values.recipients === undefined
      ? 1
      : wholeNumber('--recipients', values.recipients, 1, Number.MAX_SAFE_INTEGER);
  if (typeof recipients === 'string') return fail(recipients);
  if (recipients > maxRecipients)
    return fail(
      `--recipients ${recipients} is more than ${profile.name} carries in one message (${maxRecipients})`,
    );
  const externalShare = values['external-share'] === undefined ? 1 : Number(values['external-share']);
  if (
    !Number.isFinite(externalShare) ||
    externalShare < 0 ||
    externalShare > 1 ||
    values['external-share']?.trim() === ''
  ) {
    return fail(`--external-share must be a number from 0 to 1, got "${values['external-share']}"`);
  }
  const batch = parseBatch(values.batch, values.every);
  if (typeof batch === 'string') return fail(batch);
  const start = values.start === undefined ? now : parseIso(values.start);
  if (!start) return fail(`--start must be an ISO 8601 date-time, got "${values.start}"`);
  return {
    ok: true,
    command: {
      kind: 'simulate',
      options: { profile, messages, recipients, externalShare, batch, start, json: values.json ?? false },
    },
  };
}

function parseBatch(batch: string | undefined, every: string | undefined): BatchSetting | null | string {
  if (batch === undefined && every === undefined) return null;
  if (batch === undefined || every === undefined) return '--batch and --every go together';
  const size = wholeNumber('--batch', batch, 1, 100_000);
  if (typeof size === 'string') return size;
  const everySeconds = Number(every);
  if (every.trim() === '' || !Number.isFinite(everySeconds) || everySeconds <= 0)
    return `--every must be a number of seconds > 0, got "${every}"`;
  return { size, everySeconds };
}

function wholeNumber(flag: string, raw: string | undefined, min: number, max: number): number | string {
  const value = Number(raw);
  if (raw === undefined || !/^\d+$/.test(raw.trim()) || value < min || value > max) {
    return `${flag} must be a whole number from ${min} to ${max.toLocaleString('en-US')}, got "${raw}"`;
  }
  return value;
}

function parseIso(raw: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(raw)) return null;
  const date = new Date(raw);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The per-message external counts: spread so the total matches the share exactly (deterministic). */
export function simulatedRequests(count: number, recipients: number, externalShare: number): SendRequest[] {
  const perMessage = recipients * externalShare;
  return Array.from({ length: count }, (_, i) => ({
    recipients,
    external: Math.floor(perMessage * (i + 1) + 1e-9) - Math.floor(perMessage * i + 1e-9),
  }));
}

export interface SimulatedMessage {
  id: string;
  sendAt: string;
  recipients: number;
  external: number;
}

/** Plans the simulated messages and summarises them: timing, peaks and utilisation of each limit. */
export function simulate(options: SimulateOptions): {
  lines: SimulatedMessage[];
  summary: Record<string, unknown>;
} {
  const { profile, start } = options;
  const requests = simulatedRequests(options.messages, options.recipients, options.externalShare);
  const plan = forecast(profile, [], requests, start, { batch: options.batch });
  const lines = plan.items.flatMap((item) =>
    item.outcome === 'slot'
      ? [
          {
            id: `msg-${item.index + 1}`,
            sendAt: item.sendAt.toISOString(),
            recipients: item.recipients,
            external: item.external,
          },
        ]
      : [],
  );
  const reservations = lines.map((l) => ({
    at: new Date(l.sendAt),
    recipients: l.recipients,
    external: l.external,
  }));
  const first = lines[0]?.sendAt ?? null;
  const last = lines.at(-1)?.sendAt ?? null;
  const durationSeconds = first && last ? (Date.parse(last) - Date.parse(first)) / 1000 : 0;
  const peaks = peakUsage(profile.windows, reservations);
  const day = (metric: Metric) => peakOver(reservations, metric, DAY_MS);
  const summary = {
    profile: profile.id,
    messages: options.messages,
    planned: lines.length,
    rejected: options.messages - lines.length,
    recipients: reservations.reduce((s, r) => s + r.recipients, 0),
    external: reservations.reduce((s, r) => s + r.external, 0),
    start: start.toISOString(),
    firstSendAt: first,
    lastSendAt: last,
    durationSeconds,
    duration: humanDuration(durationSeconds),
    peakPerMinute: peakOver(reservations, 'messages', MINUTE_MS),
    peakPer24h: { messages: day('messages'), recipients: day('recipients'), external: day('external') },
    batch: plan.batch
      ? {
          requested: options.batch,
          effective: { size: plan.batch.size, everySeconds: plan.batch.everySeconds },
          clamped: plan.batch.clamped,
        }
      : null,
    utilisation: peaks.map(({ limit, peak }) => ({
      window: limit.id,
      label: limit.label,
      ceiling: limit.ceiling,
      target: limit.target,
      peak,
      ofCeiling: round(peak / limit.ceiling),
      ofTarget: round(peak / limit.target),
    })),
  };
  return { lines, summary };
}

function humanDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.round(seconds % 60);
  return [h ? `${h}h` : '', h || m ? `${m}m` : '', `${s}s`].filter(Boolean).join(' ');
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export interface Io {
  out(line: string): void;
  err(line: string): void;
  now(): Date;
}

const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  now: () => new Date(),
};

/** `| head` closes stdout early; that is not an error worth a stack trace. */
function quietOnClosedPipe(): void {
  process.stdout.once('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

export async function run(args: string[], io: Io = processIo): Promise<number> {
  if (io === processIo) quietOnClosedPipe();
  const parsed = parseThrottleArgs(args, io.now());
  if (!parsed.ok) {
    io.err(`sendwell throttle: ${parsed.error}\n${USAGE}`);
    return 2;
  }
  const { command } = parsed;
  if (command.kind === 'profiles') {
    for (const profile of listProfiles())
      io.out(command.json ? JSON.stringify(profile) : describeProfile(profile));
    return 0;
  }
  const { lines, summary } = simulate(command.options);
  if (command.options.json) {
    for (const line of lines) io.out(JSON.stringify(line));
    io.out(JSON.stringify({ summary }));
  } else {
    for (const line of lines)
      io.out(`${line.sendAt}  ${line.id}  ${line.recipients} recipient(s), ${line.external} external`);
    io.out(
      `${summary.planned} messages from ${summary.firstSendAt} to ${summary.lastSendAt} (${summary.duration})`,
    );
  }
  return 0;
}

function describeProfile(profile: ThrottleProfile): string {
  const limits = profile.windows.map(
    (w) => `  ${w.label}: we aim for ${w.target.toLocaleString('en-US')} (${w.source.title})`,
  );
  return [
    `${profile.id} (${profile.name}), at most ${profile.maxRecipientsPerMessage.value} recipients a message`,
    ...limits,
  ].join('\n');
}
