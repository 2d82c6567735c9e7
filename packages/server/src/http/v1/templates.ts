import { createRoute, z } from '@hono/zod-openapi';
import {
  MERGE_FIELDS,
  mergeFieldsSchema,
  mergeTemplate,
  recentTemplatesSchema,
  templateCreateSchema,
  templateInfoSchema,
  templateListQuerySchema,
  templatePageSchema,
  templatePatchSchema,
  templatePreviewQuerySchema,
  templatePreviewSchema,
} from '@sendwell/core';
import {
  changeTemplate,
  createTemplate,
  listTemplatesFor,
  publicTemplate,
  recentTemplatesFor,
  removeTemplate,
  templateFor,
} from '../../services/templates';
import type { V1App } from './app';
import type { V1Deps } from './deps';
import { pageOfList } from './paging';
import { errorResponses, failure, json, jsonBody } from './responses';

const idParam = z.object({
  id: z
    .string()
    .min(1)
    .max(200)
    .meta({ param: { name: 'id', in: 'path' } }),
});
const tags = ['templates'];

const list = createRoute({
  method: 'get',
  path: '/templates',
  tags,
  operationId: 'listTemplates',
  summary:
    "The team's templates and the caller's personal ones (team first, then by name); `q` searches name and subject",
  request: { query: templateListQuerySchema },
  responses: {
    200: json(templatePageSchema, 'A page of templates'),
    400: failure('Bad cursor or limit'),
    ...errorResponses,
  },
});

const recent = createRoute({
  method: 'get',
  path: '/templates/recent',
  tags,
  operationId: 'listRecentTemplates',
  summary: "The caller's last distinct templates by their sends (at most 5), most recently used first",
  responses: {
    200: json(recentTemplatesSchema, 'Recently used templates the caller may still pick'),
    ...errorResponses,
  },
});

const create = createRoute({
  method: 'post',
  path: '/templates',
  tags,
  operationId: 'createTemplate',
  summary: 'Create a template (personal; team templates are for team admins)',
  request: { body: jsonBody(templateCreateSchema) },
  responses: {
    201: json(templateInfoSchema, 'The new template'),
    400: failure('Invalid fields'),
    403: failure('A rep asked for a team template'),
    422: failure('The template uses a merge field Sendwell cannot fill'),
    ...errorResponses,
  },
});

const get = createRoute({
  method: 'get',
  path: '/templates/{id}',
  tags,
  operationId: 'getTemplate',
  summary: 'One template',
  request: { params: idParam },
  responses: {
    200: json(templateInfoSchema, 'The template'),
    403: failure("A teammate's personal template"),
    404: failure('No such template in your team'),
    ...errorResponses,
  },
});

const update = createRoute({
  method: 'patch',
  path: '/templates/{id}',
  tags,
  operationId: 'updateTemplate',
  summary: 'Change a template (your personal ones; team ones if you are a team admin)',
  request: {
    params: idParam,
    body: jsonBody(templatePatchSchema),
  },
  responses: {
    200: json(templateInfoSchema, 'The changed template'),
    400: failure('Invalid fields'),
    403: failure('Not yours to change'),
    404: failure('No such template in your team'),
    422: failure('The template uses a merge field Sendwell cannot fill'),
    ...errorResponses,
  },
});

const remove = createRoute({
  method: 'delete',
  path: '/templates/{id}',
  tags,
  operationId: 'deleteTemplate',
  summary: 'Delete a template (same rights as changing it)',
  request: { params: idParam },
  responses: {
    204: { description: 'Deleted' },
    403: failure('Not yours to delete'),
    404: failure('No such template in your team'),
    ...errorResponses,
  },
});

const preview = createRoute({
  method: 'get',
  path: '/templates/{id}/preview',
  tags,
  operationId: 'previewTemplate',
  summary: "The template merged for a sample person (the merge fields' examples when none is given)",
  request: { params: idParam, query: templatePreviewQuerySchema },
  responses: {
    200: json(templatePreviewSchema, 'Subject and body as that person would get them'),
    400: failure('The sample is not valid'),
    403: failure("A teammate's personal template"),
    404: failure('No such template in your team'),
    ...errorResponses,
  },
});

const mergeFields = createRoute({
  method: 'get',
  path: '/merge-fields',
  tags,
  operationId: 'listMergeFields',
  summary: 'The merge fields Sendwell can fill (saving a template with any other is refused)',
  responses: { 200: json(mergeFieldsSchema, 'Every supported field'), ...errorResponses },
});

/** The sample person of a preview: the one asked for, else the merge fields' own examples. */
function samplePerson(query: { email?: string; name?: string }) {
  const example = (name: string) => MERGE_FIELDS.find((f) => f.name === name)!.example;
  if (!query.email && !query.name)
    return { email: example('recipient.email'), displayName: example('recipient.name') };
  return { email: query.email ?? example('recipient.email'), displayName: query.name };
}

export function templatesRoutes(app: V1App, deps: Pick<V1Deps, 'db' | 'clock'>): void {
  app.openapi(list, async (c) => {
    const user = c.get('user');
    const { cursor, limit, q } = c.req.valid('query');
    const page = pageOfList(await listTemplatesFor(deps.db, user, q), cursor, limit);
    return c.json(
      { items: page.items.map((t) => publicTemplate(t, user)), nextCursor: page.nextCursor },
      200,
    );
  });
  // Before `/templates/{id}`, which would otherwise take "recent" for an id.
  app.openapi(recent, async (c) => {
    const user = c.get('user');
    const items = await recentTemplatesFor(deps.db, user);
    return c.json({ items: items.map((t) => publicTemplate(t, user)) }, 200);
  });
  app.openapi(create, async (c) => {
    const user = c.get('user');
    const template = await createTemplate(deps.db, deps.clock, user, c.req.valid('json'));
    return c.json(publicTemplate(template, user), 201);
  });
  app.openapi(get, async (c) => {
    const user = c.get('user');
    return c.json(publicTemplate(await templateFor(deps.db, user, c.req.valid('param').id), user), 200);
  });
  app.openapi(update, async (c) => {
    const user = c.get('user');
    const { id } = c.req.valid('param');
    const template = await changeTemplate(deps.db, deps.clock, user, id, c.req.valid('json'));
    return c.json(publicTemplate(template, user), 200);
  });
  app.openapi(remove, async (c) => {
    await removeTemplate(deps.db, deps.clock, c.get('user'), c.req.valid('param').id);
    return c.body(null, 204);
  });
  app.openapi(preview, async (c) => {
    const template = await templateFor(deps.db, c.get('user'), c.req.valid('param').id);
    const person = samplePerson(c.req.valid('query'));
    const subject = mergeTemplate(template.subject, person, 'text');
    const html = mergeTemplate(template.body, person, 'html');
    const unknownFields = [...new Set([...subject.missing, ...html.missing])];
    return c.json({ subject: subject.text, html: html.text, unknownFields }, 200);
  });
  app.openapi(mergeFields, (c) =>
    c.json({ items: MERGE_FIELDS.map((f) => ({ ...f, tag: `{{${f.name}}}` })) }, 200),
  );
}
