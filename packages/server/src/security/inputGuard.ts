import type { MiddlewareHandler } from 'hono';
import { tooLarge } from '../http/limits/bodyLimits';
import { ApiError } from '../services/errors';
import { jsonShape } from './jsonShape';

/** Deeper JSON than this is refused before any parser or schema walks it recursively. */
export const MAX_JSON_DEPTH = 32;

const NUL = '\u0000';
const TEXT_TYPES = /^(application\/(json|[\w.+-]+\+json|x-www-form-urlencoded|xml|soap\+xml)|text\/)/i;

const nulRefused = (where: string) =>
  new ApiError(
    400,
    'nul-character',
    `The ${where} contains a NUL character (U+0000): remove it and try again.`,
  );
const utf8Refused = (where: string) =>
  new ApiError(400, 'invalid-utf8', `The ${where} is not valid UTF-8: send text encoded as UTF-8.`);
/**
 * The edge every request passes before a route sees it: no NUL characters (PostgreSQL cannot store
 * them and answered a 500), nothing that is not UTF-8 (it was stored as U+FFFD), no JSON nested
 * deeper than {@link MAX_JSON_DEPTH}, no body over its entry point's limit (`limitFor`, the table in
 * http/limits/settings.ts: a chunked body is counted here, a declared one was refused before).
 * Refusals are 400/413 with the usual `{error: {code, message}}`. The body is read once here and
 * handed on as a fresh request, so routes read it as before.
 */
export function inputGuard(options: {
  except?: string[];
  limitFor: (path: string) => number;
}): MiddlewareHandler {
  const except = options.except ?? [];
  return async (c, next) => {
    // The sandbox's stand-ins answer as Microsoft and Google would: they are not our entry points.
    if (except.some((prefix) => c.req.path.startsWith(prefix))) return next();
    checkUrl(c.req.url);
    const raw = c.req.raw;
    if (raw.body) {
      const limit = options.limitFor(c.req.path);
      const bytes = await readCapped(raw, limit);
      // The rest of the body is never read: the client is told the connection ends here, so it
      // does not send its next request down a socket still full of this one.
      if (!bytes) return tooLarge(c, limit, true);
      const type = raw.headers.get('content-type') ?? '';
      if (TEXT_TYPES.test(type)) checkText(bytes, /json/i.test(type));
      // The stream is spent: routes (and later body limits) read the same bytes from a fresh request.
      c.req.raw = new Request(raw, { body: bytes });
    }
    await next();
  };
}

function checkUrl(url: string): void {
  const query = url.indexOf('?');
  const path = url.slice(url.indexOf('/', url.indexOf('//') + 2), query < 0 ? undefined : query);
  for (const [part, where] of [
    [path, 'address'],
    [query < 0 ? '' : url.slice(query + 1).replace(/\+/g, ' '), 'query string'],
  ] as const) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(part);
    } catch {
      throw utf8Refused(where);
    }
    if (decoded.includes(NUL)) throw nulRefused(where);
  }
}

async function readCapped(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > limit) return null;
  const reader = request.body!.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      reader.releaseLock();
      break;
    }
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function checkText(bytes: Uint8Array, isJson: boolean): void {
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    throw utf8Refused('request body');
  }
  if (text.includes(NUL)) throw nulRefused('request body');
  if (!isJson) return;
  const shape = jsonShape(text);
  if (shape.hasNulEscape) throw nulRefused('request body');
  if (shape.depth > MAX_JSON_DEPTH)
    throw new ApiError(
      400,
      'json-too-deep',
      `The JSON body is nested ${shape.depth} levels deep; at most ${MAX_JSON_DEPTH} are accepted.`,
    );
}
