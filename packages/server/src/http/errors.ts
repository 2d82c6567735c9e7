import type { Logger } from '@sendwell/core';
import type { Context } from 'hono';
import { ZodError } from 'zod';
import { ApiError, describeIssues } from '../services/errors';

/**
 * Every failure leaves as `{error: {code, message, details?}}` with a message a person can act on;
 * unknown ones are logged and become a 500.
 */
export function errorResponse(error: unknown, c: Context, logger: Logger) {
  if (error instanceof ApiError) {
    const details = error.details ? { details: error.details } : {};
    return c.json({ error: { code: error.code, message: error.message, ...details } }, error.status);
  }
  if (error instanceof ZodError) {
    const { message, details } = describeIssues(error);
    return c.json({ error: { code: 'invalid-request', message, details } }, 400);
  }
  if (error instanceof SyntaxError)
    return c.json({ error: { code: 'invalid-json', message: 'The body is not valid JSON.' } }, 400);
  logger.error('unhandled error', {
    path: c.req.path,
    detail: error instanceof Error ? error.message : String(error),
  });
  return c.json({ error: { code: 'internal', message: 'Something went wrong on our side.' } }, 500);
}
