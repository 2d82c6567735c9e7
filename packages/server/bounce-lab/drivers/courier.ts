/**
 * Courier as the sending MTA: Debian 12's courier-mta/-base/-authlib extracted (extracted-deb.ts).
 * Courier has every path compiled in (/usr/lib/courier, /etc/courier, /var/lib/courier,
 * /run/courier), so it runs inside its own mount + UTS namespace where read-only overlays lay the
 * extracted package over /usr, /etc and /var/lib, and private folders are bind-mounted over
 * /etc/courier, /var/lib/courier and /run. Nothing outside the work dir is written.
 *
 * - esmtproutes sends each lab domain to `[127.0.0.1],<port>` (the unresolvable host by name).
 * - queuetime / warntime / retry* / esmtptimeout* come from the lab timing (Courier takes seconds).
 * - Courier checks local recipients at RCPT (through authlib), so the local domain's unknown user is
 *   refused at SMTP time and never becomes a notice: that scenario is left out.
 * Needs the user courier (created here when missing, as the package would) and the plain libraries
 * libcourier-unicode4, libltdl7, libpcre3 and libfam0 (apt-get install; see the README).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import type { LabContext, LabDriver } from '../run';
import type { Scenario } from '../scenarios';
import { extractedPackages, waitUntilListening } from './extracted-deb';

const HOSTNAME = 'mail.courier-lab.test';
/** The links Debian's postinst makes with update-alternatives (the scripts call the plain names). */
const ALTERNATIVES = ['deliverquota', 'lockmail', 'maildirmake', 'makedat', 'preline'];
let daemon: ChildProcess | undefined;

function ensureUser(): void {
  try {
    execFileSync('id', ['courier'], { stdio: 'ignore' });
  } catch {
    execFileSync('useradd', [
      '--system',
      '--user-group',
      '--home-dir',
      '/var/lib/courier',
      '--no-create-home',
      '--shell',
      '/usr/sbin/nologin',
      'courier',
    ]);
  }
}

function linkAlternatives(root: string): void {
  for (const name of ALTERNATIVES) {
    const link = join(root, 'usr/bin', name);
    if (!existsSync(link)) symlinkSync(`${name}.courier`, link);
  }
}

export function esmtproutes(ctx: LabContext): string {
  return ctx.routes
    .map((route) =>
      route.host === '127.0.0.1'
        ? `${route.domain}: [${route.host}],${route.port}\n`
        : `${route.domain}: ${route.host}\n`,
    )
    .join('');
}

/** Courier's one-line control files (courier(8)); every other setting is Debian's default. */
export function controlFiles(ctx: LabContext): Record<string, string> {
  const { delayWarningSeconds, retrySeconds, queueLifetimeSeconds } = ctx.timing;
  return {
    me: HOSTNAME,
    defaultdomain: 'courier-lab.test',
    locals: ctx.localDomain,
    esmtproutes: esmtproutes(ctx),
    queuetime: `${queueLifetimeSeconds}s`,
    warntime: `${delayWarningSeconds}s`,
    retryalpha: `${retrySeconds}s`,
    retrybeta: '1',
    retrygamma: `${retrySeconds}s`,
    retrymaxdelta: '1',
    esmtpdelay: String(retrySeconds),
    esmtptimeoutconnect: '5',
    esmtptimeouthelo: '10',
    esmtptimeoutdata: '10',
    esmtptimeout: '10',
  };
}

/** esmtpd (the SMTP listener's settings): our port on loopback, no DNS check of the sender's domain. */
export function esmtpdSettings(text: string, port: number): string {
  const set = (source: string, name: string, value: string) =>
    new RegExp(`^${name}=.*$`, 'm').test(source)
      ? source.replace(new RegExp(`^${name}=.*$`, 'm'), `${name}=${value}`)
      : `${source}\n${name}=${value}\n`;
  let out = set(text, 'PORT', String(port));
  out = set(out, 'ADDRESS', '127.0.0.1');
  out = set(out, 'BOFHCHECKDNS', '0');
  return set(out, 'TARPIT', '0');
}

function prepare(ctx: LabContext, root: string): string {
  const dir = join(ctx.workDir, 'courier');
  cpSync(join(root, 'etc/courier'), join(dir, 'etc'), { recursive: true });
  cpSync(join(root, 'var/lib/courier'), join(dir, 'var'), { recursive: true });
  mkdirSync(join(dir, 'run'), { recursive: true });
  for (const [file, text] of Object.entries(controlFiles(ctx)))
    writeFileSync(join(dir, 'etc', file), `${text.trimEnd()}\n`);
  const esmtpd = join(dir, 'etc/esmtpd');
  writeFileSync(esmtpd, esmtpdSettings(readFileSync(esmtpd, 'utf8'), ctx.ports.submit));
  execFileSync('chown', ['-R', 'courier:courier', join(dir, 'var')]);
  chownSync(join(dir, 'etc'), 0, 0);
  return dir;
}

/** The namespace's script: overlays and binds, then Courier's own start (and stop on SIGTERM). */
function namespaceScript(dir: string, root: string): string {
  return [
    'set -e',
    ...['usr', 'etc', 'var/lib'].map(
      (path) => `mount -t overlay overlay -o lowerdir=${join(root, path)}:/${path} /${path}`,
    ),
    `mount --bind ${dir}/etc /etc/courier`,
    `mount --bind ${dir}/var /var/lib/courier`,
    `mount --bind ${dir}/run /run`,
    'mkdir -p /run/courier && chown courier:courier /run/courier',
    `hostname ${HOSTNAME}`,
    'makesmtpaccess',
    'makealiases',
    '/usr/lib/courier/courierctl.start',
    'esmtpd start',
    "trap 'esmtpd stop; courier stop; exit 0' TERM",
    'sleep 2147483647 & wait',
  ].join('\n');
}

const EXPIRY_WORDING =
  " (Courier's final notice after queuetime says only 'cannot be delivered' with the last attempt's " +
  'reply, if any, and Status 5.0.0: no word of the retry period)';

/**
 * Courier's differences from the shared scenarios: the local unknown user is refused at RCPT (no
 * notice), and its notice for a message given up after queuetime never says so — labelled expired by
 * the scenario, but marked ambiguous.
 */
function adjustScenarios(shared: Scenario[]): Scenario[] {
  return shared
    .filter((scenario) => scenario.name !== 'unknown-local-user')
    .map((scenario) =>
      scenario.notices.some((notice) => notice.reason === 'expired')
        ? { ...scenario, description: `${scenario.description}${EXPIRY_WORDING}`, ambiguous: true }
        : scenario,
    );
}

export const driver: LabDriver = {
  name: 'courier',
  basePort: 2680,
  adjustScenarios,
  async start(ctx) {
    const { root, versions } = extractedPackages('courier', [
      'courier-mta',
      'courier-base',
      'courier-authlib',
    ]);
    ensureUser();
    linkAlternatives(root);
    const dir = prepare(ctx, root);
    const log = openSync(join(dir, 'start.log'), 'a');
    daemon = spawn('unshare', ['--mount', '--uts', 'sh', '-c', namespaceScript(dir, root)], {
      stdio: ['ignore', log, log],
    });
    await waitUntilListening('courier', ctx.ports.submit, daemon);
    const version = versions['courier-mta'] ?? '?';
    return { source: `Courier ${version.split('-')[0]} (Debian 12 courier-mta ${version})` };
  },
  async stop() {
    const child = daemon;
    daemon = undefined;
    if (!child || child.exitCode !== null) return;
    // Courier's daemons detach; the script's trap stops them with Courier's own commands.
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
  },
};
