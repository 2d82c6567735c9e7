import type { Clock } from '@sendwell/core';
import {
  createSandbox,
  SANDBOX_SMTP_PASSWORD,
  type Sandbox,
  type SandboxSmtp,
  startSandboxSmtp,
} from '@sendwell/sandbox';
import type { LegacySmtpConfig, ServerConfig } from './config/config';
import { grantProvider } from './connections/grant';
import { type ProviderSettings, sandboxProviders } from './providerSettings';
import { seedUsers } from './seed';
import { saveCredential } from './store/credentials';
import type { Db } from './store/db';
import type { Vault } from './vault/vault';

export interface SandboxMode {
  sandbox: Sandbox;
  providers: ProviderSettings;
  /** The sandbox's SMTP server, when `config.sandboxSmtpPort` asked for one. */
  smtp: SandboxSmtp | null;
  /**
   * The legacy hosted server to use: the configured one, else the sandbox's SMTP relay when it runs
   * (so legacy reps have a working "Sendwell servers" channel in the demo), else none.
   */
  legacySmtp: LegacySmtpConfig | null;
  /** Stops the SMTP server (the HTTP side closes with the app). */
  close(): Promise<void>;
}

/** The legacy hosted server as the sandbox relay: loopback, no TLS needed, its one password. */
export function sandboxLegacySmtp(port: number): LegacySmtpConfig {
  return { host: '127.0.0.1', port, security: 'none', username: 'legacy', password: SANDBOX_SMTP_PASSWORD };
}

/**
 * Sandbox mode: the stand-ins for Microsoft and Google are mounted at `/sandbox`, their demo people
 * become Sendwell users bound to their immutable ids, and those who "connected once" get a real
 * offline grant from the sandbox's authorization server, stored in the vault like any other. From
 * there on every token comes from the token endpoint over HTTP, as in production.
 */
export async function startSandboxMode(
  db: Db,
  vault: Vault,
  config: ServerConfig,
  options: { clock: Clock; noticeDelayMs?: number },
): Promise<SandboxMode> {
  const sandbox = createSandbox({
    baseUrl: `${config.baseUrl}/sandbox`,
    clock: options.clock,
    noticeDelayMs: options.noticeDelayMs,
    appBaseUrl: config.baseUrl,
    appUrls: {
      paneUrl: `${config.baseUrl}/outlook/taskpane.html`,
      addonUrl: `${config.baseUrl}/gmail/addon`,
    },
  });
  await seedUsers(db, sandbox.users);
  await grantConnectedMailboxes(db, vault, sandbox);
  const port = config.sandboxSmtpPort;
  const smtp = port == null ? null : await startSmtp(sandbox, port);
  return {
    sandbox,
    providers: sandboxProviders(sandbox),
    smtp,
    legacySmtp: config.legacySmtp ?? (smtp ? sandboxLegacySmtp(smtp.port) : null),
    close: async () => {
      await smtp?.close();
    },
  };
}

/** The sandbox's SMTP server on loopback; a port already taken says which setting to change. */
export async function startSmtp(sandbox: Sandbox, port: number): Promise<SandboxSmtp> {
  try {
    return await startSandboxSmtp({ sandbox, port, host: '127.0.0.1' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    throw new Error(
      `The sandbox SMTP port ${port} is in use: set SENDWELL_SANDBOX_SMTP_PORT to a free port, 0 for any, or off for none.`,
    );
  }
}

/**
 * The sandbox keeps its grants in memory, so each start grants afresh every mailbox of a sandbox
 * user that is connected; one that needs reconnecting (or was disconnected) stays so.
 */
async function grantConnectedMailboxes(db: Db, vault: Vault, sandbox: Sandbox): Promise<void> {
  const rows = await db.query<{ id: string; user_id: string; provider: 'exchange' | 'gmail' }>(
    `select id, user_id, provider from mailboxes where state = 'connected' and provider in ('exchange', 'gmail')`,
  );
  const sandboxUsers = new Set(sandbox.users.map((u) => u.id));
  for (const row of rows) {
    if (!sandboxUsers.has(row.user_id)) continue;
    const provider = grantProvider(row.provider)!;
    const { refreshToken } = sandbox.grantOffline(row.user_id, provider);
    await saveCredential(db, vault, { mailboxId: row.id, kind: 'oauth', secret: refreshToken });
  }
}
