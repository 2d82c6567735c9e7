import { Hono } from 'hono';
import { z } from 'zod';

/**
 * Answers withheld after the provider did the work: a mailbox armed with `n` stalls keeps the
 * answers of its next `n` successful sends (the message is already in Sent and on its way) until
 * they are released. A crash bench kills Sendwell while one is held: the worst moment, when the
 * provider has the message and Sendwell has not heard.
 */
export class AnswerStalls {
  readonly #armed = new Map<string, number>();
  readonly #held = new Map<string, (() => void)[]>();

  arm(address: string, sends: number): void {
    this.#armed.set(address.toLowerCase(), sends);
  }

  /** Called once a send was answered with a 2xx: holds the answer when the mailbox is armed. */
  async afterSend(address: string): Promise<void> {
    const key = address.toLowerCase();
    const left = this.#armed.get(key) ?? 0;
    if (left <= 0) return;
    this.#armed.set(key, left - 1);
    await new Promise<void>((resolve) => {
      this.#held.set(key, [...(this.#held.get(key) ?? []), resolve]);
    });
  }

  status(address: string): { armed: number; held: number } {
    const key = address.toLowerCase();
    return { armed: this.#armed.get(key) ?? 0, held: this.#held.get(key)?.length ?? 0 };
  }

  /** Lets every held answer go (to a client that may be gone) and disarms; one mailbox or all. */
  release(address?: string): number {
    const keys = address ? [address.toLowerCase()] : [...this.#held.keys(), ...this.#armed.keys()];
    let released = 0;
    for (const key of new Set(keys)) {
      for (const resolve of this.#held.get(key) ?? []) {
        resolve();
        released += 1;
      }
      this.#held.delete(key);
      this.#armed.delete(key);
    }
    return released;
  }
}

const address = z.string().trim().toLowerCase().email();
const armBody = z.object({ address, sends: z.number().int().min(1).max(100).default(1) }).strict();
const releaseBody = z.object({ address: address.optional() }).strict();
const refuse = (message: string) => ({ error: { code: 'invalid-request', message } });

/**
 * - `POST /dev/stall {address, sends?}` arms the mailbox: its next `sends` (default 1) successful
 *   Graph `sendMail` / Gmail `messages.send` calls are carried out, but their answers are held.
 * - `GET /dev/stall?address=` → `{armed, held}`.
 * - `POST /dev/stall/release {address?}` → `{released}`: held answers go out, the mailbox is disarmed.
 */
export function devStallRoutes(stalls: AnswerStalls): Hono {
  const app = new Hono();
  app.post('/stall', async (c) => {
    const parsed = armBody.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return c.json(refuse('The body must be {"address": string, "sends"?: 1-100}.'), 400);
    stalls.arm(parsed.data.address, parsed.data.sends);
    return c.json(stalls.status(parsed.data.address));
  });
  app.get('/stall', (c) => {
    const parsed = address.safeParse(c.req.query('address') ?? '');
    if (!parsed.success) return c.json(refuse('Give the mailbox as ?address=<email>.'), 400);
    return c.json(stalls.status(parsed.data));
  });
  app.post('/stall/release', async (c) => {
    const text = await c.req.text();
    const parsed = releaseBody.safeParse(text.trim() ? JSON.parse(text) : {});
    if (!parsed.success) return c.json(refuse('The body must be {"address"?: string}.'), 400);
    return c.json({ released: stalls.release(parsed.data.address) });
  });
  return app;
}
