import {
  type ChannelsAnswer,
  checkSmtpHost,
  createSmtpChannelSchema,
  type SmtpChannel,
  type SmtpCheckReportBody,
  smtpCheckRequestSchema,
} from '@sendwell/core';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { type Answer, renderAdmin } from '../testing';
import { ChannelsPage } from './ChannelsPage';

const NO_CHANNELS: ChannelsAnswer = {
  catalog: [],
  webChannelId: null,
  teamDefaultId: null,
  legacyVisible: true,
  legacyHostedConfigured: true,
  smtpChannels: [],
};

const TEAM: SmtpChannel = {
  id: 'lane-team',
  kind: 'custom-smtp',
  scope: 'team',
  label: 'Contoso relay',
  host: 'smtp.contoso.test',
  port: 587,
  security: 'starttls',
  username: 'relay',
  limits: null,
  allowSelfSigned: false,
  state: 'connected',
  problem: null,
  manageable: true,
};

const PASSED: SmtpCheckReportBody = {
  ok: true,
  steps: (['connect', 'ehlo', 'tls', 'auth'] as const).map((step) => ({
    step,
    ok: true,
    detail: `${step} fine`,
  })),
  extensions: ['STARTTLS', 'AUTH PLAIN', 'DSN'],
  dsn: true,
  size: 10_485_760,
};

/** The create route as the server words its host refusals: core's policy, answered 422. */
const createChannel: Answer = (body) => {
  const request = createSmtpChannelSchema.parse(body);
  const refusal = checkSmtpHost(request.host);
  if (refusal) return { status: 422, body: { error: { code: refusal.code, message: refusal.message } } };
  return { status: 201, body: { ...TEAM, host: request.host } };
};

afterEach(cleanup);

function fill(testId: string, value: string) {
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
}

async function fillForm(host: string) {
  await screen.findByTestId('web-admin-smtp-label'); // once the channels are loaded
  fill('web-admin-smtp-label', 'Contoso relay');
  fill('web-admin-smtp-host', host);
  fill('web-admin-smtp-port', '587');
  fill('web-admin-smtp-username', 'relay');
  fill('web-admin-smtp-password', 'secret');
}

describe('ChannelsPage, no team server yet', () => {
  it.each(['mx.mktomail.com', 'smtp.gmail.com', 'smtp.office365.com'])(
    'shows the API’s refusal of %s in core’s words',
    async (host) => {
      const { sent } = renderAdmin(<ChannelsPage />, {
        'GET /channels': { status: 200, body: NO_CHANNELS },
        'POST /channels/smtp': createChannel,
      });
      await fillForm(host);
      fireEvent.click(await screen.findByTestId('web-admin-smtp-save'));
      const error = await screen.findByTestId('web-admin-smtp-error');
      expect(error.textContent).toContain(checkSmtpHost(host)?.message);
      expect(sent.find((s) => s.method === 'POST')?.body).toMatchObject({ scope: 'team', host, port: 587 });
    },
  );

  it('checks unsaved settings with exactly what the check takes, and shows each step', async () => {
    const { sent } = renderAdmin(<ChannelsPage />, {
      'GET /channels': { status: 200, body: NO_CHANNELS },
      'POST /channels/smtp/check': (body) => {
        smtpCheckRequestSchema.parse(body); // strict: no label, scope or limits
        return { status: 200, body: PASSED };
      },
    });
    await fillForm('smtp.contoso.test');
    fireEvent.click(await screen.findByTestId('web-admin-smtp-check'));
    const report = await screen.findByTestId('web-admin-smtp-check-result');
    expect(report.getAttribute('data-ok')).toBe('true');
    expect(report.querySelectorAll('[data-ok="true"][data-step]')).toHaveLength(4);
    expect(sent.some((s) => s.method === 'POST' && s.path === '/channels/smtp')).toBe(false);
  });

  it('refuses an empty form in the page, with core’s words, and sends nothing', async () => {
    const { sent } = renderAdmin(<ChannelsPage />, { 'GET /channels': { status: 200, body: NO_CHANNELS } });
    fireEvent.click(await screen.findByTestId('web-admin-smtp-save'));
    const missing = createSmtpChannelSchema.safeParse({ ...TEAM, scope: 'team', host: '', password: 'x' });
    await screen.findByText(missing.error?.issues[0]?.message ?? 'never');
    expect(sent.filter((s) => s.method !== 'GET')).toEqual([]);
  });
});

describe('ChannelsPage, with the team server', () => {
  const withTeam: ChannelsAnswer = { ...NO_CHANNELS, smtpChannels: [TEAM] };

  it('sends a test email to the admin’s own address when none is typed, and says what the server answered', async () => {
    const { sent } = renderAdmin(<ChannelsPage />, {
      'GET /channels': { status: 200, body: withTeam },
      'POST /channels/lane-team/test-send': {
        status: 200,
        body: { outcome: 'submitted', to: 'ava@contoso.test', detail: '250 2.0.0 Ok: queued' },
      },
    });
    fireEvent.click(await screen.findByTestId('web-admin-smtp-test-send'));
    const result = await screen.findByTestId('web-admin-smtp-test-send-result');
    expect(result.getAttribute('data-outcome')).toBe('submitted');
    expect(result.textContent).toContain('250 2.0.0 Ok: queued');
    expect(sent.find((s) => s.path.endsWith('/test-send'))?.body).toEqual({});
  });

  it('makes the team server the team default', async () => {
    const { sent } = renderAdmin(<ChannelsPage />, {
      'GET /channels': { status: 200, body: withTeam },
      'PUT /channels/team-default': { status: 200, body: {} },
    });
    const select = await screen.findByTestId('web-admin-team-default');
    fireEvent.change(select, { target: { value: 'lane-team' } });
    await waitFor(() =>
      expect(sent.filter((s) => s.method === 'PUT').map((s) => s.body)).toEqual([{ channelId: 'lane-team' }]),
    );
  });
});
