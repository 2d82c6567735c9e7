import type { FeedEvent, FeedHandlers, Unsubscribe } from './types';

export interface EventSourceLike {
  readonly readyState: number;
  onopen: ((ev: Event) => unknown) | null;
  onerror: ((ev: Event) => unknown) | null;
  onmessage: ((ev: MessageEvent) => unknown) | null;
  addEventListener(type: string, listener: (ev: MessageEvent) => void): void;
  close(): void;
}

export interface FeedConnection {
  getToken: () => Promise<string>;
  /** The feed URL for a token: SSE cannot carry headers, so the token rides in the query (contracts.md). */
  urlFor: (token: string) => string;
  open: (url: string) => EventSourceLike;
  reconnectDelayMs: number;
}

const CLOSED = 2; // EventSource.CLOSED
/** Named SSE events, in case the server tags them; untagged ones arrive through `onmessage`. */
const FEED_TYPES = [
  'send.queued',
  'send.rescheduled',
  'send.submitted',
  'send.failed',
  'bounce',
  'throttle.paused',
  'throttle.resumed',
];

const text = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

/**
 * Core's `FeedEvent` from the SSE data, or null for anything that is not one. Lenient about the
 * optional parts (an older or newer server), strict about what the feed folds on: id, type, time.
 */
function parseFeedEvent(data: string): FeedEvent | null {
  try {
    const raw = JSON.parse(data) as Record<string, unknown>;
    if (typeof raw.id !== 'number' || typeof raw.type !== 'string' || typeof raw.at !== 'string') return null;
    const detail = raw.detail && typeof raw.detail === 'object' ? raw.detail : {};
    return {
      id: raw.id,
      type: raw.type as FeedEvent['type'],
      at: raw.at,
      ...(typeof raw.userId === 'string' ? { userId: raw.userId } : {}),
      sendId: text(raw.sendId),
      recipient: text(raw.recipient),
      templateId: text(raw.templateId),
      detail: detail as FeedEvent['detail'],
    };
  } catch {
    return null;
  }
}

/**
 * Keeps one EventSource open. The browser retries dropped connections itself; when the server refuses
 * one (say the token in the URL expired) the source closes for good, so we start over with a fresh token.
 */
export function subscribeFeed(connection: FeedConnection, handlers: FeedHandlers): Unsubscribe {
  let source: EventSourceLike | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  const deliver = (message: MessageEvent) => {
    const event = parseFeedEvent(String(message.data));
    if (event) handlers.onEvent(event);
  };
  const retry = () => {
    if (!closed) retryTimer = setTimeout(connect, connection.reconnectDelayMs);
  };
  const attach = (opened: EventSourceLike) => {
    opened.onopen = () => handlers.onStatus?.('open');
    opened.onerror = () => {
      handlers.onStatus?.('error');
      if (opened.readyState === CLOSED) retry();
    };
    opened.onmessage = deliver;
    for (const type of FEED_TYPES) opened.addEventListener(type, deliver);
  };
  function connect() {
    handlers.onStatus?.('connecting');
    connection.getToken().then(
      (token) => {
        if (closed) return;
        source?.close();
        source = connection.open(connection.urlFor(token));
        attach(source);
      },
      () => {
        handlers.onStatus?.('error');
        retry();
      },
    );
  }
  connect();
  return () => {
    closed = true;
    clearTimeout(retryTimer);
    source?.close();
  };
}
