import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import type { CreateSendAnswer, CreateSmtpChannel, FeedEvent, SmtpChannel } from '@sendwell/core';
import { silentLogger } from '@sendwell/core';
import type { SandboxSmtpMessage } from '@sendwell/sandbox';
import { loadConfig } from '../config/config';
import { createSendwell, type Sendwell } from '../sendwell';

/**
 * Test kit (no production caller): a sandbox-mode Sendwell over HTTP with the sandbox's SMTP server,
 * and the flow "a rep's web send through an SMTP lane comes back as a DSN in the rep's inbox".
 */
export interface LaneBounceRig {
  sendwell: Sendwell;
  base: string;
  /** The v1 API as the given sandbox user (throws with the answer on a non-2xx). */
  api<T>(userId: string, method: string, path: string, body?: unknown): Promise<T>;
  /** What the sandbox SMTP server accepted for that recipient. */
  arrivalsFor(address: string): Promise<SandboxSmtpMessage[]>;
  close(): Promise<void>;
}

export async function startLaneBounceRig(sandboxSmtpPort: number): Promise<LaneBounceRig> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sendwell-lane-bounce-'));
  let sendwell: Sendwell | null = null;
  const server: ServerType = serve({
    fetch: (req) => sendwell!.app.fetch(req),
    port: 0,
    hostname: '127.0.0.1',
  });
  await new Promise((resolve) => server.once('listening', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const env = { SENDWELL_SANDBOX_SMTP_PORT: String(sandboxSmtpPort) };
  const app = await createSendwell(loadConfig({ port, dataDir }, env), {
    logger: silentLogger,
    sandboxNoticeDelayMs: 0,
  });
  sendwell = app;
  const base = app.config.baseUrl;
  return {
    sendwell: app,
    base,
    async api<T>(userId: string, method: string, path: string, body?: unknown): Promise<T> {
      const response = await fetch(`${base}/api/v1${path}`, {
        method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${app.apiTokenFor(userId)}` },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
      return JSON.parse(text) as T;
    },
    async arrivalsFor(recipient: string) {
      const answer = await fetch(`${base}/sandbox/smtp/messages?rcpt=${encodeURIComponent(recipient)}`);
      return ((await answer.json()) as { messages: SandboxSmtpMessage[] }).messages;
    },
    async close() {
      server.close();
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** What one run of the flow saw: the send, the DSN's arrival (if any) and the bounce event (if any). */
interface LaneBounceOutcome {
  sendId: string;
  sendStatus: string;
  dsn: SandboxSmtpMessage | undefined;
  bounce: FeedEvent | undefined;
  feedTypes: string[];
}

/**
 * Ava creates a personal SMTP channel with `settings`, picks it for web sends, sends to `to`, then
 * runs the workers (a second apart, at most `maxRounds`) until the DSN has reached her sandbox inbox
 * through the sandbox SMTP server (`dsnRole`: `relay` when the sandbox wrote it, `mx` when another
 * MTA delivered it), then scans once more and reads the feed.
 */
export async function sendThroughLaneUntilBounce(
  rig: LaneBounceRig,
  settings: Omit<CreateSmtpChannel, 'scope' | 'label'>,
  to: string,
  options: { dsnRole: 'relay' | 'mx'; maxRounds: number },
): Promise<LaneBounceOutcome> {
  const ava = 'ava';
  const channel = await rig.api<SmtpChannel>(ava, 'POST', '/channels/smtp', {
    ...settings,
    scope: 'personal',
    label: 'Lane under test',
  });
  await rig.api(ava, 'PUT', '/channels/choice', { channelId: channel.id });
  const { send } = await rig.api<CreateSendAnswer>(ava, 'POST', '/sends', {
    host: 'web',
    to: [to],
    subject: 'Lane bounce check',
    body: '<p>Hello</p>',
    idempotencyKey: `lane-${randomBytes(6).toString('hex')}`,
  });
  const dsnArrived = async () =>
    options.dsnRole === 'mx'
      ? (await rig.arrivalsFor('ava@contoso.test')).find((m) => m.role === 'mx' && m.envelope.mailFrom === '')
      : (await rig.arrivalsFor(to)).find((m) => m.noticesFor.includes(to));
  let dsn: SandboxSmtpMessage | undefined;
  for (let round = 0; round < options.maxRounds && !dsn; round++) {
    await rig.sendwell.runWorkersOnce();
    dsn = await dsnArrived();
    if (!dsn) await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  await rig.sendwell.runWorkersOnce();
  const { status } = await rig.api<{ status: string }>(ava, 'GET', `/sends/${send.id}`);
  const feed = await rig.api<{ items: FeedEvent[] }>(ava, 'GET', '/feed?limit=100');
  return {
    sendId: send.id,
    sendStatus: status,
    dsn,
    bounce: feed.items.find((e) => e.type === 'bounce' && e.recipient === to),
    feedTypes: feed.items.map((e) => e.type),
  };
}
