import {
  type CreateSmtpChannel,
  getProfile,
  MARKETO_REFUSAL,
  NATIVE_SMTP_REFUSAL,
  PLAINTEXT_SMTP_REFUSAL,
} from '@sendwell/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../services/errors';
import { FeedHub } from '../services/feedHub';
import { createSend } from '../services/sends';
import { findLane } from '../store/channels';
import { setConnectionState } from '../store/connections';
import { loadCredential } from '../store/credentials';
import type { Db } from '../store/db';
import { openTestDb, TEST_ENGINES } from '../store/testing';
import { findMailbox } from '../store/users';
import { profileForLane } from './profiles';
import { auditTrail, type ChannelsTestbed, channelsTestbed, seedPeople, smtpForm, user } from './testing';

/** The error a call fails with, as the API would answer it. */
async function refusal(call: Promise<unknown>) {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  const { status, code, message } = error as ApiError;
  return { status, code, message };
}

describe.each(TEST_ENGINES)('SMTP channels on %s', (engine) => {
  let db: Db;
  let bed: ChannelsTestbed;
  beforeAll(async () => {
    db = await openTestDb(engine);
    bed = channelsTestbed(db);
    await seedPeople(db, bed.clock.now());
  });
  afterAll(() => db.close());

  const laneCount = async () =>
    Number(
      (await db.query<{ n: number }>(`select count(*)::int as n from mailboxes where provider = 'smtp'`))[0]!
        .n,
    );

  it('keeps the password in the vault only, and audits the creation without it', async () => {
    const form = smtpForm({ limits: { perMinute: 10, perHour: 200 } });
    const channel = await bed.service.createSmtp(user('eli'), form);
    expect(channel).toMatchObject({
      kind: 'custom-smtp',
      scope: 'personal',
      host: 'smtp.example.net',
      state: 'connected',
      manageable: true,
    });
    const [row] = await db.query('select * from mailboxes where id = $1', [channel.id]);
    const [credential] = await db.query('select * from credentials where mailbox_id = $1', [channel.id]);
    expect(JSON.stringify([row, credential, channel])).not.toContain(form.password);
    expect((await loadCredential(db, bed.vault, channel.id))?.secret).toBe(form.password);
    const [entry] = (await auditTrail(db, 'contoso')).filter((e) => e.target === channel.id);
    expect(entry).toMatchObject({ action: 'channel.created', actorId: 'eli', before: null });
    expect(entry!.after).toMatchObject({ label: 'My relay', host: 'smtp.example.net', port: 587 });
    expect(JSON.stringify(entry)).not.toContain(form.password);
  });

  it('throttles a lane by its own limits, a native mailbox by its provider', async () => {
    const lane = (await bed.service.list(user('eli'))).smtpChannels.find((c) => c.label === 'My relay')!;
    const profile = profileForLane((await findMailbox(db, lane.id))!);
    expect(profile.windows.map((w) => [w.id, w.ceiling])).toEqual([
      ['messages-per-minute', 10],
      ['messages-per-hour', 200],
      ['messages-per-day', 2_000],
      ['recipients-per-day', 5_000],
    ]);
    expect(profileForLane((await findMailbox(db, 'mbx-eli'))!)).toBe(getProfile('exchange-online'));
  });

  it.each<[string, Partial<CreateSmtpChannel>, string, string]>([
    ["Marketo's marketing servers", { host: 'mx.mktomail.com' }, 'marketo-marketing-server', MARKETO_REFUSAL],
    ["Gmail's SMTP", { host: 'smtp.gmail.com' }, 'use-email-connection', NATIVE_SMTP_REFUSAL('Gmail')],
    [
      "Microsoft 365's SMTP",
      { host: 'SMTP.Office365.com' },
      'use-email-connection',
      NATIVE_SMTP_REFUSAL('Microsoft 365'),
    ],
    ['plain text off this machine', { security: 'none', port: 25 }, 'plaintext-smtp', PLAINTEXT_SMTP_REFUSAL],
  ])('refuses %s with core’s reason, storing nothing', async (_, over, code, message) => {
    const lanes = await laneCount();
    const audited = (await auditTrail(db, 'contoso')).length;
    expect(await refusal(bed.service.createSmtp(user('eli'), smtpForm(over)))).toEqual({
      status: 422,
      code,
      message,
    });
    expect(await laneCount()).toBe(lanes);
    expect((await auditTrail(db, 'contoso')).length).toBe(audited);
  });

  it('lets only an admin add the team channel, and only one per team', async () => {
    const form = smtpForm({ scope: 'team', label: 'Contoso relay' });
    expect(await refusal(bed.service.createSmtp(user('eli'), form))).toMatchObject({
      status: 403,
      code: 'admin-only',
    });
    const team = await bed.service.createSmtp(user('ava'), form);
    expect(team).toMatchObject({ scope: 'team', manageable: true });
    expect(await refusal(bed.service.createSmtp(user('ava'), form))).toMatchObject({
      status: 409,
      code: 'team-channel-exists',
    });
    // Another team has its own.
    const fabrikam = smtpForm({ scope: 'team', label: 'Fabrikam relay' });
    await expect(bed.service.createSmtp(user('kim'), fabrikam)).resolves.toMatchObject({ scope: 'team' });
  });

  it('shows each rep their own channels and their team’s, never another rep’s or team’s', async () => {
    const labels = async (name: 'eli' | 'nia' | 'lou') =>
      (await bed.service.list(user(name))).smtpChannels.map((c) => [c.label, c.manageable]);
    expect(await labels('eli')).toEqual([
      ['My relay', true],
      ['Contoso relay', false],
    ]);
    expect(await labels('nia')).toEqual([['Contoso relay', false]]);
    // Lou's team has its own channel, not Contoso's.
    expect(await labels('lou')).toEqual([['Fabrikam relay', false]]);
  });

  const elisLane = async () =>
    (await bed.service.list(user('eli'))).smtpChannels.find((c) => c.label === 'My relay')!;
  const teamLane = async () =>
    (await bed.service.list(user('ava'))).smtpChannels.find((c) => c.scope === 'team')!;

  it('takes a new password as the fix a rejected one waited for', async () => {
    const lane = await elisLane();
    await setConnectionState(db, lane.id, 'needs-reconnect', 'password-rejected', bed.clock.now());
    const wakes = bed.wakes.count;
    const changed = await bed.service.updateSmtp(user('eli'), lane.id, {
      password: 'new secret',
      port: 2587,
    });
    expect(changed).toMatchObject({
      state: 'connected',
      problem: null,
      port: 2587,
      host: 'smtp.example.net',
    });
    expect((await loadCredential(db, bed.vault, lane.id))?.secret).toBe('new secret');
    expect(bed.forgotten).toContain(lane.id);
    expect(bed.wakes.count).toBe(wakes + 1);
    const entry = (await auditTrail(db, 'contoso')).at(-1)!;
    expect(entry).toMatchObject({ action: 'channel.updated', target: lane.id, actorId: 'eli' });
    expect(entry.before).toMatchObject({ port: 587 });
    expect(entry.after).toMatchObject({ port: 2587, credentialReplaced: true });
    expect(JSON.stringify(entry)).not.toContain('new secret');
  });

  it('refuses a change to a server it would refuse to create, changing nothing', async () => {
    const lane = await elisLane();
    expect(
      await refusal(bed.service.updateSmtp(user('eli'), lane.id, { host: 'smtp.gmail.com' })),
    ).toMatchObject({
      status: 422,
      code: 'use-email-connection',
    });
    expect((await elisLane()).host).toBe('smtp.example.net');
  });

  it.each<[string, 'nia' | 'eli' | 'kim', () => Promise<{ id: string }>, number, string]>([
    ["another rep's channel is not found", 'nia', () => elisLane(), 404, 'channel-not-found'],
    ['a rep cannot change the team channel', 'eli', () => teamLane(), 403, 'admin-only'],
    ["another team's admin does not find it", 'kim', () => teamLane(), 404, 'channel-not-found'],
  ])('%s', async (_, who, lane, status, code) => {
    const { id } = await lane();
    expect(await refusal(bed.service.updateSmtp(user(who), id, { label: 'Mine now' }))).toMatchObject({
      status,
      code,
    });
    expect(await refusal(bed.service.deleteSmtp(user(who), id))).toMatchObject({ status, code });
  });

  it('deletes a lane only once no send waits on it, and forgets every reference to it', async () => {
    const team = await teamLane();
    await bed.service.setTeamDefault(user('ava'), team.id);
    await bed.service.choose(user('nia'), team.id);
    const sendDeps = { db, clock: bed.clock, hub: new FeedHub(), wake: () => {} };
    const body = { host: 'web' as const, to: ['pat@example.com'], subject: 'Hi', body: '<p>Hi</p>' };
    const { sends } = await createSend(sendDeps, user('nia'), { ...body, idempotencyKey: 'nia-web-1' });
    expect(sends[0]!.send.mailboxId).toBe(team.id);
    expect(await refusal(bed.service.deleteSmtp(user('ava'), team.id))).toMatchObject({
      status: 409,
      code: 'channel-has-queued-sends',
    });
    await db.query(`update sends set status = 'failed' where mailbox_id = $1`, [team.id]);
    await bed.service.deleteSmtp(user('ava'), team.id);
    const after = await bed.service.list(user('nia'));
    expect({ teamDefaultId: after.teamDefaultId, lanes: after.smtpChannels }).toEqual({
      teamDefaultId: null,
      lanes: [],
    });
    expect(after.webChannelId).toBeNull();
    expect(await findLane(db, 'contoso', team.id)).toBeNull();
    expect(await loadCredential(db, bed.vault, team.id)).toBeNull();
    expect((await auditTrail(db, 'contoso')).at(-1)).toMatchObject({
      action: 'channel.deleted',
      target: team.id,
      actorId: 'ava',
      after: null,
    });
  });
});
