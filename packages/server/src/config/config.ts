import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface ServerConfig {
  port: number;
  host: string;
  /** Public base URL (what browsers and manifests use). */
  baseUrl: string;
  dataDir: string;
  databaseUrl: string | null;
  /** Sandbox mailboxes stand in for Microsoft and Google when no credentials are configured. */
  providers: 'sandbox' | 'real';
  microsoft: { clientId: string; audience: string } | null;
  google: { clientId: string; serviceAccountEmail: string | null } | null;
  /** Worker cadence; short in the sandbox so a demo bounce shows within seconds. */
  scanIntervalMs: number;
  senderIntervalMs: number;
}

export interface ConfigFlags {
  port?: number;
  dataDir?: string;
  databaseUrl?: string;
}

/** Flags win over the environment; with no Microsoft/Google credentials the sandbox is used. */
export function loadConfig(flags: ConfigFlags, env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = flags.port ?? (env.PORT ? Number(env.PORT) : 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0-65535, got ${port}`);
  const host = env.SENDWELL_HOST ?? '127.0.0.1';
  const microsoft = env.SENDWELL_MS_CLIENT_ID
    ? {
        clientId: env.SENDWELL_MS_CLIENT_ID,
        audience: env.SENDWELL_MS_AUDIENCE ?? `api://${env.SENDWELL_MS_CLIENT_ID}`,
      }
    : null;
  const google = env.SENDWELL_GOOGLE_CLIENT_ID
    ? {
        clientId: env.SENDWELL_GOOGLE_CLIENT_ID,
        serviceAccountEmail: env.SENDWELL_GOOGLE_SERVICE_ACCOUNT ?? null,
      }
    : null;
  const providers = microsoft || google ? 'real' : 'sandbox';
  return {
    port,
    host,
    baseUrl: env.SENDWELL_BASE_URL ?? `http://${host}:${port}`,
    dataDir: resolve(flags.dataDir ?? env.SENDWELL_DATA_DIR ?? '.sendwell'),
    databaseUrl: flags.databaseUrl ?? env.DATABASE_URL ?? null,
    providers,
    microsoft,
    google,
    scanIntervalMs: Number(env.SENDWELL_SCAN_INTERVAL_MS ?? (providers === 'sandbox' ? 1000 : 60_000)),
    senderIntervalMs: Number(env.SENDWELL_SENDER_INTERVAL_MS ?? 1000),
  };
}

/**
 * The server secret (API-token MACs, encryption of stored secrets): `SENDWELL_SECRET` (base64, 32
 * bytes) or a key file created once in the data dir, readable only by its owner.
 */
export function loadSecret(dataDir: string, env: NodeJS.ProcessEnv = process.env): Buffer {
  if (env.SENDWELL_SECRET) {
    const key = Buffer.from(env.SENDWELL_SECRET, 'base64');
    if (key.length < 32) throw new Error('SENDWELL_SECRET must be at least 32 bytes, base64-encoded');
    return key;
  }
  const file = join(dataDir, 'secret.key');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('base64'), { mode: 0o600 });
  return key;
}
