/** One doctor check: its stable id, a status, what was found and how to fix it. */
export type CheckStatus = 'ok' | 'problem' | 'warning';

export interface Check {
  /** Stable id (scripts and the README refer to it). */
  id: CheckId;
  status: CheckStatus;
  /** What was found. */
  message: string;
  /** How to set it up or fix it: the console step or the environment variable. */
  fix: string;
}

export const CHECK_IDS = [
  'providers',
  'base-url',
  'redirect-uris',
  'secret',
  'microsoft-client-id',
  'microsoft-client-secret',
  'microsoft-api-audience',
  'microsoft-tenants',
  'microsoft-endpoints',
  'google-client-id',
  'google-client-secret',
  'google-service-account',
  'google-domains',
  'google-endpoints',
  'database',
  'data-dir',
  'manifests',
  'microsoft-credentials',
  'google-credentials',
  'clock-skew',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export const AZURE_APP =
  'Azure portal (portal.azure.com) → Microsoft Entra ID → App registrations → Sendwell';
export const GOOGLE_CREDENTIALS = 'Google Cloud console → APIs & Services → Credentials';

export function check(id: CheckId, status: CheckStatus, message: string, fix: string): Check {
  return { id, status, message, fix };
}

/** True for localhost, 127.0.0.0/8 and ::1: plain HTTP is acceptable there for a demo. */
export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\./.test(host);
}
