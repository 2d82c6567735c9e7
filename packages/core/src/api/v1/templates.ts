import { z } from 'zod';
import { MERGE_FIELDS } from '../../templates/merge';
import { pageQuerySchema } from './common';

/** `/api/v1/templates…` and `/api/v1/merge-fields`: team and personal templates, and their merge fields. */

export const templateScopeSchema = z.enum(['personal', 'team']).meta({
  id: 'TemplateScope',
  description: '`team` templates are changed by team admins; `personal` ones by their owner only.',
});

export const templateInfoSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    subject: z.string(),
    body: z
      .string()
      .meta({ description: 'HTML with `{{recipient.firstName}}`-style merge fields (GET /merge-fields).' }),
    scope: templateScopeSchema,
    owner: z.object({ id: z.string(), name: z.string() }),
    editable: z.boolean().meta({ description: 'Whether the calling user may change or delete it.' }),
  })
  .meta({ id: 'Template' });

export const templatePageSchema = z
  .object({ items: z.array(templateInfoSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'TemplatePage' });

/** `GET /api/v1/templates?q=`: `q` narrows the list to templates whose name or subject contains it. */
export const templateListQuerySchema = pageQuerySchema.extend({
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .meta({ description: 'Searches name and subject, case-insensitive; empty or absent lists them all.' }),
});

/** How many templates `GET /api/v1/templates/recent` answers at most. */
export const RECENT_TEMPLATES_MAX = 5;

/** `GET /api/v1/templates/recent`: the caller's last distinct templates by their sends, newest first. */
export const recentTemplatesSchema = z
  .object({ items: z.array(templateInfoSchema).max(RECENT_TEMPLATES_MAX) })
  .meta({ id: 'RecentTemplates' });

const templateFields = {
  name: z.string().trim().min(1).max(200),
  subject: z.string().max(998),
  body: z.string().max(1_000_000),
};

/** `POST /api/v1/templates`: a rep's new template is personal unless a team one is asked for. */
export const templateCreateSchema = z
  .object({ ...templateFields, scope: templateScopeSchema.default('personal') })
  .meta({ id: 'TemplateCreate' });

/** `PATCH /api/v1/templates/{id}`: only the fields that change. */
export const templatePatchSchema = z
  .object({ ...templateFields, scope: templateScopeSchema })
  .partial()
  .meta({ id: 'TemplatePatch' });

/** `?email=&name=`: the sample person to merge for; the merge fields' own examples when absent. */
export const templatePreviewQuerySchema = z.object({
  email: z.email('The sample email must be an email address').max(320).optional(),
  name: z.string().trim().max(256).optional().meta({ description: "The sample person's display name." }),
});

export const templatePreviewSchema = z
  .object({
    subject: z.string().meta({ description: 'The subject merged for the sample person (plain text).' }),
    html: z.string().meta({ description: 'The body merged for the sample person (values HTML-escaped).' }),
    unknownFields: z.array(z.string()).meta({
      description: 'Fields the template uses that had no value for this person (shown as written).',
    }),
  })
  .meta({ id: 'TemplatePreview' });

export const mergeFieldSchema = z
  .object({
    name: z.enum(MERGE_FIELDS.map((f) => f.name) as [string, ...string[]]),
    label: z.string(),
    example: z.string(),
    tag: z.string().meta({ description: 'What to write in a template, e.g. `{{recipient.firstName}}`.' }),
  })
  .meta({ id: 'MergeField' });
export const mergeFieldsSchema = z.object({ items: z.array(mergeFieldSchema) }).meta({ id: 'MergeFields' });

export type TemplateInfo = z.infer<typeof templateInfoSchema>;
export type TemplateScope = z.infer<typeof templateScopeSchema>;
export type TemplateCreate = z.input<typeof templateCreateSchema>;
export type TemplatePatch = z.infer<typeof templatePatchSchema>;
export type TemplatePreview = z.infer<typeof templatePreviewSchema>;
export type MergeFieldInfo = z.infer<typeof mergeFieldSchema>;
export type TemplateListQuery = z.infer<typeof templateListQuerySchema>;
export type RecentTemplates = z.infer<typeof recentTemplatesSchema>;
