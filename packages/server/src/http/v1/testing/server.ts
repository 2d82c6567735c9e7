import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '@sendwell/core';
import { loadConfig } from '../../../config/config';
import { createSendwell, type Sendwell } from '../../../sendwell';

/** A sandbox-mode Sendwell on a fresh data directory, and `/api/v1` calls as one of its users. */
export interface V1Testbed {
  sendwell: Sendwell;
  /** Calls `/api/v1{path}` with the user's API token (`null`: no token); `body` is sent as JSON. */
  call(
    user: string | null,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Response>;
  /** The OpenAPI document the server serves. */
  document(): Promise<OpenApiDocument>;
  close(): Promise<void>;
}

export interface OpenApiOperation {
  operationId?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: { name: string; in: string; required?: boolean; schema?: unknown }[];
  requestBody?: { required?: boolean; content: Record<string, { schema: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>;
}

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, unknown> };
  [key: string]: unknown;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** Every documented operation: method, path and what the document says of it. */
export function operationsOf(doc: OpenApiDocument) {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    HTTP_METHODS.flatMap((method) => (item[method] ? [{ method, path, operation: item[method]! }] : [])),
  );
}

export async function openV1Testbed(prefix = 'sendwell-v1-'): Promise<V1Testbed> {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  const sendwell = await createSendwell(loadConfig({ port: 0, dataDir }, {}), { logger: silentLogger });
  const call: V1Testbed['call'] = async (user, method, path, body, headers = {}) =>
    sendwell.app.request(`/api/v1${path}`, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(user ? { authorization: `Bearer ${sendwell.apiTokenFor(user)}` } : {}),
        ...headers,
      },
    });
  return {
    sendwell,
    call,
    document: async () => (await (await call(null, 'GET', '/openapi.json')).json()) as OpenApiDocument,
    async close() {
      await sendwell.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
