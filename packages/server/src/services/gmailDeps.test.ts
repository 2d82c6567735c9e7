import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import { silentLogger } from '@sendwell/core';
import type { AddonResponse, Card } from '@sendwell/gmail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config';
import { createSendwell, type Sendwell } from '../sendwell';

/**
 * The Gmail send path end to end: a draft saved in the sandbox's Gmail (as the Gmail UI saves it),
 * the add-on called over HTTP with Google-style tokens, the server reading the draft with the rep's
 * grant, the outbox worker sending it, the sandbox's Sent folder holding exactly the draft's text.
 */
describe('Send with Sendwell from Gmail sends the saved draft, once', () => {
  let sendwell: Sendwell;
  let server: ServerType;
  const dataDir = mkdtempSync(join(tmpdir(), 'sendwell-gmail-'));

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

  /** The Gmail UI saving the compose window as a draft, through the sandbox Gmail API's REST route. */
  async function saveDraft(to: string, subject: string, html: string) {
    const url = `${sandbox().google.rootUrl}gmail/v1/users/me/drafts`;
    const headers = {
      'content-type': 'application/json',
      authorization: `Bearer ${sandbox().issueGoogleAccessToken('gus')}`,
    };
    const raw = Buffer.from(
      `To: ${to}\r\nSubject: ${subject}\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${html}\r\n`,
    );
    const created = await fetch(url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ message: { raw: raw.toString('base64url') } }),
    });
    expect(created.status).toBe(200);
    return async () =>
      ((await (await fetch(url, { headers })).json()) as { drafts?: unknown[] }).drafts ?? [];
  }

  async function addon(action: string, to: string[], parameters: Record<string, string> = {}) {
    const event = {
      commonEventObject: { hostApp: 'GMAIL', parameters, timeZone: { id: 'UTC', offset: 0 } },
      gmail: { toRecipients: to },
      authorizationEventObject: { userIdToken: await sandbox().issueGoogleIdToken('gus') },
    };
    const response = await fetch(`${addonUrl()}?t=action&a=${action}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await sandbox().issueGoogleSystemIdToken(addonUrl())}`,
      },
      body: JSON.stringify(event),
    });
    const json = (await response.json()) as AddonResponse;
    const nav = json.renderActions.action?.navigations?.[0];
    const card = nav && 'updateCard' in nav ? nav.updateCard : undefined;
    return { card: card as Card, notification: json.renderActions.action?.notification?.text ?? '' };
  }

  const sendButton = (card: Card) =>
    card.sections
      .flatMap((s) => s.widgets)
      .flatMap((w) => ('buttonList' in w ? w.buttonList.buttons : []))
      .find((b) => b.text === 'Send')!;

  it('reads the edited draft, sends exactly it, removes it, and a second click sends nothing', async () => {
    const to = ['Eli Ng <eli@contoso.test>'];
    const drafts = await saveDraft(to[0]!, 'Edited in Gmail', '<p>Hi Eli, these are my own words.</p>');
    const confirm = await addon('send-with-sendwell', to);
    expect(JSON.stringify(confirm.card)).toContain('Edited in Gmail');
    const { onClick } = sendButton(confirm.card);
    const parameters = Object.fromEntries(
      ('action' in onClick ? (onClick.action.parameters ?? []) : []).map((p) => [p.key, p.value]),
    );
    const sent = await addon('send-draft', to, parameters);
    expect(sent.notification).toContain('1 message · 1 recipient · "Edited in Gmail"');
    expect(await drafts()).toEqual([]);
    await sendwell.runWorkersOnce();
    const again = await addon('send-draft', to, parameters);
    expect(again.notification).toContain('Already sent with Sendwell');
    await sendwell.runWorkersOnce();
    const sentItems = sandbox()
      .messages('gus', 'sentitems')
      .filter((m) => m.subject === 'Edited in Gmail');
    expect(sentItems).toHaveLength(1);
    const body = sentItems[0]!.raw.split('\r\n\r\n').slice(1).join('').replace(/\s+/g, '');
    expect(Buffer.from(body, 'base64').toString('utf8').trim()).toBe(
      '<p>Hi Eli, these are my own words.</p>',
    );
  });

  it('sends nothing when Gmail has no saved draft for these recipients', async () => {
    const answer = await addon('send-with-sendwell', ['nobody-saved@example.com']);
    expect(answer.notification).toContain('no saved draft with these recipients');
  });
});
