import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
};

/** Google's JSON error envelope: `{error:{code, message, errors:[{message, domain, reason}], status}}`. */
export function googleError(
  c: Context,
  code: ContentfulStatusCode,
  reason: string,
  message: string,
  extra: Record<string, string> = {},
  domain = 'global',
) {
  return c.json(
    {
      error: {
        code,
        message,
        errors: [{ message, domain, reason, ...extra }],
        status: STATUS_NAMES[code] ?? 'UNKNOWN',
      },
    },
    code,
  );
}

export const UNAUTHENTICATED_MESSAGE =
  'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.';
export const NOT_FOUND_MESSAGE = 'Requested entity was not found.';
