import type { SubmitResult } from '@sendwell/core';
import { describe, expect, it } from 'vitest';
import { classifySendError } from './gmailErrors';

const now = new Date('2026-03-02T10:00:00Z');

/** Shaped like a gaxios 7 error. */
function gaxiosError(
  status: number,
  body: { reason?: string; message: string },
  headers: Record<string, string> = {},
) {
  return Object.assign(new Error(body.message), {
    status,
    response: {
      status,
      headers: new Headers(headers),
      data: {
        error: {
          code: status,
          message: body.message,
          errors: body.reason ? [{ domain: 'usageLimits', reason: body.reason, message: body.message }] : [],
        },
      },
    },
  });
}

describe('classifySendError', () => {
  it.each<[string, unknown, Partial<SubmitResult>]>([
    [
      '429 with Retry-After seconds',
      gaxiosError(
        429,
        { reason: 'rateLimitExceeded', message: 'Rate Limit Exceeded' },
        { 'retry-after': '30' },
      ),
      { status: 'throttled', retryAfterSeconds: 30 },
    ],
    [
      '429 Mail sending with a retry time',
      gaxiosError(429, {
        reason: 'rateLimitExceeded',
        message: 'User-rate limit exceeded.  Retry after 2026-03-02T12:00:00.000Z (Mail sending)',
      }),
      { status: 'throttled', retryAfterSeconds: 7200 },
    ],
    [
      '429 Mail sending without a time',
      gaxiosError(429, { message: 'User-rate limit exceeded (Mail sending)' }),
      { status: 'throttled', retryAfterSeconds: 86400 },
    ],
    [
      '403 userRateLimitExceeded',
      gaxiosError(403, { reason: 'userRateLimitExceeded', message: 'User Rate Limit Exceeded' }),
      { status: 'throttled', retryAfterSeconds: 60 },
    ],
    [
      '400 daily sending limit',
      gaxiosError(400, { reason: 'failedPrecondition', message: 'Daily user sending limit exceeded' }),
      { status: 'throttled', retryAfterSeconds: 86400 },
    ],
    [
      '400 invalid To header',
      gaxiosError(400, { reason: 'invalidArgument', message: 'Invalid To header' }),
      { status: 'failed', retryable: false },
    ],
    [
      '403 forbidden scope',
      gaxiosError(403, { reason: 'insufficientPermissions', message: 'Insufficient Permission' }),
      { status: 'failed', retryable: false },
    ],
    [
      '401 expired token',
      gaxiosError(401, { message: 'Invalid Credentials' }),
      { status: 'failed', retryable: true },
    ],
    [
      '500 backend error',
      gaxiosError(500, { reason: 'backendError', message: 'Backend Error' }),
      { status: 'failed', retryable: true },
    ],
    [
      'network failure',
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      { status: 'failed', retryable: true },
    ],
  ])('%s', (_name, error, expected) => {
    expect(classifySendError(error, now)).toMatchObject(expected);
  });
});
