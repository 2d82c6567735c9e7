import {
  type CreateSendAnswer,
  createSendAnswerSchema,
  type SendRequestBody,
  type SendSummary,
  sendPageSchema,
} from '@sendwell/core';
import type { z } from 'zod';

/** The server could not be reached (refused, reset): it is down or restarting. Worth a retry. */
export class ServerUnreachable extends Error {
  constructor(
    readonly url: string,
    cause: unknown,
  ) {
    super(`${url} unreachable: ${(cause as Error).message}`, { cause });
    this.name = 'ServerUnreachable';
  }
}

/** The server answered with a status the caller did not expect. */
export class ApiRefused extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`answered ${status}: ${body.slice(0, 500)}`);
    this.name = 'ApiRefused';
  }
}

/** A small `/api/v1` client for one rep's bearer token. */
export class ApiClient {
  constructor(
    readonly serverUrl: string,
    private readonly token: string,
  ) {}

  async call<T extends z.ZodType>(
    schema: T,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<z.infer<T>> {
    const url = `${this.serverUrl}/api/v1${path}`;
    let answer: Response;
    try {
      answer = await fetch(url, {
        method,
        headers: {
          authorization: `Bearer ${this.token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new ServerUnreachable(url, error);
    }
    const text = await answer.text().catch((error: unknown) => {
      throw new ServerUnreachable(url, error);
    });
    if (!answer.ok) throw new ApiRefused(answer.status, text);
    return schema.parse(JSON.parse(text));
  }

  /** `POST /sends`: the same idempotency key answers `duplicate: true` the second time. */
  send(body: SendRequestBody): Promise<CreateSendAnswer> {
    return this.call(createSendAnswerSchema, 'POST', '/sends', body);
  }

  /** Every send of the rep (`scope=team` for an admin's whole team), all pages. */
  async allSends(scope: 'mine' | 'team' = 'mine'): Promise<SendSummary[]> {
    const out: SendSummary[] = [];
    let cursor: string | null = null;
    do {
      const query: URLSearchParams = new URLSearchParams({
        scope,
        limit: '100',
        ...(cursor ? { cursor } : {}),
      });
      const page: z.infer<typeof sendPageSchema> = await this.call(sendPageSchema, 'GET', `/sends?${query}`);
      out.push(...page.items);
      cursor = page.nextCursor ?? null;
    } while (cursor);
    return out;
  }
}
