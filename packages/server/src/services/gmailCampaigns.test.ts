import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import { createVoice, silentLogger, systemClock } from '@sendwell/core';
import type { AddonResponse, Card } from '@sendwell/gmail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config';
import { createSendwell, type Sendwell } from '../sendwell';

/**
 * The Gmail add-on's campaign extras over the real server: Add to campaign from the compose card,
 * the sandbox bounce found by the scanner, the person reading "left: bounced" on the compose card,
 * and the contextual card for the notice in the rep's sandbox inbox (read with the rep's grant).
 */
const voice = createVoice({ locale: 'en', timeZone: 'UTC', clock: systemClock });
/** Core's words for a person a hard bounce took out ("left: bounced"). */
const LEFT_BOUNCED = voice.enrolmentStatus({
  status: 'left',
  leftReason: 'bounced',
  nextStep: null,
  nextAt: null,
});
type Widget = Card['sections'][number]['widgets'][number];

describe('Gmail add-on: campaigns and the bounce-notice card, end to end', () => {
  let sendwell: Sendwell;
  let server: ServerType;
  const dataDir = mkdtempSync(join(tmpdir(), 'sendwell-gmail-campaigns-'));

  beforeAll(async () => {
    server = serve({ fetch: (req) => sendwell.app.fetch(req), port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    sendwell = await createSendwell(loadConfig({ port, dataDir }, {}), {
      logger: silentLogger,
      sandboxNoticeDelayMs: 0,
    });
  });
  afterAll(async () => {
    server.close();
    await sendwell.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const sandbox = () => sendwell.sandbox!;
  const addonUrl = () => `${sendwell.config.baseUrl}/gmail/addon`;

  async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await sendwell.app.request(`/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${sendwell.apiTokenFor('gus')}` },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    expect(res.status, await res.clone().text()).toBeLessThan(300);
    return (await res.json()) as T;
  }

  async function addon(
    query: string,
    gmail: Record<string, unknown>,
    options: { parameters?: Record<string, string>; forms?: Record<string, string> } = {},
  ) {
    const formInputs = Object.fromEntries(
      Object.entries(options.forms ?? {}).map(([k, v]) => [k, { stringInputs: { value: [v] } }]),
    );
    const event = {
      commonEventObject: {
        hostApp: 'GMAIL',
        parameters: options.parameters ?? {},
        formInputs,
        timeZone: { id: 'UTC', offset: 0 },
      },
      gmail,
      authorizationEventObject: { userIdToken: await sandbox().issueGoogleIdToken('gus') },
    };
    const response = await fetch(`${addonUrl()}?${query}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await sandbox().issueGoogleSystemIdToken(addonUrl())}`,
      },
      body: JSON.stringify(event),
    });
    const json = (await response.json()) as AddonResponse;
    const nav = json.renderActions.action?.navigations?.[0];
    const card = (nav && ('updateCard' in nav ? nav.updateCard : nav.pushCard)) as Card;
    return { card, notification: json.renderActions.action?.notification?.text ?? '' };
  }

  const widgets = (card: Card): Widget[] => card.sections.flatMap((s) => s.widgets);
  const labelled = (card: Card, label: string) =>
    widgets(card).flatMap((w) =>
      'decoratedText' in w && w.decoratedText.topLabel === label ? [w.decoratedText] : [],
    );

  it('enrols from the compose card; after the sandbox bounce the card and the notice read left: bounced', async () => {
    const template = await api<{ id: string }>('POST', '/templates', {
      name: 'Gmail intro',
      subject: 'Hello from the card',
      body: '<p>Hi there</p>',
      scope: 'personal',
    });
    const campaign = await api<{ id: string; name: string }>('POST', '/campaigns', {
      name: 'Card campaign',
      timeZone: 'UTC',
      steps: [
        { templateId: template.id, delay: { amount: 0, unit: 'hours' } },
        { templateId: template.id, delay: { amount: 2, unit: 'days' } },
      ],
    });
    const to = { toRecipients: ['Ada Byron <ada@bounce.test>'] };
    const compose = await addon('t=compose', to);
    const picker = widgets(compose.card).find(
      (w) => 'selectionInput' in w && w.selectionInput.name === 'campaign-picker',
    );
    expect(picker && 'selectionInput' in picker && picker.selectionInput.items.map((i) => i.value)).toContain(
      campaign.id,
    );
    const added = await addon('t=action&a=campaign-add', to, { forms: { 'campaign-picker': campaign.id } });
    expect(added.notification).toBe(voice.count('campaign.enrolledIn', 1, { campaign: 'Card campaign' }));

    for (let round = 0; round < 4; round++) await sendwell.runWorkersOnce();
    const person = await api<{ enrolments: { status: string; leftReason: string | null }[] }>(
      'GET',
      '/people/ada%40bounce.test',
    );
    expect(person.enrolments).toMatchObject([{ status: 'left', leftReason: 'bounced' }]);

    const after = await addon('t=action&a=compose-refresh', to, { parameters: { session: 's' } });
    expect(labelled(after.card, 'ada@bounce.test')[0]?.text).toContain(LEFT_BOUNCED);

    const notice = sandbox()
      .messages('gus', 'inbox')
      .find((m) => m.raw.includes('ada@bounce.test'));
    expect(notice).toBeDefined();
    const opened = await addon('t=open', { messageId: notice!.id, threadId: notice!.threadId });
    expect(opened.card.name).toBe('notice');
    expect(labelled(opened.card, 'ada@bounce.test')[0]?.text).toContain(LEFT_BOUNCED);
    const yourEmail = widgets(opened.card).find(
      (w) => 'decoratedText' in w && w.decoratedText.text === 'Hello from the card',
    );
    expect(yourEmail).toBeDefined();
    expect(JSON.stringify(opened.card)).toContain(voice.bounceReason('userunknown'));
  });

  it('a message that is not a notice (the rep’s own sent email) keeps the home card', async () => {
    const sent = sandbox().messages('gus', 'sentitems')[0];
    expect(sent).toBeDefined();
    const opened = await addon('t=open', { messageId: sent!.id, threadId: sent!.threadId });
    expect(opened.card.name).toBe('home');
  });
});
