import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';

/**
 * The dev token route mints real-looking tokens for any sandbox user, so it answers only a caller on
 * this machine who addressed this machine: the peer is a loopback address, and the Host header names
 * a loopback host at the very port the request arrived on. A web page that rebinds its own DNS name
 * to 127.0.0.1 still sends its own name as Host (DNS rebinding), and a reverse proxy on this machine
 * passes on the public name: both are refused. A browser's Origin, when sent, must be that same host.
 */

// What @hono/node-server hands the app as `env` (directly, or under `server`), read defensively.
const socketSchema = z.object({
  remoteAddress: z.string(),
  localPort: z.number().int(),
});
const bindingsSchema = z.object({ incoming: z.object({ socket: socketSchema }) });

function socketOf(env: unknown): z.infer<typeof socketSchema> | null {
  const nested = (env as { server?: unknown } | undefined)?.server;
  const parsed = bindingsSchema.safeParse(nested ?? env);
  return parsed.success ? parsed.data.incoming.socket : null;
}

export function isLoopbackAddress(address: string): boolean {
  const v4 = address.replace(/^::ffff:/i, '');
  return address === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/** `localhost`, `127.x.y.z` or `[::1]`, at `port` (no port: 80). */
function isLoopbackHost(host: string, port: number): boolean {
  const match = /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])(?::(\d{1,5}))?$/i.exec(host);
  if (!match) return false;
  return Number(match[2] ?? 80) === port;
}

function sameHost(origin: string, host: string): boolean {
  return URL.canParse(origin) && new URL(origin).host.toLowerCase() === host.toLowerCase();
}

export function loopbackOnly(): MiddlewareHandler {
  return async (c, next) => {
    const socket = socketOf(c.env);
    const host = c.req.header('host') ?? '';
    const origin = c.req.header('origin');
    const allowed =
      socket !== null &&
      isLoopbackAddress(socket.remoteAddress) &&
      isLoopbackHost(host, socket.localPort) &&
      (origin === undefined || sameHost(origin, host));
    if (allowed) return next();
    return c.json(
      {
        error: {
          code: 'loopback-only',
          message:
            'The sandbox hands out tokens only to this machine: call it at a loopback address (127.0.0.1, localhost or [::1]) with that address and port as the Host header.',
        },
      },
      403,
    );
  };
}
