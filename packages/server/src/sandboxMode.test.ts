import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '@sendwell/core';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { legacySmtpFromUrl, loadConfig } from './config/config';
import { type SandboxMode, sandboxLegacySmtp, startSandboxMode } from './sandboxMode';
import type { Db } from './store/db';
import { openTestDb } from './store/testing';
import { createVault } from './vault/vault';

const CONFIGURED_LEGACY = 'smtp://hosted:secret@smtp.sendwell.example:587';

let db: Db;
const dataDir = mkdtempSync(join(tmpdir(), 'sendwell-sandbox-mode-'));
const vault = createVault([randomBytes(32)]);
beforeAll(async () => {
  db = await openTestDb('pglite');
});
afterAll(async () => {
  await db.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function startWith(env: NodeJS.ProcessEnv): Promise<SandboxMode> {
  const config = loadConfig({ port: 0, dataDir }, env);
  return startSandboxMode(db, vault, config, { clock: systemClock, noticeDelayMs: 0 });
}

describe('sandbox mode and the sandbox SMTP server', () => {
  it.each([
    ['no SMTP port: no server, no legacy hosted server', {}, false, null],
    [
      'a configured legacy server is kept',
      { SENDWELL_LEGACY_SMTP_URL: CONFIGURED_LEGACY },
      false,
      CONFIGURED_LEGACY,
    ],
    [
      'the SMTP server runs, and a configured legacy server still wins',
      { SENDWELL_SANDBOX_SMTP_PORT: '0', SENDWELL_LEGACY_SMTP_URL: CONFIGURED_LEGACY },
      true,
      CONFIGURED_LEGACY,
    ],
  ] as const)('%s', async (_label, env, running, legacyUrl) => {
    const mode = await startWith(env);
    try {
      expect(mode.smtp !== null).toBe(running);
      expect(mode.legacySmtp).toEqual(legacyUrl ? legacySmtpFromUrl(legacyUrl) : null);
    } finally {
      await mode.close();
    }
  });

  it('fills the legacy hosted server with the sandbox relay, which delivers to sandbox people', async () => {
    const mode = await startWith({ SENDWELL_SANDBOX_SMTP_PORT: '0' });
    try {
      const port = mode.smtp!.port;
      expect(mode.legacySmtp).toEqual(sandboxLegacySmtp(port));
      const legacy = mode.legacySmtp!;
      const transport = nodemailer.createTransport({
        host: legacy.host,
        port: legacy.port,
        secure: false,
        ignoreTLS: legacy.security === 'none',
        auth: { user: legacy.username, pass: legacy.password },
      });
      const messageId = `<legacy-${randomBytes(4).toString('hex')}@sendwell.test>`;
      await transport.sendMail({
        from: 'lou@fabrikam.test',
        to: 'eli@contoso.test',
        subject: 'Hi',
        text: 'Hello',
        messageId,
      });
      expect(mode.sandbox.messages('eli', 'inbox').map((m) => m.internetMessageId)).toContain(messageId);
      expect(mode.smtp!.accepted().at(-1)).toMatchObject({
        authUser: 'legacy',
        deliveredTo: ['eli@contoso.test'],
      });
    } finally {
      await mode.close();
    }
  });

  it('says which setting to change when the port is taken', async () => {
    const first = await startWith({ SENDWELL_SANDBOX_SMTP_PORT: '0' });
    try {
      const taken = String(first.smtp!.port);
      await expect(startWith({ SENDWELL_SANDBOX_SMTP_PORT: taken })).rejects.toThrow(
        `The sandbox SMTP port ${taken} is in use: set SENDWELL_SANDBOX_SMTP_PORT`,
      );
    } finally {
      await first.close();
    }
  });
});
