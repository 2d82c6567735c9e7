import { z } from 'zod';
import { isoTime, pageOf } from './common';

/**
 * `/api/v1/tokens` (a user's own API tokens) and `/api/v1/members/{id}/tokens` (a team admin's view
 * of a member's): tokens live for a while (the server's lifetime unless a shorter one is asked for)
 * and can be revoked one by one, or all of a user's at once.
 */

/** The longest lifetime a server may give its tokens (`SENDWELL_API_TOKEN_DAYS` is capped here). */
export const API_TOKEN_MAX_DAYS = 365;

export const apiTokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    createdAt: isoTime,
    expiresAt: isoTime,
    revokedAt: isoTime.nullable(),
    state: z.enum(['active', 'expired', 'revoked']),
  })
  .meta({ id: 'ApiToken' });
export type ApiTokenInfo = z.infer<typeof apiTokenSchema>;

export const apiTokenPageSchema = pageOf(apiTokenSchema, 'ApiTokenPage');

export const createApiTokenBodySchema = z
  .object({
    name: z.string().trim().min(1).max(100).meta({ description: 'What the token is for, e.g. "CRM sync".' }),
    expiresInDays: z.number().int().min(1).max(API_TOKEN_MAX_DAYS).optional().meta({
      description:
        "Days until it stops working; default and upper bound: the server's lifetime. A token made with an API token never outlives that token.",
    }),
  })
  .strict()
  .meta({ id: 'CreateApiTokenRequest' });
export type CreateApiTokenBody = z.infer<typeof createApiTokenBodySchema>;

export const createdApiTokenSchema = z
  .object({
    token: z.string().meta({ description: 'The bearer token. Shown this once: Sendwell keeps no copy.' }),
    apiToken: apiTokenSchema,
  })
  .meta({ id: 'CreatedApiToken' });

export const apiTokenIdParamsSchema = z.object({ id: z.string().min(1).max(200) });

export const apiTokensRevokedSchema = z
  .object({
    userId: z.string(),
    revokedBefore: isoTime.meta({
      description: 'Every API token of the user issued until this time no longer works.',
    }),
    revoked: z.number().int().meta({ description: 'How many listed tokens were still active.' }),
  })
  .meta({ id: 'ApiTokensRevoked' });
export type ApiTokensRevoked = z.infer<typeof apiTokensRevokedSchema>;
