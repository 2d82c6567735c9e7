import Ajv2020 from 'ajv/dist/2020';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSmtpServer, type TestSmtpServer } from '../../mailboxes/smtpTesting';
import { SAMPLES, type Sample, type SampleContext } from './testing/samples';
import {
  type OpenApiDocument,
  type OpenApiOperation,
  openV1Testbed,
  operationsOf,
  type V1Testbed,
} from './testing/server';

// The contract: every operation /api/v1/openapi.json documents is called (samples keyed by
// operationId, a documented operation without one fails), each answer's status is one the document
// lists for it, and its body validates against the schema documented for that status (ajv, JSON
// Schema 2020-12, the dialect of OpenAPI 3.1). Real routes on a sandbox-mode Sendwell, a real SMTP
// server on loopback for the channel routes.
const DOC_ID = 'https://sendwell.test/api/v1/openapi.json';
const SMTP_PASSWORD = 'contract-password';

let bed: V1Testbed;
let doc: OpenApiDocument;
let smtp: TestSmtpServer;
let ctx: SampleContext;
const ajv = new Ajv2020({ strict: false, allErrors: true, logger: false });
// ajv-formats is not a dependency here: the two formats the document uses, checked as strictly.
ajv.addFormat(
  'date-time',
  (v: string) =>
    /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(v) && !Number.isNaN(Date.parse(v)),
);
ajv.addFormat('email', (v: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v));

beforeAll(async () => {
  smtp = await startTestSmtpServer({ credentials: { username: 'eli', password: SMTP_PASSWORD } });
  bed = await openV1Testbed('sendwell-contract-');
  doc = await bed.document();
  ajv.addSchema({ $id: DOC_ID, components: doc.components, paths: doc.paths });
  let channel: Promise<string> | null = null;
  const smtpSettings = () => ({
    host: '127.0.0.1',
    port: smtp.port,
    security: 'starttls',
    allowSelfSigned: true,
    username: 'eli',
    password: SMTP_PASSWORD,
  });
  ctx = {
    bed,
    smtpSettings,
    async template(user) {
      const body = {
        name: `Sample ${crypto.randomUUID()}`,
        subject: 'Hi {{recipient.firstName|there}}',
        body: '<p>Hi</p>',
      };
      const response = await bed.call(user, 'POST', '/templates', body);
      return (await json(response, 201)).id;
    },
    async send(user) {
      const body = {
        host: 'outlook',
        to: ['sample@example.com'],
        subject: 'Sample',
        body: '<p>Sample</p>',
        idempotencyKey: `sample-${crypto.randomUUID()}`,
      };
      return (await json(await bed.call(user, 'POST', '/sends', body), 202)).send.id;
    },
    smtpChannel() {
      channel ??= bed
        .call('eli', 'POST', '/channels/smtp', {
          ...smtpSettings(),
          scope: 'personal',
          label: 'Sample relay',
        })
        .then(async (r) => (await json(r, 201)).id);
      return channel;
    },
  };
});
afterAll(async () => {
  await bed.close();
  await smtp.close();
});

async function json(response: Response, status: number) {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return JSON.parse(text);
}

/** A JSON pointer into the document, as ajv resolves it by URI. */
const pointer = (...segments: string[]) =>
  `${DOC_ID}#/${segments.map((s) => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/')}`;

/** The first `message` event of a server-sent event stream, parsed; the stream is closed after it. */
async function firstEvent(response: Response): Promise<unknown> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const block = /(?:^|\n\n)((?:[^\n]+\n)*?event: message\n(?:[^\n]+\n)*?)\n/.exec(text)?.[1];
    const data = block?.match(/^data: (.*)$/m)?.[1];
    if (data) {
      await reader.cancel();
      return JSON.parse(data);
    }
    const { value, done } = await reader.read();
    if (done) throw new Error(`the stream ended before a message event: ${text}`);
    text += decoder.decode(value, { stream: true });
  }
}

function rows() {
  const byId = new Map(operationsOf(doc).map((o) => [o.operation.operationId!, o]));
  return Object.entries(SAMPLES).flatMap(([id, samples]) =>
    samples.map((sample) => ({ id, sample, op: byId.get(id) })),
  );
}

async function check(
  id: string,
  sample: Sample,
  op: { method: string; path: string; operation: OpenApiOperation },
) {
  const request = await sample.request(ctx);
  const response = await bed.call(
    sample.user,
    op.method.toUpperCase(),
    request.path,
    request.body,
    request.headers,
  );
  const documented = op.operation.responses[String(response.status)];
  const text = response.headers.get('content-type')?.includes('text/event-stream')
    ? null
    : await response.text();
  expect({ status: response.status, body: text?.slice(0, 300) }).toMatchObject({ status: sample.status });
  expect(documented, `${id} answered ${response.status}, which its responses do not list`).toBeDefined();
  const [mediaType] = Object.keys(documented!.content ?? {});
  if (!mediaType) {
    expect(text).toBe('');
    return;
  }
  expect(response.headers.get('content-type')).toContain(mediaType);
  const body = mediaType === 'text/event-stream' ? await firstEvent(response) : JSON.parse(text!);
  const validate = ajv.getSchema(
    pointer(
      'paths',
      op.path,
      op.method,
      'responses',
      String(response.status),
      'content',
      mediaType,
      'schema',
    ),
  )!;
  expect(validate, `${id}: the schema of ${response.status} ${mediaType} compiles`).toBeDefined();
  const valid = validate(body);
  expect({ valid, errors: validate.errors ?? null, body }).toMatchObject({ valid: true, errors: null });
}

describe('the /api/v1 contract', () => {
  it('has a sample for every documented operation, and none for an operation it does not document', () => {
    const documented = operationsOf(doc).map((o) => o.operation.operationId!);
    expect(documented.filter((id) => !SAMPLES[id]?.length)).toEqual([]);
    expect(Object.keys(SAMPLES).filter((id) => !documented.includes(id))).toEqual([]);
  });

  it('calls every sample in order: documented status, body valid against the documented schema', async () => {
    const failures: string[] = [];
    for (const { id, sample, op } of rows()) {
      if (!op) continue; // reported by the test above
      try {
        await check(id, sample, op);
      } catch (error) {
        failures.push(`${id} (${sample.what}): ${(error as Error).message.slice(0, 1500)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('covers a success and, where the route documents one, the answers of its refusals too', () => {
    const statuses = new Set(rows().map((r) => `${r.id} ${r.sample.status}`));
    const withoutSuccess = Object.keys(SAMPLES).filter(
      (id) => ![...statuses].some((s) => s.startsWith(`${id} 2`)),
    );
    expect(withoutSuccess).toEqual(['connectExchangeServer']); // its success needs an Exchange Server (see exchangeServer.test.ts)
  });
});
