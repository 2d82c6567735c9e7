import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLES, type SampleContext } from '../http/v1/testing/samples';
import type { OpenApiDocument, V1Testbed } from '../http/v1/testing/server';
import { operationsOf } from '../http/v1/testing/server';
import { TEST_ENGINES } from '../store/testing';
import { openSandboxBed, type SandboxBed } from './sandboxBed';

/**
 * Cross-team reads and writes of every resource, walked from the API's own document: every operation
 * with a resource in its path is called by gus (acme's admin) on contoso's resource, with the body the
 * contract samples send, and every list by gus is read. Nothing of contoso's may show (every contoso
 * name, subject and note carries a marker) and nothing of contoso's may change (owners' views before
 * and after are equal). A new operation in the document is attacked without a new row.
 */
const ATTACKER = 'gus';
const OPEN_PATHS = new Set(['/connections/{provider}/start']); // no resource of anyone in the path

describe.each(TEST_ENGINES)('another team cannot read or change contoso’s resources (%s)', (engine) => {
  let bed: SandboxBed;
  let doc: OpenApiDocument;
  const marker = `contoso-secret-${randomUUID().slice(0, 8)}`;
  const ids: Record<string, string> = { mailbox: 'mbx-eli', member: 'eli' };

  beforeAll(async () => {
    bed = await openSandboxBed(engine);
    doc = await (await bed.sendwell.app.request('/api/v1/openapi.json')).json();
    await makeContosoResources();
  }, 240_000);
  afterAll(async () => {
    await bed?.close();
  });

  async function makeContosoResources() {
    const template = (user: string, scope: string) =>
      bed.json<{ id: string }>(
        bed.call(user, 'POST', '/templates', {
          name: marker,
          subject: marker,
          body: `<p>${marker}</p>`,
          scope,
        }),
        201,
      );
    ids.template = (await template('eli', 'personal')).id;
    ids.teamTemplate = (await template('ava', 'team')).id;
    const send = await bed.json<{ send: { id: string } }>(
      bed.call('eli', 'POST', '/sends', {
        host: 'outlook',
        to: ['kim@example.com'],
        subject: marker,
        body: `<p>${marker}</p>`,
        idempotencyKey: `attack-${randomUUID()}`,
      }),
      202,
    );
    ids.send = send.send.id;
    ids.campaign = (
      await bed.json<{ id: string }>(
        bed.call('eli', 'POST', '/campaigns', {
          name: marker,
          steps: [{ templateId: ids.template, delay: { amount: 1, unit: 'hours' } }],
        }),
        201,
      )
    ).id;
    // The address is echoed back by a person lookup: only the name carries the marker.
    ids.email = `person-${randomUUID().slice(0, 8)}@example.com`;
    const enrolled = await bed.json<{ enrolmentIds: string[] }>(
      bed.call('eli', 'POST', `/campaigns/${ids.campaign}/enrolments`, {
        people: [{ email: ids.email, displayName: marker }],
      }),
      200,
    );
    ids.enrolment = enrolled.enrolmentIds[0]!;
    const suppressed = await bed.json<{ id: string }>(
      bed.call('ava', 'POST', '/suppressions', { email: `stop-${marker}@example.com`, note: marker }),
      201,
    );
    ids.suppression = suppressed.id;
  }

  /** What contoso's owners see of their resources: must be the same after gus's attempts. */
  async function ownersView(): Promise<string[]> {
    const reads: [string, string][] = [
      ['eli', `/templates/${ids.template}`],
      ['ava', `/templates/${ids.teamTemplate}`],
      ['eli', `/sends/${ids.send}`],
      ['eli', `/campaigns/${ids.campaign}`],
      ['eli', `/campaigns/${ids.campaign}/enrolments`],
      ['ava', `/suppressions?email=stop-${marker}%40example.com&state=all`],
      ['ava', '/members'],
      ['eli', '/connections'],
      ['ava', '/settings/throttle'],
      ['ava', '/settings/bounce-rules'],
    ];
    return Promise.all(
      reads.map(async ([user, path]) => `${path} ${await (await bed.call(user, 'GET', path)).text()}`),
    );
  }

  /** Path parameters filled with contoso's resource of the matching kind. */
  function contosoPath(path: string): string {
    const kind = (segment: string) =>
      ({
        templates: 'template',
        sends: 'send',
        campaigns: 'campaign',
        suppressions: 'suppression',
        members: 'member',
      })[segment] ?? 'mailbox';
    return path
      .replace(/\/([^/{]+)\/\{(\w+)\}/g, (_all, segment: string, param: string) => {
        const value =
          param === 'enrolmentId' ? ids.enrolment : param === 'email' ? ids.email : ids[kind(segment)];
        return `/${segment}/${encodeURIComponent(value!)}`;
      })
      .replace(/\{enrolmentId\}/, ids.enrolment!);
  }

  /**
   * The samples' context, answering contoso's resources: gus's writes try to use them too. What a
   * sample makes first (a campaign to enrol into) is made by the sample's own contoso user.
   */
  const stubContext = (): SampleContext => ({
    bed: { call: (u, m, p, b) => bed.call(u ?? 'eli', m, p, b) } as V1Testbed,
    template: async () => ids.template!,
    send: async () => ids.send!,
    smtpChannel: async () => ids.mailbox!,
    smtpSettings: () => ({}),
  });
  async function sampleRequest(operationId: string) {
    const sample = SAMPLES[operationId]?.find((s) => s.status < 300);
    return sample ? sample.request(stubContext()) : null;
  }

  it('refuses every operation on a contoso resource and changes nothing', async () => {
    const before = await ownersView();
    const answers: string[] = [];
    for (const { method, path, operation } of operationsOf(doc)) {
      if (!path.includes('{') || OPEN_PATHS.has(path)) continue;
      const body = method === 'get' ? undefined : ((await sampleRequest(operation.operationId!))?.body ?? {});
      const response = await bed.call(ATTACKER, method.toUpperCase(), contosoPath(path), body);
      const text = await response.text();
      answers.push(`${method} ${path} ${response.status}`);
      expect(response.status, `${method} ${path}: ${text}`).not.toBe(500);
      if (response.ok) expect(text.toLowerCase(), `${method} ${path}`).not.toContain(marker);
      else expect([400, 403, 404, 409, 422], `${method} ${path}: ${text}`).toContain(response.status);
    }
    expect(answers.length).toBeGreaterThan(20);
    expect(await ownersView()).toEqual(before);
  });

  it('shows nothing of contoso in any list gus reads', async () => {
    const lists = operationsOf(doc).filter((o) => o.method === 'get' && !o.path.includes('{'));
    for (const { path, operation } of lists) {
      if (path === '/feed/stream' || path === '/openapi.json') continue;
      const request = await sampleRequest(operation.operationId!);
      const url = request?.path ?? path;
      const text = await (await bed.call(ATTACKER, 'GET', url)).text();
      expect(text.toLowerCase(), url).not.toContain(marker);
    }
    // Control: the owners do see the marker, so the reads above could have found it.
    expect(
      (await bed.call('eli', 'GET', '/templates?limit=100').then((r) => r.text())).includes(marker),
    ).toBe(true);
  });
});
