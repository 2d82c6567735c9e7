import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '@sendwell/core';
import { DEMO_USERS } from '@sendwell/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config';
import { createSendwell, type Sendwell } from '../sendwell';
import { insertTemplate } from '../store/templates';

// Template analytics are read only for templates the reader can see: team templates and their own
// personal ones. A teammate's personal template answers 404, as another team's does.
describe('GET /api/templates/:id/analytics scope', () => {
  let sendwell: Sendwell;
  const dataDir = mkdtempSync(join(tmpdir(), 'sendwell-template-analytics-'));
  const contoso = DEMO_USERS.find((u) => u.id === 'ava')!.tenantId;

  beforeAll(async () => {
    sendwell = await createSendwell(loadConfig({ port: 0, dataDir }, {}), { logger: silentLogger });
    const fields = { subject: 'Hello {{recipient.firstName|there}}', body: '<p>Hi</p>' };
    await insertTemplate(sendwell.db, {
      id: 'ta-team',
      tenantId: contoso,
      ownerId: 'ava',
      scope: 'team',
      name: 'Team',
      ...fields,
    });
    for (const owner of ['ava', 'eli'])
      await insertTemplate(sendwell.db, {
        id: `ta-${owner}`,
        tenantId: contoso,
        ownerId: owner,
        scope: 'personal',
        name: `${owner}'s own`,
        ...fields,
      });
  });
  afterAll(async () => {
    await sendwell.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const analytics = (user: string, id: string) =>
    sendwell.app.request(`/api/templates/${id}/analytics`, {
      headers: { authorization: `Bearer ${sendwell.apiTokenFor(user)}` },
    });

  it.each([
    ['a rep', 'eli', 'a team template', 'ta-team', 200],
    ['a rep', 'eli', 'their own personal template', 'ta-eli', 200],
    ['a rep', 'eli', 'a teammate’s personal template', 'ta-ava', 404],
    ['an admin', 'ava', 'their own personal template', 'ta-ava', 200],
    ['an admin', 'ava', 'a rep’s personal template', 'ta-eli', 404],
    ['another team’s admin', 'gus', 'a team template', 'ta-team', 404],
    ['a rep', 'eli', 'a template that does not exist', 'ta-none', 404],
  ])('%s (%s) reading %s (%s) gets %i', async (_who, user, _what, id, status) => {
    const response = await analytics(user, id);
    expect(response.status).toBe(status);
    const body = await response.json();
    if (status === 200) expect(body).toMatchObject({ templateId: id, team: {}, mine: {} });
    else expect(body).toMatchObject({ error: { code: 'template-not-found' } });
  });
});
