import type { V1Testbed } from './server';

/**
 * One request per documented `/api/v1` operation (and a refusal where the route has one worth
 * checking), keyed by operationId. The contract test calls each against a sandbox-mode Sendwell and
 * checks the status is documented and the body matches the documented schema; an operation in the
 * document without a row here fails it. Rows run in table order: the ones that change shared state
 * (disable, disconnect) come last.
 */
export interface SampleRequest {
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Sample {
  /** Sandbox user whose API token is sent; null sends none. */
  user: string | null;
  /** What this sample shows (for the test's name). */
  what: string;
  status: number;
  request(ctx: SampleContext): SampleRequest | Promise<SampleRequest>;
}

/** Things samples need that another request creates first (each made on demand, fresh or shared). */
export interface SampleContext {
  bed: V1Testbed;
  /** A personal template of `user`, made for this sample. */
  template(user: string): Promise<string>;
  /** A fresh scheduled send of `user` (from Outlook). */
  send(user: string): Promise<string>;
  /** eli's personal SMTP channel, pointing at the test's SMTP server (made once). */
  smtpChannel(): Promise<string>;
  /** Settings for the test's SMTP server, as the channel routes take them. */
  smtpSettings(): Record<string, unknown>;
}

/** An hour from now, as reschedule wants it. */
const later = () => new Date(Date.now() + 3_600_000).toISOString();

const fixed = (path: string, body?: unknown) => () => ({ path, body });

/** Every `/api/v1` operation of Sendwell (issue 8), owner by owner. */
export const SAMPLES: Record<string, Sample[]> = {
  // account, sign-in
  getMe: [
    { user: 'eli', what: 'who the token is', status: 200, request: fixed('/me') },
    { user: null, what: 'no token', status: 401, request: fixed('/me') },
  ],
  getAuthConfig: [
    { user: null, what: 'public sign-in settings', status: 200, request: fixed('/auth-config') },
  ],

  // channel and quota
  getChannel: [
    { user: 'eli', what: 'the Outlook channel', status: 200, request: fixed('/channel?host=outlook') },
    { user: 'eli', what: 'an unknown host', status: 400, request: fixed('/channel?host=fax') },
    { user: 'nia', what: 'no mailbox connected', status: 409, request: fixed('/channel?host=outlook') },
  ],
  getQuota: [
    { user: 'eli', what: "the Outlook mailbox's budget", status: 200, request: fixed('/quota?host=outlook') },
  ],

  // templates
  listTemplates: [
    { user: 'eli', what: 'a page', status: 200, request: fixed('/templates?limit=2') },
    { user: 'eli', what: 'a cursor not ours', status: 400, request: fixed('/templates?cursor=nope') },
  ],
  createTemplate: [
    {
      user: 'eli',
      what: 'a personal template',
      status: 201,
      request: fixed('/templates', {
        name: 'Contract',
        subject: 'Hi {{recipient.firstName|there}}',
        body: '<p>x</p>',
      }),
    },
    { user: 'eli', what: 'no fields', status: 400, request: fixed('/templates', {}) },
    {
      user: 'eli',
      what: 'a team template by a rep',
      status: 403,
      request: fixed('/templates', { name: 'T', subject: 's', body: 'b', scope: 'team' }),
    },
    {
      user: 'eli',
      what: 'a field Sendwell cannot fill',
      status: 422,
      request: fixed('/templates', { name: 'T', subject: '{{recipient.company}}', body: 'b' }),
    },
  ],
  getTemplate: [
    {
      user: 'eli',
      what: 'one template',
      status: 200,
      request: async (c) => ({ path: `/templates/${await c.template('eli')}` }),
    },
    {
      user: 'ava',
      what: "a teammate's personal one",
      status: 403,
      request: async (c) => ({ path: `/templates/${await c.template('eli')}` }),
    },
    { user: 'eli', what: 'no such template', status: 404, request: fixed('/templates/nope') },
  ],
  updateTemplate: [
    {
      user: 'eli',
      what: 'a new subject',
      status: 200,
      request: async (c) => ({ path: `/templates/${await c.template('eli')}`, body: { subject: 'Changed' } }),
    },
    {
      user: 'eli',
      what: 'a name too long',
      status: 400,
      request: async (c) => ({
        path: `/templates/${await c.template('eli')}`,
        body: { name: 'x'.repeat(201) },
      }),
    },
  ],
  deleteTemplate: [
    {
      user: 'eli',
      what: 'a personal template',
      status: 204,
      request: async (c) => ({ path: `/templates/${await c.template('eli')}` }),
    },
  ],
  previewTemplate: [
    {
      user: 'eli',
      what: 'merged for a sample person',
      status: 200,
      request: async (c) => ({
        path: `/templates/${await c.template('eli')}/preview?email=kim%40example.com&name=Kim%20Lee`,
      }),
    },
  ],
  listMergeFields: [
    { user: 'eli', what: 'the supported fields', status: 200, request: fixed('/merge-fields') },
  ],

  // analytics
  listTemplateAnalytics: [
    {
      user: 'eli',
      what: "the team's counts",
      status: 200,
      request: fixed('/analytics/templates?scope=team'),
    },
  ],
  getTemplateAnalytics: [
    {
      user: 'eli',
      what: "one template's counts",
      status: 200,
      request: async (c) => ({ path: `/analytics/templates/${await c.template('eli')}` }),
    },
    { user: 'eli', what: 'no such template', status: 404, request: fixed('/analytics/templates/nope') },
  ],
  getMyNumbers: [
    { user: 'eli', what: 'a week', status: 200, request: fixed('/analytics/me?days=7') },
    { user: 'eli', what: 'no days', status: 400, request: fixed('/analytics/me?days=0') },
  ],
  getTeamNumbers: [
    { user: 'ava', what: "the team's week", status: 200, request: fixed('/analytics/team?days=7') },
    { user: 'eli', what: 'a rep', status: 403, request: fixed('/analytics/team') },
  ],

  // feed
  listFeed: [
    {
      user: 'eli',
      what: 'the team scope',
      status: 200,
      request: async (c) => {
        await c.send('eli');
        return { path: '/feed?scope=team&limit=5' };
      },
    },
    { user: 'eli', what: 'an unknown scope', status: 400, request: fixed('/feed?scope=everyone') },
  ],
  streamFeed: [
    {
      user: 'eli',
      what: 'events as server-sent events',
      status: 200,
      request: async (c) => {
        await c.send('eli');
        return { path: '/feed/stream?scope=mine' };
      },
    },
  ],

  // sends (H4)
  createSend: [
    {
      user: 'eli',
      what: 'a draft from Outlook',
      status: 202,
      request: () => ({
        path: '/sends',
        body: {
          host: 'outlook',
          to: ['pat@example.com'],
          subject: 'Hi',
          body: '<p>Hi</p>',
          idempotencyKey: `contract-${crypto.randomUUID()}`,
        },
      }),
    },
    {
      user: 'eli',
      what: 'no recipients',
      status: 400,
      request: fixed('/sends', { host: 'outlook', to: [] }),
    },
  ],
  listSends: [
    { user: 'eli', what: 'my sends', status: 200, request: fixed('/sends?limit=5') },
    { user: 'eli', what: "the team's, as a rep", status: 403, request: fixed('/sends?scope=team') },
  ],
  getSend: [
    {
      user: 'eli',
      what: 'one send',
      status: 200,
      request: async (c) => ({ path: `/sends/${await c.send('eli')}` }),
    },
    {
      user: 'gus',
      what: "another team's send",
      status: 404,
      request: async (c) => ({ path: `/sends/${await c.send('eli')}` }),
    },
  ],
  cancelSend: [
    {
      user: 'eli',
      what: 'a queued send',
      status: 200,
      request: async (c) => ({ path: `/sends/${await c.send('eli')}/cancel` }),
    },
  ],
  rescheduleSend: [
    {
      user: 'eli',
      what: 'an hour later',
      status: 200,
      request: async (c) => ({ path: `/sends/${await c.send('eli')}/reschedule`, body: { sendAt: later() } }),
    },
    {
      user: 'eli',
      what: 'not a time',
      status: 400,
      request: async (c) => ({ path: `/sends/${await c.send('eli')}/reschedule`, body: { sendAt: 'soon' } }),
    },
  ],
  scanMailbox: [
    { user: 'eli', what: "the rep's own mailbox", status: 202, request: fixed('/mailboxes/mbx-eli/scan') },
    { user: 'eli', what: "a teammate's mailbox", status: 404, request: fixed('/mailboxes/mbx-ava/scan') },
  ],

  // members and audit (H4)
  listMembers: [
    { user: 'ava', what: 'the team', status: 200, request: fixed('/members') },
    { user: 'eli', what: 'a rep', status: 403, request: fixed('/members') },
  ],
  updateMember: [
    { user: 'ava', what: 'a legacy flag', status: 200, request: fixed('/members/eli', { legacy: false }) },
    { user: 'ava', what: 'nothing to change', status: 400, request: fixed('/members/eli', {}) },
  ],
  listAudit: [{ user: 'ava', what: 'the log', status: 200, request: fixed('/audit?limit=5') }],

  // channels (H5)
  listChannels: [{ user: 'eli', what: 'the catalog', status: 200, request: fixed('/channels') }],
  checkSmtpSettings: [
    {
      user: 'eli',
      what: 'unsaved settings',
      status: 200,
      request: (c) => ({ path: '/channels/smtp/check', body: c.smtpSettings() }),
    },
    {
      user: 'eli',
      what: "Gmail's SMTP host",
      status: 422,
      request: (c) => ({
        path: '/channels/smtp/check',
        body: { ...c.smtpSettings(), host: 'smtp.gmail.com' },
      }),
    },
  ],
  createSmtpChannel: [
    {
      user: 'eli',
      what: 'a personal channel',
      status: 201,
      request: (c) => ({
        path: '/channels/smtp',
        body: { ...c.smtpSettings(), scope: 'personal', label: 'Contract relay' },
      }),
    },
    {
      user: 'eli',
      what: 'a team channel by a rep',
      status: 403,
      request: (c) => ({
        path: '/channels/smtp',
        body: { ...c.smtpSettings(), scope: 'team', label: 'Team' },
      }),
    },
  ],
  updateSmtpChannel: [
    {
      user: 'eli',
      what: 'a new label',
      status: 200,
      request: async (c) => ({ path: `/channels/${await c.smtpChannel()}`, body: { label: 'Renamed' } }),
    },
    { user: 'eli', what: 'no such channel', status: 404, request: fixed('/channels/nope', { label: 'x' }) },
  ],
  checkSmtpChannel: [
    {
      user: 'eli',
      what: 'a saved channel',
      status: 200,
      request: async (c) => ({ path: `/channels/${await c.smtpChannel()}/check` }),
    },
  ],
  testSendSmtpChannel: [
    {
      user: 'eli',
      what: 'a test email to the rep',
      status: 200,
      request: async (c) => ({ path: `/channels/${await c.smtpChannel()}/test-send`, body: {} }),
    },
  ],
  chooseChannel: [
    {
      user: 'eli',
      what: 'the SMTP channel',
      status: 200,
      request: async (c) => ({ path: '/channels/choice', body: { channelId: await c.smtpChannel() } }),
    },
  ],
  setTeamDefaultChannel: [
    {
      user: 'ava',
      what: 'no default',
      status: 200,
      request: fixed('/channels/team-default', { channelId: null }),
    },
    {
      user: 'eli',
      what: 'a rep',
      status: 403,
      request: fixed('/channels/team-default', { channelId: null }),
    },
  ],
  setLegacyVisibility: [
    {
      user: 'ava',
      what: 'visible',
      status: 200,
      request: fixed('/channels/legacy-visibility', { visible: true }),
    },
  ],
  deleteSmtpChannel: [
    {
      user: 'eli',
      what: 'a channel with nothing waiting',
      status: 204,
      request: async (c) => {
        const created = await c.bed.call('eli', 'POST', '/channels/smtp', {
          ...c.smtpSettings(),
          scope: 'personal',
          label: 'Doomed',
        });
        return { path: `/channels/${(await created.json()).id}` };
      },
    },
  ],

  // throttle settings
  getThrottleSettings: [
    { user: 'ava', what: 'per profile', status: 200, request: fixed('/settings/throttle') },
    { user: 'eli', what: 'a rep', status: 403, request: fixed('/settings/throttle') },
  ],
  updateThrottleSettings: [
    {
      user: 'ava',
      what: '25 every 45 s on Exchange Online',
      status: 200,
      request: fixed('/settings/throttle', {
        profileId: 'exchange-online',
        batch: { size: 25, everySeconds: 45 },
      }),
    },
    {
      user: 'ava',
      what: 'a zero batch',
      status: 400,
      request: fixed('/settings/throttle', {
        profileId: 'exchange-online',
        batch: { size: 0, everySeconds: 45 },
      }),
    },
  ],

  // connections (state-changing ones last)
  listConnections: [
    { user: 'eli', what: "the rep's mailboxes", status: 200, request: fixed('/connections') },
  ],
  startConnection: [
    { user: 'eli', what: 'Microsoft consent', status: 200, request: fixed('/connections/microsoft/start') },
    { user: 'eli', what: 'an unknown provider', status: 400, request: fixed('/connections/yahoo/start') },
  ],
  connectExchangeServer: [
    {
      user: 'nia',
      what: 'an EWS address that is not https',
      status: 400,
      request: fixed('/connections/exchange-server', {
        ewsUrl: 'http://mail.example.com/EWS/Exchange.asmx',
        username: 'nia',
        password: 'secret',
        address: 'nia@example.com',
      }),
    },
  ],
  disableMailbox: [
    {
      user: 'ava',
      what: "a teammate's mailbox",
      status: 200,
      request: fixed('/connections/mbx-eli/disable'),
    },
    { user: 'eli', what: 'a rep', status: 403, request: fixed('/connections/mbx-ava/disable') },
  ],
  enableMailbox: [
    { user: 'ava', what: 'it again', status: 200, request: fixed('/connections/mbx-eli/enable') },
  ],
  disconnectMailbox: [
    { user: 'ivy', what: "the rep's own mailbox", status: 200, request: fixed('/connections/mbx-ivy') },
    { user: 'ivy', what: "someone else's", status: 404, request: fixed('/connections/mbx-ava') },
  ],
};
