import { createVoice, systemClock } from '@sendwell/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCampaign, addSend, openWorld, type World } from '../services/suppressionTesting';
import { unsubscribeToken } from '../services/unsubscribe';
import { findLiveSuppressions } from '../store/suppressions';
import { TEST_ENGINES } from '../store/testing';
import { unsubscribeRoutes } from './unsubscribe';

const SECRET = Buffer.from('c'.repeat(64), 'hex');
const en = createVoice({ locale: 'en', timeZone: 'UTC', clock: systemClock });
const zh = createVoice({ locale: 'zh-Hans', timeZone: 'UTC', clock: systemClock });
const asHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

describe.each(TEST_ENGINES)('/u one-click unsubscribe on %s', (engine) => {
  let w: World;
  let app: ReturnType<typeof unsubscribeRoutes>;
  beforeAll(async () => {
    w = await openWorld(engine);
    app = unsubscribeRoutes({ ...w.deps, secret: SECRET });
  });
  afterAll(() => w.db.close());

  const live = (email: string) => findLiveSuppressions(w.db, 'contoso', [email], w.clock.now());
  const unsubscribeEvents = (sendId: string) =>
    w.db.query("select recipient, detail from events where type = 'unsubscribe' and send_id = $1", [sendId]);
  const oneClick = (token: string) =>
    app.request(`/${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });

  it('a GET only asks (link scanners fetch every link): a form, nothing suppressed', async () => {
    const sendId = await addSend(w, { userId: 'eli', to: ['Reader@x.test'] });
    const response = await app.request(`/${unsubscribeToken(SECRET, sendId)}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<form method="post">');
    expect(html).toContain(asHtml(en.t('unsubscribe.ask', { email: 'reader@x.test', sender: 'ELI' })));
    expect(await live('reader@x.test')).toEqual([]);
    expect(await unsubscribeEvents(sendId)).toEqual([]);
  });

  it('the page speaks the reader’s language (Accept-Language)', async () => {
    const sendId = await addSend(w, { userId: 'eli', to: ['du@x.test'] });
    const response = await app.request(`/${unsubscribeToken(SECRET, sendId)}`, {
      headers: { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.5' },
    });
    const text = await response.text();
    expect(text).toContain('<html lang="zh-Hans">');
    expect(text).toContain(asHtml(zh.t('unsubscribe.ask', { email: 'du@x.test', sender: 'ELI' })));
  });

  it('an RFC 8058 POST suppresses the person for the team and leaves their campaigns; recorded once', async () => {
    const { campaignId, enrolments } = await addCampaign(w, 'eli', ['pat@x.test']);
    const other = await addCampaign(w, 'ava', ['pat@x.test']);
    const sendId = await addSend(w, {
      userId: 'eli',
      to: ['pat@x.test'],
      campaignId,
      enrolmentId: enrolments['pat@x.test'],
    });
    const token = unsubscribeToken(SECRET, sendId);
    const first = await oneClick(token);
    expect(first.status).toBe(200);
    expect(await first.text()).toContain(en.t('unsubscribe.doneTitle'));
    expect((await oneClick(token)).status).toBe(200);
    expect(await live('pat@x.test')).toEqual([
      expect.objectContaining({ reason: 'unsubscribe', detail: expect.objectContaining({ sendId }) }),
    ]);
    expect(await unsubscribeEvents(sendId)).toEqual([
      { recipient: 'pat@x.test', detail: { via: 'one-click' } },
    ]);
    const statuses = await w.db.query(
      'select campaign_id, status, left_reason from enrolments where email = $1 order by campaign_id',
      ['pat@x.test'],
    );
    expect(statuses).toEqual(
      [campaignId, other.campaignId]
        .sort()
        .map((id) => ({ campaign_id: id, status: 'left', left_reason: 'unsubscribed' })),
    );
  });

  it('the page button posts too', async () => {
    const sendId = await addSend(w, { userId: 'eli', to: ['button@x.test'] });
    const response = await app.request(`/${unsubscribeToken(SECRET, sendId)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'via=page',
    });
    expect(response.status).toBe(200);
    expect(await unsubscribeEvents(sendId)).toEqual([
      { recipient: 'button@x.test', detail: { via: 'page' } },
    ]);
    const again = await app.request(`/${unsubscribeToken(SECRET, sendId)}`);
    expect(await again.text()).toContain(en.t('unsubscribe.alreadyTitle'));
  });

  it.each([
    [
      'a token we did not sign',
      () => unsubscribeToken(Buffer.from('d'.repeat(64), 'hex'), 'send-1'),
      400,
      asHtml(en.t('unsubscribe.bad')),
    ],
    [
      'a send that is gone',
      () => unsubscribeToken(SECRET, 'send-never'),
      404,
      asHtml(en.t('unsubscribe.unknown')),
    ],
  ])('%s: an error page, nothing suppressed', async (_what, token, status, words) => {
    for (const method of ['GET', 'POST']) {
      const response = await app.request(`/${token()}`, { method });
      expect(response.status).toBe(status);
      expect(await response.text()).toContain(words);
    }
  });

  it('an email to several people (no campaign person) cannot tell who clicked: nobody is suppressed', async () => {
    const sendId = await addSend(w, { userId: 'eli', to: ['a@x.test', 'b@x.test'] });
    const response = await oneClick(unsubscribeToken(SECRET, sendId));
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(asHtml(en.t('unsubscribe.noPerson')));
    expect(await findLiveSuppressions(w.db, 'contoso', ['a@x.test', 'b@x.test'], w.clock.now())).toEqual([]);
  });
});
