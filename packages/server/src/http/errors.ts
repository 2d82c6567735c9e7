import type { Logger } from '@sendwell/core';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
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
  // Hono's own validators (behind @hono/zod-openapi) refuse a body they cannot parse this way.
  if (error instanceof HTTPException && error.status < 500) {
    const malformed = /json/i.test(error.message);
    const body = malformed
      ? { code: 'invalid-json', message: 'The body is not valid JSON.' }
      : { code: 'bad-request', message: error.message };
    return c.json({ error: body }, error.status);
  }
  logger.error('unhandled error', {
    path: c.req.path,
    detail: error instanceof Error ? error.message : String(error),
  });
  return c.json({ error: { code: 'internal', message: 'Something went wrong on our side.' } }, 500);
}
