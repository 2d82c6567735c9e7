import { timingSafeEqual } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Logger } from '@sendwell/core';
import { type Context, Hono } from 'hono';
import type { ServerConfig } from '../config/config';
import type { Db } from '../store/db';
import { pendingMigrations } from '../store/migrations';
import { METRICS_CONTENT_TYPE, renderMetrics } from './metrics';
import type { Observations, WorkerState } from './observations';

export interface HealthDeps {
  db: Db;
  logger: Logger;
  observations: Observations;
  /** `metricsToken` (`SENDWELL_METRICS_TOKEN`) and each worker's interval (a loop silent for much longer is stalled). */
  config: Pick<ServerConfig, 'metricsToken' | 'senderIntervalMs' | 'scanIntervalMs'>;
}

/** A round may legitimately run long (a first backfill of a big mailbox), but not forever. */
const LONGEST_ROUND_MS = 15 * 60_000;

type Check = 'ok' | string;

async function databaseCheck(deps: HealthDeps): Promise<[Check, Check]> {
  try {
    await deps.db.query('select 1');
  } catch (error) {
    deps.logger.error('readiness: database does not answer', { detail: String(error) });
    return ['not answering', 'unknown'];
  }
  const pending = await pendingMigrations(deps.db).catch(() => null);
  if (pending === null) return ['ok', 'unknown'];
  return ['ok', pending.length === 0 ? 'ok' : `pending: ${pending.join(', ')}`];
}

function workerCheck(state: WorkerState, intervalMs: number, now: number): Check {
  if (!state.started) return 'not started';
  if (state.running) return now - (state.lastStartAt ?? now) <= LONGEST_ROUND_MS ? 'ok' : 'round stuck';
  const silence = now - (state.lastFinishAt ?? state.lastStartAt ?? now);
  return silence <= 3 * intervalMs + 60_000 ? 'ok' : 'stalled';
}

/** Loopback peer and no proxy in between: a reverse proxy on this host would look like loopback. */
function isDirectLoopback(c: Context): boolean {
  if (c.req.header('x-forwarded-for') || c.req.header('forwarded') || c.req.header('x-real-ip')) return false;
  let address: string | undefined;
  try {
    address = getConnInfo(c).remote.address;
  } catch {
    return false; // Not behind a Node socket (an in-process fetch): not provably local.
  }
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

function bearerMatches(c: Context, token: string): boolean {
  const given = /^Bearer (.+)$/i.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * `/healthz` (the process answers), `/readyz` (database answers, migrations applied, workers
 * running, not stopping; 503 otherwise) and `/metrics`. Metrics name internal mailbox ids, so they are for the
 * operator only: with `SENDWELL_METRICS_TOKEN` set, a matching bearer from anywhere; without it,
 * direct loopback connections only (no `X-Forwarded-For`/`Forwarded`/`X-Real-IP`).
 */
export function healthRoutes(deps: HealthDeps): Hono {
  const { config } = deps;
  const metricsToken = config.metricsToken ?? null;
  const intervals = {
    sender: config.senderIntervalMs,
    scanner: config.scanIntervalMs,
    campaigns: config.senderIntervalMs,
  };
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    const [database, migrations] = await databaseCheck(deps);
    const now = deps.observations.now();
    const workers = Object.fromEntries(
      Object.entries(intervals).map(([name, interval]) => {
        const state = deps.observations.workerStates().find(([n]) => n === name)?.[1];
        return [name, state ? workerCheck(state, interval, now) : 'not started'];
      }),
    );
    const draining = deps.observations.draining;
    const ok =
      !draining &&
      database === 'ok' &&
      migrations === 'ok' &&
      Object.values(workers).every((w) => w === 'ok');
    const status = draining ? 'draining' : ok ? 'ready' : 'not ready';
    return c.json({ status, checks: { database, migrations, workers } }, ok ? 200 : 503);
  });
  app.get('/metrics', async (c) => {
    const allowed = metricsToken ? bearerMatches(c, metricsToken) : isDirectLoopback(c);
    if (!allowed) {
      const message = metricsToken
        ? 'Metrics need the bearer token set in SENDWELL_METRICS_TOKEN.'
        : 'Metrics are answered on loopback only; set SENDWELL_METRICS_TOKEN to scrape from elsewhere.';
      return c.json(
        { error: { code: metricsToken ? 'unauthorized' : 'forbidden', message } },
        metricsToken ? 401 : 403,
      );
    }
    return c.body(await renderMetrics(deps.db, deps.observations), 200, {
      'content-type': METRICS_CONTENT_TYPE,
    });
  });
  return app;
}
