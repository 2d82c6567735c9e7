import { AUDIT_ACTIONS, type AuditAction } from '@sendwell/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenApiDocument, openV1Testbed, operationsOf, type V1Testbed } from './testing/server';

// Issue 8, "done when": a rep's token is refused on every admin route (a test per route), and every
// admin action appears in the audit log. The routes come from the served OpenAPI document (every
// operation tagged `admin`), so an admin route added later without a row here fails the table test.
// Sandbox seed: ava is contoso's admin, eli a contoso rep.

interface AdminSample {
  path: string;
  body?: unknown;
  /** Mutating operations: the audit entry an admin's call must add. */
  audits?: { action: AuditAction; target: string | null };
}

/** A request each admin operation accepts from an admin; rows run in this order (enable after disable). */
const SAMPLES: Record<string, AdminSample> = {
  getTeamNumbers: { path: '/analytics/team?days=7' },
  listAudit: { path: '/audit' },
  listMembers: { path: '/members' },
  listMemberApiTokens: { path: '/members/eli/tokens' },
  getThrottleSettings: { path: '/settings/throttle' },
  updateMember: {
    path: '/members/eli',
    body: { legacy: true },
    audits: { action: 'member.legacy.changed', target: 'eli' },
  },
  revokeMemberApiTokens: {
    path: '/members/nia/tokens/revoke',
    audits: { action: 'member.api-tokens.revoked', target: 'nia' },
  },
  updateThrottleSettings: {
    path: '/settings/throttle',
    body: { profileId: 'exchange-online', batch: { size: 10, everySeconds: 60 } },
    audits: { action: 'settings.throttle.changed', target: 'exchange-online' },
  },
  setLegacyVisibility: {
    path: '/channels/legacy-visibility',
    body: { visible: false },
    audits: { action: 'channel.legacy-visibility.changed', target: null },
  },
  setTeamDefaultChannel: {
    path: '/channels/team-default',
    body: { channelId: null },
    audits: { action: 'channel.team-default.changed', target: null },
  },
  disableMailbox: {
    path: '/connections/mbx-eli/disable',
    audits: { action: 'connection.disabled' as AuditAction, target: 'mbx-eli' },
  },
  enableMailbox: {
    path: '/connections/mbx-eli/enable',
    audits: { action: 'connection.enabled' as AuditAction, target: 'mbx-eli' },
  },
  updateBounceRules: {
    path: '/settings/bounce-rules',
    body: { softBounceLimit: 5 },
    audits: { action: 'settings.bounce-rules.changed', target: null },
  },
  // The path and target get the id of a suppression made in beforeAll (see liftableSuppression).
  liftSuppression: { path: '/suppressions/0/lift', audits: { action: 'suppression.lifted', target: '0' } },
};

/** A suppression in ava's team written straight to the store (no audit entry), for the lift row. */
async function liftableSuppression(): Promise<void> {
  const [row] = await bed.sendwell.db.query<{ id: string }>(
    `insert into suppressions (tenant_id, email, reason, since)
     select tenant_id, 'admin-routes@example.com', 'manual', now() from users where id = 'ava' returning id`,
  );
  const id = String(row!.id);
  SAMPLES.liftSuppression = {
    path: `/suppressions/${id}/lift`,
    audits: { action: 'suppression.lifted', target: id },
  };
}

let bed: V1Testbed;
let doc: OpenApiDocument;

beforeAll(async () => {
  bed = await openV1Testbed('sendwell-admin-routes-');
  doc = await bed.document();
  await liftableSuppression();
});
afterAll(() => bed.close());

const adminOperations = () =>
  operationsOf(doc)
    .filter(({ operation }) => operation.tags?.includes('admin'))
    .map(({ method, operation }) => ({ method, id: operation.operationId! }));

const auditRows = () =>
  bed.sendwell.db.query<{ id: number; action: string; target: string | null; actor_id: string }>(
    'select id, action, target, actor_id from audit_log order by id',
  );

const call = (user: string, method: string, sample: AdminSample) =>
  bed.call(user, method.toUpperCase(), sample.path, sample.body);

describe('admin operations of /api/v1/openapi.json', () => {
  it('are all in the sample table (a new admin route needs a row: it is tested below)', () => {
    const ids = adminOperations().map((o) => o.id);
    expect(ids.length).toBeGreaterThanOrEqual(8);
    expect(ids.filter((id) => !SAMPLES[id])).toEqual([]);
  });

  it('name only audit actions core knows, or connection changes', () => {
    const actions = Object.values(SAMPLES).flatMap((s) => (s.audits ? [s.audits.action] : []));
    const unknown = actions.filter((a) => !AUDIT_ACTIONS.includes(a) && !a.startsWith('connection.'));
    expect(unknown).toEqual([]);
  });
});

describe('a rep’s token on an admin operation', () => {
  it.each(Object.keys(SAMPLES))('%s: 403 admin-only, and the audit log does not change', async (id) => {
    const operation = adminOperations().find((o) => o.id === id);
    expect(operation, `${id} is documented and tagged admin`).toBeDefined();
    const before = await auditRows();
    const response = await call('eli', operation!.method, SAMPLES[id]!);
    expect(response.status).toBe(403);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('admin-only');
    expect(body.error.message).toMatch(/^Only a team admin can/);
    expect(await auditRows()).toEqual(before);
  });
});

describe('an admin performing an admin operation', () => {
  // Sequential on purpose: the table's order (disable, then enable) is part of each sample.
  it.each(Object.keys(SAMPLES))('%s: succeeds, and a change adds its audit entry', async (id) => {
    const operation = adminOperations().find((o) => o.id === id)!;
    const sample = SAMPLES[id]!;
    const before = await auditRows();
    const response = await call('ava', operation.method, sample);
    expect(response.status, await response.clone().text()).toBeLessThan(300);
    const added = (await auditRows()).slice(before.length);
    if (operation.method === 'get') {
      expect(added).toEqual([]);
      return;
    }
    expect(sample.audits, `${id} changes something: say which audit entry it adds`).toBeDefined();
    expect(added).toEqual([
      expect.objectContaining({
        action: sample.audits!.action,
        target: sample.audits!.target,
        actor_id: 'ava',
      }),
    ]);
  });

  it('the audit log lists those entries newest first, with who did it', async () => {
    const response = await bed.call('ava', 'GET', '/audit?limit=100');
    const page = (await response.json()) as { items: { action: string; actor: { id: string } | null }[] };
    const expected = Object.values(SAMPLES).flatMap((s) => (s.audits ? [s.audits.action] : []));
    expect(page.items.map((e) => e.action)).toEqual([...expected].reverse());
    expect(page.items.every((e) => e.actor?.id === 'ava')).toBe(true);
  });
});
