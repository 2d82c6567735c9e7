export { ACTIONS, createGmailAddon } from './addon';
export { missingScopes, requiredScopes, SCOPES } from './auth/scopes';
export {
  createGoogleRequestVerifier,
  createGoogleTokenChecks,
  type GoogleAuthConfig,
  GoogleAuthError,
  type GoogleIdentity,
  type GoogleRequestVerifier,
  type GoogleTokenChecks,
} from './auth/verifyGoogleRequest';
export type { AddonResponse, Card } from './cards/types';
export { channelViewOf } from './channelView';
export type * from './deps';
export { GOOGLE_ROOT_URL, GoogleOAuth2 } from './mailbox/client';
export {
  defaultMessageIdFor,
  GmailApiMailbox,
  type GmailApiMailboxOptions,
  PREFILTER_HEADERS,
} from './mailbox/gmailApiMailbox';
export { GmailDrafts, type GmailDraftsOptions } from './mailbox/gmailDrafts';
export { classifySendError } from './mailbox/gmailErrors';
export { buildMime, toRaw } from './mailbox/mime';
export { createFakeAddonDeps, defaultFakeState, type FakeAddonState, fakeDrafts } from './testing/fakeDeps';
export { FakeGmailApi } from './testing/fakeGmailApi';
export { createTestGoogle } from './testing/googleTokens';
