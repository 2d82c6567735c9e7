import type { SubmitResult } from '@sendwell/core';

/** The parts of a gaxios error Sendwell reads (status, Google's error envelope, Retry-After). */
export interface GmailErrorFacts {
  status: number | null;
  reason: string | null;
  message: string;
  retryAfterHeader: string | null;
}

type Obj = Record<string, unknown>;
const obj = (value: unknown): Obj | undefined =>
  value && typeof value === 'object' ? (value as Obj) : undefined;

function headerValue(headers: unknown, name: string): string | null {
  if (!headers) return null;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
  const value = obj(headers)?.[name];
  return typeof value === 'string' ? value : null;
}

export function errorFacts(error: unknown): GmailErrorFacts {
  const e = obj(error) ?? {};
  const response = obj(e.response);
  const envelope = obj(obj(response?.data)?.error);
  const first = obj((envelope?.errors as unknown[] | undefined)?.[0]);
  const statusValue = response?.status ?? e.status ?? (typeof e.code === 'number' ? e.code : undefined);
  const status = typeof statusValue === 'number' ? statusValue : Number(statusValue) || null;
  return {
    status,
    reason:
      typeof first?.reason === 'string'
        ? first.reason
        : typeof envelope?.status === 'string'
          ? envelope.status
          : null,
    message: String(envelope?.message ?? e.message ?? 'Gmail API request failed'),
    retryAfterHeader: headerValue(response?.headers, 'retry-after'),
  };
}

/** Gmail refused the access token (expired, revoked): the caller refreshes once and retries. */
export const isUnauthorized = (error: unknown): boolean => errorFacts(error).status === 401;

const QUOTA_REASONS = new Set([
  'rateLimitExceeded',
  'userRateLimitExceeded',
  'quotaExceeded',
  'dailyLimitExceeded',
  'RESOURCE_EXHAUSTED',
]);
const DAY_SECONDS = 24 * 60 * 60;

/** Seconds to wait: Retry-After (seconds or date), else "Retry after <ISO time>" in the message. */
function retryAfterSeconds(facts: GmailErrorFacts, now: Date, fallback: number): number {
  const header = facts.retryAfterHeader?.trim();
  if (header && /^\d+$/.test(header)) return Number(header);
  const at = header
    ? Date.parse(header)
    : Date.parse(/Retry after (\S+?)[).,]?(?:\s|$)/i.exec(facts.message)?.[1] ?? '');
  if (!Number.isNaN(at)) return Math.max(1, Math.ceil((at - now.getTime()) / 1000));
  return fallback;
}

/** Sending-limit signals: Gmail's "(Mail sending)" 429 and daily-limit preconditions. */
const isSendingLimit = (facts: GmailErrorFacts): boolean =>
  /mail sending|limit for sending|daily (user )?sending limit|sending limit/i.test(facts.message);

/**
 * Maps a failed `messages.send` to the outbox's vocabulary. Provider throttling pauses the mailbox
 * (a day by default for sending limits); other 4xx are permanent for this message; 401, 408, 5xx
 * and network errors are retryable after the outbox has reconciled with Sent.
 */
export function classifySendError(error: unknown, now: Date): SubmitResult {
  const facts = errorFacts(error);
  const detail = `${facts.status ?? 'network'} ${facts.reason ?? ''} ${facts.message}`
    .replace(/\s+/g, ' ')
    .trim();
  const limit = isSendingLimit(facts);
  const quota =
    facts.status === 429 ||
    (facts.status === 403 && facts.reason !== null && QUOTA_REASONS.has(facts.reason));
  if (quota || (facts.status === 400 && limit)) {
    return {
      status: 'throttled',
      retryAfterSeconds: retryAfterSeconds(facts, now, limit ? DAY_SECONDS : 60),
      detail,
    };
  }
  if (facts.status === null || facts.status === 401 || facts.status === 408 || facts.status >= 500) {
    return { status: 'failed', retryable: true, detail };
  }
  return { status: 'failed', retryable: false, detail };
}
