import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MERGE_FIELDS, mergeTemplate, silentLogger, unknownMergeFields } from '@sendwell/core';
import { DEMO_USERS } from '@sendwell/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config';
import { createSendwell, type Sendwell } from '../../sendwell';
import { listAudit } from '../../store/audit';
import { insertTemplate } from '../../store/templates';
import { findUser } from '../../store/users';

// Roles and templates (16): team templates are the team admins' to change; personal ones their owner's.
// The sandbox seed makes ava (contoso) an admin and eli (contoso) a rep; gus is in another team.
describe('templates API with roles', () => {
  let sendwell: Sendwell;
  const dataDir = mkdtempSync(join(tmpdir(), 'sendwell-templates-'));
  const contoso = DEMO_USERS.find((u) => u.id === 'ava')!.tenantId;
  let fixture = 0;

  beforeAll(async () => {
    sendwell = await createSendwell(loadConfig({ port: 0, dataDir }, {}), { logger: silentLogger });
  });
  afterAll(async () => {
    await sendwell.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const api = (user: string, method: string, path: string, body?: unknown) =>
    sendwell.app.request(`/api/v1${path}`, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${sendwell.apiTokenFor(user)}` },
    });

  /** Fresh templates for one case: a team one (owned by the admin) and a personal one each for ava and eli. */
  async function templates() {
    const n = ++fixture;
    const make = async (key: string, ownerId: string, scope: 'team' | 'personal') => {
      const id = `fx-${n}-${key}`;
      const fields = {
        name: `${key} ${n}`,
        subject: 'Hello {{recipient.firstName|there}}',
        body: '<p>Hi</p>',
      };
      await insertTemplate(sendwell.db, { id, tenantId: contoso, ownerId, scope, ...fields });
      return id;
    };
    return {
      team: await make('team', 'ava', 'team'),
      ava: await make('ava', 'ava', 'personal'),
      eli: await make('eli', 'eli', 'personal'),
    };
  }
  type Ids = Awaited<ReturnType<typeof templates>>;
  type Target = 'the list' | 'a team template' | 'eli’s personal template' | 'ava’s personal template';
  const pathOf = (target: Target, ids: Ids) =>
    ({
      'the list': '/templates',
      'a team template': `/templates/${ids.team}`,
      'eli’s personal template': `/templates/${ids.eli}`,
      'ava’s personal template': `/templates/${ids.ava}`,
    })[target];
  const edit = { subject: 'Changed for {{recipient.firstName|you}}' };
  const fresh = (scope?: string) => ({
    name: 'New',
    subject: 'Hi {{recipient.firstName|there}}',
    body: '<p>x</p>',
    scope,
  });

  it('seeds one admin per sandbox team and shows the role in /api/v1/me', async () => {
    const roles = Object.fromEntries(
      await Promise.all(DEMO_USERS.map(async (u) => [u.id, (await findUser(sendwell.db, u.id))!.role])),
    );
    expect(roles).toEqual({
      ava: 'admin',
      eli: 'rep',
      lou: 'admin',
      gus: 'admin',
      ivy: 'rep',
      nia: 'rep',
      max: 'rep',
    });
    expect((await (await api('eli', 'GET', '/me')).json()).user.role).toBe('rep');
  });

  it.each<[role: string, user: string, method: string, target: Target, status: number, body: unknown]>([
    ['rep', 'eli', 'GET', 'the list', 200, undefined],
    ['rep', 'eli', 'GET', 'a team template', 200, undefined],
    ['rep', 'eli', 'GET', 'eli’s personal template', 200, undefined],
    ['rep', 'eli', 'GET', 'ava’s personal template', 403, undefined],
    ['other team', 'gus', 'GET', 'a team template', 404, undefined],
    ['rep', 'eli', 'POST', 'the list', 201, fresh()],
    ['rep', 'eli', 'POST', 'the list', 201, fresh('personal')],
    ['rep', 'eli', 'POST', 'the list', 403, fresh('team')],
    ['admin', 'ava', 'POST', 'the list', 201, fresh('team')],
    ['rep', 'eli', 'PATCH', 'a team template', 403, edit],
    ['admin', 'ava', 'PATCH', 'a team template', 200, edit],
    ['rep', 'eli', 'PATCH', 'eli’s personal template', 200, edit],
    ['rep', 'eli', 'PATCH', 'ava’s personal template', 403, edit],
    ['admin', 'ava', 'PATCH', 'eli’s personal template', 403, edit],
    ['rep', 'eli', 'PATCH', 'eli’s personal template', 403, { scope: 'team' }],
    ['admin', 'ava', 'PATCH', 'ava’s personal template', 200, { scope: 'team' }],
    ['other team', 'gus', 'PATCH', 'a team template', 404, edit],
    ['rep', 'eli', 'DELETE', 'a team template', 403, undefined],
    ['admin', 'ava', 'DELETE', 'a team template', 204, undefined],
    ['rep', 'eli', 'DELETE', 'eli’s personal template', 204, undefined],
    ['rep', 'eli', 'DELETE', 'ava’s personal template', 403, undefined],
    ['admin', 'ava', 'DELETE', 'eli’s personal template', 403, undefined],
  ])('%s %s: %s %s → %i', async (_role, user, method, target, status, body) => {
    const response = await api(user, method, pathOf(target, await templates()), body);
    expect(response.status).toBe(status);
    if (status >= 400) {
      const { error } = await response.json();
      // A refusal says why in words, e.g. "Only a team admin can …" or "This is Eli Novak's personal template".
      expect(error.message).toMatch(/^[A-Z].{20,}\.$/);
    }
  });

  it('lists team templates and the rep’s own personal ones, each with its scope and owner', async () => {
    const ids = await templates();
    const { items: list } = await (await api('eli', 'GET', '/templates?limit=100')).json();
    const byId = new Map(list.map((t: { id: string }) => [t.id, t]));
    expect(byId.get(ids.team)).toMatchObject({
      scope: 'team',
      owner: { id: 'ava', name: 'Ava Reyes' },
      editable: false,
    });
    expect(byId.get(ids.eli)).toMatchObject({ scope: 'personal', owner: { id: 'eli' }, editable: true });
    expect(byId.has(ids.ava)).toBe(false);
  });

  it('changes and deletes for real: a PATCH is read back, a deleted template is gone from the list', async () => {
    const ids = await templates();
    await api('ava', 'PATCH', `/templates/${ids.team}`, edit);
    expect((await (await api('eli', 'GET', `/templates/${ids.team}`)).json()).subject).toBe(edit.subject);
    await api('ava', 'DELETE', `/templates/${ids.team}`);
    expect((await api('eli', 'GET', `/templates/${ids.team}`)).status).toBe(404);
    const { items: list } = await (await api('eli', 'GET', '/templates?limit=100')).json();
    expect(list.map((t: { id: string }) => t.id)).not.toContain(ids.team);
  });

  it.each([
    ['POST', () => '/templates', { ...fresh(), body: '<p>Hi {{recipient.company}}</p>' }],
    [
      'PATCH',
      (t: Ids) => `/templates/${t.eli}`,
      { subject: 'About {{ account.name }} and {{recipient.company}}' },
    ],
  ])(
    'refuses to save (%s) a merge field Sendwell cannot fill, naming it (12)',
    async (method, path, body) => {
      const response = await api('eli', method, path(await templates()), body);
      expect(response.status).toBe(422);
      const { error } = await response.json();
      expect(error.code).toBe('unknown-merge-field');
      const unknown = unknownMergeFields(`${body.subject ?? ''}\n${'body' in body ? body.body : ''}`);
      expect(unknown.length).toBeGreaterThan(0);
      for (const field of unknown) expect(error.message).toContain(`{{${field}}}`);
    },
  );

  it('pages the list with the cursor: every template once, in the same order', async () => {
    await templates();
    const all = (await (await api('eli', 'GET', '/templates?limit=100')).json()).items;
    const paged: { id: string }[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page: { items: { id: string }[]; nextCursor: string | null } = await (
        await api('eli', 'GET', `/templates?limit=2${query}`)
      ).json();
      paged.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged.map((t) => t.id)).toEqual(all.map((t: { id: string }) => t.id));
  });

  it('lists the merge fields core supports, each with the tag to write', async () => {
    const { items } = await (await api('eli', 'GET', '/merge-fields')).json();
    expect(items).toEqual(MERGE_FIELDS.map((f) => ({ ...f, tag: `{{${f.name}}}` })));
  });

  describe('preview for a sample person', () => {
    const subject = 'Hi {{recipient.firstName|there}}, about {{recipient.lastName}}';
    const body = '<p>Dear {{recipient.name}} <{{recipient.email}}></p>';
    const create = async () =>
      (await (await api('eli', 'POST', '/templates', { name: 'Preview', subject, body })).json())
        .id as string;
    const example = (name: string) => MERGE_FIELDS.find((f) => f.name === name)!.example;

    it.each([
      [
        'the merge fields’ examples when no one is given',
        '',
        { email: example('recipient.email'), displayName: example('recipient.name') },
      ],
      [
        'the person asked for, escaped in the HTML',
        '?email=kim%40example.com&name=Kim%20%3Cb%3ELee%3C%2Fb%3E',
        { email: 'kim@example.com', displayName: 'Kim <b>Lee</b>' },
      ],
      [
        'an address alone: the name fields stay as written and are reported',
        '?email=kim%40example.com',
        { email: 'kim@example.com' },
      ],
    ])('merges %s', async (_label, query, person) => {
      const response = await api('eli', 'GET', `/templates/${await create()}/preview${query}`);
      expect(response.status).toBe(200);
      const merged = {
        subject: mergeTemplate(subject, person, 'text'),
        html: mergeTemplate(body, person, 'html'),
      };
      expect(await response.json()).toEqual({
        subject: merged.subject.text,
        html: merged.html.text,
        unknownFields: [...new Set([...merged.subject.missing, ...merged.html.missing])],
      });
    });

    it('refuses a sample address that is not one, and a teammate’s personal template', async () => {
      const id = await create();
      const bad = await api('eli', 'GET', `/templates/${id}/preview?email=not-an-address`);
      expect(bad.status).toBe(400);
      expect((await bad.json()).error.message).toMatch(/sample email must be an email address/);
      expect((await api('ava', 'GET', `/templates/${id}/preview`)).status).toBe(403);
    });
  });

  it('writes every change to a team template into the audit log, and none for personal ones', async () => {
    const actions = async () =>
      (await listAudit(sendwell.db, contoso, { beforeId: null, limit: 100 })).filter((e) =>
        e.action.startsWith('template.team.'),
      );
    const before = (await actions()).length;
    const created = await api('ava', 'POST', '/templates', {
      name: 'Audited',
      subject: 'Hi',
      body: '<p>Hi</p>',
      scope: 'team',
    });
    const id = ((await created.json()) as { id: string }).id;
    expect((await api('ava', 'PATCH', `/templates/${id}`, { subject: 'Hello' })).status).toBe(200);
    expect((await api('ava', 'DELETE', `/templates/${id}`)).status).toBe(204);
    await api('ava', 'POST', '/templates', {
      name: 'Mine',
      subject: 'Hi',
      body: '<p>Hi</p>',
      scope: 'personal',
    });
    const entries = (await actions()).slice(0, (await actions()).length - before).reverse();
    expect(entries.map((e) => [e.action, e.target, e.actorId])).toEqual([
      ['template.team.created', id, 'ava'],
      ['template.team.updated', id, 'ava'],
      ['template.team.deleted', id, 'ava'],
    ]);
    expect(entries[1]).toMatchObject({ before: { subject: 'Hi' }, after: { subject: 'Hello' } });
  });
});
