import {
  type Clock,
  MERGE_FIELDS,
  RECENT_TEMPLATES_MAX,
  type TemplateInfo,
  type TemplateScope,
  templateCreateSchema,
  templatePatchSchema,
  unknownMergeFields,
} from '@sendwell/core';
import { recordAudit } from '../store/audit';
import type { Db } from '../store/db';
import type { UserRow } from '../store/rows';
import { toTemplate } from '../store/rows';
import {
  deleteTemplate,
  findTemplate,
  insertTemplate,
  listVisibleTemplates,
  type OwnedTemplate,
  updateTemplate,
} from '../store/templates';
import { ApiError, parseOrRefuse } from './errors';

/** A template as the API shows it: whose it is, and whether this user may change it. */
export function publicTemplate(template: OwnedTemplate, user: UserRow): TemplateInfo {
  return {
    id: template.id,
    name: template.name,
    subject: template.subject,
    body: template.body,
    scope: template.scope,
    owner: { id: template.ownerId, name: template.ownerName },
    editable: refusal(user, template.scope, template) === null,
  };
}

/** Why `user` may not create or change a template of `scope` (owned as `existing`), or null if they may. */
function refusal(user: UserRow, scope: TemplateScope, existing?: OwnedTemplate): string | null {
  if (scope === 'team')
    return user.role === 'admin'
      ? null
      : 'Only a team admin can create, change or delete team templates. Save it as a personal template, or ask your admin.';
  if (existing && existing.scope === 'personal' && existing.ownerId !== user.id)
    return `This is ${existing.ownerName}'s personal template; only ${existing.ownerName} can change it.`;
  return null;
}

function allow(user: UserRow, scope: TemplateScope, existing?: OwnedTemplate): void {
  const reason = refusal(user, scope, existing);
  if (reason) throw new ApiError(403, 'forbidden', reason);
}

/** Saving a field Sendwell cannot fill would send `{{…}}` to a customer later: refuse it now, by name. */
function refuseUnknownFields(subject: string, body: string): void {
  const unknown = unknownMergeFields(`${subject}\n${body}`);
  if (!unknown.length) return;
  const supported = MERGE_FIELDS.map((f) => `{{${f.name}}}`).join(', ');
  const named = unknown.map((f) => `{{${f}}}`).join(', ');
  throw new ApiError(
    422,
    'unknown-merge-field',
    `Not saved: ${named} ${unknown.length > 1 ? 'are not merge fields' : 'is not a merge field'} Sendwell can fill. Use ${supported}.`,
  );
}

/**
 * What a user can pick from, narrowed by `q` (name or subject contains it, ignoring case). A team
 * has dozens of templates, not thousands, and the list is already read whole to page it, so the
 * search runs on that list: no LIKE pattern to escape, the same answer on both engines.
 */
export async function listTemplatesFor(db: Db, user: UserRow, q?: string): Promise<OwnedTemplate[]> {
  const visible = await listVisibleTemplates(db, user);
  const needle = q?.trim().toLocaleLowerCase();
  if (!needle) return visible;
  const matches = (text: string) => text.toLocaleLowerCase().includes(needle);
  return visible.filter((template) => matches(template.name) || matches(template.subject));
}

/**
 * The user's last distinct templates by their own sends, newest use first: only templates they may
 * still pick (team ones and their own, not deleted, their tenant). Campaign steps are left out: they
 * send on the rep's behalf and would crowd out what the rep chose by hand.
 */
export async function recentTemplatesFor(db: Db, user: UserRow): Promise<OwnedTemplate[]> {
  const rows = await db.query(
    `select t.*, u.name as owner_name
       from (select template_id, max(created_at) as last_used from sends
              where user_id = $2 and template_id is not null and campaign_id is null
              group by template_id) used
       join templates t on t.id = used.template_id
       join users u on u.id = t.owner_id
      where t.tenant_id = $1 and t.deleted_at is null and (t.scope = 'team' or t.owner_id = $2)
      order by used.last_used desc, t.id
      limit $3`,
    [user.tenantId, user.id, RECENT_TEMPLATES_MAX],
  );
  return rows.map((row) => ({ ...toTemplate(row), ownerName: String(row.owner_name) }));
}

/** One template of the user's team; another person's personal template is theirs alone. */
export async function templateFor(db: Db, user: UserRow, id: string): Promise<OwnedTemplate> {
  const template = await findTemplate(db, user.tenantId, id);
  if (!template) throw new ApiError(404, 'template-not-found', `No template ${id} in your team.`);
  if (template.scope === 'personal' && template.ownerId !== user.id)
    throw new ApiError(403, 'forbidden', `This is ${template.ownerName}'s personal template.`);
  return template;
}

/** Team templates are the team's: an admin's change to one is in the audit log, in the same transaction. */
async function auditTeamTemplate(
  tx: Db,
  user: UserRow,
  change: {
    action: 'created' | 'updated' | 'deleted';
    id: string;
    before: unknown;
    after: unknown;
    at: Date;
  },
): Promise<void> {
  await recordAudit(tx, {
    tenantId: user.tenantId,
    actorId: user.id,
    action: `template.team.${change.action}`,
    target: change.id,
    before: change.before,
    after: change.after,
    at: change.at,
  });
}

const auditView = (t: Pick<OwnedTemplate, 'name' | 'subject' | 'body' | 'scope'>) => ({
  name: t.name,
  subject: t.subject,
  body: t.body,
  scope: t.scope,
});

export async function createTemplate(
  db: Db,
  clock: Clock,
  user: UserRow,
  input: unknown,
): Promise<OwnedTemplate> {
  const fields = parseOrRefuse(templateCreateSchema, input, 'Not saved');
  allow(user, fields.scope);
  refuseUnknownFields(fields.subject, fields.body);
  const template = { id: crypto.randomUUID(), tenantId: user.tenantId, ownerId: user.id, ...fields };
  await db.transaction(async (tx) => {
    await insertTemplate(tx, template);
    if (template.scope === 'team')
      await auditTeamTemplate(tx, user, {
        action: 'created',
        id: template.id,
        before: null,
        after: auditView(template),
        at: clock.now(),
      });
  });
  return { ...template, ownerName: user.name };
}

export async function changeTemplate(
  db: Db,
  clock: Clock,
  user: UserRow,
  id: string,
  input: unknown,
): Promise<OwnedTemplate> {
  const patch = parseOrRefuse(templatePatchSchema, input, 'Not saved');
  const existing = await findTemplate(db, user.tenantId, id);
  if (!existing) throw new ApiError(404, 'template-not-found', `No template ${id} in your team.`);
  allow(user, existing.scope, existing);
  const next = { ...existing, ...patch };
  // Moving a template between scopes needs the right to write both; a template made personal is the mover's.
  if (next.scope !== existing.scope) allow(user, next.scope);
  const owner = next.scope === 'personal' && existing.scope === 'team' ? user : null;
  refuseUnknownFields(next.subject, next.body);
  const changed = {
    ...next,
    ownerId: owner?.id ?? existing.ownerId,
    ownerName: owner?.name ?? existing.ownerName,
  };
  await db.transaction(async (tx) => {
    await updateTemplate(tx, id, changed, clock.now());
    if (existing.scope === 'team' || changed.scope === 'team')
      await auditTeamTemplate(tx, user, {
        action: 'updated',
        id,
        before: auditView(existing),
        after: auditView(changed),
        at: clock.now(),
      });
  });
  return changed;
}

export async function removeTemplate(db: Db, clock: Clock, user: UserRow, id: string): Promise<void> {
  const existing = await findTemplate(db, user.tenantId, id);
  if (!existing) throw new ApiError(404, 'template-not-found', `No template ${id} in your team.`);
  allow(user, existing.scope, existing);
  await db.transaction(async (tx) => {
    await deleteTemplate(tx, id, clock.now());
    if (existing.scope === 'team')
      await auditTeamTemplate(tx, user, {
        action: 'deleted',
        id,
        before: auditView(existing),
        after: null,
        at: clock.now(),
      });
  });
}
