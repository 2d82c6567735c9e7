import { type Clock, systemClock } from '@sendwell/core';
import { Hono } from 'hono';
import type { z } from 'zod';
import { classifyEws } from './calls/classify';
import { CallLog, type CallSummary } from './calls/log';
import { cardPreviewerRoutes } from './card-previewer';
import { DEFAULT_LIMITS, RequestGates, type SandboxContext, type SandboxLimits } from './context';
import { devCallRoutes } from './dev/calls';
import { devFillRoutes, type FillAnswer, type FillOutcome, fillMailbox, fillRequestSchema } from './dev/fill';
import { devAccountRoutes } from './dev/routes';
import { AnswerStalls, devStallRoutes } from './dev/stalls';
import { devTruthRoutes } from './dev/truth';
import { createEwsSandbox, type EwsCall, type EwsSandbox } from './ews';
import { gmailRoutes } from './gmail/routes';
import { graphRoutes } from './graph/routes';
import {
  GRAPH_AUDIENCE,
  SANDBOX_ADDON_SERVICE_ACCOUNT,
  SANDBOX_GOOGLE_CLIENT_ID,
  SandboxIdentity,
} from './identity/identity';
import {
  defaultAppBaseUrl,
  type OAuthClientRegistration,
  type OAuthProviderName,
  sendwellClients,
} from './identity/oauth/clients';
import { oauthRoutes } from './identity/oauth/routes';
import { devRoutes, identityRoutes } from './identity/routes';
import { PostOffice } from './mail/postOffice';
import { MailStore, type StoredMessage } from './mail/store';
import { outlookHostRoutes } from './outlook-host';
import { OneClickClient, type OneClickEntry } from './responses/oneClick';
import { SmtpDesk } from './smtp/desk';
import { smtpRoutes } from './smtp/routes';
import { benchPeople, DEMO_USERS, findUser, type SandboxUser } from './users';

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
  /**
   * Sendwell's base URL (its redirect URIs are `${appBaseUrl}/connect/callback/{microsoft,google}`).
   * Default: the origin of `appUrls.paneUrl`.
   */
  appBaseUrl?: string;
  /** Override Sendwell's client registrations (defaults: the SANDBOX_* client ids and secrets). */
  oauthClients?: Partial<Record<OAuthProviderName, Partial<OAuthClientRegistration>>>;
  /**
   * How `*@unsubscribe.test` mail clients reach List-Unsubscribe URLs (default: global `fetch`);
   * pass `(url, init) => app.request(url, init)` to reach an in-process Sendwell.
   */
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
  /** This many generated people after the demo ones (`rep01`…, see `benchPeople`), for benches. */
  benchPeople?: number;
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
    clientSecret: string;
    /** Entra's host: `${authorityHost}/{tenant}/oauth2/v2.0/authorize|token` (real: login.microsoftonline.com). */
    authorityHost: string;
  };
  google: {
    rootUrl: string;
    jwksUrl: string;
    issuer: string;
    clientId: string;
    serviceAccountEmail: string;
    clientSecret: string;
    /** accounts.google.com: `${accountsUrl}/o/oauth2/v2/auth`. */
    accountsUrl: string;
    /** oauth2.googleapis.com: `${oauthUrl}/token`, `${oauthUrl}/revoke`. */
    oauthUrl: string;
    /** openidconnect.googleapis.com: `${openIdUrl}/v1/userinfo`. */
    openIdUrl: string;
  };
  /** Delivers notices that are due now (requests to the app do this too). */
  deliverDueNotices(): number;
  /** A user's mailbox (after delivering due notices), read-only, for tests and the demo seed. */
  messages(userId: string, folder?: 'inbox' | 'sentitems'): StoredMessage[];
  /** Holds every request to the user's mailbox open until the returned function is called. */
  holdRequests(userId: string): () => void;
  /** The in-process "rep connected once": a consent to Sendwell's client and its refresh token. */
  grantOffline(userId: string, provider: OAuthProviderName, scopes?: string[]): { refreshToken: string };
  /** The user removes Sendwell's access (as `POST /dev/revoke`); answers the number of grants ended. */
  revokeAccess(userId: string): number;
  /** The user changes their password (as `POST /dev/password`). */
  changePassword(userId: string): void;
  /** Sendwell's client registrations the sandbox's authorization servers accept. */
  oauthClients: Record<OAuthProviderName, OAuthClientRegistration>;
  /** Exchange Server on-premises (and look-alikes) behind EWS, at `/ews/{org}/EWS/Exchange.asmx`. */
  ews: EwsSandbox;
  /** The mail desk behind the SMTP server `startSandboxSmtp` runs; its log is `GET /smtp/messages`. */
  smtp: SmtpDesk;
  /** The provider calls answered for a mailbox address (as `GET /dev/calls?address=`). */
  calls(address: string): CallSummary;
  /** Forgets the call log of one address, or of all (as `POST /dev/calls/reset`). */
  resetCalls(address?: string): void;
  /** The one-click unsubscribes `*@unsubscribe.test` recipients pressed (as `GET /dev/unsubscribes`). */
  unsubscribes(): OneClickEntry[];
  /** Resolves when every one-click POST started so far has its outcome. */
  unsubscribesSettled(): Promise<void>;
  /** Fills a person's inbox (as `POST /dev/mailboxes/fill`); throws on a bad request. */
  fillMailbox(request: z.input<typeof fillRequestSchema>): FillAnswer;
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
  const users = options.benchPeople ? [...DEMO_USERS, ...benchPeople(options.benchPeople)] : DEMO_USERS;
  const store = new MailStore(users, clock);
  const clients = sendwellClients(
    options.appBaseUrl ?? defaultAppBaseUrl(options.appUrls?.paneUrl),
    options.oauthClients,
  );
  const identity = new SandboxIdentity(baseUrl, users, clock, clients);
  const oneClick = new OneClickClient(options.fetch);
  const postOffice = new PostOffice(store, clock, options.noticeDelayMs ?? 300, oneClick);
  const ctx: SandboxContext = {
    baseUrl,
    clock,
    users,
    store,
    identity,
    limits: mergeLimits(options.limits),
    gates: new RequestGates(),
    postOffice,
    smtp: new SmtpDesk({ users, clock, postOffice }),
    calls: new CallLog(),
    stalls: new AnswerStalls(),
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
  app.route('/dev', devAccountRoutes(ctx));
  app.route('/dev', devCallRoutes(ctx, oneClick));
  app.route('/dev', devFillRoutes(ctx));
  app.route('/dev', devTruthRoutes(ctx));
  app.route('/dev', devStallRoutes(ctx.stalls));
  app.route('/', oauthRoutes(ctx, clients));
  app.route('/graph/v1.0', graphRoutes(ctx));
  const ews = createEwsSandbox({ baseUrl, clock });
  app.use('/ews/*', async (c, next) => {
    await next();
    const call = c.get('ewsCall' as never) as EwsCall | undefined;
    if (call)
      ctx.calls.record(
        call.address,
        'ews',
        classifyEws(call.operation, call.disposition),
        c.res.status,
        clock.now(),
      );
  });
  app.route('/ews', ews.app);
  app.route('/google', gmailRoutes(ctx));
  app.route('/smtp', smtpRoutes(ctx.smtp));
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
      clientId: clients.microsoft[0]!.clientId,
      clientSecret: clients.microsoft[0]!.clientSecret,
      authorityHost: `${baseUrl}/login`,
    },
    google: {
      rootUrl: `${baseUrl}/google/`,
      jwksUrl: `${baseUrl}/google/oauth2/v3/certs`,
      issuer: identity.googleIssuer,
      clientId: SANDBOX_GOOGLE_CLIENT_ID,
      serviceAccountEmail: SANDBOX_ADDON_SERVICE_ACCOUNT,
      clientSecret: clients.google[0]!.clientSecret,
      accountsUrl: `${baseUrl}/google/accounts`,
      oauthUrl: `${baseUrl}/google/oauth2`,
      openIdUrl: `${baseUrl}/google/openidconnect`,
    },
    deliverDueNotices: () => ctx.postOffice.deliverDue(),
    messages: (id, folder) => {
      ctx.postOffice.deliverDue();
      return store.mailbox(user(id).mailboxId).messages.filter((m) => !folder || m.folder === folder);
    },
    holdRequests: (id) => ctx.gates.hold(user(id).mailboxId),
    grantOffline: (id, provider, scopes) => identity.grantOffline(id, provider, scopes),
    revokeAccess: (id) => identity.grants.revokeUser(user(id).id),
    changePassword: (id) => {
      identity.grants.changePassword(user(id).id);
    },
    oauthClients: { microsoft: clients.microsoft[0]!, google: clients.google[0]! },
    ews,
    smtp: ctx.smtp,
    calls: (address) => ctx.calls.summary(address),
    resetCalls: (address) => ctx.calls.reset(address),
    unsubscribes: () => oneClick.entries(),
    unsubscribesSettled: () => oneClick.settled(),
    fillMailbox: (request) => {
      const outcome: FillOutcome = fillMailbox(ctx, fillRequestSchema.parse(request));
      if (!outcome.ok) throw new Error(outcome.message);
      return outcome.answer;
    },
  };
}
