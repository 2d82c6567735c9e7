import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { GoogleAuthConfig } from '../auth/verifyGoogleRequest';

const TEST_SERVICE_ACCOUNT = 'service-1@gcp-sa-gsuiteaddons.iam.gserviceaccount.com';
const TEST_CLIENT_ID = 'sendwell-addon-test-client';

/** A local Google look-alike for tests: signs system/user ID tokens and gives the matching auth config. */
export async function createTestGoogle(addonUrl: string) {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test', alg: 'RS256', use: 'sig' };
  const sign = (claims: { aud: string; email: string }) =>
    new SignJWT({ email: claims.email, email_verified: true })
      .setProtectedHeader({ alg: 'RS256', kid: 'test' })
      .setIssuer('https://accounts.google.com')
      .setAudience(claims.aud)
      .setSubject(claims.email)
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
    systemToken: () => sign({ aud: addonUrl, email: TEST_SERVICE_ACCOUNT }),
    userToken: (email: string) => sign({ aud: TEST_CLIENT_ID, email }),
  };
}
