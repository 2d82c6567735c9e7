import { type BounceRules, DEFAULT_BOUNCE_RULES, type Suppression } from '@sendwell/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suppressionSentence } from '../../services/suppressionCheck';
import { findLiveSuppressions } from '../../store/suppressions';
import { openV1Testbed, type V1Testbed } from './testing/server';

// Suppression through /api/v1 on a sandbox-mode Sendwell: eli (contoso rep) stops an address, a
// send to it is refused with the reason, ava (contoso admin) lifts it and the send is accepted;
// gus (acme) never sees contoso's list. Bounce rules: every member reads, an admin changes (audited).
let bed: V1Testbed;
beforeAll(async () => {
  bed = await openV1Testbed('sendwell-suppressions-');
});
afterAll(() => bed.close());

const send = (user: string, to: string) =>
  bed.call(user, 'POST', '/sends', {
    host: 'outlook',
    to: [to],
    subject: 'Hello',
    body: '<p>Hello</p>',
    idempotencyKey: crypto.randomUUID(),
  });
const list = async (user: string, query = '') =>
  ((await (await bed.call(user, 'GET', `/suppressions${query}`)).json()) as { items: Suppression[] }).items;

describe('/api/v1/suppressions', () => {
  let suppression: Suppression;

  it('any member suppresses an address for the team (201, then 200 the same one)', async () => {
    const added = await bed.call('eli', 'POST', '/suppressions', {
      email: ' Stop@Example.com ',
      note: 'by phone',
    });
    expect(added.status).toBe(201);
    suppression = (await added.json()) as Suppression;
    expect(suppression).toMatchObject({
      email: 'stop@example.com',
      reason: 'manual',
      detail: { note: 'by phone' },
      until: null,
    });
    const again = await bed.call('eli', 'POST', '/suppressions', { email: 'stop@example.com' });
    expect(again.status).toBe(200);
    expect(((await again.json()) as Suppression).id).toBe(suppression.id);
  });

  it('a send to it is refused with the reason the list shows; nothing is queued', async () => {
    const [live] = await findLiveSuppressions(
      bed.sendwell.db,
      await tenantOf('eli'),
      ['stop@example.com'],
      new Date(),
    );
    const refused = await send('eli', 'stop@example.com');
    expect(refused.status).toBe(422);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('suppressed');
    expect(body.error.message).toContain(suppressionSentence(live!));
    expect((await list('eli', '?email=STOP@example.com'))[0]!.message).toBe(suppressionSentence(live!));
  });

  it('an admin of another team neither sees it nor can lift it (404, as for an id that does not exist)', async () => {
    expect(await list('gus', '?email=stop@example.com&state=all')).toEqual([]);
    expect((await bed.call('gus', 'POST', `/suppressions/${suppression.id}/lift`)).status).toBe(404);
  });

  it('an admin lifts it (audited); the history keeps it; the send goes', async () => {
    const lifted = await bed.call('ava', 'POST', `/suppressions/${suppression.id}/lift`);
    expect(lifted.status).toBe(200);
    expect(((await lifted.json()) as Suppression).liftedAt).not.toBeNull();
    expect(await list('eli', '?email=stop@example.com')).toEqual([]);
    expect(await list('eli', '?email=stop@example.com&state=all')).toHaveLength(1);
    expect((await send('eli', 'stop@example.com')).status).toBe(202);
    const audit = await bed.sendwell.db.query<{ action: string; actor_id: string; target: string }>(
      "select action, actor_id, target from audit_log where action like 'suppression.%' order by id",
    );
    expect(audit).toEqual([
      { action: 'suppression.added', actor_id: 'eli', target: suppression.id },
      { action: 'suppression.lifted', actor_id: 'ava', target: suppression.id },
    ]);
    expect((await bed.call('ava', 'POST', `/suppressions/${suppression.id}/lift`)).status).toBe(409);
  });
});

describe('/api/v1/settings/bounce-rules', () => {
  const rules = async (user: string) =>
    (await (await bed.call(user, 'GET', '/settings/bounce-rules')).json()) as BounceRules;

  it('a rep reads the defaults; an admin changes one rule and the rest keep their value', async () => {
    expect(await rules('eli')).toEqual(DEFAULT_BOUNCE_RULES);
    const changed = await bed.call('ava', 'PUT', '/settings/bounce-rules', {
      softBounceLimit: 2,
      trackClicks: true,
    });
    expect(changed.status).toBe(200);
    const expected = { ...DEFAULT_BOUNCE_RULES, softBounceLimit: 2, trackClicks: true };
    expect(await changed.json()).toEqual(expected);
    expect(await rules('eli')).toEqual(expected);
    expect(await rules('gus')).toEqual(DEFAULT_BOUNCE_RULES);
  });

  it.each([
    [{ breakerWindow: 2 }, 'breakerWindow'],
    [{ softBounceDays: 0 }, 'softBounceDays'],
    [{ trackOpens: 'yes' }, 'trackOpens'],
  ])('refuses %o with a 400 naming the rule, and keeps the rules', async (body, field) => {
    const before = await rules('ava');
    const response = await bed.call('ava', 'PUT', '/settings/bounce-rules', body);
    expect(response.status).toBe(400);
    const error = ((await response.json()) as { error: { details: { path: string }[] } }).error;
    expect(error.details.map((d) => d.path)).toContain(field);
    expect(await rules('ava')).toEqual(before);
  });
});

async function tenantOf(user: string): Promise<string> {
  const [row] = await bed.sendwell.db.query<{ tenant_id: string }>(
    'select tenant_id from users where id = $1',
    [user],
  );
  return row!.tenant_id;
}
