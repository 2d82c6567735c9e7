export { createGmailAddon, ACTIONS } from './addon';
export type * from './deps';
export {
  createGoogleRequestVerifier,
  GoogleAuthError,
  type GoogleAuthConfig,
  type GoogleIdentity,
  type GoogleRequestVerifier,
} from './auth/verifyGoogleRequest';
export type { AddonResponse, Card } from './cards/types';
export { createFakeAddonDeps, defaultFakeState, type FakeAddonState } from './testing/fakeDeps';
