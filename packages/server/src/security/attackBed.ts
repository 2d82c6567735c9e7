import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import { silentLogger } from '@sendwell/core';
import { Hono } from 'hono';
import { exportJWK, type JWTPayload, SignJWT } from 'jose';
import { issueSessionToken } from '../auth/sessionTokens';
import { loadConfig } from '../config/config';
import { createSendwell, type Sendwell } from '../sendwell';
import { loadVaultSecrets } from '../vault/secrets';

/**
 * A real-mode Sendwell (not the sandbox) behind a real socket, pointed at a stand-in Entra and a
 * stand-in Google that publish one signing key each, so a test can mint every kind of bad token:
 * forged, expired, for another audience, from another issuer, unsigned (`alg: none`).
 */
const TENANT = '11111111-2222-4333-8444-555555555555';
const MS_CLIENT_ID = '0d1c6f3e-7a2b-4c5d-9e8f-123456789abc';
const GOOGLE_CLIENT_ID = '4242-attacks.apps.googleusercontent.com';
const SERVICE_ACCOUNT = 'addon@gcp-sa-gsuiteaddons.iam.gserviceaccount.com';

type Key = ReturnType<typeof keyPair>;
function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKey, publicKey, kid: randomBytes(8).toString('hex') };
}

/** Entra for our API, Google's system token and Google's user ID token for the add-on. */
export type Flavour = 'microsoft' | 'google' | 'google-user';
export type TokenKind = 'good' | 'forged' | 'expired' | 'wrong-audience' | 'wrong-issuer' | 'alg-none';

export interface AttackBed {
  sendwell: Sendwell;
  base: string;
  /** A token of `kind` as Entra (our API) or Google (the add-on's system token) would mint it. */
  token(flavour: Flavour, kind: TokenKind): Promise<string>;
  /** A web-app session token for a user, issued `ageMs` ago with the server's own secret. */
  session(userId: string, ageMs: number): string;
  close(): Promise<void>;
}

const listen = (app: { fetch: (r: Request) => Response | Promise<Response> }) =>
  new Promise<{ server: ServerType; url: string }>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
      resolve({ server: s, url: `http://127.0.0.1:${info.port}` }),
    );
  });

async function authority(entra: Key, google: Key) {
  const jwk = async (key: Key) => ({
    ...(await exportJWK(key.publicKey)),
    kid: key.kid,
    use: 'sig',
    alg: 'RS256',
  });
  const app = new Hono();
  app.get('/:tenant/discovery/v2.0/keys', async (c) => c.json({ keys: [await jwk(entra)] }));
  app.get('/google/certs', async (c) => c.json({ keys: [await jwk(google)] }));
  return listen(app);
}

/** `header.payload.` with no signature: what a client claiming `alg: none` sends. */
function unsigned(payload: JWTPayload): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(payload)}.`;
}

export async function openAttackBed(): Promise<AttackBed> {
  const entra = keyPair();
  const google = keyPair();
  const stranger = keyPair();
  const auth = await authority(entra, google);
  let sendwell: Sendwell | undefined;
  const front = await listen({ fetch: (r) => sendwell!.app.fetch(r) });
  const dataDir = mkdtempSync(join(tmpdir(), 'sendwell-attacks-'));
  const env = {
    SENDWELL_MS_CLIENT_ID: MS_CLIENT_ID,
    SENDWELL_MS_CLIENT_SECRET: 'secret',
    SENDWELL_MS_TENANTS: TENANT,
    SENDWELL_MS_AUTHORITY: auth.url,
    SENDWELL_MS_GRAPH_URL: `${auth.url}/graph/v1.0`,
    SENDWELL_GOOGLE_CLIENT_ID: GOOGLE_CLIENT_ID,
    SENDWELL_GOOGLE_CLIENT_SECRET: 'secret',
    SENDWELL_GOOGLE_CERTS_URL: `${auth.url}/google/certs`,
    SENDWELL_GOOGLE_ISSUER: 'https://accounts.google.com',
    SENDWELL_GOOGLE_SERVICE_ACCOUNT: SERVICE_ACCOUNT,
    SENDWELL_GOOGLE_DOMAINS: 'example.com',
    SENDWELL_SECRET: randomBytes(32).toString('base64'),
    SENDWELL_BASE_URL: front.url,
  };
  sendwell = await createSendwell(loadConfig({ port: Number(new URL(front.url).port), dataDir }, env), {
    logger: silentLogger,
  });
  const ms = sendwell.config.microsoft!;
  // The secret the server itself loaded (createSendwell reads the data dir and the process environment).
  const secret = loadVaultSecrets(dataDir)[0]!;
  const now = () => Math.floor(Date.now() / 1000);
  const claims: Record<Flavour, JWTPayload> = {
    microsoft: {
      iss: `${auth.url}/${TENANT}/v2.0`,
      aud: ms.apiAudience,
      tid: TENANT,
      oid: 'b1f0c2d3-0000-4000-8000-00000000000a',
      preferred_username: 'rio@example.com',
      name: 'Rio',
      scp: 'access_as_user',
      ver: '2.0',
    },
    google: {
      iss: 'https://accounts.google.com',
      aud: `${front.url}/gmail/addon`,
      sub: '110384726150293847561',
      email: SERVICE_ACCOUNT,
      email_verified: true,
    },
    'google-user': {
      iss: 'https://accounts.google.com',
      aud: GOOGLE_CLIENT_ID,
      sub: '220384726150293847562',
      email: 'rio@example.com',
      email_verified: true,
      hd: 'example.com',
    },
  };
  const kinds: Record<TokenKind, { over: JWTPayload; key?: 'stranger' }> = {
    good: { over: {} },
    forged: { over: {}, key: 'stranger' },
    expired: { over: { iat: now() - 7200, nbf: now() - 7200, exp: now() - 3600 } },
    'wrong-audience': { over: { aud: 'https://graph.microsoft.com' } },
    'wrong-issuer': { over: { iss: `https://evil.example.com/${TENANT}/v2.0` } },
    'alg-none': { over: {} },
  };
  return {
    sendwell,
    base: front.url,
    async token(flavour, kind) {
      const payload = {
        iat: now() - 60,
        nbf: now() - 60,
        exp: now() + 3600,
        ...claims[flavour],
        ...kinds[kind].over,
      };
      if (kind === 'alg-none') return unsigned(payload);
      const key = kinds[kind].key === 'stranger' ? stranger : flavour === 'microsoft' ? entra : google;
      // A forger reuses the real key id: only the signature can tell.
      const kid = flavour === 'microsoft' ? entra.kid : google.kid;
      return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid }).sign(key.privateKey);
    },
    session: (userId, ageMs) => issueSessionToken(secret, userId, new Date(Date.now() - ageMs)),
    async close() {
      front.server.close();
      auth.server.close();
      await sendwell?.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
