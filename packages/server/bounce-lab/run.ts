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
 * (H1: postfix 2600, exim 2615; H2: 2650, 2665, 2680). stop() must stop only what start() started
 * (Ctrl-C and SIGTERM call it too). adjustScenarios (optional) edits the shared list for this MTA:
 * drop what it refuses at SMTP time, mark a notice `ambiguous` when it states no cause, add its own.
 *
 *   --relabel   rewrite expectations.jsonl from the .eml files already kept (after a label change)
 *
 * Labels come from the scenario (scenarios.ts, replies.ts), never from the engine; only `status` is
 * read from the notice itself (statedStatus below).
 */
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
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
  /**
   * This MTA's own version of the shared scenario list: without those it refuses at SMTP time (no
   * notice), with the notices it writes differently (e.g. a DNS failure it retries), plus its own.
   */
  adjustScenarios?(shared: Scenario[]): Scenario[];
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
      envelope: { from: scenario.from ?? 'rep@sender.test', to: scenario.to },
      from: `Rep <${scenario.from ?? 'rep@sender.test'}>`,
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

/**
 * The notices that answer a scenario, in arrival order (found by the original's Message-ID). Only
 * mail with the null sender counts: an MTA that wrongly delivers an original to the catcher must not
 * have it taken for a notice.
 */
const noticesOf = (mta: string, scenario: Scenario, notices: CaughtNotice[]) =>
  notices.filter(
    (notice) => notice.mailFrom === '' && notice.raw.includes(`${idOf(mta, scenario)}@sender.test`),
  );

/**
 * The status the notice states for its (first) recipient: the delivery-status Status field, unless
 * that is a generic x.0.0 and the notice quotes the remote's answer with a more precise code of the
 * same class (Exim writes "Status: 5.0.0" beside the remote's "550 5.1.1 ..." in Diagnostic-Code;
 * OpenSMTPD and Courier quote the answer only in their text). Both are stated, so the generic field
 * stays an accepted alternative. "" when the notice states none.
 */
function statedStatus(raw: Buffer): { status: string; alternative?: string } {
  const text = raw.toString('latin1');
  const field = /^Status:\s*([245]\.\d{1,3}\.\d{1,3})/im.exec(text)?.[1] ?? '';
  if (!field.endsWith('.0.0')) return { status: field };
  const answers = text.matchAll(/(?:^|[\s;:(])[245]\d\d[- ]([245]\.\d{1,3}\.\d{1,3})\b/gm);
  const quoted = [...answers]
    .map((m) => m[1] as string)
    .find((code) => code[0] === field[0] && !code.endsWith('.0.0'));
  return quoted ? { status: quoted, alternative: field } : { status: field };
}

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
  const { status, alternative } = statedStatus(raw);
  const bounce = expected.kind === 'bounce';
  const recipients = scenario.about.map((address) => address.toLowerCase());
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
    recipients,
    recipients_alt: [],
    reason: expected.reason,
    status,
    status_is_pseudo: false,
    hard: bounce ? isHard(expected, status) : null,
    decoder: null,
    original_message_id: `${idOf(mta, scenario)}@sender.test`,
    duplicate_of: null,
    ambiguous: Boolean(scenario.ambiguous || expected.ambiguous),
    ...(bounce && alternative
      ? { per_recipient: [{ recipient: recipients[0], status, alt: [{ status: alternative }] }] }
      : {}),
  };
}

/** Write each scenario's notices as `<scenario><suffix>.eml` (old .eml files removed first). */
function writeNotices(outDir: string, mta: string, scenarios: Scenario[], notices: CaughtNotice[]) {
  mkdirSync(outDir, { recursive: true });
  for (const file of readdirSync(outDir)) if (file.endsWith('.eml')) rmSync(join(outDir, file));
  for (const scenario of scenarios) {
    const found = noticesOf(mta, scenario, notices);
    if (found.length !== scenario.notices.length)
      console.warn(`${scenario.name}: expected ${scenario.notices.length} notice(s), got ${found.length}`);
    scenario.notices.forEach((expected, i) => {
      const notice = found[i];
      if (notice) writeFileSync(join(outDir, `${scenario.name}${expected.suffix}.eml`), notice.raw);
    });
  }
  const strays = notices.filter((notice) => !scenarios.some((s) => noticesOf(mta, s, [notice]).length));
  for (const stray of strays) console.warn(`notice #${stray.seq} matches no scenario (kept in the work dir)`);
}

/** expectations.jsonl for the .eml files present: labels from the scenarios, status from the notice. */
function writeExpectations(outDir: string, mta: string, source: string, scenarios: Scenario[]) {
  const rows: string[] = [];
  for (const scenario of scenarios)
    for (const expected of scenario.notices) {
      const file = join(outDir, `${scenario.name}${expected.suffix}.eml`);
      if (existsSync(file))
        rows.push(JSON.stringify(expectationRow(mta, source, scenario, expected, readFileSync(file))));
    }
  writeFileSync(join(outDir, 'expectations.jsonl'), `${rows.join('\n')}\n`);
  console.log(`${rows.length} notice(s) labelled in ${outDir}`);
}

/** `--relabel`: rewrite expectations.jsonl from the notices already kept (no MTA run). */
async function relabel(outDir: string, mta: string): Promise<void> {
  const previous = readFileSync(join(outDir, 'expectations.jsonl'), 'utf8').split('\n')[0] ?? '{}';
  const { source } = JSON.parse(previous) as { source: string };
  const { driver } = (await import(`./drivers/${mta}.ts`)) as { driver: LabDriver };
  writeExpectations(outDir, mta, source, scenariosOf(driver));
}

const scenariosOf = (driver: LabDriver) =>
  driver.adjustScenarios?.(scenariosFor(driver.name)) ?? scenariosFor(driver.name);

const complete = (mta: string, scenarios: Scenario[]) => (notices: CaughtNotice[]) =>
  scenarios.every((scenario) => noticesOf(mta, scenario, notices).length >= scenario.notices.length);

/** Start the shared parts: catcher, remote MXs (one answering, two stalling) and the receiving Postfix. */
async function startSharedParts(workDir: string, ports: ReturnType<typeof portsOf>) {
  const catcher = await startCatcher(ports.catcher, join(workDir, 'caught'));
  const remotes = await Promise.all([
    startRemoteMx({ port: ports.remote }),
    startRemoteMx({ port: ports.stallGreeting, stallAt: 'greeting' }),
    startRemoteMx({ port: ports.stallEndOfData, stallAt: 'end-of-data' }),
  ]);
  const receiver = startReceiver({ root: workDir, port: ports.receiver, catcherPort: ports.catcher });
  const stop = async () => {
    receiver.stop();
    await Promise.all([catcher.close(), ...remotes.map((remote) => remote.close())]);
  };
  return { catcher, stop };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { mta: { type: 'string' }, out: { type: 'string' }, relabel: { type: 'boolean' } },
  });
  if (!values.mta) throw new Error('usage: run.ts --mta postfix|exim|... [--out dir] [--relabel]');
  const outRoot = values.out ?? 'bench-data/notices/mta';
  if (values.relabel) return relabel(resolve(outRoot, values.mta), values.mta);
  const { driver } = (await import(`./drivers/${values.mta}.ts`)) as { driver: LabDriver };
  const workDir = mkdtempSync(join(tmpdir(), `bounce-lab-${driver.name}-`));
  // MTAs drop root: their users (postfix, nobody, Debian-exim…) must be able to reach their folders.
  chmodSync(workDir, 0o755);
  const ports = portsOf(driver.basePort);
  const shared = await startSharedParts(workDir, ports);
  const stopAll = async () => {
    await driver.stop();
    await shared.stop();
  };
  // Ctrl-C (or timeout's SIGTERM) must not leave MTA instances running.
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => void stopAll().finally(() => process.exit(130)));
  const ctx: LabContext = {
    mta: driver.name,
    workDir,
    ports: { base: driver.basePort, catcher: ports.catcher, submit: ports.submit, spare: ports.spare },
    routes: routesOf(ports),
    localDomain: 'local.test',
    timing: TIMING,
  };
  const scenarios = scenariosOf(driver);
  console.log(`work dir ${workDir}; ${scenarios.length} scenarios`);
  try {
    const { source } = await driver.start(ctx);
    await submitAll(driver.name, ports.submit, scenarios);
    const waitMs = (TIMING.queueLifetimeSeconds + 240) * 1000;
    await shared.catcher
      .waitUntil(complete(driver.name, scenarios), waitMs)
      .catch((error) => console.warn(String(error)));
    const out = resolve(outRoot, driver.name);
    writeNotices(out, driver.name, scenarios, shared.catcher.notices);
    writeExpectations(out, driver.name, source, scenarios);
  } finally {
    await stopAll();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
