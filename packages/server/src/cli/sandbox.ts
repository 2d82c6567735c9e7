import { DEMO_USERS } from '@sendwell/sandbox';
import { apiTokenFor } from '../auth/apiTokens';
import { loadConfig, loadSecret } from '../config/config';
import { seedRole } from '../seed';
import { parseArgs, stringFlag } from './args';

const USAGE = `usage: sendwell sandbox users --json [--data-dir DIR]
       sendwell sandbox serve --port N --app-base-url URL [--smtp-port N] [--env]`;

/** `sendwell sandbox users`: the sandbox people, their mailbox ids, and an API token the server accepts. */
export async function run(args: string[]): Promise<number> {
  const parsed = parseArgs(args, ['json', 'env']);
  if (parsed.positionals[0] === 'serve') {
    const port = Number(stringFlag(parsed, 'port'));
    const appBaseUrl = stringFlag(parsed, 'app-base-url');
    if (!Number.isInteger(port) || port <= 0 || !appBaseUrl || !URL.canParse(appBaseUrl)) {
      process.stderr.write(`sandbox serve needs --port N and --app-base-url URL\n${USAGE}\n`);
      return 2;
    }
    const smtpFlag = stringFlag(parsed, 'smtp-port');
    const smtpPort = smtpFlag === undefined ? null : Number(smtpFlag);
    if (smtpPort !== null && (!Number.isInteger(smtpPort) || smtpPort < 0 || smtpPort > 65535)) {
      process.stderr.write(`--smtp-port must be 0-65535 (0: any free port), got ${smtpFlag}\n${USAGE}\n`);
      return 2;
    }
    const { serveSandbox } = await import('./sandboxServe');
    return serveSandbox({
      port,
      host: process.env.SENDWELL_HOST ?? '127.0.0.1',
      appBaseUrl: appBaseUrl.replace(/\/+$/, ''),
      printEnv: parsed.flags.has('env'),
      smtpPort,
    });
  }
  if (parsed.positionals[0] !== 'users') {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const config = loadConfig({ dataDir: stringFlag(parsed, 'data-dir') });
  const secret = loadSecret(config.dataDir);
  const users = DEMO_USERS.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    provider: u.provider,
    mailboxId: u.mailboxId,
    legacy: u.legacy,
    role: seedRole(DEMO_USERS, u),
    // Derived, not stored (a running server holds the PGlite files): `start`'s lifetime, revocable per user.
    apiToken: apiTokenFor(secret, u.id, new Date(), config.apiTokenDays),
  }));
  if (parsed.flags.has('json')) {
    process.stdout.write(`${JSON.stringify(users, null, 2)}\n`);
  } else {
    for (const u of users)
      process.stdout.write(
        `${u.id.padEnd(6)} ${u.email.padEnd(22)} ${u.provider.padEnd(9)} ${u.mailboxId.padEnd(10)} ${u.apiToken}\n`,
      );
  }
  return 0;
}
