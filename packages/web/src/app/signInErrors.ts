/**
 * @public (the e2e spec checks the page against these)
 * What the sign-in page says for each code the server's callback sends back (`?error=`): the page
 * never shows text from the query, only these sentences.
 */
export const SIGN_IN_ERRORS: Record<string, string> = {
  'signin-expired': 'The sign-in took too long or was started in another tab. Please sign in again.',
  'signin-cancelled': 'The sign-in was cancelled at the provider. Choose an account to continue.',
  'signin-refused': 'The provider did not complete the sign-in. Please try again.',
  'signin-invalid': 'The provider’s answer could not be verified, so you were not signed in.',
  'signin-unknown-provider': 'That sign-in provider is not one Sendwell knows.',
  'signin-provider-not-configured':
    'This Sendwell is not set up for that provider. Use the other one, or ask your admin.',
  'tenant-not-allowed':
    'Your Microsoft 365 organisation is not set up for this Sendwell. Ask your admin to add it.',
  'domain-not-allowed':
    'Your Google account’s domain is not set up for this Sendwell. Ask your admin to add it.',
  'email-taken':
    'Your address already belongs to another Sendwell account signed in with a different identity. Ask your admin to link them.',
  'session-expired': 'Your session has ended. Please sign in again.',
};

export function signInErrorText(code: string | undefined): string | null {
  if (!code) return null;
  return SIGN_IN_ERRORS[code] ?? 'Sign-in did not complete. Please try again.';
}
