import type { Sample } from './samples';

const fixed = (path: string, body?: unknown) => () => ({ path, body });

/** Samples of the operations H3 ported and added: account, channel and quota, templates, analytics, feed. */
export const API_SAMPLES: Record<string, Sample[]> = {
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
    { user: 'eli', what: 'a search', status: 200, request: fixed('/templates?q=intro') },
  ],
  listRecentTemplates: [
    { user: 'eli', what: 'recently used', status: 200, request: fixed('/templates/recent') },
    { user: null, what: 'no token', status: 401, request: fixed('/templates/recent') },
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
};

/** Samples that change shared state run last: throttle settings, then connections (disable, disconnect). */
export const LAST_SAMPLES: Record<string, Sample[]> = {
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
