import { Hono } from 'hono';
import { z } from 'zod';
import type { SandboxContext } from '../context';
import type { FiledNotice } from '../mail/postOffice';
import { headerValue } from '../mime/headers';

const addressQuery = z.object({ address: z.string().trim().toLowerCase().email() });

/** One message in a person's Sent folder, as the provider keeps it. */
export interface SentTruth {
  id: string;
  internetMessageId: string;
  /** Sendwell's `X-Sendwell-Id` header; null for mail sent without it. */
  sendwellId: string | null;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  at: string;
}

/** `GET /dev/truth?address=`: what the provider itself holds for one mailbox. */
export interface MailboxTruth {
  address: string;
  sent: SentTruth[];
  /** Bounce and delay notices the sandbox filed into this person's inbox. */
  notices: FiledNotice[];
  /** Notices and answers (every mailbox) not yet due: a bench waits for 0 before judging. */
  pending: number;
}

/**
 * The sandbox's own truth, for benches that must judge Sendwell against the provider rather than
 * against Sendwell's records: every message in the person's Sent folder, and every notice filed.
 * Read-only and not logged as a provider call (it is no Graph or Gmail route).
 */
export function devTruthRoutes(ctx: SandboxContext): Hono {
  const app = new Hono();
  app.get('/truth', (c) => {
    const parsed = addressQuery.safeParse({ address: c.req.query('address') ?? '' });
    if (!parsed.success)
      return c.json(
        { error: { code: 'invalid-request', message: 'Give the mailbox as ?address=<email>.' } },
        400,
      );
    const address = parsed.data.address;
    const box = ctx.store.byAddress(address);
    if (!box)
      return c.json({ error: { code: 'not-found', message: `${address} is no sandbox mailbox.` } }, 404);
    const answer: MailboxTruth = {
      address,
      sent: box.folders.sentitems.map((m) => ({
        id: m.id,
        internetMessageId: m.internetMessageId,
        sendwellId: headerValue(m.headers, 'X-Sendwell-Id') ?? null,
        to: m.to.map((a) => a.address),
        cc: m.cc.map((a) => a.address),
        bcc: m.bcc.map((a) => a.address),
        subject: m.subject,
        at: m.receivedAt.toISOString(),
      })),
      notices: ctx.postOffice.filedNotices.filter((n) => n.sender.toLowerCase() === address),
      pending: ctx.postOffice.pendingCount,
    };
    return c.json(answer);
  });
  return app;
}
