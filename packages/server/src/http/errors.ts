import type { Logger } from '@sendwell/core';
import type { Context } from 'hono';
import { ZodError } from 'zod';
import { ApiError } from '../services/errors';

/** Every failure leaves as `{error: {code, message}}`; unknown ones are logged and become a 500. */
export function errorResponse(error: unknown, c: Context, logger: Logger) {
  if (error instanceof ApiError)
    return c.json({ error: { code: error.code, message: error.message } }, error.status);
  if (error instanceof ZodError) {
    const message = error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
    return c.json({ error: { code: 'invalid-request', message } }, 400);
  }
  if (error instanceof SyntaxError)
    return c.json({ error: { code: 'invalid-json', message: 'The body is not valid JSON.' } }, 400);
  logger.error('unhandled error', {
    path: c.req.path,
    detail: error instanceof Error ? error.message : String(error),
  });
  return c.json({ error: { code: 'internal', message: 'Something went wrong on our side.' } }, 500);
}
