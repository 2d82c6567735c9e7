import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { OAuthClientRegistration } from './clients';
import { errorPage } from './consentPage';

/** Entra's timestamp style in error bodies: `2019-10-02 10:26:15Z`. */
function entraTimestamp(at: Date): string {
  return at
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');
}

export interface EntraErrorBody {
  error: string;
  error_description: string;
  error_codes: number[];
  timestamp: string;
  trace_id: string;
  correlation_id: string;
  error_uri: string;
  suberror?: string;
}

/**
 * Entra's error shape: `AADSTS<code>: <message>\r\nTrace ID: …\r\nCorrelation ID: …\r\nTimestamp: …`
 * in `error_description`, the numbers in `error_codes`, and the same ids beside it.
 */
export function entraErrorBody(
  input: { error: string; code: number; message: string; suberror?: string; correlationId?: string },
  at: Date,
  errorUriBase: string,
): EntraErrorBody {
  const traceId = randomUUID();
  const correlationId = input.correlationId ?? randomUUID();
  const timestamp = entraTimestamp(at);
  return {
    error: input.error,
    error_description: `AADSTS${input.code}: ${input.message}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
    error_codes: [input.code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `${errorUriBase}?code=${input.code}`,
    ...(input.suberror ? { suberror: input.suberror } : {}),
  };
}

export function entraJsonError(
  c: Context,
  status: ContentfulStatusCode,
  input: { error: string; code: number; message: string; suberror?: string },
  at: Date,
  errorUriBase: string,
) {
  const body = entraErrorBody(
    { ...input, correlationId: c.req.header('client-request-id') ?? undefined },
    at,
    errorUriBase,
  );
  c.header('Cache-Control', 'no-store, no-cache');
  return c.json(body, status);
}

/** "Sorry, but we're having trouble signing you in." with the AADSTS line, as login.microsoftonline.com shows. */
export function entraErrorPage(c: Context, code: number, message: string, at: Date) {
  const traceId = randomUUID();
  return c.html(
    errorPage('Sign in to your account', "Sorry, but we're having trouble signing you in.", [
      `AADSTS${code}: ${message}`,
      `Trace ID: ${traceId}`,
      `Correlation ID: ${randomUUID()}`,
      `Timestamp: ${entraTimestamp(at)}`,
    ]),
    400,
  );
}

/** AADSTS65001's words: the user (or an admin) has not consented, or took the consent back. */
export const notConsented = (client: OAuthClientRegistration) =>
  `The user or administrator has not consented to use the application with ID '${client.clientId}' named '${client.name}'. Send an interactive authorization request for this user and resource.`;
