/**
 * Exim 4.96 as the sending MTA. Debian's exim4 package would replace Postfix (both provide
 * mail-transport-agent), so the driver unpacks the .debs (`apt-get download` + `dpkg -x`) into a
 * private folder and runs that binary with `-C <our config>` in the foreground (`-bdf`), with its own
 * spool, logs and port. Needs: the Debian-exim user (the binary looks it up at start) and libidn12.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import type { LabContext, LabDriver } from '../run';

const EXIM_ROOT = process.env.BOUNCE_LAB_EXIM_ROOT ?? '/tmp/bounce-lab-exim-root';
const EXIM_BIN = join(EXIM_ROOT, 'usr/sbin/exim4');
const PACKAGES = ['exim4-daemon-light', 'exim4-base', 'exim4-config'];

let daemon: ChildProcess | undefined;

/** Unpack Debian's exim4 into EXIM_ROOT once; explain what is missing instead of installing it. */
function ensureExim(): string {
  if (!existsSync(EXIM_BIN)) {
    const debs = mkdtempSync('/tmp/bounce-lab-exim-debs-');
    execFileSync('apt-get', ['download', ...PACKAGES], { cwd: debs, stdio: 'inherit' });
    for (const deb of readdirSync(debs)) execFileSync('dpkg', ['-x', join(debs, deb), EXIM_ROOT]);
  }
  const missing = execFileSync('ldd', [EXIM_BIN], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes('not found'));
  if (missing.length) throw new Error(`exim needs libraries (apt-get install them): ${missing.join('; ')}`);
  try {
    execFileSync('id', ['Debian-exim'], { stdio: 'ignore' });
  } catch {
    throw new Error('exim needs the Debian-exim user: useradd --system --user-group Debian-exim');
  }
  return execFileSync(EXIM_BIN, ['-C', '/dev/null', '-bV'], { encoding: 'utf8' }).split('\n')[0] ?? 'Exim';
}

/** `domain host::port` entries for manualroute (a doubled colon: the host list is colon-separated). */
const routeList = (ctx: LabContext) =>
  ctx.routes
    .map((route) => `${route.domain} ${route.host}${route.port === 25 ? '' : `::${route.port}`}`)
    .join(' ; ');

function eximConfig(ctx: LabContext, dir: string): string {
  const { delayWarningSeconds, retrySeconds, queueLifetimeSeconds } = ctx.timing;
  return `primary_hostname = mail.exim-lab.test
exim_path = ${EXIM_BIN}
spool_directory = ${dir}/spool
log_file_path = ${dir}/log/%slog
pid_file_path = ${dir}/exim.pid
domainlist local_domains = ${ctx.localDomain}
hostlist relay_from_hosts = 127.0.0.1
daemon_smtp_ports = ${ctx.ports.submit}
local_interfaces = 127.0.0.1
host_lookup =
rfc1413_hosts =
tls_advertise_hosts =
dsn_advertise_hosts = *
keep_environment =
acl_smtp_rcpt = acl_check_rcpt
# One warning after ${delayWarningSeconds}s (the next would come after an hour: never in a lab run).
delay_warning = ${delayWarningSeconds}s:1h
ignore_bounce_errors_after = 1m
timeout_frozen_after = 10m

begin acl
acl_check_rcpt:
  accept hosts = +relay_from_hosts
  deny message = relay not permitted

begin routers
# A domain that does not exist: DNS says NXDOMAIN, so no router takes it ("Unrouteable address").
dns_only:
  driver = dnslookup
  domains = nxdomain.test
  transport = remote_smtp
  no_more
lab_routes:
  driver = manualroute
  domains = ! +local_domains
  route_list = ${routeList(ctx)}
  transport = remote_smtp
  self = send
  host_find_failed = fail
  no_more
# The local domain has two mailboxes: ok (delivered) and full (over its quota). Anyone else is unknown.
local_mailboxes:
  driver = accept
  domains = +local_domains
  local_parts = ok : full
  transport = local_mailbox

begin transports
remote_smtp:
  driver = smtp
  allow_localhost
  hosts_avoid_tls = *
  # Every lab server is 127.0.0.1 on its own port: never pass a waiting message down an open connection.
  connection_max_messages = 1
  connect_timeout = 5s
  command_timeout = 10s
  final_timeout = 10s
local_mailbox:
  driver = appendfile
  file = ${dir}/mail/$local_part_data
  user = Debian-exim
  group = Debian-exim
  # full@ is over quota with any message; ok@ has room.
  quota = \${if eq{$local_part_data}{full}{200}{10M}}

begin retry
* * F,${queueLifetimeSeconds}s,${retrySeconds}s
`;
}

function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve();
      });
      socket.on('error', () => {
        if (Date.now() > deadline) reject(new Error(`exim did not listen on ${port}`));
        else setTimeout(attempt, 200);
      });
    };
    attempt();
  });
}

/**
 * Notices in which Exim states no cause at all, only the address: its delay warnings after
 * connection failures, and the bounce for a host name that does not resolve (the router's "lookup of
 * host ... failed" goes to the log only). A careful reader cannot know the reason from them.
 */
const SILENT: Record<string, 'delayed' | 'failed'> = {
  unreachable: 'delayed',
  'timeout-greeting': 'delayed',
  'timeout-end-of-data': 'delayed',
  'host-unknown': 'failed',
};

export const driver: LabDriver = {
  name: 'exim',
  basePort: 2615,
  adjustScenarios: (shared) =>
    shared.map((scenario) => ({
      ...scenario,
      notices: scenario.notices.map((n) =>
        SILENT[scenario.name] === n.action ? { ...n, ambiguous: true } : n,
      ),
    })),
  async start(ctx) {
    const version = ensureExim();
    const dir = join(ctx.workDir, 'exim');
    for (const sub of ['spool', 'log', 'mail']) mkdirSync(join(dir, sub), { recursive: true });
    // Exim writes its spool, logs and local mailboxes as Debian-exim once it drops root.
    execFileSync('chown', ['-R', 'Debian-exim:Debian-exim', dir]);
    const config = join(dir, 'exim.conf');
    writeFileSync(config, eximConfig(ctx, dir));
    daemon = spawn(EXIM_BIN, ['-C', config, '-bdf', `-q${ctx.timing.retrySeconds}s`], { stdio: 'inherit' });
    await waitForPort(ctx.ports.submit, 10_000);
    return { source: `${version.replace(/ #.*/, '')} (Debian 12, exim4-daemon-light)` };
  },
  async stop() {
    daemon?.kill('SIGTERM');
  },
};
