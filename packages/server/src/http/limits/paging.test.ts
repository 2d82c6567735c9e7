import { PAGE_LIMIT_MAX } from '@sendwell/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sendwell } from '../../sendwell';
import { RawConnection } from './rawHttp';
import { type SocketSendwell, socketSendwell } from './socketSendwell';

type Doc = { paths: Record<string, { get?: Operation }>; components: { schemas: Record<string, Schema> } };
type Operation = {
  parameters?: { name: string; schema?: { maximum?: number } }[];
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
};
type Schema = { $ref?: string; type?: string; properties?: Record<string, Schema>; maxItems?: number };

/**
 * GET answers whose arrays are not paged, and why each stays bounded. A new list endpoint that is
 * neither paged nor here fails the walk below.
 */
const BOUNDED: Record<string, string> = {
  '/me mailboxes': 'one native mailbox per provider',
  '/analytics/me perDay': 'one row per day of `days` (at most 365)',
  '/analytics/me bounceReasons': "the bounce engine's reasons",
  '/analytics/team perDay': 'one row per day of `days`',
  '/analytics/team bounceReasons': "the bounce engine's reasons",
  '/analytics/team members': 'one row per team member (an aggregate, not a listing)',
  '/campaigns/{id} steps': 'the steps of one campaign',
  '/campaigns/{id}/analytics steps': 'the steps of one campaign',
  '/campaigns/{id}/forecast steps': 'the steps of one campaign',
  '/people/{email} enrolments': "one person's campaigns",
  '/channels catalog': 'the channel kinds',
  '/channels smtpChannels':
    "the caller's own SMTP channels and the team's one (not capped yet: see docs/operations/limits.md)",
  '/connections connections': 'one per provider',
  '/connections connectable': 'the providers',
  '/quota windows': "the provider profile's windows",
  '/sends/{id} to': 'recipients of one message (the provider caps them)',
  '/sends/{id} cc': 'recipients of one message',
  '/sends/{id} bcc': 'recipients of one message',
  '/sends/{id} recipients': 'recipients of one message',
  '/sends/{id} bounces': 'notices about one message',
  '/settings/throttle profiles': 'the throttle profiles',
  '/templates/recent items': 'at most 5 (the route says so)',
  '/templates/{id}/preview unknownFields': 'the merge tags of one template',
  '/merge-fields items': 'the fixed merge-field catalog',
};

describe('paging on every list endpoint, over a socket', () => {
  let served: SocketSendwell;
  let sendwell: Sendwell;
  let port: number;
  let doc: Doc;

  beforeAll(async () => {
    served = await socketSendwell();
    ({ sendwell, port } = served);
    const c = new RawConnection(port);
    c.send('GET', '/api/v1/openapi.json');
    doc = JSON.parse((await c.response()).body) as Doc;
    c.close();
  }, 180_000); // PGlite's first migration is slow on a busy machine
  afterAll(() => served.close());

  const deref = (s: Schema | undefined): Schema | undefined =>
    s?.$ref ? doc.components.schemas[s.$ref.split('/').at(-1)!] : s;
  const pagedPaths = () =>
    Object.entries(doc.paths)
      .filter(([, ops]) => ops.get?.parameters?.some((p) => p.name === 'cursor'))
      .map(([path]) => path);

  it('documents cursor and a capped limit on every GET that answers a list, or names why it is bounded', () => {
    const unexplained: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      const answer = deref(ops.get?.responses['200']?.content?.['application/json']?.schema);
      const params = new Map(ops.get?.parameters?.map((p) => [p.name, p]) ?? []);
      for (const [field, schema] of Object.entries(answer?.properties ?? {})) {
        if (deref(schema)?.type !== 'array') continue;
        const paged =
          params.has('cursor') && (params.get('limit')?.schema?.maximum ?? Infinity) <= PAGE_LIMIT_MAX;
        if (!paged && !BOUNDED[`${path} ${field}`]) unexplained.push(`${path} ${field}`);
      }
    }
    expect(unexplained).toEqual([]);
    expect(pagedPaths().length).toBeGreaterThanOrEqual(9);
  });

  it('refuses a page larger than the cap on every paged endpoint', async () => {
    const c = new RawConnection(port);
    const answers: Record<string, number> = {};
    for (const path of pagedPaths()) {
      c.send('GET', `/api/v1${path.replace('{id}', 'none')}?limit=${PAGE_LIMIT_MAX + 1}`, {
        authorization: `Bearer ${sendwell.apiTokenFor('ava')}`,
      });
      answers[path] = (await c.response()).status;
    }
    expect(Object.values(answers).every((s) => s === 400)).toBe(true);
    c.close();
  });

  it('walks the templates page by page: every template once, a page never past its limit', async () => {
    const c = new RawConnection(port);
    const page = async (query: string) => {
      c.send('GET', `/api/v1/templates?${query}`, { authorization: `Bearer ${sendwell.apiTokenFor('ava')}` });
      return JSON.parse((await c.response()).body) as { items: { id: string }[]; nextCursor: string | null };
    };
    const all = (await page(`limit=${PAGE_LIMIT_MAX}`)).items.map((t) => t.id);
    const walked: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const next = await page(`limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(next.items.length).toBeLessThanOrEqual(1);
      walked.push(...next.items.map((t) => t.id));
      cursor = next.nextCursor;
    }
    expect(all.length).toBeGreaterThan(1);
    expect(walked).toEqual(all);
    c.close();
  });
});
