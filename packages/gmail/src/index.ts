export { createGmailAddon, ACTIONS } from './addon';
export type * from './deps';
export {
  createGoogleRequestVerifier,
  createGoogleTokenChecks,
  type GoogleTokenChecks,
  GoogleAuthError,
  type GoogleAuthConfig,
  type GoogleIdentity,
  type GoogleRequestVerifier,
} from './auth/verifyGoogleRequest';
export type { AddonResponse, Card } from './cards/types';
export { createFakeAddonDeps, defaultFakeState, type FakeAddonState } from './testing/fakeDeps';
export { GmailApiMailbox, defaultMessageIdFor, PREFILTER_HEADERS, GOOGLE_ROOT_URL, type GmailApiMailboxOptions } from './mailbox/gmailApiMailbox';
export { classifySendError } from './mailbox/gmailErrors';
export { buildMime, toRaw } from './mailbox/mime';
export { createTestGoogle } from './testing/googleTokens';
export { FakeGmailApi } from './testing/fakeGmailApi';
export { SCOPES, requiredScopes, missingScopes } from './auth/scopes';
