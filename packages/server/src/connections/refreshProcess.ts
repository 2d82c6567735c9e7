/**
 * One Sendwell instance asking for a mailbox's access token, as a separate OS process: the
 * two-process refresh test (tokenManager.processes.test.ts) starts two of these against one
 * PostgreSQL database. Usage: `tsx refreshProcess.ts <databaseUrl> <mailboxId> <tokenUrl>`, with
 * SENDWELL_SECRET in the environment. Prints `ready`, waits for a line on stdin, asks for the token,
 * prints `{"token": …}` (a test token) and exits.
 */
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { classifyTokenError, silentLogger, systemClock, type TokenErrorBody } from '@sendwell/core';
import { openDb } from '../store/db';
import { findMailbox } from '../store/users';
import { loadVaultSecrets } from '../vault/secrets';
import { createVault } from '../vault/vault';
import { createTokenManager } from './tokenManager';
import { GrantError, type OAuthClient, type TokenSet } from './types';

export const REFRESH_PROCESS_SCRIPT = fileURLToPath(import.meta.url);

/** The refresh grant of RFC 6749 §6 over HTTP, nothing else: what the token manager needs. */
function refreshOnlyClient(tokenUrl: string): OAuthClient {
  const unused = () => Promise.reject(new Error('not used by the refresh process'));
  return {
    provider: 'microsoft',
    scopes: ['offline_access'],
    authorizationUrl: unused,
    exchangeCode: unused,
    revoke: unused,
    async refresh(refreshToken: string): Promise<TokenSet> {
      const response = await fetch(tokenUrl, {
        method: 'POST',
        body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken }),
      });
      const body = (await response.json()) as Record<string, unknown>;
      if (!response.ok) {
        const error = body as unknown as TokenErrorBody;
        throw new GrantError(classifyTokenError(error), error.error, error.error_description ?? error.error);
      }
      return {
        accessToken: String(body.access_token),
        expiresAt: new Date(Date.now() + Number(body.expires_in) * 1000),
        refreshToken: typeof body.refresh_token === 'string' ? body.refresh_token : null,
        scopes: String(body.scope ?? '').split(' '),
      };
    },
  };
}

async function main([databaseUrl, mailboxId, tokenUrl]: string[]): Promise<void> {
  if (!databaseUrl || !mailboxId || !tokenUrl)
    throw new Error('usage: refreshProcess <databaseUrl> <mailboxId> <tokenUrl>');
  const db = await openDb({ databaseUrl });
  try {
    const mailbox = await findMailbox(db, mailboxId);
    if (!mailbox) throw new Error(`no mailbox ${mailboxId}`);
    const client = refreshOnlyClient(tokenUrl);
    const tokens = createTokenManager({
      db,
      vault: createVault(loadVaultSecrets(tmpdir())),
      clock: systemClock,
      logger: silentLogger,
      clientFor: () => client,
      onLost: async (id, problem) => {
        throw new Error(`mailbox ${id} lost its grant (${problem})`);
      },
    });
    process.stdout.write('ready\n');
    await once(process.stdin, 'data');
    const token = await tokens.accessTokenSource(mailbox)();
    process.stdout.write(`${JSON.stringify({ token })}\n`);
  } finally {
    await db.close();
  }
}

if (process.argv[1] === REFRESH_PROCESS_SCRIPT) {
  main(process.argv.slice(2)).then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
