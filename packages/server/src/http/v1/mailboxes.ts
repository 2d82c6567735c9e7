import { createRoute, z } from '@hono/zod-openapi';
import { scanAnswerSchema } from '@sendwell/core';
import { ApiError } from '../../services/errors';
import { findConnection } from '../../store/connections';
import type { V1App } from './app';
import type { V1Deps } from './deps';
import { errorResponses, failure, json } from './responses';

const idParam = z.object({
  id: z
    .string()
    .min(1)
    .max(200)
    .meta({ param: { name: 'id', in: 'path' } }),
});

const scan = createRoute({
  method: 'post',
  path: '/mailboxes/{id}/scan',
  tags: ['mailboxes'],
  operationId: 'scanMailbox',
  summary:
    'Scan now: look through your mailbox’s new inbox messages for bounce notices without waiting for the next round (read only)',
  request: { params: idParam },
  responses: {
    202: json(scanAnswerSchema, 'Scanned: how many new bounce notices it recorded'),
    404: failure('No such mailbox of yours'),
    409: failure('The mailbox has no inbox Sendwell can read, or it is not connected'),
    ...errorResponses,
  },
});

/**
 * Only the rep's own native mailbox, connected, with an inbox Sendwell reads (Exchange Server
 * on-premises has none; SMTP channels are sending lanes without one).
 */
export function mailboxesRoutes(app: V1App, deps: Pick<V1Deps, 'db' | 'clock' | 'scanNow'>): void {
  app.openapi(scan, async (c) => {
    const { id } = c.req.valid('param');
    const connection = await findConnection(deps.db, id);
    const mailbox = connection?.mailbox;
    if (!connection || !mailbox || mailbox.userId !== c.get('user').id)
      throw new ApiError(404, 'mailbox-not-found', `No mailbox ${id} of yours.`);
    if (mailbox.provider === 'smtp' || mailbox.provider === 'exchange-server')
      throw new ApiError(
        409,
        'no-inbox-to-scan',
        mailbox.provider === 'smtp'
          ? 'This is an SMTP channel: it has no inbox. Its bounces come back to your connected mailbox; scan that one.'
          : 'Sendwell cannot read an Exchange Server inbox, so bounce tracking is not available for it.',
      );
    if (connection.state !== 'connected')
      throw new ApiError(
        409,
        'mailbox-not-connected',
        `${mailbox.address} is not connected: reconnect it, then scan.`,
      );
    const { bouncesFound } = await deps.scanNow(id);
    return c.json({ mailboxId: id, bouncesFound, scannedAt: deps.clock.now().toISOString() }, 202);
  });
}
