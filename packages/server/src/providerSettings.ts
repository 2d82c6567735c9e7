import type { Sandbox } from '@sendwell/sandbox';
import type { SignInPolicy } from './auth/signIn';
import type { GoogleConfig, MicrosoftConfig, ServerConfig } from './config/config';

/** The audience the sandbox's Outlook host asks for on the pane's behalf (kept stable for tests). */
export const SANDBOX_API_AUDIENCE = 'api://sendwell';

/** Where each provider lives and who may sign in: the only difference between sandbox and real. */
export interface ProviderSettings {
  microsoft: MicrosoftConfig | null;
  google: GoogleConfig | null;
  policy: SignInPolicy;
}

/** Real providers: what the environment configured (`sendwell doctor` checks it). */
export function configuredProviders(config: ServerConfig): ProviderSettings {
  return {
    microsoft: config.microsoft,
    google: config.google,
    policy: {
      microsoftTenants: config.microsoft?.tenants ?? [],
      googleDomains: config.google?.domains ?? [],
    },
  };
}

/**
 * The sandbox's endpoints in the same shape as real ones: production code reaches them over HTTP
 * exactly as it reaches login.microsoftonline.com and Google, so the sandbox runs the real flows.
 */
export function sandboxProviders(sandbox: Sandbox): ProviderSettings {
  const tenants = [...new Set(sandbox.users.filter((u) => u.provider === 'exchange').map((u) => u.tenantId))];
  const domains = [
    ...new Set(sandbox.users.filter((u) => u.provider === 'gmail').map((u) => u.email.split('@')[1]!)),
  ];
  return {
    microsoft: {
      clientId: sandbox.microsoft.clientId,
      clientSecret: sandbox.microsoft.clientSecret,
      authorityHost: sandbox.microsoft.authorityHost,
      graphBaseUrl: sandbox.microsoft.graphBaseUrl,
      apiAudience: SANDBOX_API_AUDIENCE,
      tenants,
    },
    google: {
      clientId: sandbox.google.clientId,
      clientSecret: sandbox.google.clientSecret,
      accountsUrl: sandbox.google.accountsUrl,
      oauthUrl: sandbox.google.oauthUrl,
      openIdUrl: sandbox.google.openIdUrl,
      certsUrl: sandbox.google.jwksUrl,
      issuer: sandbox.google.issuer,
      gmailRootUrl: sandbox.google.rootUrl,
      serviceAccountEmail: sandbox.google.serviceAccountEmail,
      domains,
    },
    policy: { microsoftTenants: tenants, googleDomains: domains },
  };
}
