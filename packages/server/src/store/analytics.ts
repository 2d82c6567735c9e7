import type { Db } from './db';

/** Whose sends a numbers query counts: one user's, or everyone's in one tenant (never another's). */
export type NumbersScope = { userId: string } | { tenantId: string };

export interface DayRow {
  day: string;
  sends: number;
  bounces: number;
}

export interface MemberRow {
  userId: string;
  name: string;
  email: string;
  sends: number;
  bounces: number;
}

/** Failed recipients only: a delay notice is not a bounce. */
const FAILED_BOUNCE = `e.type = 'bounce' and coalesce(e.detail->>'action', '') <> 'delayed'`;

function who(scope: NumbersScope): { clause: string; value: string } {
  return 'userId' in scope
    ? { clause: 'e.user_id = $1', value: scope.userId }
    : { clause: 'e.user_id in (select id from users where tenant_id = $1)', value: scope.tenantId };
}

/** Sends (submitted messages) and failed recipients per UTC day since `from`. */
export async function countPerDay(db: Db, scope: NumbersScope, from: Date): Promise<DayRow[]> {
  const { clause, value } = who(scope);
  const rows = await db.query<{ day: string; sends: string; bounces: string }>(
    `select to_char(e.at at time zone 'UTC', 'YYYY-MM-DD') as day,
            count(*) filter (where e.type = 'send.submitted') as sends,
            count(*) filter (where ${FAILED_BOUNCE}) as bounces
       from events e where ${clause} and e.at >= $2 and e.type in ('send.submitted', 'bounce')
      group by 1 order by 1`,
    [value, from],
  );
  return rows.map((r) => ({ day: r.day, sends: Number(r.sends), bounces: Number(r.bounces) }));
}

/** Failed recipients since `from` by the classifier's reason, most frequent first. */
export async function countBounceReasons(
  db: Db,
  scope: NumbersScope,
  from: Date,
): Promise<{ reason: string; count: number }[]> {
  const { clause, value } = who(scope);
  const rows = await db.query<{ reason: string; count: string }>(
    `select coalesce(nullif(e.detail->>'reason', ''), 'unknown') as reason, count(*) as count
       from events e where ${clause} and e.at >= $2 and ${FAILED_BOUNCE}
      group by 1 order by 2 desc, 1`,
    [value, from],
  );
  return rows.map((r) => ({ reason: r.reason, count: Number(r.count) }));
}

/** Every member of the tenant with their sends and failed recipients since `from` (zeros included). */
export async function countPerMember(db: Db, tenantId: string, from: Date): Promise<MemberRow[]> {
  const rows = await db.query<{ id: string; name: string; email: string; sends: string; bounces: string }>(
    `select u.id, u.name, u.email,
            count(e.id) filter (where e.type = 'send.submitted') as sends,
            count(e.id) filter (where ${FAILED_BOUNCE}) as bounces
       from users u left join events e on e.user_id = u.id and e.at >= $2
      where u.tenant_id = $1 group by u.id, u.name, u.email order by u.name, u.id`,
    [tenantId, from],
  );
  return rows.map((r) => ({
    userId: r.id,
    name: r.name,
    email: r.email,
    sends: Number(r.sends),
    bounces: Number(r.bounces),
  }));
}
