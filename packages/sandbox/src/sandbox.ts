import { type Clock, systemClock } from '@sendwell/core';
import { Hono } from 'hono';
import { cardPreviewerRoutes } from './card-previewer';
import { DEFAULT_LIMITS, RequestGates, type SandboxContext, type SandboxLimits } from './context';
import { gmailRoutes } from './gmail/routes';
import { graphRoutes } from './graph/routes';
import {
  GRAPH_AUDIENCE,
  SANDBOX_ADDON_SERVICE_ACCOUNT,
  SANDBOX_GOOGLE_CLIENT_ID,
  SANDBOX_MS_CLIENT_ID,
  SandboxIdentity,
} from './identity/identity';
import { devRoutes, identityRoutes } from './identity/routes';
import { PostOffice } from './mail/postOffice';
import { MailStore, type StoredMessage } from './mail/store';
import { outlookHostRoutes } from './outlook-host';
import { DEMO_USERS, findUser, type SandboxUser } from './users';

export interface SandboxOptions {
  /** Where the app is reachable, without trailing slash, e.g. `http://127.0.0.1:3000/sandbox`. */
  baseUrl: string;
  clock?: Clock;
  /** How long after a send its bounce/delay notice lands in the sender's inbox. Default 300 ms. */
  noticeDelayMs?: number;
  /** Where the Outlook pane and the Gmail add-on live, for the host pages. */
  appUrls?: { paneUrl: string; addonUrl: string };
  /** Override provider limits (e.g. a small Gmail daily limit to demo the quota bounce). */
  limits?: { exchange?: Partial<SandboxLimits['exchange']>; gmail?: Partial<SandboxLimits['gmail']> };
}

export interface Sandbox {
  /** Mount at the path of `baseUrl` (e.g. `app.route('/sandbox', sandbox.app)`). */
  app: Hono;
  users: readonly SandboxUser[];
  listUsers(): SandboxUser[];
  issueMicrosoftToken(userId: string, audience?: string): Promise<string>;
  issueGoogleIdToken(userId: string, audience?: string): Promise<string>;
  issueGoogleSystemIdToken(audience: string): Promise<string>;
  issueGoogleAccessToken(userId: string): string;
  microsoft: {
    graphBaseUrl: string;
    jwksUrl: string;
    issuer(tenantId: string): string;
    audience: string;
    clientId: string;
  };
  google: { rootUrl: string; jwksUrl: string; issuer: string; clientId: string; serviceAccountEmail: string };
  /** Delivers notices that are due now (requests to the app do this too). */
  deliverDueNotices(): number;
  /** A user's mailbox (after delivering due notices), read-only, for tests and the demo seed. */
  messages(userId: string, folder?: 'inbox' | 'sentitems'): StoredMessage[];
  /** Holds every request to the user's mailbox open until the returned function is called. */
  holdRequests(userId: string): () => void;
}

function mergeLimits(overrides: SandboxOptions['limits']): SandboxLimits {
  return {
    exchange: { ...DEFAULT_LIMITS.exchange, ...overrides?.exchange },
    gmail: { ...DEFAULT_LIMITS.gmail, ...overrides?.gmail },
  };
}

export function createSandbox(options: SandboxOptions): Sandbox {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const clock = options.clock ?? systemClock;
  const users = DEMO_USERS;
  const store = new MailStore(users, clock);
  const identity = new SandboxIdentity(baseUrl, users, clock);
  const ctx: SandboxContext = {
    baseUrl,
    clock,
    users,
    store,
    identity,
    limits: mergeLimits(options.limits),
    gates: new RequestGates(),
    postOffice: new PostOffice(store, clock, options.noticeDelayMs ?? 300),
  };
  const user = (id: string) => {
    const found = findUser(users, id);
    if (!found) throw new Error(`unknown sandbox user ${id}`);
    return found;
  };
  const app = new Hono();
  app.use(async (_c, next) => {
    ctx.postOffice.deliverDue();
    await next();
  });
  app.route('/', identityRoutes(ctx));
  app.route('/dev', devRoutes(ctx));
  app.route('/graph/v1.0', graphRoutes(ctx));
  app.route('/google', gmailRoutes(ctx));
  app.route('/outlook', outlookHostRoutes({ paneUrl: options.appUrls?.paneUrl ?? '/outlook/taskpane.html' }));
  app.route('/gmail', cardPreviewerRoutes({ addonUrl: options.appUrls?.addonUrl ?? '/gmail/addon' }));
  return {
    app,
    users,
    listUsers: () => users.map((u) => ({ ...u })),
    issueMicrosoftToken: (id, audience) => identity.issueMicrosoftToken(id, audience),
    issueGoogleIdToken: (id, audience) => identity.issueGoogleIdToken(id, audience),
    issueGoogleSystemIdToken: (audience) => identity.issueGoogleSystemIdToken(audience),
    issueGoogleAccessToken: (id) => identity.issueGoogleAccessToken(id),
    microsoft: {
      graphBaseUrl: `${baseUrl}/graph/v1.0`,
      jwksUrl: `${baseUrl}/login/common/discovery/v2.0/keys`,
      issuer: (tenantId) => identity.microsoftIssuer(tenantId),
      audience: GRAPH_AUDIENCE,
      clientId: SANDBOX_MS_CLIENT_ID,
    },
    google: {
      rootUrl: `${baseUrl}/google/`,
      jwksUrl: `${baseUrl}/google/oauth2/v3/certs`,
      issuer: identity.googleIssuer,
      clientId: SANDBOX_GOOGLE_CLIENT_ID,
      serviceAccountEmail: SANDBOX_ADDON_SERVICE_ACCOUNT,
    },
    deliverDueNotices: () => ctx.postOffice.deliverDue(),
    messages: (id, folder) => {
      ctx.postOffice.deliverDue();
      return store.mailbox(user(id).mailboxId).messages.filter((m) => !folder || m.folder === folder);
    },
    holdRequests: (id) => ctx.gates.hold(user(id).mailboxId),
  };
}
