/**
 * The bounce lab: real MTAs on loopback write real bounces, delay warnings and success DSNs.
 *
 *   npx tsx packages/server/bounce-lab/run.ts --mta postfix|exim|... [--out bench-data/notices/mta]
 *
 * (run from the repository root, as root: MTAs start as root and drop privileges.) One run starts
 * the shared parts — the catcher (sender.test's MX, catcher.ts), the remote MX answering from
 * replies.ts (remote.ts, plus two stalling ones), the receiving lab Postfix "rx" (receiver.ts) — then
 * the driver's MTA, submits every scenario (scenarios.ts) over SMTP, waits for the notices (queue
 * lifetimes are minutes) and writes `<out>/<mta>/<scenario>[-delay].eml` + expectations.jsonl.
 *
 * Adding a driver: create `drivers/<name>.ts` exporting `const driver: LabDriver` (below). Its
 * start(ctx) writes the MTA's config under ctx.workDir and starts it so that it:
 *   - accepts mail from 127.0.0.1 for any domain on ctx.ports.submit (no auth, relays anywhere);
 *   - treats ctx.localDomain as its own domain, where no user exists (a local "unknown user");
 *   - delivers every other domain as ctx.routes says (host + port, no MX lookups; the host of
 *     nohost.test is a name that does not resolve: let the MTA try to resolve it);
 *   - sends a delay warning after ctx.timing.delayWarningSeconds, retries every
 *     ctx.timing.retrySeconds and gives up after ctx.timing.queueLifetimeSeconds;
 *   - honours DSN (NOTIFY=SUCCESS) if it can.
 * It returns a `source` line naming the MTA and version. Use ports basePort..basePort+14 only
 * (H1: postfix 2600, exim 2615; H2: 2650, 2665, 2680). stop() must stop only what start() started.
 */
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createTransport } from 'nodemailer';
import { type CaughtNotice, startCatcher } from './catcher';
import { startReceiver } from './receiver';
import { startRemoteMx } from './remote';
import { type ExpectedNotice, type Scenario, scenariosFor } from './scenarios';

export interface LabRoute {
  domain: string;
  /** 127.0.0.1, or a host name that does not resolve (nohost.test). */
  host: string;
  port: number;
}

export interface LabContext {
  mta: string;
  /** A private temp folder for the MTA's config, spool and logs. */
  workDir: string;
  ports: { base: number; catcher: number; submit: number; spare: number[] };
  routes: LabRoute[];
  localDomain: string;
  timing: { delayWarningSeconds: number; retrySeconds: number; queueLifetimeSeconds: number };
}

export interface LabDriver {
  readonly name: string;
  readonly basePort: number;
  start(ctx: LabContext): Promise<{ source: string }>;
  stop(): Promise<void>;
}

const TIMING = { delayWarningSeconds: 60, retrySeconds: 15, queueLifetimeSeconds: 240 };
const UNRESOLVABLE_HOST = 'no-such-host.invalid';

/** The port layout every driver shares, from its base port. */
function portsOf(base: number) {
  const at = (offset: number) => base + offset;
  return {
    catcher: at(0),
    remote: at(1),
    stallGreeting: at(2),
    stallEndOfData: at(3),
    receiver: at(4),
    closed: at(5),
    submit: at(6),
    spare: [7, 8, 9, 10, 11, 12, 13, 14].map(at),
  };
}

function routesOf(ports: ReturnType<typeof portsOf>): LabRoute[] {
  const local = (port: number) => (domain: string) => ({ domain, host: '127.0.0.1', port });
  return [
    ...['sender.test'].map(local(ports.catcher)),
    ...['rx.test', 'box.test', 'elsewhere.test'].map(local(ports.receiver)),
    ...['gmail.test', 'outlook.test', 'yahoo.test', 'corp.test'].map(local(ports.remote)),
    local(ports.stallGreeting)('stall.test'),
    local(ports.stallEndOfData)('slow.test'),
    local(ports.closed)('closed.test'),
    { domain: 'nohost.test', host: UNRESOLVABLE_HOST, port: 25 },
  ];
}

const idOf = (mta: string, scenario: Scenario) => `lab-${mta}-${scenario.name}`;

async function submitAll(mta: string, port: number, scenarios: Scenario[]): Promise<void> {
  const transport = createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  for (const scenario of scenarios) {
    const id = idOf(mta, scenario);
    const filler = scenario.bodyBytes
      ? `${'The quick brown fox jumps over the lazy dog. '.repeat(60)}\n`
      : '';
    await transport.sendMail({
      envelope: { from: 'rep@sender.test', to: scenario.to },
      from: 'Rep <rep@sender.test>',
      to: scenario.to.join(', '),
      subject: `Sendwell lab: ${scenario.description}`,
      messageId: `<${id}@sender.test>`,
      headers: { 'X-Sendwell-Id': id },
      text: `Hello,\n\nthis message comes from the Sendwell bounce lab (${scenario.name}).\n\n${filler.repeat(Math.ceil((scenario.bodyBytes ?? 0) / 2700))}`,
      ...(scenario.notifySuccess ? { dsn: { notify: ['success'], ret: 'HDRS' } } : {}),
    });
  }
  transport.close();
}

/** The notices that answer a scenario, in arrival order (found by the original's Message-ID). */
const noticesOf = (mta: string, scenario: Scenario, notices: CaughtNotice[]) =>
  notices.filter((notice) => notice.raw.includes(`${idOf(mta, scenario)}@sender.test`));

/** The Status the notice states (its first delivery-status Status field), "" when none. */
const statedStatus = (raw: Buffer) =>
  /^Status:\s*([245]\.\d{1,3}\.\d{1,3})/im.exec(raw.toString('latin1'))?.[1] ?? '';

const HARD_REASONS = new Set(['userunknown', 'hostunknown', 'hasmoved']);
const isHard = (expected: ExpectedNotice, status: string) =>
  expected.action === 'failed' &&
  (HARD_REASONS.has(expected.reason ?? '') || (expected.reason === 'notaccept' && status.startsWith('5')));

function expectationRow(
  mta: string,
  source: string,
  scenario: Scenario,
  expected: ExpectedNotice,
  raw: Buffer,
) {
  const status = statedStatus(raw);
  const bounce = expected.kind === 'bounce';
  return {
    file: `mta/${mta}/${scenario.name}${expected.suffix}.eml`,
    family: `mta/${mta}`,
    source,
    lang: 'en',
    scenario:
      expected.action === 'delayed' ? `${scenario.description} (delay warning)` : scenario.description,
    kind: expected.kind,
    is_bounce: bounce,
    action: expected.action,
    recipients: scenario.about.map((address) => address.toLowerCase()),
    recipients_alt: [],
    reason: expected.reason,
    status,
    status_is_pseudo: false,
    hard: bounce ? isHard(expected, status) : null,
    decoder: null,
    original_message_id: `${idOf(mta, scenario)}@sender.test`,
    duplicate_of: null,
    ambiguous: scenario.ambiguous ?? false,
  };
}

function writeResults(
  outDir: string,
  mta: string,
  source: string,
  scenarios: Scenario[],
  notices: CaughtNotice[],
) {
  mkdirSync(outDir, { recursive: true });
  for (const file of readdirSync(outDir)) if (file.endsWith('.eml')) rmSync(join(outDir, file));
  const rows: string[] = [];
  for (const scenario of scenarios) {
    const found = noticesOf(mta, scenario, notices);
    if (found.length !== scenario.notices.length)
      console.warn(`${scenario.name}: expected ${scenario.notices.length} notice(s), got ${found.length}`);
    scenario.notices.forEach((expected, i) => {
      const notice = found[i];
      if (!notice) return;
      writeFileSync(join(outDir, `${scenario.name}${expected.suffix}.eml`), notice.raw);
      rows.push(JSON.stringify(expectationRow(mta, source, scenario, expected, notice.raw)));
    });
  }
  const strays = notices.filter((notice) => !scenarios.some((s) => noticesOf(mta, s, [notice]).length));
  for (const stray of strays) console.warn(`notice #${stray.seq} matches no scenario (kept in the work dir)`);
  writeFileSync(join(outDir, 'expectations.jsonl'), `${rows.join('\n')}\n`);
  console.log(`${rows.length} notice(s) written to ${outDir}`);
}

const complete = (mta: string, scenarios: Scenario[]) => (notices: CaughtNotice[]) =>
  scenarios.every((scenario) => noticesOf(mta, scenario, notices).length >= scenario.notices.length);

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { mta: { type: 'string' }, out: { type: 'string' } } });
  if (!values.mta) throw new Error('usage: run.ts --mta postfix|exim|... [--out bench-data/notices/mta]');
  const { driver } = (await import(`./drivers/${values.mta}.ts`)) as { driver: LabDriver };
  const workDir = mkdtempSync(join(tmpdir(), `bounce-lab-${driver.name}-`));
  // MTAs drop root: their users (postfix, nobody, Debian-exim…) must be able to reach their folders.
  chmodSync(workDir, 0o755);
  const ports = portsOf(driver.basePort);
  const catcher = await startCatcher(ports.catcher, join(workDir, 'caught'));
  const remotes = await Promise.all([
    startRemoteMx({ port: ports.remote }),
    startRemoteMx({ port: ports.stallGreeting, stallAt: 'greeting' }),
    startRemoteMx({ port: ports.stallEndOfData, stallAt: 'end-of-data' }),
  ]);
  const receiver = startReceiver({ root: workDir, port: ports.receiver, catcherPort: ports.catcher });
  const ctx: LabContext = {
    mta: driver.name,
    workDir,
    ports: { base: driver.basePort, catcher: ports.catcher, submit: ports.submit, spare: ports.spare },
    routes: routesOf(ports),
    localDomain: 'local.test',
    timing: TIMING,
  };
  const scenarios = scenariosFor(driver.name);
  console.log(`work dir ${workDir}; ${scenarios.length} scenarios`);
  try {
    const { source } = await driver.start(ctx);
    await submitAll(driver.name, ports.submit, scenarios);
    const waitMs = (TIMING.queueLifetimeSeconds + 240) * 1000;
    await catcher
      .waitUntil(complete(driver.name, scenarios), waitMs)
      .catch((error) => console.warn(String(error)));
    const out = resolve(values.out ?? 'bench-data/notices/mta', driver.name);
    writeResults(out, driver.name, source, scenarios, catcher.notices);
  } finally {
    await driver.stop();
    receiver.stop();
    await Promise.all([catcher.close(), ...remotes.map((remote) => remote.close())]);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
