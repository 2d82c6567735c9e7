import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Graph's error envelope: `{"error":{"code","message","innerError":{date, request-id, client-request-id}}}`. */
export function graphError(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  message: string,
  headers: Record<string, string> = {},
) {
  const requestId = randomUUID();
  const innerError = {
    date: new Date().toISOString().replace(/\.\d+Z$/, ''),
    'request-id': requestId,
    'client-request-id': c.req.header('client-request-id') ?? requestId,
  };
  for (const [name, value] of Object.entries(headers)) c.header(name, value);
  c.header('request-id', requestId);
  return c.json({ error: { code, message, innerError } }, status);
}

export function retryAfterSeconds(ms: number): string {
  return String(Math.max(1, Math.ceil(ms / 1000)));
}
