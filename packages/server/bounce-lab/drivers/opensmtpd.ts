/**
 * OpenSMTPD as the sending MTA: Debian 12's opensmtpd extracted (extracted-deb.ts), run in the
 * foreground (`smtpd -d`) inside its own mount + UTS namespace, because this build has its paths
 * compiled in: the queue (/var/spool/smtpd), the control socket (/run/smtpd.sock) and the server
 * name (/etc/mailname). In the namespace, private folders and a private mailname are bind-mounted
 * over those paths, so the system's own files are never touched and nothing is left behind.
 *
 * - `relay domain <routes>` sends each lab domain to its host and port (no MX lookups).
 * - `queue ttl` and `bounce warn-interval` come from the lab timing. OpenSMTPD's own retry back-off
 *   starts at minutes, longer than a lab run, so a loop in the namespace runs `smtpctl schedule all`
 *   every retry period, as an operator flushing the queue would.
 * - The local domain has no users: OpenSMTPD refuses them at RCPT (550 Invalid recipient), so it
 *   writes no notice for that scenario (see `skips`).
 * Needs the users opensmtpd and opensmtpq (created here when missing, as the package would).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LabContext, LabDriver } from '../run';
import type { ExpectedNotice, Scenario } from '../scenarios';
import { extractedPackages, waitUntilListening } from './extracted-deb';

const HOSTNAME = 'mail.opensmtpd-lab.test';
/** The paths compiled into Debian's smtpd, each shadowed by a private folder or file. */
const COMPILED = {
  spool: '/var/spool/smtpd',
  run: '/run',
  mailname: '/etc/mailname',
  empty: '/var/lib/opensmtpd/empty',
};
let daemon: ChildProcess | undefined;

function ensureUsers(): void {
  for (const user of ['opensmtpd', 'opensmtpq']) {
    try {
      execFileSync('id', [user], { stdio: 'ignore' });
    } catch {
      execFileSync('useradd', [
        '--system',
        '--home-dir',
        COMPILED.empty,
        '--no-create-home',
        '--shell',
        '/usr/sbin/nologin',
        user,
      ]);
    }
  }
}

/**
 * OpenSMTPD keeps score per route (source -> host, whatever the port): refused connections to the
 * closed port would make it hold back every delivery to 127.0.0.1, the catcher's included. The
 * closed port is therefore reached at 127.0.0.2, where nothing listens either.
 */
const CLOSED = { domain: 'closed.test', host: '127.0.0.2' };

/** table(5) file format: one `key value` line per lab domain. */
export const routesTable = (ctx: LabContext) =>
  ctx.routes
    .map((route) => {
      const host = route.domain === CLOSED.domain ? CLOSED.host : route.host;
      return `${route.domain} smtp+notls://${host}:${route.port}\n`;
    })
    .join('');

/** smtpctl talks to smtpd only when setgid opensmtpq (dpkg -x keeps root as its group). */
function makeSmtpctlSetgid(root: string): void {
  const smtpctl = join(root, 'usr/sbin/smtpctl');
  execFileSync('chgrp', ['opensmtpq', smtpctl]);
  chmodSync(smtpctl, 0o2755);
}

export function smtpdConf(ctx: LabContext, dir: string): string {
  const { delayWarningSeconds, queueLifetimeSeconds } = ctx.timing;
  return [
    `queue ttl ${queueLifetimeSeconds}s`,
    `bounce warn-interval ${delayWarningSeconds}s`,
    // Every lab destination is 127.0.0.1: the default 5 connections per route would let the
    // stalling remotes starve the notices' own delivery to the catcher.
    'mta limit max-conn-per-host 100 max-conn-per-route 100',
    `listen on 127.0.0.1 port ${ctx.ports.submit} hostname ${HOSTNAME}`,
    `table routes file:${join(dir, 'routes')}`,
    'action "local" mbox',
    'action "lab" relay domain <routes>',
    `match from any for domain "${ctx.localDomain}" action "local"`,
    'match from any for any action "lab"',
    '',
  ].join('\n');
}

/** The namespace's script: shadow the compiled-in paths, start smtpd, flush the queue periodically. */
function namespaceScript(dir: string, root: string, retrySeconds: number): string {
  const bin = join(root, 'usr/sbin');
  return [
    'set -e',
    `mount --bind ${dir}/spool ${COMPILED.spool}`,
    `mount --bind ${dir}/run ${COMPILED.run}`,
    `mount --bind ${dir}/mailname ${COMPILED.mailname}`,
    `hostname ${HOSTNAME}`,
    `${bin}/smtpd -d -v -f ${dir}/smtpd.conf &`,
    'smtpd=$!',
    `while kill -0 $smtpd 2>/dev/null; do sleep ${retrySeconds}; ${bin}/smtpctl schedule all >/dev/null 2>&1 || true; done`,
  ].join('\n');
}

function prepare(ctx: LabContext, root: string): string {
  const dir = join(ctx.workDir, 'opensmtpd');
  for (const sub of ['spool', 'run']) mkdirSync(join(dir, sub), { recursive: true, mode: 0o711 });
  // Mount points for the namespace (empty folders; created once, as the package would).
  for (const path of [COMPILED.spool, COMPILED.empty]) mkdirSync(path, { recursive: true });
  if (!existsSync(COMPILED.mailname)) throw new Error(`${COMPILED.mailname} is needed as a mount point`);
  writeFileSync(join(dir, 'mailname'), `${HOSTNAME}\n`);
  writeFileSync(join(dir, 'routes'), routesTable(ctx));
  writeFileSync(join(dir, 'smtpd.conf'), smtpdConf(ctx, dir));
  execFileSync(join(root, 'usr/sbin/smtpd'), ['-n', '-f', join(dir, 'smtpd.conf')], { stdio: 'pipe' });
  return dir;
}

const EXPIRY_WORDING =
  " (OpenSMTPD 6.8 words the expiry notice as a delay: 'A message is delayed for more than 0 seconds', " +
  "'Envelope expired', Action: delayed, Status: 4.4.7)";
const delayed = (reason: string): ExpectedNotice => ({
  suffix: '-delay',
  kind: 'bounce',
  action: 'delayed',
  reason,
});
const expired: ExpectedNotice = { suffix: '', kind: 'bounce', action: 'failed', reason: 'expired' };

/**
 * OpenSMTPD's differences from the shared scenarios: the local unknown user is refused at RCPT (no
 * notice); a name that does not resolve ("Host not found") is retried like any transient failure;
 * and the final notice of every retried message is its expiry notice, which 6.8 writes in the words
 * of a delay — labelled failed/expired by the scenario (the message is gone) but marked ambiguous.
 */
function adjustScenarios(shared: Scenario[]): Scenario[] {
  return shared
    .filter((scenario) => scenario.name !== 'unknown-local-user')
    .map((scenario) =>
      scenario.name === 'host-unknown'
        ? { ...scenario, notices: [delayed('hostunknown'), expired] }
        : scenario,
    )
    .map((scenario) =>
      scenario.notices.some((notice) => notice.reason === 'expired')
        ? { ...scenario, description: `${scenario.description}${EXPIRY_WORDING}`, ambiguous: true }
        : scenario,
    );
}

export const driver: LabDriver = {
  name: 'opensmtpd',
  basePort: 2650,
  adjustScenarios,
  async start(ctx) {
    const { root, versions } = extractedPackages('opensmtpd', ['opensmtpd']);
    ensureUsers();
    makeSmtpctlSetgid(root);
    const dir = prepare(ctx, root);
    const log = openSync(join(dir, 'smtpd.log'), 'a');
    // Its own process group, so stop() ends the script, smtpd and its children together.
    daemon = spawn(
      'unshare',
      ['--mount', '--uts', 'sh', '-c', namespaceScript(dir, root, ctx.timing.retrySeconds)],
      {
        stdio: ['ignore', log, log],
        detached: true,
      },
    );
    await waitUntilListening('smtpd', ctx.ports.submit, daemon);
    const version = versions.opensmtpd ?? '?';
    return { source: `OpenSMTPD ${version.split('-')[0]} (Debian 12 opensmtpd ${version})` };
  },
  async stop() {
    if (daemon?.pid) process.kill(-daemon.pid, 'SIGTERM');
    daemon = undefined;
  },
};
