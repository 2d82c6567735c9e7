import { SignInError } from '../office/signInError';
import { type EventSourceLike, subscribeFeed } from './feed';
import {
  type AcceptedSend,
  ApiError,
  type ChannelInfo,
  type ConnectionsAnswer,
  type ConnectStart,
  type Me,
  type QuotaInfo,
  type SendRequestBody,
  type SendsAnswer,
  type SendwellApi,
  type Template,
  type TemplateAnalytics,
} from './types';

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

/** Tolerates a server from before `sends`/`duplicate` (one send, never a duplicate). */
function readSendsAnswer(answer: Partial<SendsAnswer> & { send: AcceptedSend }): SendsAnswer {
  const sends = Array.isArray(answer.sends) && answer.sends.length ? answer.sends : [answer.send];
  return { send: answer.send, sends, duplicate: answer.duplicate === true };
}

export function createHttpApi(options: HttpApiOptions): SendwellApi {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const url = (path: string) => `${options.baseUrl}${path}`;

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

  return {
    getMe: () => request<Me>('/api/me'),
    getChannel: () => request<ChannelInfo>('/api/channel?host=outlook'),
    getQuota: () => request<QuotaInfo>('/api/quota?host=outlook'),
    listTemplates: () => request<{ templates: Template[] }>('/api/templates').then((r) => r.templates),
    getTemplateAnalytics: (id) =>
      request<TemplateAnalytics>(`/api/templates/${encodeURIComponent(id)}/analytics`),
    createSend: (body: SendRequestBody) =>
      request<Partial<SendsAnswer> & { send: AcceptedSend }>('/api/sends', {
        method: 'POST',
        body: JSON.stringify(body),
      }).then(readSendsAnswer),
    getConnections: () => request<ConnectionsAnswer>('/api/connections'),
    startConnect: (provider) =>
      request<ConnectStart>(`/api/connections/${encodeURIComponent(provider)}/start`, { method: 'POST' }),
    subscribeFeed: (handlers) =>
      subscribeFeed(
        {
          getToken: options.getToken,
          urlFor: (token) => url(`/api/feed?scope=team&access_token=${encodeURIComponent(token)}`),
          open: options.openEventSource ?? ((address) => new EventSource(address)),
          reconnectDelayMs: options.reconnectDelayMs ?? 5000,
        },
        handlers,
      ),
  };
}
