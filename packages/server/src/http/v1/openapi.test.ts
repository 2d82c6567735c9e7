import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenApiDocument, openV1Testbed, operationsOf, type V1Testbed } from './testing/server';

// The document the server serves at /api/v1/openapi.json, checked by a validator library against the
// OpenAPI 3.1 schema, and held to the API's own conventions (docs/contracts.md).
let bed: V1Testbed;
let doc: OpenApiDocument;

beforeAll(async () => {
  bed = await openV1Testbed('sendwell-openapi-');
  doc = await bed.document();
});
afterAll(() => bed.close());

/** Operations that answer without a token (the bearer middleware's public paths). */
const PUBLIC = new Set(['getAuthConfig']);

describe('/api/v1/openapi.json', () => {
  it('is served without a token and validates as OpenAPI 3.1', async () => {
    const response = await bed.call(null, 'GET', '/openapi.json');
    expect(response.status).toBe(200);
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('declares JSON Schema 2020-12 component schemas that compile', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true, logger: false });
    ajv.addSchema({ $id: 'doc', components: doc.components } as object);
    const schemas = Object.keys(doc.components?.schemas ?? {});
    expect(schemas).toEqual(expect.arrayContaining(['Error', 'Template', 'FeedEvent', 'ThrottleSettings']));
    for (const name of schemas) expect(() => ajv.getSchema(`doc#/components/schemas/${name}`)).not.toThrow();
  });

  it('gives every operation a unique camelCase operationId and an area tag', () => {
    const operations = operationsOf(doc);
    const ids = operations.map((o) => o.operation.operationId);
    const unnamed = operations.filter((o) => !/^[a-z][A-Za-z]+$/.test(o.operation.operationId ?? ''));
    expect(unnamed.map((o) => `${o.method.toUpperCase()} ${o.path}`)).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { operation } of operations)
      expect(operation.tags?.filter((t) => t !== 'admin').length).toBeGreaterThan(0);
  });

  it('documents the error answers: 401 on every operation that needs a token, 403 on every admin one', () => {
    const missing = operationsOf(doc).flatMap(({ method, path, operation }) => {
      const statuses = Object.keys(operation.responses);
      const needs = [
        ...(PUBLIC.has(operation.operationId!) ? [] : ['401']),
        ...(operation.tags?.includes('admin') ? ['403'] : []),
      ];
      return needs.filter((s) => !statuses.includes(s)).map((s) => `${method.toUpperCase()} ${path}: ${s}`);
    });
    expect(missing).toEqual([]);
  });

  it('points every error answer at the one Error schema', () => {
    const wrong = operationsOf(doc).flatMap(({ method, path, operation }) =>
      Object.entries(operation.responses)
        .filter(([status]) => Number(status) >= 400)
        .filter(
          ([, r]) =>
            JSON.stringify(r.content?.['application/json']?.schema) !==
            JSON.stringify({ $ref: '#/components/schemas/Error' }),
        )
        .map(([status]) => `${method.toUpperCase()} ${path} ${status}`),
    );
    expect(wrong).toEqual([]);
  });

  it('marks public operations as needing no token, and the rest inherit the bearer scheme', () => {
    expect(doc.security).toEqual([{ bearer: [] }]);
    for (const { operation } of operationsOf(doc))
      if (PUBLIC.has(operation.operationId!)) expect(operation.security).toEqual([]);
      else expect(operation.security).toBeUndefined();
  });
});
