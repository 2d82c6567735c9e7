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

/** Shared response entries: every authenticated route may answer 401, and admin routes 403. */
export const errorResponses = { 401: failure('No token, or not one of ours') } as const;
export const adminErrorResponses = { ...errorResponses, 403: failure('Not a team admin') } as const;
