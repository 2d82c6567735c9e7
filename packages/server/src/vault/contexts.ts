/**
 * The AAD of every envelope Sendwell stores, one builder per column, so the writer, the reader and
 * `sendwell secrets rotate` agree: an envelope opens only in the row and column it was sealed for.
 */
export const vaultContext = {
  credentialSecret: (mailboxId: string) => `credentials:${mailboxId}:secret`,
  credentialAccessToken: (mailboxId: string) => `credentials:${mailboxId}:access_token`,
  oauthStateVerifier: (state: string) => `oauth_states:${state}:verifier`,
} as const;
