import type { Db } from './db';
import { type TemplateRow, toTemplate } from './rows';

/** Templates are shared within a tenant and never visible across tenants. */
export async function listTemplates(db: Db, tenantId: string): Promise<TemplateRow[]> {
  return (await db.query('select * from templates where tenant_id = $1 order by name, id', [tenantId])).map(
    toTemplate,
  );
}

export async function findTemplate(db: Db, tenantId: string, id: string): Promise<TemplateRow | null> {
  const [row] = await db.query('select * from templates where tenant_id = $1 and id = $2', [tenantId, id]);
  return row ? toTemplate(row) : null;
}

export async function insertTemplate(db: Db, template: TemplateRow): Promise<void> {
  await db.query(
    `insert into templates (id, tenant_id, owner_id, name, subject, body) values ($1, $2, $3, $4, $5, $6)
     on conflict (id) do nothing`,
    [template.id, template.tenantId, template.ownerId, template.name, template.subject, template.body],
  );
}
