import type { ConnectionProblem } from './types';

/** An OAuth token endpoint's error answer (RFC 6749 §5.2), with Entra's `error_codes` when present. */
export interface TokenErrorBody {
  error: string;
  error_description?: string;
  error_codes?: number[];
  suberror?: string;
}

/** Entra ID AADSTS codes that mean "the rep has to sign in again", and what each means. */
const AADSTS: Record<number, ConnectionProblem> = {
  50173: 'password-changed', // grant expired: revoked by a password change or reset
  50133: 'password-changed', // session invalid due to password expiration or recent password change
  65001: 'consent-revoked', // the user or administrator has not consented
  700082: 'grant-expired', // refresh token expired due to inactivity
  70043: 'grant-expired', // refresh token expired or invalid due to sign-in frequency checks
  70008: 'grant-expired', // the provided authorization code or refresh token has expired
  50076: 'consent-revoked', // MFA or a changed Conditional Access policy needs interaction
  700084: 'grant-expired', // SPA refresh token lifetime
};

/**
 * Pure: what a token endpoint's error means for the connection, or null when it is not the rep's
 * problem (a server error, a misconfigured client: retry or alert the operator, never ask the rep).
 */
export function classifyTokenError(body: TokenErrorBody): ConnectionProblem | null {
  for (const code of body.error_codes ?? []) {
    const problem = AADSTS[code];
    if (problem) return problem;
  }
  const match = /AADSTS(\d+)/.exec(body.error_description ?? '');
  if (match && AADSTS[Number(match[1])]) return AADSTS[Number(match[1])]!;
  switch (body.error) {
    case 'invalid_grant':
      return /expired/i.test(body.error_description ?? '') && !/revoked/i.test(body.error_description ?? '')
        ? 'grant-expired'
        : 'grant-revoked';
    case 'consent_required':
    case 'interaction_required':
      return 'consent-revoked';
    default:
      return null;
  }
}
