import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Admission } from './admission';

/** A token bucket: `burst` requests at once, refilled at `perSecond`. */
export interface Rate {
  perSecond: number;
  burst: number;
}

/** Route families, each with its own per-IP budget (`/sandbox` has none: it stands in for Microsoft and Google). */
export type Family = 'api' | 'addon' | 'signin' | 'tracking' | 'other';

export interface Limits {
  /** Socket-level limits of the HTTP server (`applyServerLimits`). */
  server: {
    headersTimeoutMs: number;
    requestTimeoutMs: number;
    keepAliveTimeoutMs: number;
    /** A socket with no traffic either way this long is closed (the feed pings every 15 s). */
    idleTimeoutMs: number;
    maxConnections: number;
  };
  /** Off: no request is refused with 429 (`SENDWELL_RATE_LIMITS=off`, for benches of the server itself). */
  rateLimits: boolean;
  perIp: Record<Family, Rate>;
  /** Every API bearer token (hashed) has its own budget on top of its IP's. */
  perToken: Rate;
  /** Requests that carried credentials and were answered 401, per IP: a much smaller budget. */
  authFailures: Rate;
  /** Trust the last `X-Forwarded-For` hop (set when a reverse proxy on this host forwards to us). */
  trustProxy: boolean;
  /** The gate in front of the store; without `maxInFlight` set, `admissionFor` picks one per store. */
  admission: Omit<Admission, 'maxInFlight'> & { maxInFlight?: number };
}

/**
 * Requests let at the store at once when not set: PGlite answers one query at a time, so a few keep
 * it busy and the rest wait in order; PostgreSQL's pool has 10 connections (store/postgres.ts).
 */
const DEFAULT_IN_FLIGHT = { pglite: 8, postgres: 40 } as const;

/** The admission settings for the store in use. */
export function admissionFor(limits: Limits, store: keyof typeof DEFAULT_IN_FLIGHT): Admission {
  return { ...limits.admission, maxInFlight: limits.admission.maxInFlight ?? DEFAULT_IN_FLIGHT[store] };
}

/** Body sizes per entry point; `/api/v1` keeps its 2 MB (the largest templates and CSV imports). */
export const BODY_LIMITS: ReadonlyArray<readonly [prefix: string, bytes: number]> = [
  ['/api/v1', 2 * 1024 * 1024],
  ['/gmail', 1024 * 1024],
  // The sandbox stands in for Graph and Gmail, which take whole MIME messages up to their own ceilings.
  ['/sandbox', 36 * 1024 * 1024],
  ['/', 64 * 1024],
];

const rate = (perSecond: number, burst: number): Rate => ({ perSecond, burst });

const DEFAULT_PER_IP: Record<Family, Rate> = {
  api: rate(200, 2000),
  addon: rate(100, 2000), // Google's servers call the add-on for every user of a domain.
  signin: rate(2, 30),
  tracking: rate(20, 200),
  other: rate(100, 1000),
};

const envSchema = z.object({
  SENDWELL_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(1000).default(20_000),
  SENDWELL_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).default(60_000),
  SENDWELL_KEEPALIVE_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),
  SENDWELL_IDLE_TIMEOUT_MS: z.coerce.number().int().min(1000).default(60_000),
  SENDWELL_MAX_CONNECTIONS: z.coerce.number().int().min(1).optional(),
  SENDWELL_RATE_LIMITS: z.enum(['on', 'off']).default('on'),
  SENDWELL_RATE_LIMIT_SCALE: z.coerce.number().positive().default(1),
  SENDWELL_TRUST_PROXY: z.enum(['0', '1']).default('0'),
  SENDWELL_MAX_IN_FLIGHT: z.coerce.number().int().min(0).optional(),
  SENDWELL_MAX_WAITING: z.coerce.number().int().min(0).default(2_000),
  SENDWELL_MAX_WAIT_MS: z.coerce.number().int().min(100).default(20_000),
});

/** The process's open-file limit (Linux), else Node's common default. */
function descriptorLimit(): number {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8').match(/^Max open files\s+(\d+)/m);
    if (line) return Number(line[1]);
  } catch {
    // Not Linux: fall through.
  }
  return 1024;
}

/** Half the descriptors for client sockets: the rest stay for the database, files and providers. */
function defaultMaxConnections(): number {
  return Math.max(64, Math.min(10_000, Math.floor(descriptorLimit() / 2)));
}

const scaled = (r: Rate, k: number): Rate => rate(r.perSecond * k, Math.ceil(r.burst * k));

/** The limits from the environment (documented in docs/operations/limits.md); bad values refuse to start. */
export function readLimits(env: NodeJS.ProcessEnv): Limits {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success)
    throw new Error(
      `Bad limit setting: ${parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join('; ')}`,
    );
  const e = parsed.data;
  const k = e.SENDWELL_RATE_LIMIT_SCALE;
  const perIp = Object.fromEntries(
    Object.entries(DEFAULT_PER_IP).map(([family, r]) => [family, scaled(r, k)]),
  ) as Record<Family, Rate>;
  return {
    server: {
      headersTimeoutMs: e.SENDWELL_HEADERS_TIMEOUT_MS,
      requestTimeoutMs: Math.max(e.SENDWELL_REQUEST_TIMEOUT_MS, e.SENDWELL_HEADERS_TIMEOUT_MS),
      keepAliveTimeoutMs: e.SENDWELL_KEEPALIVE_TIMEOUT_MS,
      idleTimeoutMs: e.SENDWELL_IDLE_TIMEOUT_MS,
      maxConnections: e.SENDWELL_MAX_CONNECTIONS ?? defaultMaxConnections(),
    },
    rateLimits: e.SENDWELL_RATE_LIMITS === 'on',
    perIp,
    perToken: scaled(rate(20, 500), k),
    authFailures: scaled(rate(10 / 60, 20), k),
    trustProxy: e.SENDWELL_TRUST_PROXY === '1',
    admission: {
      maxInFlight: e.SENDWELL_MAX_IN_FLIGHT,
      maxWaiting: e.SENDWELL_MAX_WAITING,
      maxWaitMs: Math.min(e.SENDWELL_MAX_WAIT_MS, e.SENDWELL_REQUEST_TIMEOUT_MS),
    },
  };
}
