import type { Db } from './db';
import { type TemplateRow, toTemplate, type UserRow } from './rows';

/** A template with its owner's name, for lists that say whose a personal template is. */
export type OwnedTemplate = TemplateRow & { ownerName: string };

const SELECT_OWNED = `select t.*, u.name as owner_name from templates t join users u on u.id = t.owner_id`;
const toOwned = (r: Record<string, unknown>): OwnedTemplate => ({
  ...toTemplate(r),
  ownerName: String(r.owner_name),
});

/**
 * Templates are never visible across tenants. Deleted ones stay in the table (sends and analytics
 * refer to them) and are left out everywhere here.
 */
export async function listTemplates(db: Db, tenantId: string): Promise<TemplateRow[]> {
  return (
    await db.query(
      `select * from templates where tenant_id = $1 and scope = 'team' and deleted_at is null order by name, id`,
      [tenantId],
    )
  ).map(toTemplate);
}

/** What a user can pick from: the team's templates and their own personal ones. */
export async function listVisibleTemplates(db: Db, user: UserRow): Promise<OwnedTemplate[]> {
  const rows = await db.query(
    `${SELECT_OWNED} where t.tenant_id = $1 and t.deleted_at is null and (t.scope = 'team' or t.owner_id = $2)
     order by t.scope desc, t.name, t.id`,
    [user.tenantId, user.id],
  );
  return rows.map(toOwned);
}

/** Any live template of the tenant, whoever owns it (callers decide what the user may do with it). */
export async function findTemplate(db: Db, tenantId: string, id: string): Promise<OwnedTemplate | null> {
  const [row] = await db.query(
    `${SELECT_OWNED} where t.tenant_id = $1 and t.id = $2 and t.deleted_at is null`,
    [tenantId, id],
  );
  return row ? toOwned(row) : null;
}

/** A template the user may send with: a team template or one of their own. */
export async function findVisibleTemplate(db: Db, user: UserRow, id: string): Promise<OwnedTemplate | null> {
  const template = await findTemplate(db, user.tenantId, id);
  return template && (template.scope === 'team' || template.ownerId === user.id) ? template : null;
}

export async function insertTemplate(db: Db, template: TemplateRow): Promise<void> {
  await db.query(
    `insert into templates (id, tenant_id, owner_id, scope, name, subject, body) values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (id) do nothing`,
    [
      template.id,
      template.tenantId,
      template.ownerId,
      template.scope,
      template.name,
      template.subject,
      template.body,
    ],
  );
}

export async function updateTemplate(
  db: Db,
  id: string,
  fields: Pick<TemplateRow, 'name' | 'subject' | 'body' | 'scope' | 'ownerId'>,
  at: Date,
): Promise<void> {
  await db.query(
    'update templates set name = $2, subject = $3, body = $4, scope = $5, owner_id = $6, updated_at = $7 where id = $1',
    [id, fields.name, fields.subject, fields.body, fields.scope, fields.ownerId, at],
  );
}

export async function deleteTemplate(db: Db, id: string, at: Date): Promise<void> {
  await db.query('update templates set deleted_at = $2 where id = $1 and deleted_at is null', [id, at]);
}
