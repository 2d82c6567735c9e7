import { Hono } from 'hono';
import { z } from 'zod';
import type { SmtpDesk } from './desk';

const messagesQuery = z.object({ rcpt: z.string().min(1).optional() });

/**
 * `GET /smtp/messages[?rcpt=address]`: what the sandbox's SMTP server accepted (envelope, headers,
 * DSN parameters, AUTH user, where it landed), oldest first. Read-only: nothing here touches mail.
 */
export function smtpRoutes(desk: SmtpDesk): Hono {
  const app = new Hono();
  app.get('/messages', (c) => {
    const query = messagesQuery.safeParse(c.req.query());
    if (!query.success)
      return c.json({ error: { code: 'invalid-query', message: 'rcpt must be an address.' } }, 400);
    const rcpt = query.data.rcpt?.toLowerCase();
    const messages = desk
      .messages()
      .filter((m) => !rcpt || m.envelope.rcptTo.some((r) => r.toLowerCase() === rcpt));
    return c.json({ port: desk.port, messages });
  });
  return app;
}
