import { openDb } from '../store/db';
import { vaultContext } from '../vault/contexts';
import { createVault } from '../vault/vault';

/**
 * After a run: every secret the server kept in its vault (refresh tokens, SMTP and EWS passwords,
 * the shared access tokens), opened with the server's key, named for the report. The server must be
 * stopped first (PGlite is one process).
 */
export async function listCredentialSecrets(dataDir: string, secret: Buffer): Promise<[string, string][]> {
  const db = await openDb({ dataDir: `${dataDir}/pglite` });
  const vault = createVault([secret]);
  try {
    const rows = await db.query<{ mailbox_id: string; secret: string; access_token: string | null }>(
      'select mailbox_id, secret, access_token from credentials order by mailbox_id',
    );
    return rows.flatMap((row): [string, string][] => {
      const found: [string, string][] = [
        [
          `vault secret of ${row.mailbox_id}`,
          vault.open(row.secret, vaultContext.credentialSecret(row.mailbox_id)),
        ],
      ];
      if (row.access_token)
        found.push([
          `access token of ${row.mailbox_id}`,
          vault.open(row.access_token, vaultContext.credentialAccessToken(row.mailbox_id)),
        ]);
      return found;
    });
  } finally {
    await db.close();
  }
}
