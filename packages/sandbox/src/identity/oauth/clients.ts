import { SANDBOX_GOOGLE_CLIENT_ID, SANDBOX_MS_CLIENT_ID } from '../identity';

export type OAuthProviderName = 'microsoft' | 'google';

/** One app registration (Entra) or OAuth client (Google Cloud) the sandbox's identity providers know. */
export interface OAuthClientRegistration {
  clientId: string;
  clientSecret: string;
  /** Exact-match redirect URIs, as both providers compare them. */
  redirectUris: string[];
  /** Display name on the consent page. */
  name: string;
  /** Refuse authorization requests without an S256 code challenge (Sendwell always sends one). */
  requirePkce: boolean;
}

export type OAuthClients = Record<OAuthProviderName, OAuthClientRegistration[]>;

const SANDBOX_MS_CLIENT_SECRET = 'sandbox-ms-client-secret';
const SANDBOX_GOOGLE_CLIENT_SECRET = 'sandbox-google-client-secret';

/** Where Sendwell lives when the caller says nothing: the origin of the pane's URL, else localhost. */
export function defaultAppBaseUrl(paneUrl: string | undefined): string {
  try {
    if (paneUrl) return new URL(paneUrl).origin;
  } catch {
    // a relative pane URL carries no origin
  }
  return 'http://127.0.0.1:3000';
}

/** Sendwell's registrations with each provider, with the documented sandbox defaults. */
export function sendwellClients(
  appBaseUrl: string,
  overrides: Partial<Record<OAuthProviderName, Partial<OAuthClientRegistration>>> = {},
): OAuthClients {
  const base = appBaseUrl.replace(/\/+$/, '');
  return {
    microsoft: [
      {
        clientId: SANDBOX_MS_CLIENT_ID,
        clientSecret: SANDBOX_MS_CLIENT_SECRET,
        // The mailbox connection's callback and the team web app's sign-in callback.
        redirectUris: [`${base}/connect/callback/microsoft`, `${base}/app/auth/callback/microsoft`],
        name: 'Sendwell',
        requirePkce: true,
        ...overrides.microsoft,
      },
    ],
    google: [
      {
        clientId: SANDBOX_GOOGLE_CLIENT_ID,
        clientSecret: SANDBOX_GOOGLE_CLIENT_SECRET,
        redirectUris: [`${base}/connect/callback/google`, `${base}/app/auth/callback/google`],
        name: 'Sendwell',
        requirePkce: true,
        ...overrides.google,
      },
    ],
  };
}

export function findClient(
  clients: OAuthClients,
  provider: OAuthProviderName,
  clientId: string | undefined,
): OAuthClientRegistration | undefined {
  return clientId ? clients[provider].find((c) => c.clientId === clientId) : undefined;
}
