import type { z } from 'zod';

/** An answer from `/api/v1` that is not 2xx, with the server's `{error: {code, message}}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Query = Record<string, string | number | boolean | null | undefined>;

export interface ApiClient {
  /** GET; the answer is checked against `schema` when one is given (core's wire schema). */
  get<T>(path: string, options?: { query?: Query; schema?: z.ZodType<T> }): Promise<T>;
  post<T>(path: string, body?: unknown, options?: { schema?: z.ZodType<T> }): Promise<T>;
  put<T>(path: string, body?: unknown, options?: { schema?: z.ZodType<T> }): Promise<T>;
  patch<T>(path: string, body?: unknown, options?: { schema?: z.ZodType<T> }): Promise<T>;
  delete<T = void>(path: string): Promise<T>;
}

export interface ApiClientOptions {
  /** The bearer token: the web-app session token from `GET /app/session`. */
  token: string;
  /** Called once when the server says the session is over (expired or unknown token). */
  onSessionEnded?: (code: string) => void;
  fetch?: typeof fetch;
  /** Prefix of every path: '' = this origin. */
  baseUrl?: string;
}

const SESSION_ENDED = new Set(['session-expired', 'invalid-token', 'unauthenticated']);

/** Builds `/api/v1/<path>?<query>`, leaving out empty query values. */
export function apiUrl(baseUrl: string, path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const search = params.toString();
  return `${baseUrl}/api/v1${path}${search ? `?${search}` : ''}`;
}

async function errorOf(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as {
    error?: { code?: unknown; message?: unknown; details?: unknown };
  } | null;
  const error = body?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string')
    return new ApiError(response.status, error.code, error.message, error.details);
  return new ApiError(response.status, `http-${response.status}`, `The server answered ${response.status}.`);
}

/** The web app's one way to call `/api/v1`: bearer token, JSON both ways, typed errors. */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const base = options.baseUrl ?? '';

  async function call<T>(
    method: string,
    path: string,
    init: { query?: Query; body?: unknown; schema?: z.ZodType<T> },
  ) {
    const headers: Record<string, string> = {
      authorization: `Bearer ${options.token}`,
      accept: 'application/json',
    };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await doFetch(apiUrl(base, path, init.query), {
        method,
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
    } catch (cause) {
      throw new ApiError(0, 'network', `Sendwell could not be reached: ${(cause as Error).message}`);
    }
    if (!response.ok) {
      const error = await errorOf(response);
      if (response.status === 401 && SESSION_ENDED.has(error.code)) options.onSessionEnded?.(error.code);
      throw error;
    }
    if (response.status === 204) return undefined as T;
    const body: unknown = await response.json();
    return init.schema ? init.schema.parse(body) : (body as T);
  }

  return {
    get: (path, o) => call('GET', path, o ?? {}),
    post: (path, body, o) => call('POST', path, { body: body ?? {}, ...o }),
    put: (path, body, o) => call('PUT', path, { body: body ?? {}, ...o }),
    patch: (path, body, o) => call('PATCH', path, { body: body ?? {}, ...o }),
    delete: (path) => call('DELETE', path, {}),
  };
}
