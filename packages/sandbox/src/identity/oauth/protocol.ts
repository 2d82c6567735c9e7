import type { Clock } from '@sendwell/core';
import type { Context } from 'hono';
import { randomToken } from '../../mail/ids';

/** What the client authenticated with at a token endpoint (RFC 6749 §2.3.1: Basic or body). */
export interface ClientCredentials {
  clientId: string | undefined;
  clientSecret: string | undefined;
}

function formDecode(value: string): string {
  return decodeURIComponent(value.replace(/\+/g, ' '));
}

export function clientCredentials(
  authorization: string | undefined,
  form: Record<string, string>,
): ClientCredentials {
  const basic = /^Basic\s+(.+)$/i.exec(authorization ?? '')?.[1];
  if (basic) {
    const decoded = Buffer.from(basic, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0)
      return {
        clientId: formDecode(decoded.slice(0, colon)),
        clientSecret: formDecode(decoded.slice(colon + 1)),
      };
  }
  return { clientId: form.client_id || undefined, clientSecret: form.client_secret || undefined };
}

/** The token endpoints take `application/x-www-form-urlencoded` only; anything else reads as empty. */
export async function formBody(c: Context): Promise<Record<string, string>> {
  if (!/application\/x-www-form-urlencoded/i.test(c.req.header('content-type') ?? '')) return {};
  const body = await c.req.parseBody();
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) if (typeof value === 'string') out[key] = value;
  return out;
}

/** `redirect_uri` with `params` added to its query (keeping any query it already has). */
export function redirectTo(redirectUri: string, params: Record<string, string | undefined>): string {
  const url = new URL(redirectUri);
  for (const [key, value] of Object.entries(params))
    if (value !== undefined) url.searchParams.set(key, value);
  return url.toString();
}

/** Authorization requests waiting on the consent page; single use, forgotten after an hour. */
export class PendingRequests<T> {
  readonly #items = new Map<string, { value: T; expiresAt: number }>();

  constructor(private readonly clock: Clock) {}

  add(value: T): string {
    const now = this.clock.now().getTime();
    for (const [id, item] of this.#items) if (item.expiresAt <= now) this.#items.delete(id);
    const id = randomToken(18);
    this.#items.set(id, { value, expiresAt: now + 3_600_000 });
    return id;
  }

  take(id: string | undefined): T | undefined {
    const item = id ? this.#items.get(id) : undefined;
    if (!item || !id) return undefined;
    this.#items.delete(id);
    return item.expiresAt > this.clock.now().getTime() ? item.value : undefined;
  }
}
