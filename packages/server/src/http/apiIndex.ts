/**
 * `GET /api`: what a person (or a script) finds at the root of the API — every route, what it is
 * for and whether it needs a token. The table in docs/contracts.md has the request and answer shapes.
 */
export const API_ROUTES = [
  { method: 'GET', path: '/api', auth: false, purpose: 'This index of the routes.' },
  {
    method: 'GET',
    path: '/api/auth-config',
    auth: false,
    purpose: "How the Outlook pane signs in: the app registration's client id and the API scope.",
  },
  { method: 'GET', path: '/api/me', auth: true, purpose: 'Who you are (role included) and your mailboxes.' },
  {
    method: 'GET',
    path: '/api/channel?host=outlook|gmail|web',
    auth: true,
    purpose: 'The mailbox a send from this host goes through, and why.',
  },
  {
    method: 'GET',
    path: '/api/quota?host=…',
    auth: true,
    purpose: "Today's sending budget of that mailbox.",
  },
  { method: 'GET', path: '/api/templates', auth: true, purpose: 'Team templates and your personal ones.' },
  {
    method: 'POST',
    path: '/api/templates',
    auth: true,
    purpose: 'Create a template (personal; team templates are for team admins).',
  },
  { method: 'GET', path: '/api/templates/:id', auth: true, purpose: 'One template.' },
  {
    method: 'PATCH',
    path: '/api/templates/:id',
    auth: true,
    purpose: 'Change a template (your personal ones; team ones if you are a team admin).',
  },
  {
    method: 'DELETE',
    path: '/api/templates/:id',
    auth: true,
    purpose: 'Delete a template (same rights as changing it).',
  },
  {
    method: 'GET',
    path: '/api/templates/:id/analytics',
    auth: true,
    purpose: 'How the messages sent with a template fared.',
  },
  {
    method: 'POST',
    path: '/api/sends',
    auth: true,
    purpose: 'Send a draft through your mailbox, throttled under its limits; once per draft.',
  },
  { method: 'GET', path: '/api/sends/:id', auth: true, purpose: 'One send: status, recipients, bounces.' },
  { method: 'GET', path: '/api/feed', auth: true, purpose: 'Live feed of your sends (server-sent events).' },
  { method: 'GET', path: '/api/feed/recent', auth: true, purpose: 'Recent feed events, newest first.' },
  {
    method: 'GET',
    path: '/api/settings/throttle',
    auth: true,
    purpose:
      "The team's batch setting (N emails every S seconds) and how each provider clamps it (team admins).",
  },
  {
    method: 'PUT',
    path: '/api/settings/throttle',
    auth: true,
    purpose:
      'Set the team batch setting {batch: {size, everySeconds}} or clear it {batch: null} (team admins).',
  },
  {
    method: 'GET',
    path: '/api/connections',
    auth: true,
    purpose: 'Your mailbox connections (state, sends held on each) and the providers you can connect.',
  },
  {
    method: 'POST',
    path: '/api/connections/:provider/start',
    auth: true,
    purpose: 'Start connecting your mailbox (microsoft or google): the consent page to open.',
  },
  {
    method: 'POST',
    path: '/api/connections/exchange-server',
    auth: true,
    purpose:
      'Connect an Exchange Server (on-premises) mailbox with its EWS URL, username and password; no bounce tracking.',
  },
  {
    method: 'POST',
    path: '/api/connections/:mailboxId/disconnect',
    auth: true,
    purpose: 'Disconnect your mailbox from Sendwell (its grant is revoked; new sends are refused).',
  },
  {
    method: 'POST',
    path: '/api/connections/:mailboxId/disable',
    auth: true,
    purpose: "Disable a teammate's mailbox in Sendwell: its sends wait (team admins).",
  },
  {
    method: 'POST',
    path: '/api/connections/:mailboxId/enable',
    auth: true,
    purpose: 'Enable a mailbox a team admin disabled (team admins).',
  },
] as const;

export function apiIndex() {
  return {
    name: 'Sendwell API',
    auth: 'Send Authorization: Bearer <token> (a Sendwell API token or a Microsoft access token for this Sendwell’s API, see /api/auth-config).',
    errors: 'Failures answer {"error": {"code", "message", "details"?}} with a 4xx or 5xx status.',
    // No public docs site yet: the contract table lives in the repository.
    docs: 'docs/contracts.md, section "Server HTTP API", in the Sendwell repository',
    routes: API_ROUTES,
  };
}
