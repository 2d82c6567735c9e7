import { Hono } from 'hono';
import { z } from 'zod';
import {
  connectExchangeServer,
  type ExchangeServerRefusal,
  type PasswordConnections,
  type ProbeOptions,
} from '../connections/exchangeServer';
import { parseOrRefuse } from '../services/errors';
import type { ApiEnv } from './context';

const connectSchema = z
  .object({
    ewsUrl: z
      .string()
      .trim()
      .min(1, 'Enter the EWS address, e.g. https://mail.example.com/EWS/Exchange.asmx')
      .max(2048),
    username: z
      .string()
      .trim()
      .min(1, 'Enter your username (DOMAIN\\username or your user principal name)')
      .max(256),
    password: z.string().min(1, 'Enter your password').max(1024),
    address: z.email('Enter the email address of your mailbox').max(320),
  })
  .strict();

/** What is wrong with the request itself (400) versus what the server turned out to be (422). */
const BAD_REQUEST: readonly ExchangeServerRefusal[] = ['not-https'];

export interface ExchangeServerRouteDeps {
  connections: PasswordConnections;
  probe?: ProbeOptions;
}

/**
 * `POST /connections/exchange-server` (mounted under /api): `{ewsUrl, username, password, address}`
 * → the ConnectionInfo (bounceTracking false), or `{error: {code: <refusal>, message}}`. The password
 * goes to the probe and the vault only: never into an answer, an error or a log line.
 */
export function exchangeServerRoutes(deps: ExchangeServerRouteDeps): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  app.post('/connections/exchange-server', async (c) => {
    const input = parseOrRefuse(connectSchema, await c.req.json(), 'Not connected');
    const outcome = await connectExchangeServer(deps.connections, c.get('user'), input, deps.probe);
    if (outcome.kind === 'connected') return c.json(outcome.connection, 201);
    const status = BAD_REQUEST.includes(outcome.reason) ? 400 : 422;
    return c.json({ error: { code: outcome.reason, message: outcome.message } }, status);
  });
  return app;
}
