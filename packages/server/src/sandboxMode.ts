import type { Clock } from '@sendwell/core';
import { createSandbox, type Sandbox } from '@sendwell/sandbox';
import type { ServerConfig } from './config/config';
import { grantProvider } from './connections/grant';
import { type ProviderSettings, sandboxProviders } from './providerSettings';
import { seedUsers } from './seed';
import { saveCredential } from './store/credentials';
import type { Db } from './store/db';
import type { Vault } from './vault/vault';

export interface SandboxMode {
  sandbox: Sandbox;
  providers: ProviderSettings;
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
  return { sandbox, providers: sandboxProviders(sandbox) };
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
