import type { Server } from 'node:http';
import { createServer } from 'node:net';
import { serve } from '@hono/node-server';
import { removeServerFile, writeServerFile } from '../backup/serverFile';
import { loadConfig, type ServerConfig } from '../config/config';
import { applyServerLimits, serverOptions } from '../http/limits/serverLimits';
import { readLimits } from '../http/limits/settings';
import { consoleLogger } from '../logger';
import { logProcessFailures } from '../observe/processFailures';
import { createSendwell } from '../sendwell';
import { parseArgs, stringFlag, type UsageError } from './args';

const USAGE = 'usage: sendwell start [--port N] [--data-dir DIR] [--database-url URL]';

/** Asks the OS for a free port so `--port 0` still gives printable, stable URLs. */
async function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export async function run(args: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs(args);
  } catch (error) {
    process.stderr.write(`${(error as UsageError).message}\n${USAGE}\n`);
    return 2;
  }
  const portFlag = stringFlag(parsed, 'port');
  // Sandbox mode runs the sandbox's SMTP server (relay + MX) on 2525 unless told otherwise ("off": none).
  const env: NodeJS.ProcessEnv = { SENDWELL_SANDBOX_SMTP_PORT: '2525', ...process.env };
  let port = portFlag === undefined ? undefined : Number(portFlag);
  if (port === 0) port = await freePort(env.SENDWELL_HOST ?? '127.0.0.1');
  const config = loadConfig(
    { port, dataDir: stringFlag(parsed, 'data-dir'), databaseUrl: stringFlag(parsed, 'database-url') },
    env,
  );
  let limits: ReturnType<typeof readLimits>;
  try {
    limits = readLimits(env); // docs/operations/limits.md
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  const logger = consoleLogger();
  // A crash's message may quote a token: it goes through the redacting logger, not Node's printer.
  logProcessFailures(logger);
  const sendwell = await createSendwell(config, { logger, limits });
  const server = serve({
    fetch: sendwell.app.fetch,
    port: config.port,
    hostname: config.host,
    serverOptions: serverOptions(limits.server),
  });
  applyServerLimits(server as Server, limits.server, (cap) =>
    logger.warn('connection cap reached: new connections are being refused', { cap }),
  );
  sendwell.startWorkers();
  // PGlite is one process: `sendwell backup` finds this server here and asks it for the copy.
  const local = config.databaseUrl ? null : { pid: process.pid, url: loopbackUrl(config.host, config.port) };
  if (local) writeServerFile(config.dataDir, local);
  process.stdout.write(
    config.providers === 'sandbox'
      ? sandboxBanner(config, sendwell.sandbox?.smtp.port ?? null)
      : realBanner(config),
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  // Unready first (a keep-alive balancer probe sees 503), then no new connections, then the workers stop.
  sendwell.drain();
  server.close();
  await sendwell.close();
  if (local) removeServerFile(config.dataDir, local.pid);
  return 0;
}

function loopbackUrl(host: string, port: number): string {
  const wildcard = host === '0.0.0.0' || host === '::' || host === '';
  return `http://${wildcard ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host}:${port}`;
}

function storeName(config: ServerConfig): string {
  return config.databaseUrl ? 'PostgreSQL' : `PGlite in ${config.dataDir}`;
}

function sandboxBanner(config: ServerConfig, smtpPort: number | null): string {
  const base = config.baseUrl;
  const smtp =
    smtpPort === null
      ? []
      : [
          `${'  Sandbox SMTP (relay + MX):'.padEnd(48)}127.0.0.1:${smtpPort}  (AUTH: any user, password sandbox)`,
        ];
  return [
    `Sendwell is running (sandbox mailboxes, ${storeName(config)}).`,
    '',
    `  Outlook compose pane (sandbox Outlook host): ${base}/sandbox/outlook`,
    `  Gmail add-on cards (sandbox card previewer):  ${base}/sandbox/gmail`,
    `  Sandbox accounts (revoke, password change):   ${base}/sandbox/dev`,
    `  API:                                          ${base}/api/v1/openapi.json  (tokens: pnpm sendwell sandbox users --json)`,
    `  Start page:                                   ${base}/`,
    ...smtp,
    '',
    'Send to anyone@bounce.test (hard bounce), @full.test (soft), @delay.test (delay notice) to see the bounce flow;',
    '@reply.test replies, @ooo.test answers out of office, @unsubscribe.test and @complain.test opt out (campaigns: /app/campaigns).',
    'nia@contoso.test (Outlook) and max@acme.test (Gmail) have not connected their mailbox yet: try Connect.',
    '',
  ].join('\n');
}

function realBanner(config: ServerConfig): string {
  const base = config.baseUrl;
  const providers = [config.microsoft && 'Microsoft 365', config.google && 'Google Workspace'].filter(
    Boolean,
  );
  return [
    `Sendwell is running (${providers.join(' and ')}, ${storeName(config)}).`,
    '',
    `  Outlook add-in pane:  ${base}/outlook/taskpane.html  (sideload the manifest: pnpm sendwell manifests build)`,
    `  Gmail add-on:         ${base}/gmail/addon`,
    `  Team web app:         ${base}/app/`,
    `  OAuth redirect URIs:  ${base}/connect/callback/microsoft, ${base}/connect/callback/google,`,
    `                        ${base}/app/auth/callback/microsoft, ${base}/app/auth/callback/google`,
    `  API:                  ${base}/api/v1/openapi.json`,
    '',
    'Check the settings any time with: pnpm sendwell doctor',
    '',
  ].join('\n');
}
