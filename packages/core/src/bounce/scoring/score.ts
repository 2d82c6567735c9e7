import type { BounceReport } from '../types';

/** One row of the benchmark's truth.jsonl (only the fields scoring reads). */
export interface TruthRow {
  file: string;
  kind: 'bounce' | 'delivered' | 'vacation' | 'feedback' | 'not_bounce';
  is_bounce: boolean;
  recipients: string[];
  recipients_alt?: string[];
  reason: string | null;
  status: string;
  status_is_pseudo: boolean;
  hard: boolean | null;
  decoder: string | null;
  original_message_id: string | null;
  duplicate_of: string | null;
  ambiguous: boolean;
  /** Our own set states the action (`failed` or `delayed`); Sisimai's truth does not. */
  action?: 'failed' | 'delayed' | null;
  per_recipient?: {
    recipient: string;
    alias?: string;
    status?: string;
    reason?: string;
    hard?: boolean;
    alt?: { status?: string; reason?: string; hard?: boolean }[];
  }[];
}

/** The strict set: rows neither ambiguous nor a byte-identical duplicate. */
export function strictRows(rows: TruthRow[]): TruthRow[] {
  return rows.filter((r) => !r.ambiguous && !r.duplicate_of);
}

/** Sisimai renamed some reasons after the truth was made; compare in the new vocabulary. */
const RENAMED: Record<string, string> = {
  toomanyconn: 'ratelimited',
  speeding: 'ratelimited',
  mesgtoobig: 'emailtoolarge',
  exceedlimit: 'emailtoolarge',
};
export function canonicalReason(reason: string | null | undefined): string | null {
  if (!reason) return null;
  return RENAMED[reason] ?? reason;
}

export interface RowScore {
  file: string;
  truthKind: TruthRow['kind'];
  decoder: string;
  detected: boolean | null;
  falsePositive: boolean;
  recipientsExact: boolean | null;
  status: boolean | null;
  hard: boolean | null;
  reason: boolean | null;
  messageId: boolean | null;
  /** Delay warning vs. failure, where the truth states it. */
  action: boolean | null;
}

/** Score one report against its truth row. `null` means the row does not count for that measure. */
export function scoreRow(truth: TruthRow, report: BounceReport): RowScore {
  const bounce = truth.is_bounce;
  const detected = report.kind === 'bounce';
  const first = bounce ? pickFirst(truth, report) : undefined;
  const expected = truth.per_recipient?.[0];
  const alts = expected?.alt ?? [];
  const withTruthStatus = bounce && !!truth.status && !truth.status_is_pseudo;
  return {
    file: truth.file,
    truthKind: truth.kind,
    decoder: truth.decoder ?? '(none)',
    detected: bounce ? detected : null,
    falsePositive: !bounce && detected,
    recipientsExact: bounce ? detected && recipientsMatch(truth, report) : null,
    status: withTruthStatus ? oneOf(first?.status, [truth.status, ...alts.map((a) => a.status)]) : null,
    hard: bounce && truth.hard !== null ? oneOf(first?.hard, [truth.hard, ...alts.map((a) => a.hard)]) : null,
    reason: bounce && truth.reason ? reasonMatches(truth.reason, alts, first?.reason ?? null) : null,
    messageId: truth.original_message_id ? sameId(truth.original_message_id, report.originalMessageId) : null,
    action: bounce && truth.action ? first?.action === truth.action : null,
  };
}

/** A missing answer never matches, even a missing alternative. */
function oneOf<T>(ours: T | null | undefined, accepted: (T | undefined)[]): boolean {
  return ours !== null && ours !== undefined && accepted.includes(ours);
}

/** The reported recipient the truth's first recipient is about (or the report's first). */
export function pickFirst(truth: TruthRow, report: BounceReport) {
  const wanted = new Set(
    [truth.recipients[0], truth.per_recipient?.[0]?.alias].filter(Boolean).map((a) => a?.toLowerCase()),
  );
  return report.recipients.find((r) => wanted.has(r.address.toLowerCase())) ?? report.recipients[0];
}

function recipientsMatch(truth: TruthRow, report: BounceReport): boolean {
  const accepted = new Set(
    [
      ...truth.recipients,
      ...(truth.recipients_alt ?? []),
      ...(truth.per_recipient ?? []).map((p) => p.alias ?? ''),
    ]
      .filter(Boolean)
      .map((a) => a.toLowerCase()),
  );
  const ours = new Set(report.recipients.map((r) => r.address.toLowerCase()));
  if (ours.size !== new Set(truth.recipients.map((a) => a.toLowerCase())).size) return false;
  for (const address of ours) if (!accepted.has(address)) return false;
  return true;
}

function reasonMatches(reason: string, alts: { reason?: string }[], ours: string | null): boolean {
  const mine = canonicalReason(ours);
  return [reason, ...alts.map((a) => a.reason)].some((r) => canonicalReason(r) === mine);
}

function sameId(expected: string, actual: string | null): boolean {
  if (!actual) return false;
  const clean = (s: string) => s.trim().replace(/^<|>$/g, '');
  return clean(expected) === clean(actual);
}

export interface Summary {
  bounces: number;
  nonBounces: number;
  recall: number;
  falsePositives: Record<string, number>;
  recipientsExact: number;
  status: number;
  hard: number;
  reason: number;
  messageId: number;
  action: number;
  perDecoder: Record<string, { files: number; detected: number; recipients: number; reason: number }>;
}

/** Aggregate row scores into the benchmark's figures (ratios in 0..1). */
export function summarise(scores: RowScore[]): Summary {
  const ratio = (pick: (s: RowScore) => boolean | null) => {
    const counted = scores.map(pick).filter((v): v is boolean => v !== null);
    return counted.length ? counted.filter(Boolean).length / counted.length : 1;
  };
  const bounceRows = scores.filter((s) => s.recipientsExact !== null);
  const falsePositives: Record<string, number> = {};
  for (const s of scores)
    if (s.falsePositive) falsePositives[s.truthKind] = (falsePositives[s.truthKind] ?? 0) + 1;
  const perDecoder: Summary['perDecoder'] = {};
  for (const s of scores) {
    const row = perDecoder[s.decoder] ?? { files: 0, detected: 0, recipients: 0, reason: 0 };
    perDecoder[s.decoder] = row;
    row.files++;
    if (s.detected === true || (s.detected === null && !s.falsePositive)) row.detected++;
    if (s.recipientsExact !== false) row.recipients++;
    if (s.reason !== false) row.reason++;
  }
  return {
    bounces: bounceRows.length,
    nonBounces: scores.length - bounceRows.length,
    recall: bounceRows.length ? bounceRows.filter((s) => s.detected).length / bounceRows.length : 1,
    falsePositives,
    recipientsExact: ratio((s) => s.recipientsExact),
    status: ratio((s) => s.status),
    hard: ratio((s) => s.hard),
    reason: ratio((s) => s.reason),
    messageId: ratio((s) => s.messageId),
    action: ratio((s) => s.action),
    perDecoder,
  };
}
