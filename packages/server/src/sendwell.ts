import type { Clock, Logger, OAuthProvider } from '@sendwell/core';
import { systemClock } from '@sendwell/core';
import { createGmailAddon } from '@sendwell/gmail';
import type { Sandbox } from '@sendwell/sandbox';
import { Hono } from 'hono';
import { apiTokenDays } from './auth/apiTokens';
import { createAuthenticator } from './auth/authenticate';
import { createMicrosoftVerifier } from './auth/microsoftToken';
import { localBackupRoutes } from './backup/localRoute';
import { createChannelService } from './channels/service';
import { smtpProbe } from './channels/smtpProbe';
import { configProblems } from './config/checks';
import { googleOAuthEndpoints, redirectUri, type ServerConfig, secretKeyFile } from './config/config';
import { grantProvider } from './connections/grant';
import { createGoogleOAuthClient, googleIssuers } from './connections/providers/google';
import { createMicrosoftOAuthClient } from './connections/providers/microsoft';
import { createConnectionService } from './connections/service';
import { createTokenManager } from './connections/tokenManager';
import type { OAuthClient } from './connections/types';
import { connectPages } from './http/connectPages';
import { errorResponse } from './http/errors';
import { AdmissionGate, admission } from './http/limits/admission';
import { bodyLimitFor, bodyLimits } from './http/limits/bodyLimits';
import { rateLimits } from './http/limits/rateLimit';
import { admissionFor, BODY_LIMITS, type Limits } from './http/limits/settings';
import { securityHeaders } from './http/securityHeaders';
import { staticRoutes } from './http/static';
import { trackingRoutes } from './http/tracking';
import { unsubscribeRoutes } from './http/unsubscribe';
import { v1Routes } from './http/v1';
import { webAppRoutes } from './http/webApp';
import { consoleLogger } from './logger';
import { createMailboxPorts } from './mailboxes/ports';
import { accessLog } from './observe/accessLog';
import { healthRoutes } from './observe/health';
import { rememberConfiguredSecrets, rememberingVault } from './observe/knownSecrets';
import { Observations } from './observe/observations';
import { observedPorts } from './observe/observedPorts';
import { configuredProviders, type ProviderSettings } from './providerSettings';
import { startSandboxMode } from './sandboxMode';
import { inputGuard } from './security/inputGuard';
import { createApiTokenService } from './services/apiTokens';
import { createDecorate } from './services/decorate';
import { FeedHub, listenForEvents } from './services/feedHub';
import { gmailAddonDeps } from './services/gmailDeps';
import { createScanNow } from './services/scanNow';
import { assertPrivateDataDir } from './store/dataDirMode';
import { type Db, openDb } from './store/db';
import { migrate } from './store/migrations';
import { loadVaultSecrets } from './vault/secrets';
import { createVault } from './vault/vault';
import { advanceCampaignsOnce } from './workers/campaignWorker';
import { type Loop, startLoop } from './workers/loop';
import { scanAllOnce } from './workers/scannerWorker';
import { sendDueOnce } from './workers/senderWorker';

export { SANDBOX_API_AUDIENCE } from './providerSettings';

export interface Sendwell {
  app: Hono;
  db: Db;
  config: ServerConfig;
  sandbox: Sandbox | null;
  apiTokenFor(userId: string): string;
  /** Starts the outbox sender and the inbox scanner. */
  startWorkers(): void;
  /** One round of each worker, for tests that drive time by hand. */
  runWorkersOnce(): Promise<void>;
  /** The process is stopping: `/readyz` answers 503 `draining` from now on, the rest goes on. */
  drain(): void;
  close(): Promise<void>;
}

export interface SendwellOptions {
  clock?: Clock;
  logger?: Logger;
  /** Milliseconds before a sandbox bounce notice lands in the inbox. */
  sandboxNoticeDelayMs?: number;
  /** Rate limits (per IP, token, refused sign-ins) for requests over sockets; `sendwell start` passes them. */
  limits?: Limits;
}

/** Refuses to start on settings that cannot work, naming each problem and its fix. */
function refuseBrokenConfig(config: ServerConfig): void {
  if (config.providers === 'sandbox') return;
  const fatal = configProblems(config);
  if (fatal.length === 0) return;
  const lines = fatal.map((p) => `  - ${p.message}${p.fix ? `\n    fix: ${p.fix}` : ''}`);
  throw new Error(
    `Sendwell cannot start with these settings (run \`sendwell doctor\`):\n${lines.join('\n')}`,
  );
}

function oauthClients(config: ServerConfig, providers: ProviderSettings, clock: Clock) {
  const clients: Partial<Record<OAuthProvider, OAuthClient>> = {};
  const ms = providers.microsoft;
  if (ms)
    clients.microsoft = createMicrosoftOAuthClient({
      ...ms,
      redirectUri: redirectUri(config.baseUrl, 'microsoft'),
      tenantsAllowed: ms.tenants,
      clock,
    });
  const g = providers.google;
  if (g)
    clients.google = createGoogleOAuthClient({
      clientId: g.clientId,
      clientSecret: g.clientSecret,
      ...googleOAuthEndpoints(g),
      issuer: g.issuer,
      jwksUrl: g.certsUrl,
      redirectUri: redirectUri(config.baseUrl, 'google'),
      gmailRootUrl: g.gmailRootUrl,
      clock,
    });
  return clients;
}

/** The composition root: storage, the vault, providers (sandbox or real), HTTP routes and workers. */
export async function createSendwell(config: ServerConfig, options: SendwellOptions = {}): Promise<Sendwell> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? consoleLogger();
  refuseBrokenConfig(config);
  const pglite = `${config.dataDir}/pglite`;
  const secretKey = secretKeyFile(config.dataDir);
  assertPrivateDataDir(config.dataDir, { pglite: config.databaseUrl ? undefined : pglite, secretKey });
  const db = await openDb(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: pglite });
  await migrate(db);
  const secrets = loadVaultSecrets(config.dataDir);
  const secret = secrets[0]!;
  const vault = rememberingVault(createVault(secrets));
  const hub = new FeedHub();
  // On PostgreSQL, other instances' events wake this instance's feed streams (LISTEN/NOTIFY).
  const stopListening = await listenForEvents(db, hub);
  const mode =
    config.providers === 'sandbox'
      ? await startSandboxMode(db, vault, config, { clock, noticeDelayMs: options.sandboxNoticeDelayMs })
      : null;
  const providers = mode?.providers ?? configuredProviders(config);
  rememberConfiguredSecrets(config, secrets, providers);
  const observations = new Observations(() => clock.now().getTime());
  const clients = oauthClients(config, providers, clock);
  let sender: Loop | null = null;
  let scanner: Loop | null = null;
  let campaigns: Loop | null = null;
  const wakeSender = () => sender?.wake();

  // The token manager reports a lost grant to the service, which the service's deps need: late-bound.
  let markLost: (mailboxId: string, problem: Parameters<typeof service.markLost>[1]) => Promise<void>;
  const tokens = createTokenManager({
    db,
    vault,
    clock,
    logger,
    clientFor: (kind) => {
      const provider = grantProvider(kind);
      return provider ? (clients[provider] ?? null) : null;
    },
    onLost: (mailboxId, problem) => markLost(mailboxId, problem),
  });
  const legacySmtp = mode?.legacySmtp ?? config.legacySmtp ?? null;
  const ports = createMailboxPorts(providers, tokens, legacySmtp);
  // Provider errors and inbox reads are counted for /metrics; the adapters are otherwise untouched.
  const mailboxFor = observedPorts(observations, ports.mailboxFor);
  const service = createConnectionService({
    db,
    clock,
    hub,
    logger,
    vault,
    clients,
    tokens: {
      forget(mailboxId) {
        tokens.forget(mailboxId);
        ports.forget(mailboxId);
      },
    },
    wakeSender,
  });
  markLost = (mailboxId, problem) => service.markLost(mailboxId, problem);
  const channels = createChannelService({
    db,
    clock,
    vault,
    logger,
    legacySmtp,
    smtp: smtpProbe,
    forgetLane: ports.forget,
    wakeSender,
  });

  const ms = providers.microsoft;
  const verifyMicrosoft = ms
    ? createMicrosoftVerifier({
        jwksUrl: `${ms.authorityHost}/common/discovery/v2.0/keys`,
        issuerFor: (tid) => `${ms.authorityHost}/${tid}/v2.0`,
        // Entra v2 tokens for an app's own API carry its client id as `aud`; v1 ones the app id URI.
        audience: [ms.apiAudience, ms.clientId],
      })
    : null;
  const authenticate = createAuthenticator({ db, secret, verifyMicrosoft, policy: providers.policy, clock });
  const lifetimeDays = config.apiTokenDays ?? apiTokenDays(undefined);
  const apiTokens = createApiTokenService({ db, clock, secret, lifetimeDays });
  const workerDeps = {
    db,
    clock,
    hub,
    logger,
    mailboxFor,
    sentFolderFor: observedPorts(observations, ports.sentFolderFor),
    decorate: createDecorate({ db, baseUrl: config.baseUrl, secret }),
    ...(config.sendLeaseMs ? { leaseMs: config.sendLeaseMs } : {}),
  };
  const campaignDeps = { db, clock, hub, logger, wake: wakeSender };

  const app = new Hono();
  // First: every request gets its id and its access line, whatever answers it.
  app.use('*', accessLog(logger));
  app.use('*', securityHeaders({ https: config.baseUrl.startsWith('https:') }));
  app.onError((error, c) => errorResponse(error, c, logger));
  // Before any route: refuse floods cheaply, then bodies too large for the entry point (413).
  if (options.limits) {
    app.use('*', rateLimits(options.limits));
    // Then one line for the store: a few requests at a time, the rest in arrival order (or 429).
    const gate = admissionFor(options.limits, config.databaseUrl ? 'postgres' : 'pglite');
    app.use('*', admission(new AdmissionGate(gate), gate));
  }
  // The sandbox's stand-ins answer as Microsoft and Google would: the guard leaves them alone.
  const unguarded = ['/sandbox/'];
  const guarded = (path: string) => !unguarded.some((prefix) => path.startsWith(prefix));
  app.use('*', bodyLimits(BODY_LIMITS, { chunkedCountedLater: guarded }));
  // Then what the body holds: no NUL, valid UTF-8, JSON not nested too deep (docs/operations/security.md).
  app.use('*', inputGuard({ except: unguarded, limitFor: (path) => bodyLimitFor(path, BODY_LIMITS) }));
  app.notFound((c) =>
    c.json({ error: { code: 'not-found', message: `No route for ${c.req.method} ${c.req.path}.` } }, 404),
  );
  app.route(
    '/api/v1',
    v1Routes({
      db,
      clock,
      hub,
      logger,
      authenticate,
      wakeSender,
      baseUrl: config.baseUrl,
      feedPollMs: config.feedPollMs,
      channels,
      connections: service,
      providers,
      scanNow: createScanNow(workerDeps),
      apiTokens,
    }),
  );
  app.route('/connect', connectPages(service));
  app.route('/_local', localBackupRoutes({ db, secret, dataDir: config.dataDir, clock }));
  // Campaign emails' one-click unsubscribe (RFC 8058) and, when a team turns it on, tracking.
  app.route('/u', unsubscribeRoutes({ db, clock, hub, logger, secret }));
  app.route('/t', trackingRoutes({ db, clock, hub, logger, secret }));
  const g = providers.google;
  if (g)
    app.route(
      '/gmail',
      createGmailAddon(
        gmailAddonDeps({
          db,
          clock,
          hub,
          draftsFor: ports.draftsFor,
          messagesFor: mailboxFor,
          wakeSender,
          addonUrl: `${config.baseUrl}/gmail/addon`,
          auth: {
            jwksUrl: g.certsUrl,
            issuers: googleIssuers(g.issuer),
            systemAudience: `${config.baseUrl}/gmail/addon`,
            userAudience: g.clientId,
            serviceAccountEmail: g.serviceAccountEmail ?? '',
          },
          policy: providers.policy,
          connections: service,
        }),
      ),
    );
  if (mode) app.route('/sandbox', mode.sandbox.app);
  // The team web app: sign-in, session and the built SPA.
  app.get('/app', (c) => c.redirect('/app/', 301));
  app.route('/app', webAppRoutes({ db, clock, logger, secret, providers, baseUrl: config.baseUrl }));
  app.route('/', healthRoutes({ db, logger, observations, config }));
  app.route('/', staticRoutes(config));

  return {
    app,
    db,
    config,
    sandbox: mode?.sandbox ?? null,
    apiTokenFor: (userId) => apiTokens.derive(userId),
    startWorkers() {
      const round = observations.round.bind(observations);
      sender ??= startLoop(
        'sender',
        config.senderIntervalMs,
        round('sender', () => sendDueOnce(workerDeps)),
        logger,
      );
      scanner ??= startLoop(
        'scanner',
        config.scanIntervalMs,
        round('scanner', () => scanAllOnce(workerDeps)),
        logger,
      );
      campaigns ??= startLoop(
        'campaigns',
        config.senderIntervalMs,
        round('campaigns', () => advanceCampaignsOnce(campaignDeps)),
        logger,
      );
    },
    async runWorkersOnce() {
      // Steps due now are queued before the sender's round; exits found by the scan apply next round.
      await advanceCampaignsOnce(campaignDeps);
      await sendDueOnce(workerDeps);
      await scanAllOnce(workerDeps);
    },
    drain() {
      observations.draining = true;
    },
    async close() {
      observations.draining = true;
      await campaigns?.stop();
      await sender?.stop();
      await scanner?.stop();
      await ports.closeAll();
      await mode?.close();
      await stopListening();
      await db.close();
    },
  };
}
