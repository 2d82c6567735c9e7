import type { Db } from '../store/db';
import { vaultContext } from './contexts';
import { envelopeKeyId, type Vault, VaultError } from './vault';

/** Every column that holds a vault envelope, with its AAD and how to name a row to an operator. */
interface SealedColumn {
  table: 'credentials' | 'oauth_states';
  column: string;
  /** Selects `id`, `envelope`, `label` of every row with an envelope in this column. */
  select: string;
  /** The statement that stores a re-sealed envelope (and, for the credential, its key id). */
  update(id: string, envelope: string, keyId: string): [string, unknown[]];
  context(id: string): string;
  what: string;
}

const SEALED: readonly SealedColumn[] = [
  {
    table: 'credentials',
    column: 'secret',
    select: `select c.mailbox_id as id, c.secret as envelope, m.address as label
               from credentials c left join mailboxes m on m.id = c.mailbox_id order by c.mailbox_id`,
    update: (id, envelope, keyId) => [
      'update credentials set secret = $2, key_id = $3 where mailbox_id = $1',
      [id, envelope, keyId],
    ],
    context: vaultContext.credentialSecret,
    what: 'refresh token or password',
  },
  {
    table: 'credentials',
    column: 'access_token',
    select: `select c.mailbox_id as id, c.access_token as envelope, m.address as label
               from credentials c left join mailboxes m on m.id = c.mailbox_id
              where c.access_token is not null order by c.mailbox_id`,
    update: (id, envelope) => [
      'update credentials set access_token = $2 where mailbox_id = $1',
      [id, envelope],
    ],
    context: vaultContext.credentialAccessToken,
    what: 'shared access token',
  },
  {
    table: 'oauth_states',
    column: 'verifier',
    select: `select o.state as id, o.verifier as envelope, u.email as label
               from oauth_states o left join users u on u.id = o.user_id order by o.state`,
    update: (id, envelope) => ['update oauth_states set verifier = $2 where state = $1', [id, envelope]],
    context: vaultContext.oauthStateVerifier,
    what: 'pending connection request (PKCE verifier)',
  },
];

interface SealedRow {
  id: string;
  envelope: string;
  label: string | null;
}

/** An envelope `secrets rotate` cannot open: nothing was changed. */
export class RotationError extends Error {
  override name = 'RotationError';
}

export interface RotationReport {
  resealed: number;
  alreadyCurrent: number;
}

function describeRow(column: SealedColumn, row: SealedRow): string {
  if (column.table === 'credentials') return `mailbox ${row.id}${row.label ? ` (${row.label})` : ''}`;
  return `a connection request${row.label ? ` by ${row.label}` : ''}`;
}

function cannotOpen(column: SealedColumn, row: SealedRow, error: VaultError): RotationError {
  const where = `the ${column.what} of ${describeRow(column, row)} (${column.table}.${column.column})`;
  const fix =
    error.reason === 'unknown-key'
      ? `it is sealed under key ${envelopeKeyId(row.envelope)}: add the secret it was sealed with to SENDWELL_SECRET_PREVIOUS and run again`
      : `it is ${error.reason === 'tampered' ? 'altered or was moved from another row' : 'not a vault envelope'}; that connection has to be made again`;
  return new RotationError(`cannot re-encrypt ${where}: ${fix}. Nothing was changed.`);
}

/**
 * Re-seals every envelope that is not under the current key, in one transaction: one envelope that
 * cannot be opened rolls everything back, so a rotation never loses a secret half way.
 */
export async function resealAll(db: Db, vault: Vault): Promise<RotationReport> {
  return db.transaction(async (tx) => {
    const report: RotationReport = { resealed: 0, alreadyCurrent: 0 };
    for (const column of SEALED) {
      for (const row of await tx.query<SealedRow>(
        `${column.select} for update of ${column.table === 'credentials' ? 'c' : 'o'}`,
      )) {
        if (vault.isCurrent(row.envelope)) {
          report.alreadyCurrent++;
          continue;
        }
        let plaintext: string;
        try {
          plaintext = vault.open(row.envelope, column.context(row.id));
        } catch (error) {
          if (error instanceof VaultError) throw cannotOpen(column, row, error);
          throw error;
        }
        await tx.query(
          ...column.update(row.id, vault.seal(plaintext, column.context(row.id)), vault.currentKeyId),
        );
        report.resealed++;
      }
    }
    return report;
  });
}

/** How many envelopes each key sealed ('malformed' for values that are not envelopes). */
export async function countByKey(db: Db): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const column of SEALED) {
    for (const row of await db.query<SealedRow>(column.select)) {
      let keyId: string;
      try {
        keyId = envelopeKeyId(row.envelope);
      } catch {
        keyId = 'malformed';
      }
      counts.set(keyId, (counts.get(keyId) ?? 0) + 1);
    }
  }
  return counts;
}
