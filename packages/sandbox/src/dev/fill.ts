import { Hono } from 'hono';
import { z } from 'zod';
import type { SandboxContext } from '../context';
import { type FillRequest, fillFilings } from '../mail/fill';

/** The largest fill: enough for `pnpm bench:scan` (100,000) with room to spare. */
const MAX_FILL = 200_000;

export const fillRequestSchema = z
  .object({
    address: z.string().trim().toLowerCase().email(),
    messages: z.number().int().min(1).max(MAX_FILL),
    bounces: z.number().int().min(0).default(0),
    replies: z.number().int().min(0).default(0),
    replyTo: z.array(z.string().trim().min(3).max(998)).max(MAX_FILL).optional(),
    days: z.number().int().min(1).max(365).default(30),
  })
  .strict()
  .refine((r) => r.bounces + r.replies <= r.messages, {
    message: 'bounces + replies must not exceed messages',
    path: ['messages'],
  });

/** What a fill answers (also `sandbox.fillMailbox`). */
export interface FillAnswer {
  address: string;
  added: { messages: number; bounces: number; replies: number };
  /** Messages in the mailbox now (every folder). */
  total: number;
  /** The mailbox's history id after the fill: an incremental scan starts here. */
  historyId: string;
  oldest: string;
  newest: string;
}

export type FillOutcome =
  | { ok: true; answer: FillAnswer }
  | { ok: false; status: 400 | 404; message: string };

/** Files a fill into a sandbox person's inbox in one batch (100,000 messages in seconds). */
export function fillMailbox(ctx: SandboxContext, request: FillRequest): FillOutcome {
  const box = ctx.store.byAddress(request.address);
  if (!box) return { ok: false, status: 404, message: `No sandbox user ${request.address}.` };
  const added = ctx.store.addMany(box.user.mailboxId, fillFilings(box.user, request, ctx.clock.now()));
  // Backdated mail has history older than Gmail keeps: drop it now, not in the next reader's call.
  ctx.store.pruneHistory(box.user.mailboxId);
  return {
    ok: true,
    answer: {
      address: box.user.email,
      added: { messages: added.length, bounces: request.bounces, replies: request.replies },
      total: box.messages.length,
      historyId: String(box.historyId),
      oldest: added[0]!.receivedAt.toISOString(),
      newest: added[added.length - 1]!.receivedAt.toISOString(),
    },
  };
}

/**
 * `POST /dev/mailboxes/fill` `{address, messages, bounces?, replies?, replyTo?, days?}` → FillAnswer:
 * the inbox gets `messages` messages spread over the last `days` (default 30), `bounces` of them hard-
 * bounce notices and `replies` of them replies (to `replyTo` Message-IDs in turn). 400
 * `invalid-request` for a bad body, 404 `unknown-user` for an address that is no sandbox person's.
 */
export function devFillRoutes(ctx: SandboxContext): Hono {
  const app = new Hono();
  app.post('/mailboxes/fill', async (c) => {
    const parsed = fillRequestSchema.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.join('.') || 'body';
      return c.json(
        { error: { code: 'invalid-request', message: `${where}: ${issue?.message ?? 'invalid'}` } },
        400,
      );
    }
    const outcome = fillMailbox(ctx, parsed.data);
    if (!outcome.ok)
      return c.json({ error: { code: 'unknown-user', message: outcome.message } }, outcome.status);
    return c.json(outcome.answer);
  });
  return app;
}
