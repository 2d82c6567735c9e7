import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import type { CreateSendAnswer, FeedEvent, SendRequestBody, SmtpChannel } from '@sendwell/core';
import { silentLogger } from '@sendwell/core';
import type { SandboxSmtpMessage } from '@sendwell/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config';
import { createSendwell, type Sendwell } from '../sendwell';

/**
 * A real Postfix's DSN reaches the rep. Needs `scripts/ci/postfix-loopback.sh <port>` first (root:
 * Postfix on 127.0.0.1:25, the sandbox domains routed to <port>); `.ci/run` does that and sets
 * SENDWELL_TEST_POSTFIX=1. The path: ava's SMTP channel (127.0.0.1:25, no TLS: loopback only) →
 * Postfix → local(8) bounces the unknown user with a real DSN → to ava@contoso.test → the sandbox's
 * SMTP server as MX → ava's sandbox inbox → the scanner → a bounce event for that send in the feed.
 */
const ENABLED = process.env.SENDWELL_TEST_POSTFIX === '1';
const SANDBOX_SMTP_PORT = Number(process.env.SENDWELL_TEST_POSTFIX_SANDBOX_PORT ?? 2526);
/** Postfix's own domain (script: mydestination = $myhostname): its local(8) bounces unknown users. */
const POSTFIX_LOCAL_DOMAIN = 'postfix.sendwell-ci.test';
/** Rounds of the workers, a second apart, before the test gives up on Postfix's DSN arriving. */
const MAX_ROUNDS = 60;

const skipReason = 'skipped: set SENDWELL_TEST_POSTFIX=1 after scripts/ci/postfix-loopback.sh (CI, as root)';

describe.skipIf(!ENABLED)(
  `a real Postfix DSN reaches the rep's inbox and the feed${ENABLED ? '' : ` (${skipReason})`}`,
  () => {
    let sendwell: Sendwell;
    let server: ServerType;
    let base: string;
    const dataDir = mkdtempSync(join(tmpdir(), 'sendwell-postfix-'));

    beforeAll(async () => {
      server = serve({ fetch: (req) => sendwell.app.fetch(req), port: 0, hostname: '127.0.0.1' });
      await new Promise((resolve) => server.once('listening', resolve));
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const env = { SENDWELL_SANDBOX_SMTP_PORT: String(SANDBOX_SMTP_PORT) };
      sendwell = await createSendwell(loadConfig({ port, dataDir }, env), {
        logger: silentLogger,
        sandboxNoticeDelayMs: 0,
      });
      base = sendwell.config.baseUrl;
    });
    afterAll(async () => {
      server?.close();
      await sendwell?.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
      const response = await fetch(`${base}/api/v1${path}`, {
        method,
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${sendwell.apiTokenFor('ava')}`,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
      return JSON.parse(text) as T;
    }

    async function arrivalsFor(address: string): Promise<SandboxSmtpMessage[]> {
      const answer = await fetch(`${base}/sandbox/smtp/messages?rcpt=${encodeURIComponent(address)}`);
      return ((await answer.json()) as { messages: SandboxSmtpMessage[] }).messages;
    }

    it(
      'sends through Postfix, which bounces the unknown user back to ava as a DSN the scanner reads',
      async () => {
        const channel = await api<SmtpChannel>('POST', '/channels/smtp', {
          scope: 'personal',
          label: 'CI Postfix',
          host: '127.0.0.1',
          port: 25,
          security: 'none',
          username: 'ava',
          password: 'postfix-needs-no-password',
        });
        await api('PUT', '/channels/choice', { channelId: channel.id });
        const nobody = `nobody-${randomBytes(4).toString('hex')}@${POSTFIX_LOCAL_DOMAIN}`;
        const request: SendRequestBody = {
          host: 'web',
          to: [nobody],
          subject: 'Postfix bounce check',
          body: '<p>Hello</p>',
          idempotencyKey: `postfix-${randomBytes(6).toString('hex')}`,
        };
        const { send } = await api<CreateSendAnswer>('POST', '/sends', request);

        // Real mail takes its time: the lane hands the send to Postfix, Postfix bounces it and delivers
        // its DSN to the sandbox; wait (in worker rounds) until the DSN has arrived, then scan once.
        let dsn: SandboxSmtpMessage | undefined;
        for (let round = 0; round < MAX_ROUNDS && !dsn; round++) {
          await sendwell.runWorkersOnce();
          dsn = (await arrivalsFor('ava@contoso.test')).find(
            (m) => m.role === 'mx' && m.envelope.mailFrom === '',
          );
          if (!dsn) await new Promise((resolve) => setTimeout(resolve, 1000));
        }
        const sent = await api<{ status: string }>('GET', `/sends/${send.id}`);
        expect(
          dsn,
          `Postfix's DSN reached the sandbox as ava's MX (the send is ${sent.status})`,
        ).toMatchObject({
          deliveredTo: ['ava@contoso.test'],
        });
        await sendwell.runWorkersOnce();
        const feed = await api<{ items: FeedEvent[] }>('GET', '/feed?limit=100');
        const bounce = feed.items.find((e) => e.type === 'bounce' && e.recipient === nobody);
        expect(
          bounce,
          `a bounce event in the feed: ${JSON.stringify(feed.items.map((e) => e.type))}`,
        ).toBeDefined();
        expect(bounce?.sendId, 'the bounce is attributed to the send').toBe(send.id);
        expect(bounce).toMatchObject({
          recipient: nobody,
          detail: { status: '5.1.1', reason: 'userunknown', hard: true },
        });
      },
      (MAX_ROUNDS * 3 + 30) * 1000,
    );
  },
);
