import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

type Prefixes = ReadonlyArray<readonly [prefix: string, bytes: number]>;

/** The limit of the longest matching prefix (the table ends with `/`, which matches everything). */
export function bodyLimitFor(path: string, table: Prefixes): number {
  let best: readonly [string, number] | undefined;
  for (const entry of table)
    if (
      (path === entry[0] || path.startsWith(entry[0].endsWith('/') ? entry[0] : `${entry[0]}/`)) &&
      (!best || entry[0].length > best[0].length)
    )
      best = entry;
  return best?.[1] ?? 64 * 1024;
}

const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MB` : `${Math.round(bytes / 1024)} KB`;

/** The one 413 answer, wherever a body is found too large. */
export function tooLarge(c: Context, limit: number, close: boolean) {
  // Past the drain budget the rest of the body is never read: say so, or the client would send its
  // next request on a socket we are about to close.
  if (close) c.header('Connection', 'close');
  return c.json(
    { error: { code: 'body-too-large', message: `Request bodies are limited to ${size(limit)} here.` } },
    413,
  );
}

/** Reads and drops a body (at most `cap` bytes): true when it ended within the cap. */
async function drain(body: ReadableStream<Uint8Array> | null, cap: number): Promise<boolean> {
  if (!body) return true;
  const reader = body.getReader();
  let read = 0;
  for (;;) {
    const chunk = await reader.read().catch(() => ({ done: true, value: undefined, failed: true }));
    if ('failed' in chunk) return false;
    if (chunk.done) return true;
    read += chunk.value.byteLength;
    if (read > cap) {
      await reader.cancel().catch(() => {});
      return false;
    }
  }
}

/**
 * Request-size limits on every entry point. A body declared too large is answered 413 at once; if it
 * is at most a few times the limit it is read and dropped first, so the socket stays usable for the
 * next request (keep-alive), else the 413 says `Connection: close`. A chunked body is counted as it
 * arrives (here, or by the input guard that reads it anyway: one copy in memory, not two); once past
 * the limit the answer is a 413 with `Connection: close`.
 */
export function bodyLimits(
  table: Prefixes,
  /** Chunked bodies on these paths are counted by a later reader (the input guard reads them anyway). */
  options: { chunkedCountedLater?: (path: string) => boolean } = {},
): MiddlewareHandler {
  const counted = new Map(
    table.map(([, limit]) => [
      limit,
      bodyLimit({ maxSize: limit, onError: (c) => tooLarge(c, limit, true) }),
    ]),
  );
  return async (c, next) => {
    const limit = bodyLimitFor(c.req.path, table);
    const declared = c.req.header('content-length');
    if (declared !== undefined && Number(declared) > limit) {
      const drained =
        Number(declared) <= Math.min(4 * limit, 16 * 1024 * 1024) && (await drain(c.req.raw.body, 4 * limit));
      return tooLarge(c, limit, !drained);
    }
    if (
      declared === undefined &&
      c.req.header('transfer-encoding') &&
      !options.chunkedCountedLater?.(c.req.path)
    )
      return counted.get(limit)!(c, next);
    return next();
  };
}
