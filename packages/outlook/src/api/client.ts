import { SignInError } from '../office/signInError';
import { type EventSourceLike, subscribeFeed } from './feed';
import {
  ApiError,
  type Campaign,
  type ChannelInfo,
  type ConnectionsAnswer,
  type ConnectStart,
  type EnrolAnswer,
  type Me,
  type PersonStatus,
  type QuotaInfo,
  type SendRequestBody,
  type SendsAnswer,
  type SendwellApi,
  type Template,
  type TemplateAnalytics,
} from './types';

/** Where the pane's API lives on the server (the OpenAPI document is at `${API_PREFIX}/openapi.json`). */
const API_PREFIX = '/api/v1';
/** Templates and campaigns come in pages; the pane reads them all (a team has dozens, not thousands). */
const TEMPLATE_PAGE = 100;

export interface HttpApiOptions {
  /** Origin (and path prefix) of the server; '' means the page's own origin, as when served at /outlook/. */
  baseUrl: string;
  getToken: () => Promise<string>;
  fetch?: typeof fetch;
  openEventSource?: (url: string) => EventSourceLike;
  /** Wait before reopening a feed the server closed. */
  reconnectDelayMs?: number;
}

async function errorFrom(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // not JSON: fall through to the generic message
  }
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    return new ApiError(error.code, error.message, response.status);
  }
  return new ApiError(
    `http-${response.status}`,
    `The server answered ${response.status} ${response.statusText}`.trim(),
    response.status,
  );
}

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function createHttpApi(options: HttpApiOptions): SendwellApi {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const url = (path: string) => `${options.baseUrl}${API_PREFIX}${path}`;

  async function token(): Promise<string> {
    try {
      return await options.getToken();
    } catch (cause) {
      // A sign-in failure keeps its reason (the pane words each one); anything else is generic.
      const code = cause instanceof SignInError ? `signin-${cause.reason}` : 'auth-unavailable';
      throw new ApiError(code, (cause as Error).message, 0);
    }
  }

  async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
    const bearer = await token();
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${bearer}`);
    headers.set('accept', 'application/json');
    if (init.body) headers.set('content-type', 'application/json');
    let response: Response;
    try {
      response = await doFetch(url(path), { ...init, headers });
    } catch (cause) {
      // The pane words `network` in the rep's language (ProblemBar); the message is the cause.
      throw new ApiError('network', (cause as Error).message, 0);
    }
    if (!response.ok) throw await errorFrom(response);
    return (await response.json()) as T;
  }

  /** Every page of a cursor-paged list; `filters` go first in the query, then limit and cursor. */
  async function allPages<T>(path: string, filters: Record<string, string> = {}): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | null = null;
    do {
      const query = new URLSearchParams({ ...filters, limit: String(TEMPLATE_PAGE) });
      if (cursor) query.set('cursor', cursor);
      const page: Page<T> = await request<Page<T>>(`${path}?${query}`);
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }
  const person = (email: string) => `/people/${encodeURIComponent(email)}`;
  const post = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body) });

  return {
    getMe: () => request<Me>('/me'),
    getChannel: () => request<ChannelInfo>('/channel?host=outlook'),
    getQuota: () => request<QuotaInfo>('/quota?host=outlook'),
    listTemplates: () => allPages<Template>('/templates'),
    searchTemplates: (q) => allPages<Template>('/templates', { q }),
    recentTemplates: async () => (await request<{ items: Template[] }>('/templates/recent')).items,
    getTemplateAnalytics: (id) =>
      request<TemplateAnalytics>(`/analytics/templates/${encodeURIComponent(id)}`),
    createSend: (body: SendRequestBody) =>
      request<SendsAnswer>('/sends', { method: 'POST', body: JSON.stringify(body) }),
    cancelSend: async (sendId) => {
      await request<unknown>(`/sends/${encodeURIComponent(sendId)}/cancel`, { method: 'POST' });
    },
    listCampaigns: () => allPages<Campaign>('/campaigns', { scope: 'mine' }),
    enrol: (campaignId, people) =>
      request<EnrolAnswer>(
        `/campaigns/${encodeURIComponent(campaignId)}/enrolments`,
        post({ people, source: 'outlook' }),
      ),
    getPerson: (email) => request<PersonStatus>(person(email)),
    removePerson: (email, campaignId) =>
      request<PersonStatus>(`${person(email)}/remove`, post({ campaignId })),
    getConnections: () => request<ConnectionsAnswer>('/connections'),
    startConnect: (provider) =>
      request<ConnectStart>(`/connections/${encodeURIComponent(provider)}/start`, { method: 'POST' }),
    subscribeFeed: (handlers) =>
      subscribeFeed(
        {
          getToken: options.getToken,
          urlFor: (token) => url(`/feed/stream?scope=team&access_token=${encodeURIComponent(token)}`),
          open: options.openEventSource ?? ((address) => new EventSource(address)),
          reconnectDelayMs: options.reconnectDelayMs ?? 5000,
        },
        handlers,
      ),
  };
}
