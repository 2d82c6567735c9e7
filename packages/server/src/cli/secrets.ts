/**
 * `sendwell secrets rotate [--data-dir DIR] [--database-url URL]`: re-encrypts every stored secret
 * not under the current key (SENDWELL_SECRET) — the old key must be in SENDWELL_SECRET_PREVIOUS —
 * and prints `re-encrypted N secrets (M already current)`. One transaction: an envelope it cannot
 * open (named by mailbox) stops it with nothing changed (exit 1).
 * `sendwell secrets status [...]`: how many stored secrets each key sealed. Bad arguments exit 2.
 * With PGlite (no database URL), stop `sendwell start` first: the embedded database has one owner.
 */
import { loadConfig } from '../config/config';
import { type Db, openDb } from '../store/db';
import { migrate } from '../store/migrations';
import { countByKey, RotationError, resealAll } from '../vault/rotate';
import { loadVaultSecrets } from '../vault/secrets';
import { createVault, keyIdOf } from '../vault/vault';
import { parseArgs, stringFlag, UsageError } from './args';

const USAGE = `usage: sendwell secrets rotate [--data-dir DIR] [--database-url URL]
       sendwell secrets status [--data-dir DIR] [--database-url URL]
SENDWELL_SECRET is the current key; SENDWELL_SECRET_PREVIOUS (comma list) the keys being retired.`;

export interface SecretsIo {
  env: NodeJS.ProcessEnv;
  out(line: string): void;
  err(line: string): void;
}

const processIo: SecretsIo = {
  env: process.env,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

export function run(args: string[]): Promise<number> {
  return runSecrets(args, processIo);
}

export async function runSecrets(args: string[], io: SecretsIo): Promise<number> {
  const [sub, ...rest] = args;
  let flags: { dataDir?: string; databaseUrl?: string };
  try {
    if (sub !== 'rotate' && sub !== 'status')
      throw new UsageError(sub ? `unknown subcommand: ${sub}` : 'missing subcommand');
    const parsed = parseArgs(rest);
    if (parsed.positionals.length > 0) throw new UsageError(`unexpected argument: ${parsed.positionals[0]}`);
    flags = { dataDir: stringFlag(parsed, 'data-dir'), databaseUrl: stringFlag(parsed, 'database-url') };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`${error.message}\n${USAGE}`);
    return 2;
  }
  const config = loadConfig(flags, io.env);
  const secrets = loadVaultSecrets(config.dataDir, io.env);
  const db = await openDb(
    config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: `${config.dataDir}/pglite` },
  );
  try {
    await migrate(db);
    return sub === 'rotate' ? await rotate(db, secrets, io) : await status(db, secrets, io);
  } finally {
    await db.close();
  }
}

async function rotate(db: Db, secrets: Buffer[], io: SecretsIo): Promise<number> {
  try {
    const report = await resealAll(db, createVault(secrets));
    io.out(`re-encrypted ${report.resealed} secrets (${report.alreadyCurrent} already current)`);
    return 0;
  } catch (error) {
    if (!(error instanceof RotationError)) throw error;
    io.err(error.message);
    return 1;
  }
}

async function status(db: Db, secrets: Buffer[], io: SecretsIo): Promise<number> {
  const ids = secrets.map(keyIdOf);
  const counts = await countByKey(db);
  const role = (keyId: string) =>
    keyId === ids[0]
      ? 'current (SENDWELL_SECRET)'
      : ids.includes(keyId)
        ? 'previous (SENDWELL_SECRET_PREVIOUS)'
        : keyId === 'malformed'
          ? 'not vault envelopes'
          : 'unknown: add its secret to SENDWELL_SECRET_PREVIOUS';
  for (const keyId of new Set([ids[0]!, ...counts.keys()]))
    io.out(`${keyId}  ${String(counts.get(keyId) ?? 0).padStart(6)}  ${role(keyId)}`);
  const stale = [...counts.entries()].filter(([k]) => k !== ids[0]).reduce((n, [, c]) => n + c, 0);
  io.out(
    stale === 0
      ? 'every stored secret is under the current key'
      : `${stale} to re-encrypt: sendwell secrets rotate`,
  );
  return 0;
}
