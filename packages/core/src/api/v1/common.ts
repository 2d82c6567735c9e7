import { z } from 'zod';

/**
 * Shapes every `/api/v1` route shares. Each wire type is defined once, here in core, as a zod schema
 * with an OpenAPI id (`.meta({ id })`): the server validates with it and generates
 * `/api/v1/openapi.json` from it, the front ends take their types from `z.infer`.
 */

export const apiErrorSchema = z
  .object({
    error: z.object({
      code: z
        .string()
        .meta({ description: 'Stable, machine-readable (e.g. `admin-only`, `send-not-found`).' }),
      message: z.string().meta({ description: 'A sentence a person can act on.' }),
      details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .meta({ id: 'Error' });
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;

export const PAGE_LIMIT_MAX = 100;
export const PAGE_LIMIT_DEFAULT = 50;

/** `?cursor=&limit=`: the cursor is opaque (the previous page's `nextCursor`). */
export const pageQuerySchema = z.object({
  cursor: z.string().max(200).optional().meta({ description: "The previous page's `nextCursor`." }),
  limit: z.coerce.number().int().min(1).max(PAGE_LIMIT_MAX).default(PAGE_LIMIT_DEFAULT),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

/** A page of `item`s, newest first unless the route says otherwise; `nextCursor` null on the last. */
export function pageOf<T extends z.ZodType>(item: T, id: string) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() }).meta({ id });
}

/** Timestamps travel as ISO 8601 strings in UTC. */
export const isoTime = z.string().meta({ format: 'date-time', example: '2026-12-04T09:30:00.000Z' });
