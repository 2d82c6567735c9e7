import { serve } from '@hono/node-server';
import { createSandbox, type Sandbox } from '@sendwell/sandbox';
import { Hono } from 'hono';
import { sandboxProviders } from '../providerSettings';
import { sandboxLegacySmtp, startSmtp } from '../sandboxMode';

/**
 * The settings a Sendwell server needs to treat this sandbox as if it were Microsoft and Google:
 * the same variables an admin sets for the real ones (README, "Running for real").
 */
export function realModeEnv(sandbox: Sandbox): Record<string, string> {
  const { microsoft, google, policy } = sandboxProviders(sandbox);
  return {
    SENDWELL_MS_CLIENT_ID: microsoft!.clientId,
    SENDWELL_MS_CLIENT_SECRET: microsoft!.clientSecret,
    SENDWELL_MS_AUTHORITY: microsoft!.authorityHost,
    SENDWELL_MS_GRAPH_URL: microsoft!.graphBaseUrl,
    SENDWELL_MS_AUDIENCE: microsoft!.apiAudience,
    SENDWELL_MS_TENANTS: policy.microsoftTenants.join(','),
    SENDWELL_GOOGLE_CLIENT_ID: google!.clientId,
    SENDWELL_GOOGLE_CLIENT_SECRET: google!.clientSecret,
    SENDWELL_GOOGLE_SERVICE_ACCOUNT: google!.serviceAccountEmail ?? '',
    SENDWELL_GOOGLE_DOMAINS: policy.googleDomains.join(','),
    SENDWELL_GOOGLE_ACCOUNTS_URL: google!.accountsUrl,
    SENDWELL_GOOGLE_OAUTH_URL: google!.oauthUrl,
    SENDWELL_GOOGLE_OPENID_URL: google!.openIdUrl,
    SENDWELL_GOOGLE_CERTS_URL: google!.certsUrl,
    SENDWELL_GOOGLE_ISSUER: google!.issuer,
    SENDWELL_GMAIL_URL: google!.gmailRootUrl,
  };
}

/**
 * Paths of the app this origin passes through to it. Gmail calls an add-on from Google's servers,
 * never from the browser, and Outlook hosts the pane in its own frame; the sandbox's host pages
 * reach the pane as a same-origin frame, so this origin stands between them and the app.
 */
const APP_PATHS = ['/outlook/*', '/gmail/addon', '/gmail/addon/*', '/api/*', '/assets/*'];

async function forward(request: Request, appBaseUrl: string): Promise<Response> {
  const url = new URL(request.url);
  const headers = new Headers(request.headers);
  headers.delete('host');
  const init: RequestInit & { duplex?: 'half' } = { method: request.method, headers, redirect: 'manual' };
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    init.body = request.body;
    init.duplex = 'half';
  }
  const answer = await fetch(`${appBaseUrl}${url.pathname}${url.search}`, init);
  const out = new Headers(answer.headers);
  out.delete('content-encoding');
  out.delete('content-length');
  return new Response(answer.body, { status: answer.status, headers: out });
}

/** The legacy hosted server setting that points a Sendwell at this sandbox's SMTP relay. */
function legacySmtpUrl(port: number): string {
  const legacy = sandboxLegacySmtp(port);
  return `smtp://${legacy.username}:${legacy.password}@${legacy.host}:${legacy.port}?security=none`;
}

/**
 * `sendwell sandbox serve --port N --app-base-url URL [--smtp-port N] [--env]`: the Microsoft and
 * Google stand-ins on their own, for a Sendwell started with real-provider settings pointing at them
 * (`--env` prints those settings as KEY=value lines and exits); with `--smtp-port` the sandbox's SMTP
 * server too (relay + MX), and the settings name it as the legacy hosted server.
 */
export async function serveSandbox(options: {
  port: number;
  host: string;
  appBaseUrl: string;
  printEnv: boolean;
  smtpPort?: number | null;
}) {
  const base = `http://${options.host}:${options.port}/sandbox`;
  const sandbox = createSandbox({
    baseUrl: base,
    appBaseUrl: options.appBaseUrl,
    // The host pages load the pane and call the add-on through this origin (see appProxy).
    appUrls: { paneUrl: '/outlook/taskpane.html', addonUrl: `${options.appBaseUrl}/gmail/addon` },
    // Benches that need many mailboxes (bench:instances) ask for generated people through the env.
    benchPeople: Number(process.env.SENDWELL_SANDBOX_BENCH_PEOPLE ?? 0) || 0,
  });
  const env = realModeEnv(sandbox);
  // A fixed port is known before listening, so --env can name it; 0 is only known once started.
  if (options.smtpPort) env.SENDWELL_LEGACY_SMTP_URL = legacySmtpUrl(options.smtpPort);
  if (options.printEnv) {
    for (const [key, value] of Object.entries(env)) process.stdout.write(`${key}=${value}\n`);
    return 0;
  }
  const app = new Hono();
  app.route('/sandbox', sandbox.app);
  for (const path of APP_PATHS) app.all(path, (c) => forward(c.req.raw, options.appBaseUrl));
  const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host });
  const smtp = options.smtpPort == null ? null : await startSmtp(sandbox, options.smtpPort);
  if (smtp) env.SENDWELL_LEGACY_SMTP_URL = legacySmtpUrl(smtp.port);
  process.stdout.write(
    `Sandbox Microsoft and Google at ${base} for a Sendwell at ${options.appBaseUrl}.\n${smtp ? `Sandbox SMTP (relay + MX) at 127.0.0.1:${smtp.port}.\n` : ''}Start Sendwell with:\n${Object.entries(
      env,
    )
      .map(([k, v]) => `  ${k}=${v}`)
      .join('\n')}\n`,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  server.close();
  await smtp?.close();
  return 0;
}
