import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { GoogleAuthConfig } from '../auth/verifyGoogleRequest';
import { testSubject } from './fakeDeps';

/** Claims a test puts in a user ID token beside the defaults (`sub` defaults to `testSubject(email)`). */
export interface TestUserClaims {
  sub?: string;
  hd?: string;
  name?: string;
}

const TEST_SERVICE_ACCOUNT = 'service-1@gcp-sa-gsuiteaddons.iam.gserviceaccount.com';
const TEST_CLIENT_ID = 'sendwell-addon-test-client';

/** A local Google look-alike for tests: signs system/user ID tokens and gives the matching auth config. */
export async function createTestGoogle(addonUrl: string) {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test', alg: 'RS256', use: 'sig' };
  const sign = (claims: { aud: string; email: string; sub: string } & Omit<TestUserClaims, 'sub'>) =>
    new SignJWT({ email: claims.email, email_verified: true, hd: claims.hd, name: claims.name })
      .setProtectedHeader({ alg: 'RS256', kid: 'test' })
      .setIssuer('https://accounts.google.com')
      .setAudience(claims.aud)
      .setSubject(claims.sub)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
  const auth: GoogleAuthConfig = {
    jwksUrl: 'http://unused.invalid/certs',
    issuers: ['https://accounts.google.com'],
    systemAudience: addonUrl,
    userAudience: TEST_CLIENT_ID,
    serviceAccountEmail: TEST_SERVICE_ACCOUNT,
    keys: createLocalJWKSet({ keys: [jwk] }),
  };
  return {
    auth,
    /** The key that signs both tokens (to forge look-alikes with jose in tests). */
    privateKey,
    systemToken: () => sign({ aud: addonUrl, email: TEST_SERVICE_ACCOUNT, sub: '110000000000000000001' }),
    userToken: (email: string, claims: TestUserClaims = {}) =>
      sign({ aud: TEST_CLIENT_ID, email, sub: testSubject(email), ...claims }),
  };
}
