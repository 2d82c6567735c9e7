import type { Clock, Logger, MailboxPort } from '@sendwell/core';
import { systemClock } from '@sendwell/core';
import { createGmailAddon, GmailApiMailbox, GmailDrafts } from '@sendwell/gmail';
import { createSandbox } from '@sendwell/sandbox';
import { Hono } from 'hono';
import { apiTokenFor, verifyApiToken } from './auth/apiTokens';
import { createMicrosoftVerifier } from './auth/microsoftToken';
import type { ServerConfig } from './config/config';
import { loadSecret } from './config/config';
import { apiRoutes } from './http/api';
import { errorResponse } from './http/errors';
import { staticRoutes } from './http/static';
import { consoleLogger } from './logger';
import { GmailSentFolder } from './mailboxes/gmailSentFolder';
import { GraphMailbox } from './mailboxes/graphMailbox';
import { seedUsers } from './seed';
import { ApiError } from './services/errors';
import { FeedHub } from './services/feedHub';
import { gmailAddonDeps } from './services/gmailDeps';
import { type Db, openDb } from './store/db';
import { migrate } from './store/migrations';
import type { MailboxRow, UserRow } from './store/rows';
import { findUser, findUserByEmail } from './store/users';
import { type Loop, startLoop } from './workers/loop';
import { scanAllOnce } from './workers/scannerWorker';
import { sendDueOnce } from './workers/senderWorker';

/** The audience our API accepts on Microsoft access tokens (the add-in's app id URI). */
export const SANDBOX_API_AUDIENCE = 'api://sendwell';
const GRAPH_AUDIENCE = 'https://graph.microsoft.com';

export interface Sendwell {
  app: Hono;
  db: Db;
  config: ServerConfig;
  sandbox: ReturnType<typeof createSandbox> | null;
  apiTokenFor(userId: string): string;
  /** Starts the outbox sender and the inbox scanner. */
  startWorkers(): void;
  /** One round of each worker, for tests that drive time by hand. */
  runWorkersOnce(): Promise<void>;
  close(): Promise<void>;
}

export interface SendwellOptions {
  clock?: Clock;
  logger?: Logger;
  /** Milliseconds before a sandbox bounce notice lands in the inbox. */
  sandboxNoticeDelayMs?: number;
}

/** The composition root: storage, providers (sandbox or real), HTTP routes and workers. */
export async function createSendwell(config: ServerConfig, options: SendwellOptions = {}): Promise<Sendwell> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? consoleLogger();
  if (config.providers !== 'sandbox') {
    throw new Error(
      'Real Microsoft/Google credentials are configured, but only sandbox mailboxes are wired in this build (see README: "Real providers").',
    );
  }
  const db = await openDb(
    config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: `${config.dataDir}/pglite` },
  );
  await migrate(db);
  const secret = loadSecret(config.dataDir);
  const hub = new FeedHub();
  const sandbox = createSandbox({
    baseUrl: `${config.baseUrl}/sandbox`,
    clock,
    noticeDelayMs: options.sandboxNoticeDelayMs,
    appUrls: {
      paneUrl: `${config.baseUrl}/outlook/taskpane.html`,
      addonUrl: `${config.baseUrl}/gmail/addon`,
    },
  });
  await seedUsers(db, sandbox.users);

  const verifyMicrosoft = createMicrosoftVerifier({
    jwksUrl: sandbox.microsoft.jwksUrl,
    issuerFor: (tid) => sandbox.microsoft.issuer(tid),
    audience: SANDBOX_API_AUDIENCE,
  });
  const authenticate = async (token: string): Promise<UserRow> => {
    const apiUser = verifyApiToken(secret, token);
    const user = apiUser
      ? await findUser(db, apiUser)
      : await verifyMicrosoft(token).then(
          (p) => findUserByEmail(db, p.email),
          () => null,
        );
    if (!user) throw new ApiError(401, 'invalid-token', 'The token is not valid for Sendwell.');
    return user;
  };

  const ports = new Map<string, MailboxPort>();
  const mailboxFor = (row: MailboxRow): MailboxPort => {
    const cached = ports.get(row.id);
    if (cached) return cached;
    const port: MailboxPort =
      row.provider === 'exchange'
        ? new GraphMailbox({
            baseUrl: sandbox.microsoft.graphBaseUrl,
            address: row.address,
            getToken: () => sandbox.issueMicrosoftToken(row.userId, GRAPH_AUDIENCE),
          })
        : new GmailApiMailbox({
            rootUrl: sandbox.google.rootUrl,
            address: row.address,
            getToken: async () => sandbox.issueGoogleAccessToken(row.userId),
          });
    ports.set(row.id, port);
    return port;
  };

  let sender: Loop | null = null;
  let scanner: Loop | null = null;
  // Gmail's Sent folder for the budget scan (GraphMailbox reads its own Sent Items).
  const sentFolderFor = (row: MailboxRow) =>
    row.provider === 'gmail'
      ? new GmailSentFolder({
          rootUrl: sandbox.google.rootUrl,
          getToken: async () => sandbox.issueGoogleAccessToken(row.userId),
        })
      : null;
  const workerDeps = { db, clock, hub, logger, mailboxFor, sentFolderFor };
  const app = new Hono();
  app.onError((error, c) => errorResponse(error, c, logger));
  app.notFound((c) =>
    c.json({ error: { code: 'not-found', message: `No route for ${c.req.method} ${c.req.path}.` } }, 404),
  );
  app.route('/api', apiRoutes({ db, clock, hub, logger, authenticate, wakeSender: () => sender?.wake() }));
  app.route(
    '/gmail',
    createGmailAddon(
      gmailAddonDeps({
        db,
        clock,
        hub,
        // The rep's grant on their Gmail mailbox (the sandbox issues it): the add-on reads the draft.
        draftsFor: (row) =>
          new GmailDrafts({
            rootUrl: sandbox.google.rootUrl,
            getToken: async () => sandbox.issueGoogleAccessToken(row.userId),
          }),
        wakeSender: () => sender?.wake(),
        addonUrl: `${config.baseUrl}/gmail/addon`,
        auth: {
          jwksUrl: sandbox.google.jwksUrl,
          issuers: [sandbox.google.issuer],
          systemAudience: `${config.baseUrl}/gmail/addon`,
          userAudience: sandbox.google.clientId,
          serviceAccountEmail: sandbox.google.serviceAccountEmail,
        },
      }),
    ),
  );
  app.route('/sandbox', sandbox.app);
  app.route('/', staticRoutes(config));

  return {
    app,
    db,
    config,
    sandbox,
    apiTokenFor: (userId) => apiTokenFor(secret, userId),
    startWorkers() {
      sender ??= startLoop('sender', config.senderIntervalMs, () => sendDueOnce(workerDeps), logger);
      scanner ??= startLoop('scanner', config.scanIntervalMs, () => scanAllOnce(workerDeps), logger);
    },
    async runWorkersOnce() {
      await sendDueOnce(workerDeps);
      await scanAllOnce(workerDeps);
    },
    async close() {
      await sender?.stop();
      await scanner?.stop();
      await db.close();
    },
  };
}
