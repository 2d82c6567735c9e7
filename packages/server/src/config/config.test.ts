import { describe, expect, it } from 'vitest';
import { GOOGLE_DEFAULTS, loadConfig, MICROSOFT_DEFAULTS, redirectUri } from './config';

const MS_CLIENT = '0f4b6c2e-8d1a-4e7b-9c3f-5a2d1e0b7c64';
const TENANT = '7f3c1e52-9d4a-4b6e-8a21-3c5d0f9b1a10';

describe('loadConfig', () => {
  it('uses the sandbox when no provider is configured', () => {
    const config = loadConfig({ port: 4000, dataDir: '/tmp/sw' }, {});
    expect(config).toMatchObject({
      providers: 'sandbox',
      microsoft: null,
      google: null,
      baseUrl: 'http://127.0.0.1:4000',
      databaseUrl: null,
    });
  });

  it('fills Microsoft with the documented defaults and an api://<host>/<client id> audience', () => {
    const config = loadConfig(
      {},
      {
        SENDWELL_BASE_URL: 'https://sendwell.example.com:8443/',
        SENDWELL_MS_CLIENT_ID: MS_CLIENT,
        SENDWELL_MS_CLIENT_SECRET: 's3cr3t~value',
        SENDWELL_MS_TENANTS: ` ${TENANT.toUpperCase()} ,, `,
      },
    );
    expect(config.providers).toBe('real');
    expect(config.google).toBeNull();
    expect(config.microsoft).toEqual({
      clientId: MS_CLIENT,
      clientSecret: 's3cr3t~value',
      authorityHost: MICROSOFT_DEFAULTS.authorityHost,
      graphBaseUrl: MICROSOFT_DEFAULTS.graphBaseUrl,
      apiAudience: `api://sendwell.example.com:8443/${MS_CLIENT}`,
      tenants: [TENANT],
    });
  });

  it('fills Google with the documented defaults', () => {
    const config = loadConfig(
      {},
      {
        SENDWELL_GOOGLE_CLIENT_ID: 'id.apps.googleusercontent.com',
        SENDWELL_GOOGLE_CLIENT_SECRET: 'GOCSPX-x',
        SENDWELL_GOOGLE_DOMAINS: 'Contoso.com, fabrikam.com',
      },
    );
    expect(config.microsoft).toBeNull();
    expect(config.google).toEqual({
      clientId: 'id.apps.googleusercontent.com',
      clientSecret: 'GOCSPX-x',
      ...GOOGLE_DEFAULTS,
      serviceAccountEmail: null,
      domains: ['contoso.com', 'fabrikam.com'],
    });
  });

  it('points every endpoint elsewhere by configuration only (the sandbox, as if it were real)', () => {
    const sandbox = 'http://127.0.0.1:3000/sandbox';
    const config = loadConfig(
      {},
      {
        SENDWELL_MS_CLIENT_ID: MS_CLIENT,
        SENDWELL_MS_AUTHORITY: `${sandbox}/login/`,
        SENDWELL_MS_GRAPH_URL: `${sandbox}/graph/v1.0`,
        SENDWELL_MS_AUDIENCE: 'api://sendwell',
        SENDWELL_GOOGLE_CLIENT_ID: 'g',
        SENDWELL_GOOGLE_ACCOUNTS_URL: `${sandbox}/google/accounts`,
        SENDWELL_GOOGLE_OAUTH_URL: `${sandbox}/google/oauth2`,
        SENDWELL_GOOGLE_OPENID_URL: `${sandbox}/google/openidconnect`,
        SENDWELL_GOOGLE_CERTS_URL: `${sandbox}/google/oauth2/v3/certs`,
        SENDWELL_GOOGLE_ISSUER: `${sandbox}/google/accounts`,
        SENDWELL_GMAIL_URL: `${sandbox}/google/gmail`,
      },
    );
    expect(config.microsoft).toMatchObject({
      authorityHost: `${sandbox}/login`,
      graphBaseUrl: `${sandbox}/graph/v1.0`,
      apiAudience: 'api://sendwell',
    });
    expect(config.google).toMatchObject({
      accountsUrl: `${sandbox}/google/accounts`,
      oauthUrl: `${sandbox}/google/oauth2`,
      certsUrl: `${sandbox}/google/oauth2/v3/certs`,
      gmailRootUrl: `${sandbox}/google/gmail/`,
    });
  });

  it.each([
    ['SENDWELL_MS_CLIENT_SECRET', 'microsoft'],
    ['SENDWELL_MS_TENANTS', 'microsoft'],
    ['SENDWELL_GOOGLE_SERVICE_ACCOUNT', 'google'],
    ['SENDWELL_GOOGLE_DOMAINS', 'google'],
  ] as const)('does not throw (nor fall back to the sandbox) with only %s set', (name, provider) => {
    const config = loadConfig({}, { [name]: 'x' });
    expect(config.providers).toBe('real');
    expect(config[provider]).toMatchObject({ clientId: '' });
  });

  it.each([
    [undefined, null],
    ['10000', 10_000],
  ])('reads the send lease SENDWELL_SEND_LEASE_MS=%s as %s', (raw, lease) => {
    expect(loadConfig({}, raw === undefined ? {} : { SENDWELL_SEND_LEASE_MS: raw }).sendLeaseMs).toBe(lease);
  });

  it.each(['500', 'soon', '1500.5'])('refuses SENDWELL_SEND_LEASE_MS=%s, naming it', (raw) => {
    expect(() => loadConfig({}, { SENDWELL_SEND_LEASE_MS: raw })).toThrow(/SENDWELL_SEND_LEASE_MS/);
  });

  it('still refuses a bad port', () => {
    expect(() => loadConfig({ port: 70000 }, {})).toThrow(/--port/);
  });

  it('derives the redirect URIs from the base URL', () => {
    expect(redirectUri('https://s.example.com/', 'microsoft')).toBe(
      'https://s.example.com/connect/callback/microsoft',
    );
    expect(redirectUri('https://s.example.com', 'google')).toBe(
      'https://s.example.com/connect/callback/google',
    );
  });
});
