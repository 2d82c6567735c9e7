/**
 * How this Sendwell server wants the add-in to sign in: `GET /api/v1/auth-config` (public, no token).
 * `microsoft` is null when the server has no Microsoft app registration configured.
 */
export interface MicrosoftSignInConfig {
  /** The add-in's app registration (application id). */
  clientId: string;
  /** e.g. `https://login.microsoftonline.com/<tenant>` (or the sandbox's stand-in). */
  authority: string;
  /** The scope our API exposes, e.g. `api://sendwell.example.com/<client id>/access_as_user`. */
  apiScope: string;
}

interface AuthConfigAnswer {
  microsoft: MicrosoftSignInConfig | null;
}

/** The server could not be asked (network) or answered something that is not an auth config. */
class AuthConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthConfigError';
  }
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

function readMicrosoft(value: unknown): MicrosoftSignInConfig | null {
  if (value === null) return null;
  const candidate = (value ?? {}) as Partial<MicrosoftSignInConfig>;
  if (isText(candidate.clientId) && isText(candidate.authority) && isText(candidate.apiScope)) {
    return { clientId: candidate.clientId, authority: candidate.authority, apiScope: candidate.apiScope };
  }
  throw new AuthConfigError('The server answered an auth config without clientId, authority and apiScope.');
}

/** Reads `GET {baseUrl}/api/v1/auth-config`; throws `AuthConfigError` when it cannot. */
export async function loadAuthConfig(
  baseUrl: string,
  doFetch: typeof fetch = (input, init) => fetch(input, init),
): Promise<MicrosoftSignInConfig | null> {
  let response: Response;
  try {
    response = await doFetch(`${baseUrl}/api/v1/auth-config`, { headers: { accept: 'application/json' } });
  } catch (cause) {
    throw new AuthConfigError((cause as Error).message);
  }
  if (!response.ok) throw new AuthConfigError(`The server answered ${response.status} for its auth config.`);
  const body = (await response.json().catch(() => null)) as Partial<AuthConfigAnswer> | null;
  if (!body || !('microsoft' in body)) throw new AuthConfigError('The server answered no auth config.');
  return readMicrosoft(body.microsoft);
}
