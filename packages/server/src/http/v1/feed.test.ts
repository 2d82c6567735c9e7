import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createVoice,
  type FeedEvent,
  foldFeed,
  getProfile,
  ManualClock,
  type QuotaInfo,
  resolveChannel,
  silentLogger,
  type TemplateAnalytics,
} from '@sendwell/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config';
import { createSendwell, type Sendwell } from '../../sendwell';
import { insertEvent } from '../../store/events';

// Issue 6, observations 10, 13 and 14 through HTTP: the feed's filters and tenant walls, the quota
// answer the voice needs, template analytics for team and mine. No worker runs; the provider's side
// (submitted, bounce notices) is recorded into the real store as the workers record it.
describe('feed, quota and analytics answers', () => {
  let sendwell: Sendwell;
  const dataDir = mkdtempSync(join(tmpdir(), 'sendwell-feed-'));
  const sends: Record<string, string> = {};
  let templateId: string | null = null;

  const api = (path: string, user: string, init: { method?: string; body?: unknown } = {}) =>
    sendwell.app.request(`/api/v1${path}`, {
      method: init.method ?? 'GET',
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${sendwell.apiTokenFor(user)}` },
    });
  const json = async <T>(path: string, user: string): Promise<T> =>
    (await api(path, user)).json() as Promise<T>;
  const record = (userId: string, sendId: string, type: string, recipient: string | null, detail = {}) =>
    insertEvent(sendwell.db, { userId, type, sendId, templateId, recipient, detail, at: new Date() });

  async function send(name: string, user: string, host: 'outlook' | 'gmail', to: string[]) {
    const body = {
      host,
      to,
      subject: name,
      body: `<p>${name}</p>`,
      templateId,
      idempotencyKey: `feed-${name}`,
    };
    const response = await api('/sends', user, { method: 'POST', body });
    expect({ status: response.status, body: response.status === 202 ? null : await response.text() }).toEqual(
      { status: 202, body: null },
    );
    sends[name] = (await response.json()).send.id;
    await record(user, sends[name]!, 'send.submitted', null, { to, subject: name });
  }

  beforeAll(async () => {
    sendwell = await createSendwell(loadConfig({ port: 0, dataDir }, {}), { logger: silentLogger });
    templateId = (await json<{ items: { id: string }[] }>('/templates', 'ava')).items[0]!.id;
    await send('ava-two', 'ava', 'outlook', ['ada@delay.test', 'bob@full.test']);
    await record('ava', sends['ava-two']!, 'bounce', 'ada@delay.test', {
      action: 'delayed',
      hard: null,
      reason: 'expired',
    });
    await record('ava', sends['ava-two']!, 'bounce', 'bob@full.test', {
      action: 'failed',
      hard: false,
      reason: 'mailboxfull',
    });
    await send('ava-ok', 'ava', 'outlook', ['pat@example.com']);
    await send('ava-delayed', 'ava', 'outlook', ['lee@delay.test']);
    await record('ava', sends['ava-delayed']!, 'bounce', 'lee@delay.test', { action: 'delayed', hard: null });
    await send('eli-bounced', 'eli', 'outlook', ['kim@bounce.test']);
    await record('eli', sends['eli-bounced']!, 'bounce', 'kim@bounce.test', { action: 'failed', hard: true });
    templateId = null;
    await send('gus-bounced', 'gus', 'gmail', ['zed@bounce.test']);
    await record('gus', sends['gus-bounced']!, 'bounce', 'zed@bounce.test', { action: 'failed', hard: true });
  });
  afterAll(async () => {
    await sendwell.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const recent = async (user: string, query: string) =>
    (await json<{ items: FeedEvent[] }>(`/feed${query}`, user)).items;
  const sendNames = (events: FeedEvent[]) =>
    foldFeed(events).map(
      (row) => Object.entries(sends).find(([, id]) => row.kind === 'send' && row.sendId === id)?.[0],
    );

  it.each([
    ['ava', '', ['ava-delayed', 'ava-ok', 'ava-two']],
    ['ava', '?scope=mine', ['ava-delayed', 'ava-ok', 'ava-two']],
    ['ava', '?scope=team', ['eli-bounced', 'ava-delayed', 'ava-ok', 'ava-two']],
    ['eli', '?scope=team', ['eli-bounced', 'ava-delayed', 'ava-ok', 'ava-two']],
    ['ava', '?scope=team&bouncesOnly=1', ['eli-bounced', 'ava-two']],
    ['ava', '?scope=mine&bouncesOnly=1', ['ava-two']],
    ['gus', '?scope=team', ['gus-bounced']],
    ['gus', '?scope=team&bouncesOnly=1', ['gus-bounced']],
  ])('%s GET /api/v1/feed%s folds into one row per send: %j', async (user, query, names) => {
    const events = await recent(user, query);
    expect(sendNames(events)).toEqual(names);
  });

  it('never lets another tenant’s events into the team scope', async () => {
    const contoso = await recent('ava', '?scope=team');
    expect(new Set(contoso.map((e) => e.userId))).toEqual(new Set(['ava', 'eli']));
    const acme = await recent('gus', '?scope=team');
    expect(acme.every((e) => e.userId === 'gus' || e.userId === 'ivy')).toBe(true);
  });

  it('keeps every event of a bounced send under bouncesOnly, so its row shows the whole life', async () => {
    const events = await recent('ava', '?scope=mine&bouncesOnly=1');
    expect(events.map((e) => e.type).sort()).toEqual(['bounce', 'bounce', 'send.queued', 'send.submitted']);
  });

  it('pages newest first with the cursor, each event once, up to the last page', async () => {
    const all = await recent('ava', '?scope=team&limit=100');
    const paged: FeedEvent[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: { items: FeedEvent[]; nextCursor: string | null } = await json(
        `/feed?scope=team&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        'ava',
      );
      expect(page.items.length).toBeLessThanOrEqual(3);
      paged.push(...page.items);
      cursor = page.nextCursor;
    }
    expect(paged.map((e) => e.id)).toEqual(all.map((e) => e.id));
    expect(all.map((e) => e.id)).toEqual([...all.map((e) => e.id)].sort((a, b) => b - a));
  });

  it('refuses a cursor it did not give out with a 400 that says so', async () => {
    const response = await api('/feed?cursor=not-ours', 'ava');
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('invalid-cursor');
  });

  it('refuses an unknown scope with a 400', async () => {
    expect((await api('/feed?scope=everyone', 'ava')).status).toBe(400);
  });

  it('streams the team scope over SSE too', async () => {
    const response = await api('/feed/stream?scope=team', 'eli');
    const reader = response.body!.getReader();
    let text = '';
    while (!text.includes(sends['ava-ok']!)) text += new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
    expect(text).not.toContain(sends['gus-bounced']!);
  });

  it('answers template analytics for the team and for me, messages and recipients apart', async () => {
    const id = (await json<{ items: { id: string }[] }>('/templates', 'ava')).items[0]!.id;
    const forEli = await json<TemplateAnalytics>(`/analytics/templates/${id}`, 'eli');
    expect(forEli.team).toMatchObject({
      messages: 4,
      recipients: 5,
      messagesBounced: 2,
      recipientsBounced: 2,
      recipientsHardBounced: 1,
      recipientsSoftBounced: 1,
      recipientsDelayed: 2,
      messagesReplied: 0,
    });
    expect(forEli.mine).toMatchObject({ messages: 1, recipients: 1, recipientsBounced: 1 });
    const forIvy = await json<TemplateAnalytics>(`/analytics/templates/${id}`, 'ivy');
    expect(forIvy).toEqual({ error: expect.objectContaining({ code: 'template-not-found' }) });
  });

  it('answers the quota with the provider, its ceilings and our margin, enough for the voice', async () => {
    const quota = await json<QuotaInfo>('/quota?host=outlook', 'ava');
    const profile = getProfile('exchange-online');
    expect(quota.providerName).toBe(profile.name);
    expect(quota.windows.map((w) => [w.id, w.ceiling, w.margin, w.target])).toEqual(
      profile.windows.map((w) => [w.id, w.ceiling, w.margin, w.target]),
    );
    const words = createVoice({ locale: 'en', timeZone: 'UTC', clock: new ManualClock() }).quota(quota);
    expect(words.lines).toContain('4 of 9,000 recipients in the last 24 hours');
    expect(words.ceiling).toMatch(/Exchange Online allows 10,000 recipients a day; Sendwell stops at 90%/);
  });

  it('answers the channel with the override as data, as core resolves it', async () => {
    const channel = await json<{ override: unknown }>('/channel?host=outlook', 'ava');
    const expected = resolveChannel('outlook', {
      defaultChannel: null,
      nativeMailboxes: {
        exchange: { id: 'x', kind: 'exchange', address: '', profileId: 'exchange-online', label: '' },
      },
    });
    expect(channel.override).toEqual(expected.outcome === 'resolved' ? expected.override : 'unreachable');
  });
});
