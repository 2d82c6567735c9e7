import {
  ApiError,
  type ChannelInfo,
  type FeedEvent,
  type FeedHandlers,
  type QuotaInfo,
  type SendAccepted,
  type SendRequest,
  type SendwellApi,
  type Template,
  type TemplateAnalytics,
  type Unsubscribe,
} from './types';

export interface EventSourceLike {
  onopen: ((this: EventSourceLike, ev: Event) => unknown) | null;
  onerror: ((this: EventSourceLike, ev: Event) => unknown) | null;
  onmessage: ((this: EventSourceLike, ev: MessageEvent) => unknown) | null;
  addEventListener(type: string, listener: (ev: MessageEvent) => void): void;
  close(): void;
}

export interface HttpApiOptions {
  /** Origin (and path prefix) of the server; '' means the page's own origin, as when served at /outlook/. */
  baseUrl: string;
  getToken: () => Promise<string>;
  fetch?: typeof fetch;
  openEventSource?: (url: string) => EventSourceLike;
}

/** Named SSE events, in case the server tags them; untagged ones arrive through `onmessage`. */
const FEED_TYPES = [
  'send.queued',
  'send.submitted',
  'send.failed',
  'bounce',
  'throttle.paused',
  'throttle.resumed',
];

export async function errorFrom(response: Response): Promise<ApiError> {
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

export function parseFeedEvent(data: string): FeedEvent | null {
  try {
    const event = JSON.parse(data) as Partial<FeedEvent>;
    return typeof event.type === 'string' && typeof event.at === 'string' ? (event as FeedEvent) : null;
  } catch {
    return null;
  }
}

export function createHttpApi(options: HttpApiOptions): SendwellApi {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const url = (path: string) => `${options.baseUrl}${path}`;

  async function token(): Promise<string> {
    try {
      return await options.getToken();
    } catch (cause) {
      throw new ApiError('auth-unavailable', (cause as Error).message, 0);
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
      throw new ApiError('network', `Sendwell could not be reached (${(cause as Error).message})`, 0);
    }
    if (!response.ok) throw await errorFrom(response);
    return (await response.json()) as T;
  }

  function subscribeFeed(handlers: FeedHandlers): Unsubscribe {
    let source: EventSourceLike | null = null;
    let closed = false;
    const open =
      options.openEventSource ?? ((address: string) => new EventSource(address) as EventSourceLike);
    const deliver = (message: MessageEvent) => {
      const event = parseFeedEvent(String(message.data));
      if (event) handlers.onEvent(event);
    };
    handlers.onStatus?.('connecting');
    options.getToken().then(
      (token) => {
        if (closed) return;
        // SSE cannot carry headers, so the feed takes the token in the query (contracts.md).
        source = open(url(`/api/feed?access_token=${encodeURIComponent(token)}`));
        source.onopen = () => handlers.onStatus?.('open');
        source.onerror = () => handlers.onStatus?.('error');
        source.onmessage = deliver;
        for (const type of FEED_TYPES) source.addEventListener(type, deliver);
      },
      () => handlers.onStatus?.('error'),
    );
    return () => {
      closed = true;
      source?.close();
    };
  }

  return {
    getChannel: () => request<ChannelInfo>('/api/channel?host=outlook'),
    getQuota: () => request<QuotaInfo>('/api/quota?host=outlook'),
    listTemplates: () => request<{ templates: Template[] }>('/api/templates').then((r) => r.templates),
    getTemplateAnalytics: (id) =>
      request<TemplateAnalytics>(`/api/templates/${encodeURIComponent(id)}/analytics`),
    createSend: (body: SendRequest) =>
      request<{ send: SendAccepted }>('/api/sends', { method: 'POST', body: JSON.stringify(body) }).then(
        (r) => r.send,
      ),
    subscribeFeed,
  };
}
