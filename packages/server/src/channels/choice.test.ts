import { LEGACY_LABEL, LEGACY_WARNING } from '@sendwell/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../services/errors';
import { FeedHub } from '../services/feedHub';
import { channelFor } from '../services/identity';
import { quotaFor } from '../services/readModels';
import { createSend } from '../services/sends';
import type { Db } from '../store/db';
import { openTestDb, TEST_ENGINES } from '../store/testing';
import {
  auditTrail,
  type ChannelsTestbed,
  channelsTestbed,
  type Person,
  seedPeople,
  smtpForm,
  user,
} from './testing';

async function refusal(call: Promise<unknown>) {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return { status: (error as ApiError).status, code: (error as ApiError).code };
}

describe.each(TEST_ENGINES)('choosing channels on %s', (engine) => {
  let db: Db;
  let bed: ChannelsTestbed;
  let personal: string;
  let team: string;
  beforeAll(async () => {
    db = await openTestDb(engine);
    bed = channelsTestbed(db);
    await seedPeople(db, bed.clock.now());
    personal = (await bed.service.createSmtp(user('eli'), smtpForm())).id;
    const teamForm = smtpForm({ scope: 'team', label: 'Contoso relay', limits: { perMinute: 5 } });
    team = (await bed.service.createSmtp(user('ava'), teamForm)).id;
  });
  afterAll(() => db.close());

  const webChannel = async (name: Person) => (await channelFor(db, user(name), 'web')).channel;

  it('sends from the web through the email connection until the rep or the team picks another', async () => {
    const answer = await bed.service.list(user('eli'));
    expect(answer.catalog.map((e) => [e.label, e.recommended, e.chosen, e.teamDefault])).toEqual([
      ['Exchange Online — your mailbox', true, false, false],
      ['My relay', false, false, false],
      ['Contoso relay', false, false, false],
    ]);
    expect(answer.webChannelId).toBe('mbx-eli');
    expect(await webChannel('eli')).toMatchObject({ id: 'mbx-eli', kind: 'exchange' });
  });

  it('uses the team default for reps who chose nothing, the choice for the one who did', async () => {
    await bed.service.setTeamDefault(user('ava'), team);
    await bed.service.choose(user('eli'), personal);
    expect(await webChannel('nia')).toMatchObject({
      id: team,
      kind: 'custom-smtp',
      address: 'nia@contoso.test',
    });
    expect(await webChannel('eli')).toMatchObject({ id: personal, label: 'My relay' });
    const trail = (await auditTrail(db, 'contoso')).slice(-2);
    expect(trail.map((e) => [e.action, e.actorId, e.before, e.after])).toEqual([
      [
        'channel.team-default.changed',
        'ava',
        { defaultChannelId: null, legacyVisible: true },
        { defaultChannelId: team, legacyVisible: true },
      ],
      ['channel.chosen', 'eli', { channelId: null }, { channelId: personal }],
    ]);
  });

  it('keeps Outlook sends on the mailbox, naming the channel they bypass', async () => {
    const decision = await channelFor(db, user('eli'), 'outlook');
    expect(decision).toMatchObject({
      forced: true,
      channel: { id: 'mbx-eli' },
      override: { defaultChannel: { kind: 'custom-smtp', label: 'My relay' } },
    });
  });

  it('queues a web send on the team lane, From the rep, under the lane’s own limits', async () => {
    const deps = { db, clock: bed.clock, hub: new FeedHub(), wake: () => {} };
    const body = { host: 'web' as const, to: ['pat@example.com'], subject: 'Hi', body: '<p>Hi</p>' };
    const { sends } = await createSend(deps, user('nia'), { ...body, idempotencyKey: 'nia-web-choice' });
    expect(sends[0]!.send).toMatchObject({ mailboxId: team, from: 'nia@contoso.test' });
    const quota = await quotaFor(db, bed.clock, user('nia'), 'web');
    expect(quota.windows.find((w) => w.id === 'messages-per-minute')).toMatchObject({ ceiling: 5 });
  });

  it.each<[string, Person, () => string | null, number, string]>([
    ["another rep's channel", 'nia', () => personal, 404, 'channel-not-found'],
    ['an unknown id', 'eli', () => 'smtp_nope', 404, 'channel-not-found'],
    [
      'the legacy server, for an account not flagged legacy',
      'eli',
      () => 'legacy-hosted',
      404,
      'channel-not-found',
    ],
  ])('refuses to choose %s', async (_, who, id, status, code) => {
    expect(await refusal(bed.service.choose(user(who), id()))).toEqual({ status, code });
  });

  it('lets only an admin of the team set the default, to the team channel only', async () => {
    const audited = (await auditTrail(db, 'contoso')).length;
    expect(await refusal(bed.service.setTeamDefault(user('eli'), team))).toEqual({
      status: 403,
      code: 'admin-only',
    });
    expect(await refusal(bed.service.setLegacyVisibility(user('eli'), false))).toEqual({
      status: 403,
      code: 'admin-only',
    });
    expect(await refusal(bed.service.setTeamDefault(user('ava'), personal))).toEqual({
      status: 404,
      code: 'channel-not-found',
    });
    expect(await refusal(bed.service.setTeamDefault(user('kim'), team))).toEqual({
      status: 404,
      code: 'channel-not-found',
    });
    expect((await auditTrail(db, 'contoso')).length).toBe(audited);
  });

  it('offers a legacy account the hosted server with its warning, and creates its lane once', async () => {
    const before = await bed.service.list(user('lou'));
    expect(before.catalog.find((e) => e.kind === 'legacy-hosted')).toMatchObject({
      id: null,
      label: LEGACY_LABEL,
      warning: LEGACY_WARNING,
      selectable: true,
    });
    const chosen = await bed.service.choose(user('lou'), 'legacy-hosted');
    const lane = chosen.catalog.find((e) => e.kind === 'legacy-hosted')!;
    expect(lane).toMatchObject({ chosen: true, warning: LEGACY_WARNING });
    expect(lane.id).toMatch(/^smtp_/);
    expect(chosen.webChannelId).toBe(lane.id);
    const again = await bed.service.choose(user('lou'), 'legacy-hosted');
    expect(again.catalog.filter((e) => e.kind === 'legacy-hosted').map((e) => e.id)).toEqual([lane.id]);
    expect(await refusal(bed.service.updateSmtp(user('lou'), lane.id!, { label: 'Mine' }))).toEqual({
      status: 409,
      code: 'legacy-channel-not-editable',
    });
  });

  it('hides the hosted server when the admin says so: legacy web sends go back to the mailbox', async () => {
    const answer = await bed.service.setLegacyVisibility(user('kim'), false);
    expect(answer.legacyVisible).toBe(false);
    const lou = await bed.service.list(user('lou'));
    expect(lou.catalog.map((e) => e.kind)).toEqual(['exchange']);
    expect(lou.smtpChannels.map((c) => c.kind)).toEqual([]);
    expect(await webChannel('lou')).toMatchObject({ id: 'mbx-lou' });
    expect((await auditTrail(db, 'fabrikam')).at(-1)).toMatchObject({
      action: 'channel.legacy-visibility.changed',
      actorId: 'kim',
      before: { legacyVisible: true },
      after: { legacyVisible: false },
    });
    // Contoso's setting is its own.
    expect((await bed.service.list(user('eli'))).legacyVisible).toBe(true);
  });

  it('says so when no legacy hosted server is configured', async () => {
    const unconfigured = channelsTestbed(db, { legacySmtp: null });
    await unconfigured.service.setLegacyVisibility(user('kim'), true);
    const lou = await unconfigured.service.list(user('lou'));
    expect(lou.legacyHostedConfigured).toBe(false);
    expect(lou.catalog.filter((e) => e.kind === 'legacy-hosted' && e.id === null)).toEqual([]);
  });
});
