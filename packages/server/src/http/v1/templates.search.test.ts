import { createSendAnswerSchema, recentTemplatesSchema, templatePageSchema } from '@sendwell/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openV1Testbed, type V1Testbed } from './testing/server';

// `GET /templates?q=` and `GET /templates/recent` through the real routes (sandbox seed: eli is a
// contoso rep with an Exchange Online mailbox, ava contoso's admin), answers parsed with core's schemas.
describe('/api/v1 template search and recently used', () => {
  let bed: V1Testbed;
  let keys = 0;
  beforeAll(async () => {
    bed = await openV1Testbed('sendwell-v1-template-search-');
  });
  afterAll(() => bed.close());

  const personal = async (user: string, name: string, subject = 'Hello') => {
    const response = await bed.call(user, 'POST', '/templates', { name, subject, body: '<p>Hi</p>' });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };
  const sendWith = async (user: string, templateId: string) => {
    const response = await bed.call(user, 'POST', '/sends', {
      host: 'outlook',
      to: ['pat@example.com'],
      subject: 'Hello',
      body: '<p>Hi</p>',
      templateId,
      idempotencyKey: `template-search-${++keys}-xxxx`,
    });
    expect(response.status).toBe(202);
    createSendAnswerSchema.parse(await response.json());
  };
  const recent = async (user: string) => {
    const response = await bed.call(user, 'GET', '/templates/recent');
    expect(response.status).toBe(200);
    return recentTemplatesSchema.parse(await response.json()).items;
  };

  it('finds templates by name or subject, ignoring case, and pages the matches', async () => {
    const byName = await personal('eli', 'Walrus opener');
    const bySubject = await personal('eli', 'Second', 'Our WALRUS offer');
    await personal('ava', 'Walrus (ava’s own)');
    const response = await bed.call('eli', 'GET', '/templates?q=walrus&limit=1');
    const first = templatePageSchema.parse(await response.json());
    const next = await bed.call('eli', 'GET', `/templates?q=walrus&cursor=${first.nextCursor}`);
    const second = templatePageSchema.parse(await next.json());
    expect([...first.items, ...second.items].map((t) => t.id).sort()).toEqual([byName, bySubject].sort());
    expect(second.nextCursor).toBeNull();
  });

  it('refuses a search longer than the schema allows', async () => {
    const response = await bed.call('eli', 'GET', `/templates?q=${'x'.repeat(201)}`);
    expect(response.status).toBe(400);
  });

  it('answers the rep’s recently used templates, newest first, not the route for one template', async () => {
    expect(await recent('eli')).toEqual([]);
    const [one, two] = [await personal('eli', 'Used first'), await personal('eli', 'Used second')];
    await sendWith('eli', one);
    await sendWith('eli', two);
    await sendWith('eli', one);
    const items = await recent('eli');
    expect(items.map((t) => [t.id, t.editable])).toEqual([
      [one, true],
      [two, true],
    ]);
    expect(await recent('ava')).toEqual([]); // a teammate's sends are not hers
  });
});
