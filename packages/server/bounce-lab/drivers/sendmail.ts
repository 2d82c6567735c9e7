/**
 * Sendmail as the sending MTA: sendmail-bin/-cf from Debian 12, extracted (extracted-deb.ts), with a
 * sendmail.cf built by m4 from the stock cf/ macros and run in the foreground (`-bD -q<retry>`) from
 * a private folder: own queue, aliases, mailertable, hosts and service switch files.
 *
 * - Every route gets its own copy of the stock esmtp mailer whose only difference is the port
 *   (`A=TCP $h <port>`): sendmail's mailertable names a host, never a port.
 * - The local domain's users are not checked at RCPT (the local mailer's `w` flag is removed), so
 *   the unknown user is found at delivery by sendmail's own mail.local in LMTP mode.
 * - Timeout.queuewarn / Timeout.queuereturn come from the lab timing, so the "Warning: could not
 *   send message for past …" notice and the final "Returned mail" arrive within minutes.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LabContext, LabDriver, LabRoute } from '../run';
import type { Scenario } from '../scenarios';
import { extractedPackages, waitUntilListening } from './extracted-deb';

const HOSTNAME = 'mail.sendmail-lab.test';
let daemon: ChildProcess | undefined;

/**
 * Sendmail reads the machine's name before its config and, when that name has no dot (a container's
 * "vm"), sleeps a minute per try "for retry". Each sendmail process runs in its own UTS namespace
 * named HOSTNAME instead (`unshare` arguments); the system's hostname is left alone.
 */
const withOwnHostname = (...command: string[]) => [
  '--uts',
  'sh',
  '-c',
  `hostname ${HOSTNAME} && exec "$@"`,
  'sh',
  ...command,
];

const mailerName = (route: LabRoute) => `lab${route.port}`;

/**
 * Sendmail's own size check: mail for SIZE_LIMITED.domain goes to the remote MX through a mailer
 * with a maximum message size (M=), so Sendmail itself returns a bigger message.
 */
const SIZE_LIMITED = { domain: 'small.test', mailer: 'labsmall', maxBytes: 20_000, via: 'corp.test' };

/** Route -> mailer:host; the unresolvable host keeps the stock esmtp mailer (port 25). */
export function mailertable(ctx: LabContext): string {
  return ctx.routes
    .map((route) =>
      route.host === '127.0.0.1'
        ? `${route.domain}\t${mailerName(route)}:[127.0.0.1]\n`
        : `${route.domain}\tesmtp:${route.host}\n`,
    )
    .concat(`${SIZE_LIMITED.domain}\t${SIZE_LIMITED.mailer}:[127.0.0.1]\n`)
    .join('');
}

/** The stock esmtp mailer (as cf/mailer/smtp.m4 writes it), once per loopback port. */
const esmtpMailer = (name: string, port: number, maxBytes?: number) =>
  `M${name},\t\tP=[IPC], F=mDFMuXa, S=EnvFromSMTP/HdrFromSMTP, R=EnvToSMTP, E=\\r\\n, L=990,\n` +
  `\t\t${maxBytes ? `M=${maxBytes}, ` : ''}T=DNS/RFC822/SMTP,\n\t\tA=TCP $h ${port}\n`;

export function portMailers(ctx: LabContext): string {
  const ports = new Set(ctx.routes.filter((route) => route.host === '127.0.0.1').map((r) => r.port));
  const remote = ctx.routes.find((route) => route.domain === SIZE_LIMITED.via);
  if (!remote) throw new Error(`no lab route for ${SIZE_LIMITED.via}`);
  return [...ports]
    .map((port) => esmtpMailer(`lab${port}`, port))
    .concat(esmtpMailer(SIZE_LIMITED.mailer, remote.port, SIZE_LIMITED.maxBytes))
    .join('');
}

/** Sendmail's own scenario beside the shared ones. */
const adjustScenarios = (shared: Scenario[]): Scenario[] => [
  ...shared,
  {
    name: 'mailer-size-limit',
    description: `Sendmail's own limit: the mailer for ${SIZE_LIMITED.domain} has M=${SIZE_LIMITED.maxBytes} (maximum message size)`,
    to: [`someone@${SIZE_LIMITED.domain}`],
    about: [`someone@${SIZE_LIMITED.domain}`],
    bodyBytes: SIZE_LIMITED.maxBytes * 3,
    notices: [{ suffix: '', kind: 'bounce', action: 'failed', reason: 'mesgtoobig' }],
  },
];

/** The .mc: only documented m4 options (cf/README), one per line. */
export function mcFile(ctx: LabContext, cfDir: string, mailLocal: string): string {
  const dir = join(ctx.workDir, 'sendmail');
  const { delayWarningSeconds, queueLifetimeSeconds } = ctx.timing;
  const define = (name: string, value: string) => `define(\`${name}', \`${value}')dnl`;
  return [
    'divert(-1)',
    'divert(0)dnl',
    `include(\`${cfDir}/m4/cf.m4')dnl`,
    "VERSIONID(`sendwell bounce lab')dnl",
    define('__OSTYPE__', 'sendwell-lab'),
    define('confDOMAIN_NAME', HOSTNAME),
    define('confDONT_PROBE_INTERFACES', 'True'),
    // The work dir sits in /tmp (world-writable, sticky).
    define('confDONT_BLAME_SENDMAIL', 'TrustStickyBit,MapInUnsafeDirPath,RunProgramInUnsafeDirPath'),
    define('QUEUE_DIR', join(dir, 'mqueue')),
    define('STATUS_FILE', join(dir, 'statistics')),
    define('confPID_FILE', join(dir, 'sendmail.pid')),
    define('ALIAS_FILE', join(dir, 'aliases')),
    define('confSERVICE_SWITCH_FILE', join(dir, 'service.switch')),
    define('confHOSTS_FILE', join(dir, 'hosts')),
    define('confHOST_STATUS_DIRECTORY', ''),
    define('confTO_QUEUEWARN', `${delayWarningSeconds}s`),
    define('confTO_QUEUERETURN', `${queueLifetimeSeconds}s`),
    define('confTO_CONNECT', '5s'),
    define('confTO_ICONNECT', '5s'),
    define('confTO_INITIAL', '10s'),
    define('confTO_DATAFINAL', '10s'),
    define('confMIN_QUEUE_AGE', '0'),
    define('confLOG_LEVEL', '9'),
    define('confFORWARD_PATH', ''),
    "FEATURE(`accept_unresolvable_domains')dnl",
    "FEATURE(`promiscuous_relay')dnl",
    `FEATURE(\`mailertable', \`hash -o ${join(dir, 'mailertable')}')dnl`,
    `FEATURE(\`local_lmtp', \`${mailLocal}')dnl`,
    "MODIFY_MAILER_FLAGS(`LOCAL', `-w')dnl",
    `DAEMON_OPTIONS(\`Port=${ctx.ports.submit},Addr=127.0.0.1,Name=MTA')dnl`,
    `LOCAL_DOMAIN(\`${ctx.localDomain}')dnl`,
    "MAILER(`local')dnl",
    "MAILER(`smtp')dnl",
    '',
  ].join('\n');
}

function writeConfig(ctx: LabContext, root: string): string {
  const dir = join(ctx.workDir, 'sendmail');
  const bin = join(root, 'usr/libexec/sendmail');
  mkdirSync(join(dir, 'mqueue'), { recursive: true });
  chmodSync(join(dir, 'mqueue'), 0o700);
  const mc = mcFile(ctx, join(root, 'usr/share/sendmail/cf'), join(bin, 'mail.local'));
  writeFileSync(join(dir, 'lab.mc'), mc);
  const cf = execFileSync('m4', [join(dir, 'lab.mc')], { encoding: 'utf8' });
  const cfFile = join(dir, 'lab.cf');
  writeFileSync(cfFile, `${cf}#\n# Lab: the esmtp mailer once per loopback port\n#\n${portMailers(ctx)}`);
  writeFileSync(join(dir, 'mailertable'), mailertable(ctx));
  // Double bounces and postmaster copies are not part of the run.
  writeFileSync(join(dir, 'aliases'), 'postmaster: /dev/null\nMAILER-DAEMON: postmaster\nroot: postmaster\n');
  writeFileSync(join(dir, 'hosts'), `127.0.0.1\t${HOSTNAME} localhost\n`);
  writeFileSync(join(dir, 'service.switch'), 'hosts\tfiles dns\naliases\tfiles\n');
  execFileSync(join(bin, 'makemap'), ['-C', cfFile, 'hash', join(dir, 'mailertable')], {
    input: mailertable(ctx),
  });
  execFileSync('unshare', withOwnHostname(join(bin, 'sendmail'), '-C', cfFile, '-bi'), { stdio: 'ignore' });
  return cfFile;
}

export const driver: LabDriver = {
  name: 'sendmail',
  basePort: 2665,
  adjustScenarios,
  async start(ctx) {
    const { root, versions } = extractedPackages('sendmail', [
      'sendmail-bin',
      'sendmail-base',
      'sendmail-cf',
    ]);
    const cfFile = writeConfig(ctx, root);
    const log = openSync(join(ctx.workDir, 'sendmail', 'daemon.log'), 'a');
    const retry = `-q${ctx.timing.retrySeconds}s`;
    daemon = spawn(
      'unshare',
      withOwnHostname(join(root, 'usr/libexec/sendmail/sendmail'), '-C', cfFile, '-bD', retry),
      {
        stdio: ['ignore', log, log],
      },
    );
    await waitUntilListening('sendmail', ctx.ports.submit, daemon);
    const version = versions['sendmail-bin'] ?? '?';
    return { source: `Sendmail ${version.split('-')[0]} (Debian 12 sendmail-bin ${version})` };
  },
  async stop() {
    daemon?.kill('SIGTERM');
    daemon = undefined;
  },
};
