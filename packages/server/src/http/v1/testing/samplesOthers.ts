import type { Sample } from './samples';

const fixed = (path: string, body?: unknown) => () => ({ path, body });

/** An hour from now, as reschedule wants it. */
const later = () => new Date(Date.now() + 3_600_000).toISOString();

/** Samples of H4's operations (sends, scan, members, audit). */
export const SENDS_SAMPLES: Record<string, Sample[]> = {
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
};

/** Samples of H5's operations (channels); they use the test's SMTP server on loopback. */
export const CHANNEL_SAMPLES: Record<string, Sample[]> = {
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
};
