import type { z } from '@hono/zod-openapi';
import { apiErrorSchema } from '@sendwell/core';

/** A documented JSON answer. */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** A documented failure: the one error shape, with why this status happens on this route. */
export const failure = (description: string) => json(apiErrorSchema, description);

/** A JSON request body that must be present. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

/** Over a rate limit (docs/operations/limits.md): the same error shape, and when to try again. */
const rateLimited = {
  ...failure('Too many requests from this token or address (`rate-limited`); wait as Retry-After says'),
  headers: {
    'Retry-After': {
      description: 'Seconds until a request will be accepted again',
      schema: { type: 'integer' as const },
    },
  },
};

/**
 * Shared response entries: every authenticated route may answer 401, 413 (a body over the limit,
 * `body-too-large`) and 429 (`rate-limited`), and admin routes 403.
 */
export const errorResponses = {
  401: failure('No token, or not one of ours'),
  413: failure('The body is over the 2 MB limit (`body-too-large`)'),
  429: rateLimited,
} as const;
export const adminErrorResponses = { ...errorResponses, 403: failure('Not a team admin') } as const;
