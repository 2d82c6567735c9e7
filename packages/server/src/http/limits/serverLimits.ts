import type { Server, ServerOptions } from 'node:http';
import type { Limits } from './settings';

/**
 * Options for `http.createServer` (through `serve({ serverOptions })`): Node checks the header and
 * request timeouts on a timer fixed at creation, so the timer runs at a quarter of the header timeout.
 */
export function serverOptions(limits: Limits['server']): ServerOptions {
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: Math.min(5_000, Math.max(250, Math.floor(limits.headersTimeoutMs / 4))),
  };
}

/**
 * The limits Node applies to a live server: a connection cap below the descriptor limit (Node closes
 * the connections past it at once, so the process keeps descriptors for its database and providers)
 * and an inactivity timeout on every socket. Node's header timeout only starts with a request's first
 * byte; the inactivity timeout is what closes sockets that never send one.
 */
export function applyServerLimits(
  server: Server,
  limits: Limits['server'],
  onDrop: (open: number) => void = () => {},
): void {
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.maxConnections = limits.maxConnections;
  server.setTimeout(limits.idleTimeoutMs);
  let lastReport = 0;
  server.on('drop', () => {
    // One line a minute at most: a flood of refused connections must not become a flood of logs.
    const now = Date.now();
    if (now - lastReport < 60_000) return;
    lastReport = now;
    onDrop(limits.maxConnections);
  });
}
